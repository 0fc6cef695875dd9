package loopline.engine;

/**
 * How the model is served. {@code tensorParallel} 0 picks the smallest group that fits; {@code batchSize}
 * 0 picks the largest batch that fits memory and still meets the per-user speed target.
 */
public record InferenceSetup(
        Gpu gpu,
        Precision precision,
        Precision kvCachePrecision,
        int tensorParallel,
        double promptTokens,
        double outputTokens,
        int batchSize,
        double targetTokensPerSecondPerUser,
        double requestsPerDay,
        double peakToAverage,
        double pricePerGpuHourUsd,
        double memoryBandwidthEfficiency,
        double computeEfficiency,
        double gpuMemoryUtilization,
        boolean pagedKvCache,
        double prefixCacheHitRate,
        SpeculativeDecoding speculativeDecoding) {

    public InferenceSetup withBatchSize(int b) {
        return new InferenceSetup(gpu, precision, kvCachePrecision, tensorParallel, promptTokens, outputTokens, b,
                targetTokensPerSecondPerUser, requestsPerDay, peakToAverage, pricePerGpuHourUsd,
                memoryBandwidthEfficiency, computeEfficiency, gpuMemoryUtilization, pagedKvCache, prefixCacheHitRate,
                speculativeDecoding);
    }

    public InferenceSetup withRequestsPerDay(double r) {
        return new InferenceSetup(gpu, precision, kvCachePrecision, tensorParallel, promptTokens, outputTokens,
                batchSize, targetTokensPerSecondPerUser, r, peakToAverage, pricePerGpuHourUsd,
                memoryBandwidthEfficiency, computeEfficiency, gpuMemoryUtilization, pagedKvCache, prefixCacheHitRate,
                speculativeDecoding);
    }

    public InferenceSetup withTensorParallel(int t) {
        return new InferenceSetup(gpu, precision, kvCachePrecision, t, promptTokens, outputTokens,
                batchSize, targetTokensPerSecondPerUser, requestsPerDay, peakToAverage, pricePerGpuHourUsd,
                memoryBandwidthEfficiency, computeEfficiency, gpuMemoryUtilization, pagedKvCache, prefixCacheHitRate,
                speculativeDecoding);
    }
}
