package loopline.ui.chart;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import javafx.geometry.Dimension2D;
import javafx.geometry.Side;
import javafx.scene.chart.ValueAxis;
import javafx.scene.text.Font;

/**
 * A fixed-range number axis whose ticks {@link AxisScale} chooses: JavaFX's NumberAxis steps linearly
 * and then hides whichever labels collide, which on a log axis skipped decades unevenly
 * ("$10k, $1M, $10M, $1B"). Values are in axis units (log10 of the data on a log axis); labels are in the
 * data's units.
 */
final class ScaleAxis extends ValueAxis<Number> {
    private DoubleFunction<String> format = Double::toString;
    private boolean log;
    private List<Double> minor = List.of();
    /**
     * A slider move lays every axis out again, often over the same range, and each choice of ticks measures labels
     * (a text layout each): remember the last choice, and each label's size, until the font changes.
     */
    private static final int MEASURED_LABELS_KEPT = 512;
    private final Map<String, Dimension2D> labelSizes = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Dimension2D> eldest) {
            return size() > MEASURED_LABELS_KEPT;
        }
    };
    /** Tick labels by axis value, for the current format: formatting a figure is not free either. */
    private final Map<Double, String> labels = new HashMap<>();
    private DoubleFunction<String> labelsFormattedWith;
    private Font measuredWith;
    private TickChoice lastChoice;

    /** What decides the ticks: the same inputs choose the same ticks. */
    private record TickInputs(double lower, double upper, double length, boolean log, DoubleFunction<String> format, Side side) {
    }

    private record TickChoice(TickInputs inputs, List<Number> major, List<Double> minor) {
    }

    ScaleAxis() {
        setAutoRanging(false);
        setAnimated(false);
        setMinorTickVisible(true);
        // larger text (Presenter, a wide screen) fits fewer labels: choose the ticks again even if nothing else changed
        tickLabelFontProperty().addListener((o, was, now) -> invalidateRange());
    }

    /** Shows [min, max] of the data (data units) and labels ticks with {@code newFormat}. */
    void show(double min, double max, boolean newLog, boolean pad, DoubleFunction<String> newFormat) {
        format = newFormat;
        if (newLog != log) {
            log = newLog;
            invalidateRange();
        }
        AxisScale.Range r = AxisScale.range(min, max, log, pad);
        setLowerBound(r.lower());
        setUpperBound(r.upper());
    }

    boolean log() {
        return log;
    }

    /** The data's value for an axis value: undoes the log10 on a log axis. */
    double dataValue(double axisValue) {
        return AxisScale.fromAxis(axisValue, log);
    }

    String label(double dataValue) {
        return format.apply(dataValue);
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] bounds = (double[]) range;
        forgetMeasuresIfTheFontChanged();
        TickInputs inputs = new TickInputs(bounds[0], bounds[1], length, log, format, getSide());
        if (lastChoice == null || !lastChoice.inputs().equals(inputs)) {
            AxisScale.Ticks ticks = AxisScale.ticks(bounds[0], bounds[1], log, length, this::labelExtent);
            lastChoice = new TickChoice(inputs, List.copyOf(ticks.major()), List.copyOf(ticks.minor()));
        }
        minor = lastChoice.minor();
        return lastChoice.major();
    }

    private void forgetMeasuresIfTheFontChanged() {
        if (getTickLabelFont() != measuredWith) {
            measuredWith = getTickLabelFont();
            labelSizes.clear();
            lastChoice = null;
        }
    }

    /** A label's size along the axis: its width under the plot, its height beside it. */
    private double labelExtent(double axisValue) {
        Dimension2D size = labelSize(getTickMarkLabel(axisValue));
        return getSide().isVertical() ? size.getHeight() : size.getWidth();
    }

    /** Each label text is measured once (a text layout), until the font changes. */
    private Dimension2D labelSize(String text) {
        String key = getTickLabelRotation() + ":" + text;
        Dimension2D known = labelSizes.get(key);
        if (known == null) {
            known = measureTickMarkLabelSize(text, getTickLabelRotation());
            labelSizes.put(key, known);
        }
        return known;
    }

    /** What JavaFX asks for every tick on every size query and layout: answered from the measured labels. */
    @Override
    protected Dimension2D measureTickMarkSize(Number value, Object range) {
        forgetMeasuresIfTheFontChanged();
        return labelSize(getTickMarkLabel(value));
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.copyOf(minor);
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        if (labelsFormattedWith != format || labels.size() > MEASURED_LABELS_KEPT) {
            labelsFormattedWith = format;
            labels.clear();
        }
        return labels.computeIfAbsent(value.doubleValue(), v -> format.apply(dataValue(v)));
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound()};
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] bounds = (double[]) range;
        setLowerBound(bounds[0]);
        setUpperBound(bounds[1]);
        currentLowerBound.set(bounds[0]);
        double length = getSide() != null && getSide().isVertical() ? getHeight() : getWidth();
        setScale(calculateNewScale(length, bounds[0], bounds[1]));
    }

    @Override
    protected Object autoRange(double minValue, double maxValue, double length, double labelSize) {
        return getRange(); // never auto-ranges: the view sets the range from the data it shows
    }
}
