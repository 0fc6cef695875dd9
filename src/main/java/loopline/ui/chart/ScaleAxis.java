package loopline.ui.chart;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import javafx.geometry.Dimension2D;
import javafx.scene.chart.ValueAxis;

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

    ScaleAxis() {
        setAutoRanging(false);
        setAnimated(false);
        setMinorTickVisible(true);
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
        // each choice re-measures the same labels: measure each once (a text layout per label)
        Map<Double, Double> measured = new HashMap<>();
        AxisScale.Ticks ticks = AxisScale.ticks(bounds[0], bounds[1], log, length,
                v -> measured.computeIfAbsent(v, this::labelExtent));
        minor = ticks.minor();
        return List.copyOf(ticks.major());
    }

    /** A label's size along the axis: its width under the plot, its height beside it. */
    private double labelExtent(double axisValue) {
        Dimension2D size = measureTickMarkLabelSize(getTickMarkLabel(axisValue), getTickLabelRotation());
        return getSide().isVertical() ? size.getHeight() : size.getWidth();
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.copyOf(minor);
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return format.apply(dataValue(value.doubleValue()));
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
