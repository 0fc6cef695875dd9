package loopline.engine;

import java.util.List;

/** Everything the engine says about one scenario. */
public record Estimate(
        Scenario scenario,
        double totalParameters,
        double activeParameters,
        TrainingMemory trainingMemory,
        TrainingRun trainingRun,
        InferenceMemory inferenceMemory,
        InferenceSpeed inferenceSpeed,
        ServingCost serving,
        List<String> warnings) {

    /** Cumulative spend after {@code months} of serving: training once, then the monthly serving bill. */
    public double lifetimeCostUsd(double months) {
        return trainingRun.costUsd() + serving.monthlyCostUsd() * months;
    }
}
