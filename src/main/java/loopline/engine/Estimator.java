package loopline.engine;

/** The engine's entry point: a scenario in, an estimate out. Pure, no I/O, safe from any thread. */
public final class Estimator {

    private Estimator() {
    }

    public static Estimate estimate(Scenario s) {
        ModelArchitecture model = s.model();
        TrainingMemory trainingMemory = TrainingMemory.of(model, s.training());
        TrainingRun run = TrainingRun.of(model, s.training());
        ServingModel.Result serving = ServingModel.evaluate(model, s.inference());
        ServingCost cost = ServingCost.of(s.inference(), serving, run.costUsd(), s.horizonMonths());
        return new Estimate(s, model.totalParameters(), model.activeParameters(), trainingMemory, run,
                serving.memory(), serving.speed(), cost, serving.plan(), null);
    }

    /** The estimate with the API price to beat: what the cheapest of {@code offers} would charge for the same traffic. */
    public static Estimate estimate(Scenario s, java.util.List<ApiOffer> offers) {
        return estimate(s).withApiOffers(offers);
    }
}
