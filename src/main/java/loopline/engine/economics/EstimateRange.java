package loopline.engine.economics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import loopline.engine.Scenario;
import loopline.engine.model.ModelArchitecture;
import loopline.engine.serving.ServingModel;
import loopline.engine.training.TrainingMemory;
import loopline.engine.training.TrainingRun;

/**
 * How far an estimate can move when the uncertain inputs ({@link Uncertainty}) move: the likely estimate and four
 * corners — each side (training, serving) at its optimistic or pessimistic end, in every combination, so that a
 * figure mixing both sides (break-even, training cost per request) reaches its extremes too. Every figure is
 * monotone in each input on one side, so its range is the spread over these five estimates.
 */
public record EstimateRange(Estimate likely, List<Estimate> corners) {

    /**
     * Each side's inputs touch only that side, so the two training ends and the two serving ends are evaluated
     * once each and combined: four corners for the price of two trainings and two serving solves.
     */
    public static EstimateRange of(Estimate likely) {
        Scenario s = likely.scenario();
        ModelArchitecture model = s.model();
        boolean[] ends = {true, false};
        ServingModel.Result[] serving = new ServingModel.Result[2];
        Scenario[] servingEnds = new Scenario[2];
        for (int i = 0; i < 2; i++) {
            servingEnds[i] = Uncertainty.corner(s, Uncertainty.Side.SERVING, ends[i]);
            serving[i] = ServingModel.evaluate(model, servingEnds[i].inference());
        }
        List<Estimate> corners = new ArrayList<>();
        for (boolean trainingOptimistic : ends) {
            Scenario t = Uncertainty.corner(s, Uncertainty.Side.TRAINING, trainingOptimistic);
            TrainingMemory memory = TrainingMemory.of(model, t.training());
            TrainingRun run = TrainingRun.of(model, t.training());
            for (int i = 0; i < 2; i++) {
                corners.add(Estimator.assemble(t.withInference(servingEnds[i].inference()), memory, run, serving[i]));
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
