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

    /**
     * Sets bounds and tick unit so [min, max] of the data fits. Tick labels come from a converter installed
     * once per axis ({@link #install}): replacing it on every update would rebuild every tick label.
     *
     * @param pad leave headroom above the data (y axes); an x axis ends where the data ends
     */
    static void apply(NumberAxis axis, double min, double max, boolean log, boolean pad) {
        if (log) {
            double lo = Math.floor(Math.log10(Math.max(min, 1e-300)));
            double hi = Math.ceil(Math.log10(Math.max(max, 1e-300)));
            if (hi <= lo) {
                hi = lo + 1;
            }
            axis.setLowerBound(lo);
            axis.setUpperBound(hi);
            axis.setTickUnit(Math.max(1, Math.ceil((hi - lo) / 7)));
        } else {
            double top = max <= 0 ? 1 : pad ? niceCeil(max * 1.08) : max;
            axis.setLowerBound(0);
            axis.setUpperBound(top);
            axis.setTickUnit(niceStep(top / 5));
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

    /** A fixed-range axis whose tick labels ask {@code labels} for the current format and scale. */
    static void install(NumberAxis axis, Labels labels) {
        axis.setAutoRanging(false);
        axis.setMinorTickVisible(false);
        axis.setAnimated(false);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return labels.format().apply(labels.log() ? Math.pow(10, n.doubleValue()) : n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
    }

    /** How an axis labels its ticks right now: in the data's units, on a log or a linear scale. */
    static final class Labels {
        private DoubleFunction<String> format = Double::toString;
        private boolean log;

        DoubleFunction<String> format() {
            return format;
        }

        boolean log() {
            return log;
        }

        void set(DoubleFunction<String> newFormat, boolean newLog) {
            format = newFormat;
            log = newLog;
        }
    }
}
