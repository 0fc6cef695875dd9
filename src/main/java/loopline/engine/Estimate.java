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
        ServingCost serving) {

    /** What the user must know: runs that do not fit, a missed speed target, a GPU lacking a format. Built on demand. */
    public List<String> warnings() {
        return Warnings.of(this);
    }
}
