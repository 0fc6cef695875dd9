package loopline.engine;

/**
 * How the model is served. {@code tensorParallel} and {@code expertParallel} 0 pick the cheapest replica
 * shape that meets the targets; {@code batchSize} N runs N concurrent requests per replica (closed loop),
 * 0 as many as keep every user at the speed target and the p99 first-token target, memory permitting.
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
        SpeculativeDecoding speculativeDecoding,
        double targetTimeToFirstTokenSeconds,
        boolean continuousBatching,
        int expertParallel,
        int maxConcurrentSequences) {

    public InferenceSetup withBatchSize(int b) {
        return new InferenceSetup(gpu, precision, kvCachePrecision, tensorParallel, promptTokens, outputTokens, b,
                targetTokensPerSecondPerUser, requestsPerDay, peakToAverage, pricePerGpuHourUsd,
                memoryBandwidthEfficiency, computeEfficiency, gpuMemoryUtilization, pagedKvCache, prefixCacheHitRate,
                speculativeDecoding, targetTimeToFirstTokenSeconds, continuousBatching, expertParallel,
                maxConcurrentSequences);
    }

    public InferenceSetup withRequestsPerDay(double r) {
        return new InferenceSetup(gpu, precision, kvCachePrecision, tensorParallel, promptTokens, outputTokens,
                batchSize, targetTokensPerSecondPerUser, r, peakToAverage, pricePerGpuHourUsd,
                memoryBandwidthEfficiency, computeEfficiency, gpuMemoryUtilization, pagedKvCache, prefixCacheHitRate,
                speculativeDecoding, targetTimeToFirstTokenSeconds, continuousBatching, expertParallel,
                maxConcurrentSequences);
    }

    public InferenceSetup withTensorParallel(int t) {
        return new InferenceSetup(gpu, precision, kvCachePrecision, t, promptTokens, outputTokens,
                batchSize, targetTokensPerSecondPerUser, requestsPerDay, peakToAverage, pricePerGpuHourUsd,
                memoryBandwidthEfficiency, computeEfficiency, gpuMemoryUtilization, pagedKvCache, prefixCacheHitRate,
                speculativeDecoding, targetTimeToFirstTokenSeconds, continuousBatching, expertParallel,
                maxConcurrentSequences);
    }
}
