package loopline.ui.chart;

import java.util.function.DoubleFunction;
import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/**
 * Fixed, readable axis ranges. Log axes are drawn as a linear axis over log10 of the data (JavaFX has no
 * log axis) with ticks at whole decades labelled in the data's units; linear axes start at zero and end
 * on a round number.
 */
final class AxisScale {
    private AxisScale() {
    }

    static double toAxis(double v, boolean log) {
        return log ? Math.log10(Math.max(v, 1e-300)) : v;
    }

    /** Sets bounds, tick unit and labels so [min, max] of the data fits with a little room. */
    static void apply(NumberAxis axis, double min, double max, boolean log, DoubleFunction<String> format) {
        apply(axis, min, max, log, format, true);
    }

    /** @param pad leave headroom above the data (y axes); an x axis ends where the data ends */
    static void apply(NumberAxis axis, double min, double max, boolean log, DoubleFunction<String> format, boolean pad) {
        axis.setAutoRanging(false);
        axis.setMinorTickVisible(false);
        if (log) {
            double lo = Math.floor(Math.log10(Math.max(min, 1e-300)));
            double hi = Math.ceil(Math.log10(Math.max(max, 1e-300)));
            if (hi <= lo) {
                hi = lo + 1;
            }
            axis.setLowerBound(lo);
            axis.setUpperBound(hi);
            axis.setTickUnit(Math.max(1, Math.ceil((hi - lo) / 7)));
            axis.setTickLabelFormatter(converter(v -> format.apply(Math.pow(10, v))));
        } else {
            double top = max <= 0 ? 1 : pad ? niceCeil(max * 1.08) : max;
            axis.setLowerBound(0);
            axis.setUpperBound(top);
            axis.setTickUnit(niceStep(top / 5));
            axis.setTickLabelFormatter(converter(format));
        }
    }

    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    static double niceCeil(double v) {
        double step = niceStep(v / 5);
        return Math.ceil(v / step) * step;
    }

    private static StringConverter<Number> converter(DoubleFunction<String> format) {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return format.apply(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
