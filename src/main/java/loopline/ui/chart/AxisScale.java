package loopline.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Readable axis ranges and where their ticks go. Log axes are drawn over log10 of the data (JavaFX has no
 * log axis): the range is whole decades and the labelled ticks are every decade, or every 2nd, 3rd, 5th…
 * decade when the labels would otherwise collide, never an uneven mix. Linear axes start at zero and step
 * by 1, 2 or 5 times a power of ten. Pure functions of the range, the axis length and the labels' sizes,
 * so the choice is tested without a window.
 */
final class AxisScale {
    /** Free space between two neighbouring tick labels, in pixels. */
    static final double LABEL_GAP = 8;
    /** Steps between labelled decades, tried in turn until the labels fit. */
    private static final int[] DECADE_STEPS = {1, 2, 3, 5, 10, 20, 50, 100};
    /** Below this many pixels per decade, minor ticks at 2 and 5 would blur into the decade tick. */
    private static final double MIN_PIXELS_FOR_MINOR = 28;
    private static final double[] ONE_TWO_FIVE = {1, 2, 5};
    private static final double EPS = 1e-9;

    private AxisScale() {
    }

    /** Labelled ticks and unlabelled minor ones, in axis units (log10 of the value on a log axis). */
    record Ticks(List<Double> major, List<Double> minor) {
    }

    /** A range in axis units. */
    record Range(double lower, double upper) {
    }

    static double toAxis(double v, boolean log) {
        return log ? Math.log10(Math.max(v, 1e-300)) : v;
    }

    static double fromAxis(double a, boolean log) {
        return log ? Math.pow(10, a) : a;
    }

    /**
     * The axis range for data in [min, max]: whole decades on a log axis; from zero to a round number
     * above the data on a linear one.
     *
     * @param pad leave headroom above the data (y axes); an x axis ends where the data ends
     */
    static Range range(double min, double max, boolean log, boolean pad) {
        if (log) {
            double lo = Math.floor(toAxis(min, true) + EPS);
            double hi = Math.ceil(toAxis(max, true) - EPS);
            return new Range(lo, hi <= lo ? lo + 1 : hi);
        }
        double top = max <= 0 ? 1 : pad ? niceCeil(max * 1.08) : max;
        return new Range(0, top);
    }

    /**
     * The ticks for an axis of {@code length} pixels over [lower, upper] (axis units), given each label's
     * size along the axis. The densest evenly spaced choice whose labels do not touch.
     */
    static Ticks ticks(double lower, double upper, boolean log, double length, DoubleUnaryOperator labelExtent) {
        if (!(upper > lower) || !(length > 0)) {
            return new Ticks(List.of(lower), List.of());
        }
        return log ? logTicks(lower, upper, length, labelExtent) : linearTicks(lower, upper, length, labelExtent);
    }

    private static Ticks logTicks(double lower, double upper, double length, DoubleUnaryOperator extent) {
        double pixelsPerDecade = length / (upper - lower);
        List<Double> oneTwoFive = new ArrayList<>();
        for (double d = Math.floor(lower); d <= upper; d++) {
            for (double m : ONE_TWO_FIVE) {
                addInside(oneTwoFive, d + Math.log10(m), lower, upper);
            }
        }
        if (fits(oneTwoFive, lower, upper, length, extent)) {
            return new Ticks(oneTwoFive, List.of());
        }
        long first = (long) Math.ceil(lower - EPS);
        long last = (long) Math.floor(upper + EPS);
        for (int step : DECADE_STEPS) {
            List<Double> major = new ArrayList<>();
            List<Double> minor = new ArrayList<>();
            for (long d = first; d <= last; d++) {
                if (Math.floorMod(d, step) == 0) {
                    major.add((double) d);
                } else {
                    minor.add((double) d);
                }
            }
            if (major.size() >= 2 && fits(major, lower, upper, length, extent)) {
                if (step == 1 && pixelsPerDecade >= MIN_PIXELS_FOR_MINOR) {
                    for (double d = Math.floor(lower); d <= upper; d++) {
                        addInside(minor, d + Math.log10(2), lower, upper);
                        addInside(minor, d + Math.log10(5), lower, upper);
                    }
                }
                return new Ticks(major, minor);
            }
        }
        return new Ticks(List.of((double) first), List.of()); // room for one label only
    }

    private static Ticks linearTicks(double lower, double upper, double length, DoubleUnaryOperator extent) {
        double step = niceStep((upper - lower) / 12);
        for (int tries = 0; tries < 40; tries++, step = nextNiceStep(step)) {
            List<Double> major = new ArrayList<>();
            for (long k = (long) Math.ceil(lower / step - EPS); k * step <= upper + step * EPS; k++) {
                major.add(k * step);
            }
            if (fits(major, lower, upper, length, extent)) {
                return new Ticks(major, List.of());
            }
        }
        return new Ticks(List.of(lower), List.of());
    }

    private static void addInside(List<Double> ticks, double v, double lower, double upper) {
        if (v >= lower - EPS && v <= upper + EPS) {
            ticks.add(v);
        }
    }

    /** True when every two neighbouring labels keep {@link #LABEL_GAP} between them. */
    static boolean fits(List<Double> ticks, double lower, double upper, double length, DoubleUnaryOperator extent) {
        double pixelsPerUnit = length / (upper - lower);
        for (int i = 1; i < ticks.size(); i++) {
            double apart = (ticks.get(i) - ticks.get(i - 1)) * pixelsPerUnit;
            double needed = (extent.applyAsDouble(ticks.get(i)) + extent.applyAsDouble(ticks.get(i - 1))) / 2 + LABEL_GAP;
            if (apart < needed - 1e-6) {
                return false;
            }
        }
        return true;
    }

    /** The smallest of 1, 2 or 5 times a power of ten that is at least {@code raw}. */
    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 + EPS ? 1 : f <= 2 + EPS ? 2 : f <= 5 + EPS ? 5 : 10;
        return nice * magnitude;
    }

    /** The next step up in 1, 2, 5, 10, 20, 50… */
    static double nextNiceStep(double step) {
        return niceStep(step * 1.5);
    }

    static double niceCeil(double v) {
        double step = niceStep(v / 5);
        return Math.ceil(v / step - EPS) * step;
    }
}
