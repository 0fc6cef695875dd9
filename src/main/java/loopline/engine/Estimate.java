package loopline.engine;

import loopline.engine.economics.ApiComparison;
import loopline.engine.economics.ApiOffer;
import loopline.engine.economics.Economics;
import loopline.engine.economics.ServingCost;
import loopline.engine.economics.ServingEnergy;
import loopline.engine.economics.TrainingEnergy;
import loopline.engine.serving.Disaggregation;
import loopline.engine.serving.InferenceMemory;
import loopline.engine.serving.InferenceSpeed;
import loopline.engine.serving.ServingModel;
import loopline.engine.serving.ServingPlan;
import loopline.engine.serving.ReplicaShape;
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

    /**
     * What the training run costs: its GPU-hours at the $/GPU-hour, plus, for owned GPUs, the electricity it draws (a
     * rented GPU-hour already pays for it).
     */
    public double trainingCostUsd() {
        return trainingCostUsd(trainingRun, trainingEnergy, scenario.economics());
    }

    static double trainingCostUsd(TrainingRun run, TrainingEnergy energy, Economics economics) {
        return run.costUsd() + (economics.electricityBilledApart() ? energy.electricityUsd() : 0);
    }

    /**
     * The monthly serving bill at another traffic level: the cheapest shape's, 0 when nothing fits (no bill). Owned GPUs
     * add their electricity at this estimate's draw per GPU (a fleet sized for other traffic runs about as loaded).
     */
    public double monthlyServingCostAt(double requestsPerDay) {
        if (!serving.servable()) {
            return 0;
        }
        return withElectricity(servingPlan.options(peakAt(requestsPerDay)).get(0).monthlyCostUsd());
    }

    /** The monthly bill of one replica shape at another traffic level, electricity as {@link #monthlyServingCostAt(double)}. */
    public double monthlyServingCostAt(ReplicaShape shape, double requestsPerDay) {
        return withElectricity(servingPlan.cost(shape, peakAt(requestsPerDay)));
    }

    /** A month of other serving GPUs (a shape, a prefill/decode split) as this bill counts it: owned, with their electricity. */
    public double withElectricity(double monthlyGpuCostUsd) {
        return monthlyGpuCostUsd * (1 + electricityOverGpuCost());
    }

    private double peakAt(double requestsPerDay) {
        return ServingModel.peakRequestsPerSecond(requestsPerDay, scenario.inference().peakToAverage());
    }

    /** Owned GPUs' electricity over their own cost, both in proportion to the GPUs (0 when renting: the price includes it). */
    private double electricityOverGpuCost() {
        return serving.monthlyGpuCostUsd() > 0 ? serving.monthlyElectricityUsd() / serving.monthlyGpuCostUsd() : 0;
    }
}
