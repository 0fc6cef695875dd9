package loopline.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How far an estimate can move when the uncertain inputs ({@link Uncertainty}) move: the likely estimate and four
 * corners — each side (training, serving) at its optimistic or pessimistic end, in every combination, so that a
 * figure mixing both sides (break-even, training cost per request) reaches its extremes too. Every figure is
 * monotone in each input on one side, so its range is the spread over these five estimates.
 */
public record EstimateRange(Estimate likely, List<Estimate> corners) {

    public static EstimateRange of(Estimate likely) {
        Scenario s = likely.scenario();
        List<Estimate> corners = new ArrayList<>();
        for (boolean trainingOptimistic : new boolean[] {true, false}) {
            Scenario t = Uncertainty.corner(s, Uncertainty.Side.TRAINING, trainingOptimistic);
            for (boolean servingOptimistic : new boolean[] {true, false}) {
                corners.add(Estimator.estimate(Uncertainty.corner(t, Uncertainty.Side.SERVING, servingOptimistic)));
            }
        }
        return new EstimateRange(likely, List.copyOf(corners));
    }

    /** {low, high} of one figure: it always holds the likely value. */
    public double[] of(ToDoubleFunction<Estimate> figure) {
        double likelyValue = figure.applyAsDouble(likely);
        double low = likelyValue;
        double high = likelyValue;
        for (Estimate c : corners) {
            double v = figure.applyAsDouble(c);
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        return new double[] {low, high};
    }
}
