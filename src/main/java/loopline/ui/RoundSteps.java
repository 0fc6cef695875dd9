package loopline.ui;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Where an arrow key takes a slider's value: on a log slider a step doubles or halves it (a big step: ×10 or ÷10), so
 * "what if traffic doubles?" is one key; on a linear slider a step is a round fiftieth of the track. Either way the
 * result is rounded to two significant figures (a linear step: to the step), so stepping from an odd value lands on
 * a round one: 1,234 doubles to 2,500, 20M to 40M.
 */
final class RoundSteps {
    private RoundSteps() {
    }

    /** The value {@code steps} steps (negative: down) from {@code v}, kept within {@code [min, max]}. */
    static double step(double v, int steps, boolean big, boolean log, double min, double max) {
        double next = log ? logStep(v, steps, big) : linearStep(v, steps, big, max - min);
        return Math.max(min, Math.min(max, next));
    }

    private static double logStep(double v, int steps, boolean big) {
        double factor = Math.pow(big ? 10 : 2, steps);
        return twoFigures(v * factor);
    }

    private static double linearStep(double v, int steps, boolean big, double span) {
        double unit = roundStep(span / 50);
        return Math.round((v + steps * unit * (big ? 10 : 1)) / unit) * unit;
    }

    /** The 1-2-5 number nearest below {@code raw}: 0.012 → 0.01, 37 → 20. */
    static double roundStep(double raw) {
        double decade = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / decade;
        return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * decade;
    }

    private static double twoFigures(double v) {
        return v <= 0 || !Double.isFinite(v) ? v : new BigDecimal(v).round(new MathContext(2)).doubleValue();
    }
}
