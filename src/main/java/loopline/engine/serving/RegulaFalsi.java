package loopline.engine.serving;

import java.util.function.DoubleUnaryOperator;

/**
 * Narrows a bracket [lo, hi] of a margin that is positive at lo and not at hi: the Illinois variant of regula falsi
 * (the secant through the ends' margins, halving the margin of an end that stays put twice), which lands in a handful
 * of evaluations where bisection takes twenty. A margin that is NaN (no figure to aim by: a rate past the edge where the
 * step time stops keeping up) counts as not positive and leaves no secant; the step then halves the bracket, as it does
 * when the secant would leave the bracket or the bracket did not halve over two tries. The serving solver's three
 * searches share it: a step's time at a traffic, a replica's saturation, and its capacity under the targets.
 */
final class RegulaFalsi {
    /** Whether the bracket is narrow enough to stop. */
    @FunctionalInterface
    interface Converged {
        boolean at(double lo, double hi);
    }

    /** The ends after the search: lo, where the margin is positive, and hi, where it is not. */
    record Bracket(double lo, double hi) {
    }

    private RegulaFalsi() {
    }

    static Bracket narrow(DoubleUnaryOperator margin, double lo, double marginLo, double hi, double marginHi, int maxSteps,
                          Converged converged) {
        int kept = 0; // +1: hi moved last, −1: lo moved last
        double width = hi - lo;
        for (int i = 0; i < maxSteps && !converged.at(lo, hi); i++) {
            double secant = hi - marginHi * (hi - lo) / (marginHi - marginLo);
            boolean stalled = i % 2 == 1 && hi - lo > width / 2;
            if (i % 2 == 1) {
                width = hi - lo;
            }
            double mid = secant > lo && secant < hi && !stalled ? secant : 0.5 * (lo + hi);
            double m = margin.applyAsDouble(mid);
            if (m > 0) {
                lo = mid;
                marginLo = m;
                if (kept == -1) {
                    marginHi /= 2;
                }
                kept = -1;
            } else {
                hi = mid;
                marginHi = m;
                if (kept == 1) {
                    marginLo /= 2;
                }
                kept = 1;
            }
        }
        return new Bracket(lo, hi);
    }
}
