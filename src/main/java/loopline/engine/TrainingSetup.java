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
        double pricePerGpuHourUsd,
        TrainingMethod method,
        double loraRank,
        LoraTargets loraTargets,
        double epochs) {

    /** Chinchilla (Hoffmann et al. 2022): compute-optimal training uses about 20 tokens per parameter. */
    public static final double CHINCHILLA_TOKENS_PER_PARAMETER = 20;

    /**
     * A fine-tuning dataset when none is given: 100M tokens, about 100k instruction examples of 1k tokens
     * (an assumption; Alpaca's 52k examples are ~10M tokens, large instruction mixes reach billions).
     */
    public static final double FINE_TUNE_DEFAULT_TOKENS = 1e8;

    /** Tokens the run processes: the dataset once per epoch. */
    public double tokensTrained() {
        return tokens * epochs;
    }

    /** Replicas of the model that each see a different slice of the batch. */
    public int dataParallel() {
        return Math.max(1, gpuCount / (tensorParallel * pipelineParallel));
    }

    public TrainingSetup withGpuCount(int n) {
        return RecordPaths.with(this, "gpuCount", n);
    }
}
