package loopline.present;

import static loopline.present.Format.formatCount;
import static loopline.present.Format.formatDuration;
import static loopline.present.Format.formatNumber;
import static loopline.present.Format.formatPercent;

import loopline.engine.serving.InferenceSetup;
import loopline.engine.serving.InferenceSpeed;
import loopline.engine.serving.LoadMode;

/**
 * Words for what sets the number of serving replicas: the bound a replica meets at capacity. A change that does not
 * move it (int4 weights on a replica held by the first-token target) leaves the GPUs and the bill where they were,
 * and these words say so instead of leaving the room to guess.
 */
public final class CapacityText {
    private CapacityText() {
    }

    /** A few words for a card: "speed target", "KV cache full", "batch 32 as set". */
    public static String bound(InferenceSpeed sp, InferenceSetup i) {
        return switch (sp.capacityLimit()) {
            case FIRST_TOKEN_TARGET -> "first-token target";
            case SPEED_TARGET -> "speed target";
            case BATCH_FULL -> "batch full";
            case THROUGHPUT -> "steps flat out";
            case SET_CONCURRENCY -> "batch " + formatCount(i.batchSize()) + " as set";
            case NO_LOAD_MEETS_TARGETS -> "one at a time";
            case DOES_NOT_FIT -> "does not fit";
        };
    }

    /** The sentence behind it: where capacity ends, why, and what limits each step there. */
    public static String sentence(InferenceSpeed sp, InferenceSetup i, long sequencesByMemory) {
        String rate = formatNumber(sp.capacityRequestsPerSecond()) + " requests/s";
        String step = " There each step is limited by " + StepText.largest(sp.stepAtCapacity())
                + ": a change buys fewer GPUs only if it moves that.";
        return switch (sp.capacityLimit()) {
            case FIRST_TOKEN_TARGET -> "What sets the count: past " + rate + " a replica's p99 time to first token would pass the "
                    + formatDuration(i.targetTimeToFirstTokenSeconds()) + " target: prompts queue for the prefill budget ("
                    + formatPercent(sp.atCapacity().prefillUtilisation()) + " in use there) and for KV memory. A change buys fewer"
                    + " GPUs only if it speeds prefill or frees memory.";
            case SPEED_TARGET -> "What sets the count: past " + rate + " a replica's users would decode slower than the "
                    + formatNumber(i.targetTokensPerSecondPerUser()) + " tokens/s target." + step;
            case BATCH_FULL -> batchFull(rate, sequencesByMemory, (double) i.maxConcurrentSequences() * sp.shape().attentionGroups());
            case THROUGHPUT -> "What sets the count: at " + rate + " a replica's steps run flat out, limited by "
                    + StepText.largest(sp.stepAtCapacity()) + ".";
            case SET_CONCURRENCY -> "What sets the count: the batch size is set, so each replica runs " + formatCount(i.batchSize())
                    + " requests at a time (a closed loop, as a benchmark's concurrency runs it) and completes " + rate + ".";
            case NO_LOAD_MEETS_TARGETS -> "What sets the count: not even one request at a time meets the targets, so each replica"
                    + " serves one at a time (" + rate + ").";
            case DOES_NOT_FIT -> "The weights do not fit in the replica's memory.";
        };
    }

    private static String batchFull(String rate, long sequencesByMemory, double schedulerLimit) {
        return sequencesByMemory <= schedulerLimit
                ? "What sets the count: at " + rate + " a replica's KV cache is full (" + formatCount(sequencesByMemory)
                        + " sequences): more memory per GPU, a smaller KV format or shorter requests buy replicas."
                : "What sets the count: at " + rate + " a replica runs the scheduler's limit of " + formatCount(schedulerLimit)
                        + " sequences: raising it (memory holds " + formatCount(sequencesByMemory) + ") buys replicas.";
    }

    /** Where the serving figures are read, for a title: "at peak traffic" or "at 32 in flight". */
    public static String where(InferenceSpeed sp, InferenceSetup i) {
        return sp.loadMode() == LoadMode.CLOSED_LOOP ? whereShort(sp, i) : "at peak traffic";
    }

    /** The same for a card's line: "at peak" or "at 32 in flight". */
    public static String whereShort(InferenceSpeed sp, InferenceSetup i) {
        return sp.loadMode() == LoadMode.CLOSED_LOOP ? "at " + formatCount(i.batchSize()) + " in flight" : "at peak";
    }

    /** The load behind the figures, as a "why?" input: which loop, and its rate or its clients. */
    public static String load(InferenceSpeed sp, InferenceSetup i) {
        return sp.loadMode() == LoadMode.CLOSED_LOOP
                ? "closed loop: " + formatCount(i.batchSize()) + " clients per replica, each sending its next request when the last"
                        + " is answered (as a benchmark's concurrency setting runs)"
                : "open loop: requests arriving at random at the peak rate, " + formatNumber(sp.requestsPerSecondPerReplica())
                        + " requests/s per replica";
    }
}
