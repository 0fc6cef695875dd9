package loopline.engine;

/**
 * How the model is trained: hardware, numerics, parallelism, workload and efficiency. Built and edited
 * field by field through {@link ScenarioFields}, never by listing every component.
 */
public record TrainingSetup(
        Gpu gpu,
        int gpuCount,
        Precision precision,
        Optimizer optimizer,
        double tokens,
        double sequenceLength,
        double microBatchSize,
        ActivationRecompute activationRecompute,
        int zeroStage,
        int tensorParallel,
        int pipelineParallel,
        double mfu,
        double goodput,
        double pricePerGpuHourUsd) {

    /** Chinchilla (Hoffmann et al. 2022): compute-optimal training uses about 20 tokens per parameter. */
    public static final double CHINCHILLA_TOKENS_PER_PARAMETER = 20;

    /** Replicas of the model that each see a different slice of the batch. */
    public int dataParallel() {
        return Math.max(1, gpuCount / (tensorParallel * pipelineParallel));
    }

    public TrainingSetup withGpuCount(int n) {
        return RecordPaths.with(this, "gpuCount", n);
    }
}
