package loopline.engine;

import loopline.engine.economics.ApiComparison;
import loopline.engine.economics.ApiOffer;
import loopline.engine.economics.ServingCost;
import loopline.engine.economics.ServingEnergy;
import loopline.engine.economics.TrainingEnergy;
import loopline.engine.serving.Disaggregation;
import loopline.engine.serving.InferenceMemory;
import loopline.engine.serving.InferenceSpeed;
import loopline.engine.serving.ServingModel;
import loopline.engine.serving.ServingPlan;
import loopline.engine.training.TrainingMemory;
import loopline.engine.training.TrainingRun;

/**
 * Everything the engine says about one scenario. {@code disaggregation}, the cheapest prefill/decode split to compare
 * with, is worked out for the likely estimate only (null in the ranges' corners, and where it does not apply).
 */
public record Estimate(
        Scenario scenario,
        double totalParameters,
        double activeParameters,
        TrainingMemory trainingMemory,
        TrainingRun trainingRun,
        InferenceMemory inferenceMemory,
        InferenceSpeed inferenceSpeed,
        ServingCost serving,
        ServingPlan servingPlan,
        TrainingEnergy trainingEnergy,
        ServingEnergy servingEnergy,
        Disaggregation disaggregation,
        ApiComparison api) {

    /** The same estimate compared with the model's listed API prices (none: no comparison). */
    public Estimate withApiOffers(java.util.List<ApiOffer> offers) {
        return new Estimate(scenario, totalParameters, activeParameters, trainingMemory, trainingRun, inferenceMemory,
                inferenceSpeed, serving, servingPlan, trainingEnergy, servingEnergy, disaggregation, ApiComparison.of(this, offers));
    }

    /** The same estimate with the cheapest prefill/decode split to compare with (null: none computed). */
    public Estimate withDisaggregation(Disaggregation split) {
        return new Estimate(scenario, totalParameters, activeParameters, trainingMemory, trainingRun, inferenceMemory,
                inferenceSpeed, serving, servingPlan, trainingEnergy, servingEnergy, split, api);
    }

    /** The monthly serving bill at another traffic level: the cheapest shape's, 0 when nothing fits (no bill). */
    public double monthlyServingCostAt(double requestsPerDay) {
        if (!serving.servable()) {
            return 0;
        }
        double peak = ServingModel.peakRequestsPerSecond(requestsPerDay, scenario.inference().peakToAverage());
        return servingPlan.options(peak).get(0).monthlyCostUsd();
    }
}
