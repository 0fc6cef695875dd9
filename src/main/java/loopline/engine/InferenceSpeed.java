package loopline.engine;

/** Latency and throughput of one serving replica at its batch size. */
public record InferenceSpeed(
        int batchSize,
        double timeToFirstTokenSeconds,
        double timePerOutputTokenSeconds,
        double tokensPerSecondPerUser,
        double tokensPerSecondPerReplica,
        double requestsPerSecondPerReplica,
        boolean decodeMemoryBound,
        double decodeArithmeticIntensity,
        boolean latencyTargetMet) {

    public static final String TTFT_FORMULA =
            "max(prompt FLOPs ÷ (achievable FLOP/s × compute eff.), weight bytes ÷ (bandwidth × bandwidth eff.)) + all-reduces";
    public static final String TPOT_FORMULA =
            "max((weights read ÷ t + batch × KV bytes) ÷ (bandwidth × eff.), batch × 2·N_active FLOPs ÷ (FLOP/s × eff.)) + all-reduces";
    public static final String REQUESTS_FORMULA = "1 ÷ (prefill time + output tokens × time per token ÷ batch)";
}
