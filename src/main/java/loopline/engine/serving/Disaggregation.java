package loopline.engine.serving;

import loopline.engine.RecordPaths;
import loopline.engine.Units;
import loopline.engine.hardware.CollectiveLink;
import loopline.engine.hardware.Gpu;
import loopline.engine.model.ModelArchitecture;

/**
 * Prefill and decode on separate pools (DistServe, Splitwise; NVIDIA Dynamo, SGLang and vLLM's PD disaggregation), each
 * with the replica shape that serves its own phase cheapest, against the same targets as co-located serving.
 *
 * <ul>
 * <li><b>Decode pool</b>: replicas that receive each prompt's KV cache and only decode. Each is solved like a co-located
 *     replica whose whole prompt is a prefix-cache hit (its first step computes one token): the speed target and the
 *     KV memory bound it, and its wait for a free KV slot is its share of the time to first token.</li>
 * <li><b>KV transfer</b>: the prompt's KV bytes cross from the prefill replica's GPUs to the decode replica's, each GPU
 *     sending its shard over its own link: NVLink when both replicas fit in one NVLink domain, else one 400 Gb/s NIC per
 *     GPU, at {@link CollectiveLink#COLLECTIVE_EFFICIENCY} of the wire, plus the wire's latency.</li>
 * <li><b>Prefill pool</b>: replicas that run only prompts (each request's answer is its first token) and meet what is
 *     left of the p99 time to first token after the transfer and the decode pool's p99 wait.</li>
 * </ul>
 * The p99s are added, which overstates the p99 of their sum: the split is sized conservatively.
 */
public record Disaggregation(
        ShapeOption prefill,
        ShapeOption decode,
        double kvTransferSeconds,
        double decodeFirstTokenP99Seconds,
        double prefillFirstTokenTargetSeconds,
        long gpus,
        double monthlyCostUsd,
        boolean feasible) {

    public static final String FORMULA = "prefill replicas × GPUs + decode replicas × GPUs, each ⌈peak ÷ its capacity⌉, × $/GPU-hour × 720 h;"
            + " prefill meets p99 TTFT target − KV transfer − decode's p99 wait; decode meets the speed target";
    public static final String TRANSFER_FORMULA = "KV transfer = prompt tokens × KV bytes per token ÷ (GPUs sending × link bandwidth × "
            + CollectiveLink.COLLECTIVE_EFFICIENCY + ") + latency";

    /** Speed target a prefill-only replica is held to: none (its one output token is the first token). */
    private static final double NO_SPEED_TARGET = 1e-6;

    /**
     * Share of the p99 first-token target the decode pool's wait for a KV slot may take; the prefill pool gets the rest
     * after the transfer. A quarter: the decode pool's wait grows steeply near its memory bound, so a larger share buys it
     * few requests and costs the prefill pool replicas (on the seven presets tried, a half never gave a cheaper split; trying both
     * doubled the split's cost per estimate).
     */
    static final double DECODE_WAIT_SHARE = 0.25;

    /**
     * The cheapest split of this setup's traffic at its peak, or null where disaggregation does not apply: a closed loop
     * (a set batch measures one replica, not a fleet) or a model that does not fit. An infeasible split says so.
     */
    public static Disaggregation cheapest(ModelArchitecture model, InferenceSetup setup) {
        if (setup.batchSize() > 0) {
            return null;
        }
        return split(model, setup, DECODE_WAIT_SHARE);
    }

    private static Disaggregation split(ModelArchitecture model, InferenceSetup setup, double decodeWaitShare) {
        double peak = ServingModel.peakRequestsPerSecond(setup);
        double target = setup.targetTimeToFirstTokenSeconds();
        InferenceSetup decodeSetup = free(RecordPaths.with(RecordPaths.with(setup, "prefixCacheHitRate", 1.0),
                "targetTimeToFirstTokenSeconds", target * decodeWaitShare));
        ServingPlan decodePlan = ServingPlan.of(model, decodeSetup);
        ShapeOption decode = decodePlan.options(peak).get(0);
        if (!decode.targetsMet() || decode.replicas() == 0) {
            return new Disaggregation(null, decode, 0, 0, 0, 0, 0, false);
        }
        double decodeP99 = decodePlan.capacity(decode.shape()).point().latency().ttftP99Seconds();
        double kvBytes = model.kvBytesPerSequence(setup.promptTokens(), setup.kvCachePrecision().kvBytesPerValue());
        // the prefill shape is not known yet: the transfer is timed from the decode replica's side, as many links as its GPUs
        double transfer = transferSeconds(setup.gpu(), kvBytes, decode.shape().gpus(), decode.shape().gpus() * 2);
        double budget = target - transfer - decodeP99;
        if (budget <= 0) {
            return new Disaggregation(null, decode, transfer, decodeP99, budget, 0, 0, false);
        }
        InferenceSetup prefillSetup = free(RecordPaths.with(RecordPaths.with(RecordPaths.with(setup, "outputTokens", 1.0),
                "targetTokensPerSecondPerUser", NO_SPEED_TARGET), "targetTimeToFirstTokenSeconds", budget));
        ShapeOption prefill = ServingPlan.of(model, prefillSetup).options(peak).get(0);
        boolean feasible = prefill.targetsMet() && prefill.replicas() > 0;
        long gpus = prefill.gpus() + decode.gpus();
        return new Disaggregation(prefill, decode, transfer, decodeP99, budget, gpus,
                gpus * setup.pricePerGpuHourUsd() * Units.HOURS_PER_MONTH, feasible);
    }

    /** Each pool picks its own shape: a pinned TP or EP is the co-located replica's. */
    private static InferenceSetup free(InferenceSetup s) {
        return RecordPaths.with(RecordPaths.with(s, "tensorParallel", 0), "expertParallel", 0);
    }

    /**
     * Seconds to move {@code bytes} of KV between replicas: {@code senders} GPUs each send their shard, over NVLink when
     * the two replicas ({@code together} GPUs) fit in one NVLink domain, else over one NIC each.
     */
    static double transferSeconds(Gpu gpu, double bytes, int senders, int together) {
        return bytes / (senders * CollectiveLink.pointToPointBytesPerSecond(gpu, together))
                + CollectiveLink.pointToPointLatencySeconds(gpu, together);
    }
}
