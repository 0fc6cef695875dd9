package loopline.present;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How a key figure moved from a baseline scenario to the current one, in words for a card: "+$1.2M (+45%)",
 * "−3.5 days (−12%)", "no change", and whether that is for the better where the figure has a direction.
 *
 * @param text  the change as people read it
 * @param sign  −1, 0 or +1: which way the amount moved (0 also when the two cannot be compared)
 * @param effect better, worse, or neither (no direction, no change, or nothing to compare)
 */
public record Change(String text, int sign, Effect effect) {
    /** Past this many times the baseline, a ratio reads better than a percentage: "×150", not "+14,900%". */
    private static final double RATIO_FROM = 100;

    public enum Effect {
        BETTER, WORSE, NEUTRAL;

        /** The card's style class for this effect. */
        public String styleClass() {
            return "change-" + name().toLowerCase(Locale.ROOT);
        }
    }

    public static Change between(KeyFigure before, KeyFigure after) {
        double was = before.amount();
        double now = after.amount();
        if (!Double.isFinite(was) || !Double.isFinite(now)) {
            return Double.isFinite(was) == Double.isFinite(now)
                    ? new Change("no change", 0, Effect.NEUTRAL)
                    : new Change("was " + before.value(), 0, Effect.NEUTRAL); // one side has no figure ("—")
        }
        double difference = now - was;
        // what reads the same on both cards did not change, however many digits below the display it moved
        if (difference == 0 || before.value().equals(after.value())) {
            return new Change("no change", 0, Effect.NEUTRAL);
        }
        int sign = difference > 0 ? 1 : -1;
        String amount = signed(sign) + after.measure().format(Math.abs(difference));
        String relative = relative(was, now, sign);
        return new Change(relative.isEmpty() ? amount : amount + " (" + relative + ")", sign, effect(after.better(), sign));
    }

    /** "+45%", "−0.5%", "×150" or "÷20"; empty from a baseline of zero, which no percentage describes. */
    private static String relative(double was, double now, int sign) {
        if (was == 0 || Math.signum(was) != Math.signum(now) && now != 0) {
            return "";
        }
        double ratio = now / was;
        if (ratio >= RATIO_FROM) {
            return "×" + Format.formatNumber(ratio);
        }
        if (ratio > 0 && ratio <= 1 / RATIO_FROM) {
            return "÷" + Format.formatNumber(1 / ratio);
        }
        double percent = Math.abs(ratio - 1) * 100;
        String digits = percent >= 10 ? String.format(Locale.ROOT, "%,.0f", percent) : Format.formatNumber(twoFigures(percent));
        return signed(sign) + digits + "%";
    }

    private static double twoFigures(double v) {
        return new BigDecimal(v).round(new MathContext(2)).doubleValue();
    }

    private static String signed(int sign) {
        return sign > 0 ? "+" : "−";
    }

    private static Effect effect(KeyFigure.Better better, int sign) {
        return switch (better) {
            case LOWER -> sign < 0 ? Effect.BETTER : Effect.WORSE;
            case HIGHER -> sign > 0 ? Effect.BETTER : Effect.WORSE;
            case NEITHER -> Effect.NEUTRAL;
        };
    }
}
