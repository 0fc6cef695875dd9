package loopline.engine.serving;

/**
 * How the chosen replica shape behaves: its capacity at the targets and what bounds it, and its operating
 * point — in an open loop, at the scenario's peak traffic (each replica gets peak ÷ replicas); in a closed loop
 * (a batch size set), at that many concurrent requests, as a benchmark's concurrency setting measures. Every
 * per-user and per-replica figure comes from that one operating point, so they agree with each other by Little's
 * law. {@code step} is what the average engine step at that point is made of; {@code atCapacity} and {@code stepAtCapacity}
 * the same at capacity, where the bound that sets the replica count ({@code capacityLimit}) is met.
 */
public record InferenceSpeed(
        ReplicaShape shape,
        OperatingPoint atPeak,
        OperatingPoint atCapacity,
        double capacityRequestsPerSecond,
        CapacityLimit capacityLimit,
        LoadMode loadMode,
        boolean speedTargetMet,
        boolean firstTokenTargetMet,
        boolean decodeMemoryBound,
        double decodeArithmeticIntensity,
        StepTerms step,
        StepTerms stepAtCapacity) {

    public static final String TTFT_FORMULA =
            "prefill of the prompt in chunks riding along decode steps + wait for the chunk budget (M/D/1) + wait for KV memory (M/M/c)";
    public static final String TPOT_FORMULA =
            "step time τ = dense matmuls + routed experts' grouped GEMMs (each max(kernel floors + weights read ÷ measured"
                    + " bandwidth, FLOPs ÷ measured FLOP/s at that many tokens)) + attention (KV read ÷ measured rate, prompt"
                    + " FLOPs ÷ measured rate) + all-reduce + all-to-all + floor, solved so that λ·O·τ sequences decode and λ·P·τ"
                    + " prompt tokens ride along each step";
    public static final String CAPACITY_FORMULA =
            "largest λ at which 1 ÷ TPOT ≥ speed target and TTFT p99 ≤ first-token target (or λ at the set concurrency)";

    public double timeToFirstTokenSeconds() {
        return atPeak.timeToFirstTokenSeconds();
    }

    public double timePerOutputTokenSeconds() {
        return atPeak.timePerOutputTokenSeconds();
    }

    public double tokensPerSecondPerUser() {
        return atPeak.tokensPerSecondPerUser();
    }

    /** Requests each replica completes per second at peak (its share of the traffic). */
    public double requestsPerSecondPerReplica() {
        return atPeak.requestsPerSecond();
    }

    public double tokensPerSecondPerReplica() {
        return atPeak.outputTokensPerSecond();
    }

    /** Requests in each replica at peak, waiting or being answered. */
    public double concurrentRequests() {
        return atPeak.concurrentRequests();
    }

    public Latency latency() {
        return atPeak.latency();
    }

    public boolean latencyTargetMet() {
        return speedTargetMet && firstTokenTargetMet;
    }
}
