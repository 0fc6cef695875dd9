package loopline.engine.serving;

import loopline.engine.RecordPaths;
import loopline.engine.ScenarioFields;
import loopline.engine.hardware.Gpu;
import loopline.engine.hardware.Precision;

/**
 * How the model is served. {@code tensorParallel} and {@code expertParallel} 0 pick the cheapest replica
 * shape that meets the targets; {@code batchSize} N runs N concurrent requests per replica (closed loop),
 * 0 as many as keep every user at the speed target and the p99 first-token target, memory permitting.
 * Built and edited field by field through {@link ScenarioFields}, never by listing every component.
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
        int maxConcurrentSequences,
        KvAdmission kvAdmission,
        double arrivalCv,
        DailyTraffic dailyTraffic,
        double promptTokensCv,
        double outputTokensCv) {

    /** Prompt tokens prefill computes: the prefix cache serves the rest (at least one token is always computed). */
    public double uncachedPromptTokens() {
        return Math.max(1, promptTokens * (1 - prefixCacheHitRate));
    }

    public InferenceSetup withBatchSize(int b) {
        return RecordPaths.with(this, "batchSize", b);
    }

    public InferenceSetup withRequestsPerDay(double r) {
        return RecordPaths.with(this, "requestsPerDay", r);
    }

    public InferenceSetup withTensorParallel(int t) {
        return RecordPaths.with(this, "tensorParallel", t);
    }
}
