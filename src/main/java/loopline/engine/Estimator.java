package loopline.engine;

import loopline.engine.economics.ApiOffer;
import loopline.engine.economics.ServingCost;
import loopline.engine.economics.ServingEnergy;
import loopline.engine.economics.TrainingEnergy;
import loopline.engine.model.ModelArchitecture;
import loopline.engine.serving.Disaggregation;
import loopline.engine.serving.ServingModel;
import loopline.engine.training.TrainingMemory;
import loopline.engine.training.TrainingRun;

/** The engine's entry point: a scenario in, an estimate out. Pure, no I/O, safe from any thread. */
public final class Estimator {

    private Estimator() {
    }

    public static Estimate estimate(Scenario s) {
        ModelArchitecture model = s.model();
        Estimate e = assemble(s, TrainingMemory.of(model, s.training()), TrainingRun.of(model, s.training()),
                ServingModel.evaluate(model, s.inference()));
        return e.serving().servable() ? e.withDisaggregation(Disaggregation.cheapest(model, s.inference())) : e;
    }

    /**
     * An estimate from its two sides, computed apart: training depends only on the training setup and serving
     * only on the serving setup, so callers that vary one side (the ranges' corners) reuse the other.
     */
    public static Estimate assemble(Scenario s, TrainingMemory trainingMemory, TrainingRun run, ServingModel.Result serving) {
        TrainingEnergy trainingEnergy = TrainingEnergy.of(s.model(), s.training(), run, s.energy());
        ServingEnergy servingEnergy = ServingEnergy.of(s.inference(), serving, trainingEnergy, s.economics().horizonMonths(), s.energy());
        double trainingCost = Estimate.trainingCostUsd(run, trainingEnergy, s.economics());
        ServingCost cost = ServingCost.of(s.inference(), serving, trainingCost, s.economics(), servingEnergy.monthlyElectricityUsd());
        return new Estimate(s, s.model().totalParameters(), s.model().activeParameters(), trainingMemory, run,
                serving.memory(), serving.speed(), cost, serving.plan(), trainingEnergy, servingEnergy, null, null);
    }

    /** The estimate with the API price to beat: what the cheapest of {@code offers} would charge for the same traffic. */
    public static Estimate estimate(Scenario s, java.util.List<ApiOffer> offers) {
        return estimate(s).withApiOffers(offers);
    }
}
