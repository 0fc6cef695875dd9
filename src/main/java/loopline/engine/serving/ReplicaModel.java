package loopline.engine.serving;

import loopline.engine.model.ModelArchitecture;

/**
 * One serving replica of a given shape: what its GPUs hold, and how it behaves under load. Its
 * capacity is the most requests per second it sustains while every user still sees the speed target
 * and the p99 time-to-first-token target (or, with a batch size set, at that many concurrent requests).
 */
final class ReplicaModel {

    /** Paged KV cache (vLLM, Kwon et al. 2023) wastes under 4%; earlier systems 60–80% of it. */
    static final double PAGED_KV_WASTE = 0.04;
    static final double UNPAGED_KV_WASTE = 0.60;
    private static final int BISECTIONS = 50;
    private static final double SLOWEST_RATE = 1e-9;
    private static final double EDGE_OF_SATURATION = 0.999;
    /**
     * A first-token target that holds up to this share of the saturation rate is not what bounds the replica: waits
     * there are the queue's own divergence (memory's slots or the steps' pace), whatever the target's value.
     */
    private static final double QUEUE_BOUND_SHARE = 0.9;
    /**
     * Capacities are found to 1 part in 10 million of themselves — far finer than any input is known, and
     * fine enough that rounding replicas up does not turn solver noise into a cheaper bill for more work.
     */
    private static final double CAPACITY_TOLERANCE = 1e-7;

    private final ModelArchitecture model;
    private final InferenceSetup setup;
    private final ReplicaShape shape;
    private final StepCost cost;
    private final Batching batching;
    private final double weightsPerGpuBytes;
    private final double kvPerSequencePerGpuBytes;
    private final long sequencesByMemory;
    private final double slots;

    ReplicaModel(ModelArchitecture model, InferenceSetup setup, ReplicaShape shape) {
        this.model = model;
        this.setup = setup;
        this.shape = shape;
        this.cost = new StepCost(model, setup, shape);
        this.batching = setup.continuousBatching() ? new ContinuousBatching(cost, setup) : new StaticBatching(cost, setup);
        double bytesPerWeight = setup.precision().weightBytesPerParameter();
        double routed = model.routedExpertParameters();
        this.weightsPerGpuBytes = (model.totalParameters() - routed) * bytesPerWeight / shape.tensorParallel()
                + (model.moe() == null ? 0 : routed * bytesPerWeight * shape.routedExpertShare(model.moe().experts()));
        this.kvPerSequencePerGpuBytes = kvHeldPerSequence(shape.tensorParallel());
        double room = setup.gpu().memoryBytes() * setup.gpuMemoryUtilization() - weightsPerGpuBytes;
        long perGroup = room <= 0 ? 0 : (long) Math.min(Long.MAX_VALUE / 1024, Math.floor(room / kvPerSequencePerGpuBytes));
        this.sequencesByMemory = perGroup * shape.attentionGroups();
        this.slots = Math.min(sequencesByMemory, (double) setup.maxConcurrentSequences() * shape.attentionGroups());
    }

    /**
     * KV bytes a sequence holds on average while in flight. A paged cache that grows with the answer holds
     * prompt + half the answer on average (longer answers weigh more, as they stay longer); one that reserves at admission (TensorRT-LLM's default), or no
     * paging at all, holds the whole prompt + answer from the start. Each plus the waste of its allocator. On one of
     * {@code tensorParallel} ranks.
     */
    private double kvHeldPerSequence(int tensorParallel) {
        boolean paged = setup.pagedKvCache();
        boolean grows = paged && setup.kvAdmission() != KvAdmission.RESERVE;
        // answers of different lengths stay in proportion to their length: time-averaged, the KV held is weighted by it,
        // E[O²] ÷ E[O] = O × (1 + cv²) in place of O (prompts independent of answers)
        double answer = setup.outputTokens() * (1 + setup.outputTokensCv() * setup.outputTokensCv());
        double context = setup.promptTokens() + (grows ? answer / 2 : answer);
        return model.kvBytesPerSequence(context, setup.kvCachePrecision().kvBytesPerValue(), tensorParallel)
                / (1 - (paged ? PAGED_KV_WASTE : UNPAGED_KV_WASTE));
    }

    double kvBytesPerSequence(double context) {
        return model.kvBytesPerSequence(context, setup.kvCachePrecision().kvBytesPerValue());
    }

    ReplicaShape shape() {
        return shape;
    }

    StepCost stepCost() {
        return cost;
    }

    boolean fits() {
        return sequencesByMemory >= 1;
    }

    long sequencesByMemory() {
        return sequencesByMemory;
    }

    /** Sequences that may hold KV at once: memory, and the scheduler's limit in each attention group. */
    double slots() {
        return slots;
    }

    double weightsPerGpuBytes() {
        return weightsPerGpuBytes;
    }

    double kvPerSequencePerGpuBytes() {
        return kvPerSequencePerGpuBytes;
    }

    OperatingPoint at(double requestsPerSecond) {
        return batching.at(requestsPerSecond, slots);
    }

    double saturationRequestsPerSecond() {
        return batching.saturationRequestsPerSecond(slots);
    }

    /**
     * {@code concurrency} users in a closed loop; beyond what memory holds or the steps sustain, the rest wait outside
     * (and are counted: a closed loop always has all its users in the system).
     */
    OperatingPoint closedLoop(double concurrency) {
        return batching.closedLoop(Math.min(concurrency, slots)).withWaiting(concurrency);
    }

    /** Requests per second one replica takes on before a target breaks; see {@link Capacity}. */
    Capacity capacity() {
        if (!fits()) {
            return new Capacity(0, false, false, CapacityLimit.DOES_NOT_FIT, OperatingPoint.unstable(0));
        }
        if (setup.batchSize() > 0) {
            return closedLoopCapacity(setup.batchSize(), CapacityLimit.SET_CONCURRENCY);
        }
        OperatingPoint idle = at(SLOWEST_RATE);
        if (!meetsSpeed(idle) || !meetsFirstToken(idle)) {
            // No load meets the targets: serve one request at a time, as fast as the replica can.
            return closedLoopCapacity(1, CapacityLimit.NO_LOAD_MEETS_TARGETS);
        }
        double saturation = batching.saturationRequestsPerSecond(slots);
        // in log rate, not rate: capacity can sit decades below saturation. The margin to the targets aims the search:
        // positive where a rate meets both, negative where a stable rate misses one, none where the queue is unstable
        OperatingPoint[] atLo = {idle};
        CapacityLimit[] broke = {null}; // the target that broke at the lowest failing rate tried (null: the queue itself did)
        RegulaFalsi.narrow(x -> {
            OperatingPoint p = at(Math.exp(x));
            if (p.stable() && meetsSpeed(p) && meetsFirstToken(p)) {
                atLo[0] = p;
                return Math.max(targetMargin(p), Double.MIN_VALUE);
            }
            broke[0] = !p.stable() ? null : !meetsSpeed(p) ? CapacityLimit.SPEED_TARGET : CapacityLimit.FIRST_TOKEN_TARGET;
            return p.stable() ? Math.min(0, targetMargin(p)) : Double.NaN;
        }, Math.log(SLOWEST_RATE), targetMargin(idle), Math.log(saturation), Double.NaN, BISECTIONS,
                (lo, hi) -> hi - lo <= Math.log1p(CAPACITY_TOLERANCE));
        double lo = atLo[0].requestsPerSecond();
        CapacityLimit limit = broke[0];
        if (limit == null || limit == CapacityLimit.FIRST_TOKEN_TARGET && lo >= QUEUE_BOUND_SHARE * saturation) {
            // a first-token target that breaks this close to saturation breaks because the queue grows without end
            limit = saturationLimit(saturation * (1 + CAPACITY_TOLERANCE) / EDGE_OF_SATURATION);
        }
        return new Capacity(lo, true, true, limit, atLo[0]);
    }

    /** Why the queue grows without end at {@code requestsPerSecond}: memory's slots, or the steps' own pace. */
    private CapacityLimit saturationLimit(double requestsPerSecond) {
        return batching.at(requestsPerSecond, Double.POSITIVE_INFINITY).stable() ? CapacityLimit.BATCH_FULL : CapacityLimit.THROUGHPUT;
    }

    /**
     * The rate of {@code concurrency} users in a closed loop, kept just under what an open queue with this
     * replica's slots sustains: arrivals at exactly that rate would queue without end.
     */
    private Capacity closedLoopCapacity(double concurrency, CapacityLimit limit) {
        OperatingPoint p = closedLoop(concurrency);
        double rate = Math.min(p.requestsPerSecond(), batching.saturationRequestsPerSecond(slots) * EDGE_OF_SATURATION);
        return new Capacity(rate, meetsSpeed(p), meetsFirstToken(p), limit, p);
    }

    /**
     * How far a stable operating point is inside its targets, in log ratio: the nearer of the speed target (tokens/s per
     * user over the target) and the first-token target (the target over TTFT p99); positive inside, infinite for a
     * point with no target. The capacity search aims its secant with it.
     */
    private double targetMargin(OperatingPoint p) {
        double speed = setup.targetTokensPerSecondPerUser() > 0
                ? Math.log(p.tokensPerSecondPerUser() / (setup.targetTokensPerSecondPerUser() * (1 - 1e-9))) : Double.POSITIVE_INFINITY;
        double firstToken = Double.isFinite(setup.targetTimeToFirstTokenSeconds()) && setup.targetTimeToFirstTokenSeconds() > 0
                ? Math.log(setup.targetTimeToFirstTokenSeconds() * (1 + 1e-9) / p.latency().ttftP99Seconds()) : Double.POSITIVE_INFINITY;
        return Math.min(speed, firstToken);
    }

    boolean meetsSpeed(OperatingPoint p) {
        return p.stable() && p.tokensPerSecondPerUser() >= setup.targetTokensPerSecondPerUser() * (1 - 1e-9);
    }

    boolean meetsFirstToken(OperatingPoint p) {
        return p.stable() && p.latency().ttftP99Seconds() <= setup.targetTimeToFirstTokenSeconds() * (1 + 1e-9);
    }

    /**
     * What one replica takes on at most, whether the speed and first-token targets hold there, what stops it taking
     * more, and the operating point it was read at (with a batch size set, that batch in a closed loop).
     */
    record Capacity(double requestsPerSecond, boolean speedTargetMet, boolean firstTokenTargetMet, CapacityLimit limit,
                    OperatingPoint point) {
    }
}
