package loopline.engine;

/** How the model is trained: hardware, numerics, parallelism, workload and efficiency. */
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

    /** Replicas of the model that each see a different slice of the batch. */
    public int dataParallel() {
        return Math.max(1, gpuCount / (tensorParallel * pipelineParallel));
    }

    public TrainingSetup withGpuCount(int n) {
        return new TrainingSetup(gpu, n, precision, optimizer, tokens, sequenceLength, microBatchSize,
                activationRecompute, zeroStage, tensorParallel, pipelineParallel, mfu, goodput, pricePerGpuHourUsd);
    }
}
