package loopline.present;

import static loopline.present.Explanation.in;
import static loopline.present.Format.formatBinaryBytes;
import static loopline.present.Format.formatBytes;
import static loopline.present.Format.formatCount;
import static loopline.present.Format.formatDuration;
import static loopline.present.Format.formatFlops;
import static loopline.present.Format.formatNumber;
import static loopline.present.Format.formatParameters;
import static loopline.present.Format.formatPercent;
import static loopline.present.Format.formatUsd;

import java.util.List;
import loopline.engine.Estimate;
import loopline.engine.Scenario;
import loopline.engine.Units;
import loopline.engine.economics.ApiComparison;
import loopline.engine.economics.ApiOffer;
import loopline.engine.economics.ServingCost;
import loopline.engine.hardware.Gpu;
import loopline.engine.hardware.Precision;
import loopline.engine.model.ModelArchitecture;
import loopline.engine.serving.ContinuousBatching;
import loopline.engine.serving.InferenceMemory;
import loopline.engine.serving.InferenceSetup;
import loopline.engine.serving.InferenceSpeed;
import loopline.engine.serving.OperatingPoint;
import loopline.engine.serving.ReplicaShape;
import loopline.engine.serving.ServingModel;
import loopline.engine.serving.ShapeOption;
import loopline.engine.training.TrainingMemory;
import loopline.engine.training.TrainingRun;
import loopline.engine.training.TrainingSchedule;
import loopline.engine.training.TrainingSetup;
import loopline.engine.training.TrainingStepCost;

/**
 * The "why?" behind every figure: the formula (the constant beside the code that computes it) and the
 * inputs of this estimate. Built on demand, so evaluating a scenario stays allocation-light.
 */
public final class Explanations {
    /** Why days stop falling with GPUs: the batch runs out of sequences, the bubble grows, the all-reduce shows. */
    static String scheduleNote(TrainingRun run) {
        TrainingSchedule sc = run.schedule();
        if (sc.idleShare() > 0) {
            return "The global batch has sequences for only " + Format.formatCount(sc.busyReplicas(), "replica", "replicas") + ": "
                    + formatPercent(sc.idleShare()) + " of the GPUs sit idle and are still billed.";
        }
        double m = sc.microBatchesPerReplica();
        String count = m == Math.rint(m) ? formatNumber(m) + " micro-batches per step"
                : formatNumber(m) + " micro-batches per step on average (the global batch does not split evenly over the replicas)";
        return "Each replica runs " + count + "; fewer (more GPUs) "
                + "mean a larger pipeline bubble and less backward to hide the all-reduce behind.";
    }

    private Explanations() {
    }

    /** Under attention data parallelism each rank takes its own chunk, and a prompt runs on one rank. */
    private static String eachRank(ReplicaShape shape) {
        int ranks = shape.attentionGroups();
        return ranks == 1 ? "" : ", one chunk on each of the " + ranks + " attention ranks (a prompt is prefilled on its own rank)";
    }

    /** What prefill's matmuls reach: the measured share of peak at one chunk of prompt rows, times any override. */
    private static String prefillMatmulRate(InferenceSetup i) {
        Gpu gpu = i.gpu();
        Precision format = gpu.inferenceComputeFormat(i.precision());
        double rows = Math.min(i.uncachedPromptTokens(), ContinuousBatching.PREFILL_CHUNK_TOKENS);
        double share = gpu.kernels().gemmFor(format).computeShareByTokens().at(rows) * i.computeEfficiency();
        double peak = gpu.kernels().flopsPerSecond(gpu, format);
        return formatNumber(share * peak / 1e12) + " TFLOP/s per GPU: " + formatPercent(share) + " of the " + format.id()
                + " peak at " + formatCount(rows) + " prompt rows";
    }

    /** The efficiency overrides, when set: LoopLine otherwise takes the measured kernels as they are. */
    private static String overrides(InferenceSetup i) {
        String compute = i.computeEfficiency() == 1 ? "" : "compute ×" + formatNumber(i.computeEfficiency());
        String bandwidth = i.memoryBandwidthEfficiency() == 1 ? "" : "bandwidth ×" + formatNumber(i.memoryBandwidthEfficiency());
        String both = compute.isEmpty() || bandwidth.isEmpty() ? compute + bandwidth : compute + ", " + bandwidth;
        return both.isEmpty() ? "" : "; overridden: " + both + " of measured";
    }


    /** True when the scenario's MFU is the one its kernels give, not a typed-in override. */
    static boolean mfuDerived(Scenario s, TrainingStepCost c) {
        return Math.abs(s.training().mfu() - c.utilisation()) < 1e-12;
    }

    /** Where a token's 16-bit GPU time goes: "matmuls 70% · attention 21% · memory-bound 9%" (and exposed TP / EP traffic). */
    static String stepBreakdown(TrainingStepCost c) {
        double total = c.secondsPerToken();
        StringBuilder b = new StringBuilder("matmuls " + formatPercent(c.matmulSecondsPerToken() / total)
                + " (at " + formatPercent(c.matmulShareOfPeak()) + " of peak) · attention " + formatPercent(c.attentionSecondsPerToken() / total)
                + " · memory-bound " + formatPercent(c.memoryBoundSecondsPerToken() / total));
        if (c.tensorParallelSecondsPerToken() > 0) {
            b.append(" · TP traffic ").append(formatPercent(c.tensorParallelSecondsPerToken() / total));
        }
        if (c.expertParallelSecondsPerToken() > 0) {
            b.append(" · all-to-all ").append(formatPercent(c.expertParallelSecondsPerToken() / total));
        }
        if (c.contextParallelSecondsPerToken() > 0) {
            b.append(" · ring attention's KV passing ").append(formatPercent(c.contextParallelSecondsPerToken() / total));
        }
        return b.toString();
    }

    public static Explanation explain(Figure figure, Estimate e) {
        Scenario s = e.scenario();
        TrainingSetup t = s.training();
        InferenceSetup i = s.inference();
        TrainingMemory tm = e.trainingMemory();
        TrainingRun run = e.trainingRun();
        InferenceMemory im = e.inferenceMemory();
        InferenceSpeed sp = e.inferenceSpeed();
        ServingCost sc = e.serving();
        String n = formatParameters(e.totalParameters());
        return switch (figure) {
            case TRAINING_BYTES_PER_PARAMETER -> new Explanation("Training bytes per parameter (model states)",
                    t.method().trainsAdapters()
                            ? "frozen base + adapters' share of the parameters × (weights + gradients + optimizer incl. fp32 master copy)"
                            : "weights + gradients + optimizer (incl. fp32 master copy)",
                    List.of(in("method", t.method().id()), in("precision", t.precision().id()), in("optimizer", t.optimizer().id()),
                            in("trained share", formatPercent(tm.trainableParameters() / e.totalParameters())),
                            in("weights", formatNumber(tm.weightBytesPerParameter()) + " B"),
                            in("gradients", formatNumber(tm.gradientBytesPerParameter()) + " B"),
                            in("optimizer states", formatNumber(tm.optimizerBytesPerParameter()) + " B")),
                    formatNumber(tm.bytesPerParameter()) + " B/param",
                    "Activations and logits come on top: " + formatBytes(tm.activationsBytes() + tm.logitsBytes())
                            + " per GPU at this batch and sequence length.");
            case TRAINING_MODEL_STATES_TOTAL -> new Explanation("Model states across the cluster",
                    "N × bytes per parameter", List.of(in("N", n), in("bytes per parameter", formatNumber(tm.bytesPerParameter()))),
                    formatBytes(tm.modelStatesTotalBytes()), "Before activations; sharded over GPUs by ZeRO / TP / PP.");
            case TRAINING_TRAINABLE_PARAMETERS -> TrainingMethodText.trainableParameters(e);
            case TRAINING_MEMORY_PER_GPU -> new Explanation("Training memory per GPU",
                    TrainingMethodText.statesFormula(t.method()) + "\n  + activations: " + TrainingMemory.ACTIVATIONS_FORMULA
                            + "\n  + logits: " + TrainingMemory.LOGITS_FORMULA + "\n  + working copies: " + TrainingMemory.WORKING_COPIES_FORMULA
                            + "\n  + overhead: " + TrainingMemory.OVERHEAD_FORMULA
                            + (t.pipelineParallel() > 1 ? "\n  " + TrainingMemory.PIPELINE_FORMULA : ""),
                    concat(TrainingMethodText.memoryInputs(e), in("N", n),
                            t.contextParallel() > 1
                                    ? in("t · p · c · N_d", t.tensorParallel() + " · " + t.pipelineParallel() + " · " + t.contextParallel() + " · " + t.dataParallel())
                                    : in("t · p · N_d", t.tensorParallel() + " · " + t.pipelineParallel() + " · " + t.dataParallel()),
                            in("ZeRO stage", Integer.toString(t.zeroStage())),
                            in("weights / gradients / optimizer", formatBytes(tm.weightsBytes()) + " / "
                                    + formatBytes(tm.gradientsBytes()) + " / " + formatBytes(tm.optimizerStatesBytes())),
                            in("b, s", formatNumber(t.microBatchSize()) + ", " + formatCount(t.sequenceLength())
                                    + (t.contextParallel() > 1 ? " (÷ c = " + t.contextParallel() + " context-parallel ranks: "
                                    + formatCount(t.sequenceLength() / t.contextParallel()) + " tokens a GPU)" : "")),
                            in("recompute", t.activationRecompute().id()), in("attention kernel", t.attention().id()),
                            in("TP saved inputs", t.tensorParallel() > 1 ? t.tpSavedInputs().id() : "no TP"),
                            in("pipeline stage", stageWords(tm.peakStage())),
                            in("activations per token (all layers)", formatBinaryBytes(tm.activationBytesPerToken())),
                            in("activations / logits / working copies / overhead", formatBytes(tm.activationsBytes()) + " / "
                                    + formatBytes(tm.logitsBytes()) + " / " + formatBytes(tm.workingCopiesBytes()) + " / " + formatBytes(tm.overheadBytes())),
                            in("GPU memory", formatBytes(tm.capacityBytes()))),
                    formatBytes(tm.perGpuBytes()) + (tm.fitsOnGpu() ? " — fits" : " — does not fit"), null);
            case TRAINING_MIN_GPUS -> new Explanation("Fewest GPUs that fit the training run",
                    "t·p·c × ⌈(1 + fragmentation) × sharded states ÷ (c × (capacity − 1 GB − (1 + fragmentation) × unsharded memory))⌉"
                            + "   (c: context-parallel ranks, which share a replica's shards)",
                    List.of(in("t · p · c", Integer.toString(t.gpusPerReplica())),
                            in("ZeRO stage", Integer.toString(t.zeroStage())), in("GPU memory", formatBytes(tm.capacityBytes()))),
                    tm.minGpusToFit() > 0 ? Format.formatWhole(tm.minGpusToFit(), "GPU", "GPUs") : "no GPU count fits at this ZeRO stage and parallelism",
                    "ZeRO 0 shards nothing, so more GPUs do not help; ZeRO 3 shards all model states.");
            case TRAINING_FLOPS -> new Explanation("Training compute",
                    t.method().trainsAdapters() ? TrainingRun.ADAPTER_FLOPS_FORMULA : TrainingRun.FLOPS_FORMULA,
                    List.of(in("D × epochs", TrainingMethodText.dataset(t)), in("N_active", formatParameters(e.activeParameters())),
                            in("N_adapters", t.method().trainsAdapters() ? formatParameters(tm.trainableParameters()) : "none: every weight trains"),
                            in("s", formatCount(t.sequenceLength())), in("FLOPs per token", formatFlops(run.flopsPerToken()))),
                    formatFlops(run.flops()), t.method().trainsAdapters()
                            ? "The frozen base computes no weight gradients: 4·N instead of Kaplan et al.'s 6·N, plus the adapters and attention."
                            : "Kaplan et al. 2020 (6·N·D) plus attention, as MFU counts it.");
            case TRAINING_TOKENS_PER_SECOND -> {
                TrainingStepCost step = TrainingStepCost.of(s.model(), t); // once, for the MFU and its split
                yield new Explanation("Training throughput", TrainingRun.TOKENS_PER_SECOND_FORMULA
                            + "\n  MFU: " + TrainingStepCost.FORMULA + "\n  " + TrainingSchedule.BATCH_FORMULA + "\n  " + TrainingSchedule.BUBBLE_FORMULA
                            + "\n  " + TrainingSchedule.ALL_REDUCE_FORMULA + "\n  " + TrainingSchedule.STEP_FORMULA
                            + (t.precision() == Precision.FP8 ? "\n  " + TrainingRun.FP8_SPEEDUP_FORMULA : "")
                            + (t.method().quantisedBase() ? "\n  dequantisation: " + TrainingRun.DEQUANTISATION_FORMULA : ""),
                    List.of(in("GPUs", Format.formatWhole(t.gpuCount())), in("peak MFU counts against (" + (t.precision() == Precision.FP8 ? "bf16" : t.precision().id()) + ")",
                                    formatNumber(run.peakFlopsPerSecondPerGpu() / Units.TERA) + " TFLOP/s"),
                            in("MFU while computing", formatPercent(t.mfu()) + (mfuDerived(s, step) ? " (from the measured kernels)" : " (set)")),
                            in("a token's GPU time", stepBreakdown(step)),
                            in("framework efficiency", formatPercent(TrainingStepCost.FRAMEWORK_EFFICIENCY)
                                    + " of wall-clock in kernels (median of 14 published runs)"),
                            in("FLOPs per token", formatFlops(run.flopsPerToken())),
                            in("recompute", t.activationRecompute().id()),
                            in("global batch", formatCount(t.globalBatchTokens()) + " tokens = " + formatNumber(run.schedule().sequencesPerStep()) + " sequences"),
                            in("replicas busy", formatNumber(run.schedule().busyReplicas()) + " of " + Format.formatWhole((long) run.schedule().replicas())),
                            in("micro-batches per step m", formatNumber(run.schedule().microBatchesPerReplica())),
                            in("pipeline bubble", formatPercent(run.schedule().bubbleShare()) + " (p = " + t.pipelineParallel() + ", v = " + t.virtualStages() + ")"),
                            in("all-reduce exposed", formatNumber(run.schedule().exposedAllReduceSeconds()) + " of " + formatNumber(run.schedule().allReduceSeconds()) + " s per step"),
                            in("fp8 speed-up", formatNumber(run.lowPrecisionSpeedup()) + "×")),
                    formatCount(run.tokensPerSecond()) + " tokens/s, " + formatPercent(run.clusterMfu(t.gpuCount())) + " MFU over the cluster",
                    scheduleNote(run) + (t.method().quantisedBase()
                            ? " " + formatPercent(run.dequantisationShare()) + " of the time goes to dequantising the 4-bit base (an estimate: "
                                    + "memory-bound kernels, not overlapped with the matmuls)." : ""));
            }
            case TRAINING_DAYS -> new Explanation("Training wall-clock", TrainingRun.WALL_CLOCK_FORMULA,
                    List.of(in("D × epochs", TrainingMethodText.dataset(t)), in("tokens/s", formatCount(run.tokensPerSecond())),
                            in("goodput", formatPercent(t.goodput()))),
                    formatDuration(run.wallClockDays() * Units.SECONDS_PER_DAY), "Goodput covers failures, restarts, evaluation and checkpointing. "
                            + scheduleNote(run));
            case TRAINING_COST -> s.economics().owned()
                    ? OwnedCostText.trainingCost(e, TrainingMethodText.costNoun(t.method()) + " cost (one-time)")
                    : new Explanation(TrainingMethodText.costNoun(t.method()) + " cost (one-time)", TrainingRun.COST_FORMULA,
                    List.of(in("GPUs", Format.formatWhole(t.gpuCount())), in("wall-clock", formatDuration(run.wallClockDays() * Units.SECONDS_PER_DAY)),
                            in("GPU-hours", formatCount(run.gpuHours())), in("$/GPU-hour", formatUsd(t.pricePerGpuHourUsd()))),
                    formatUsd(run.costUsd()), "Compute only: no staff, data or failed experiments; the rented GPU-hour pays for the power too (the energy card shows it).");
            case INFERENCE_BYTES_PER_PARAMETER -> new Explanation("Serving bytes per parameter", InferenceMemory.WEIGHTS_FORMULA,
                    List.of(in("precision", i.precision().id())), formatNumber(im.bytesPerParameter()) + " B/param",
                    "No gradients, no optimizer, no stored activations: only weights and the KV cache."
                            + (i.precision() == Precision.FP4 ? " " + fp4Note(i.gpu()) : ""));
            case INFERENCE_MEMORY_PER_GPU -> new Explanation("Serving memory per GPU",
                    "weights per GPU + KV cache + engine reserve\n  KV: " + InferenceMemory.KV_FORMULA
                            + "\n  reserve: " + InferenceMemory.OVERHEAD_FORMULA,
                    List.of(in("weights", formatBytes(im.weightsBytes()) + " over " + sp.shape().label()),
                            in("sequences holding KV at peak", formatNumber(sp.atPeak().runningSequences()) + " per replica"),
                            in("context", formatCount(i.promptTokens() + i.outputTokens()) + " tokens"),
                            in("KV per sequence", formatBytes(im.kvCacheBytesPerSequence())
                                    + (s.model().recurrentStateBytesPerSequence() == 0 ? "" : " (" + formatBytes(s.model().recurrentStateBytesPerSequence())
                                    + " of it recurrent state: " + ModelSummary.hybridWords(s.model()) + ")")),
                            in("paged KV cache", Boolean.toString(i.pagedKvCache())),
                            in("KV per GPU", formatBytes(im.kvCachePerGpuBytes())),
                            in("reserve", formatBytes(im.overheadPerGpuBytes())),
                            in("memory holds", formatCount(im.sequencesByMemory()) + " sequences; scheduler limit "
                                    + formatCount(i.maxConcurrentSequences()))),
                    formatBytes(im.perGpuBytes()) + " of " + formatBytes(im.capacityBytes()), null);
            case INFERENCE_KV_PER_TOKEN -> new Explanation("KV cache per token", InferenceMemory.KV_PER_TOKEN_FORMULA,
                    kvPerTokenInputs(s.model(), i), formatBinaryBytes(im.kvCacheBytesPerToken()),
                    kvStored(s.model(), i.kvCachePrecision()) + " vLLM paper, Kwon et al. 2023." + (s.model().slidingWindow() == null ? ""
                            : " Counted over every layer, but " + formatPercent(s.model().slidingWindow().layerShare())
                            + " of them keep at most " + formatCount(s.model().slidingWindow().tokens()) + " tokens ("
                            + (s.model().slidingWindow().chunked() ? "chunked attention" : "sliding window")
                            + "), so a long context holds less: see serving memory.")
                            + (s.model().hybrid() == null ? "" : " " + ModelSummary.hybridWords(s.model()) + ".")
                            + (s.model().recurrentStateBytesPerSequence() == 0 ? "" : " Each sequence also keeps "
                            + formatBytes(s.model().recurrentStateBytesPerSequence()) + " of recurrent state whatever its length."));
            case INFERENCE_GPUS_PER_REPLICA -> new Explanation("GPUs per serving replica", ServingCost.SHAPE_FORMULA,
                    shapeInputs(sc, i),
                    sp.shape().label() + " = " + im.gpusPerReplica() + (im.gpusPerReplica() == 1 ? " GPU" : " GPUs")
                            + (im.fits() ? "" : " (does not fit)"),
                    shapeComparison(sc, i));
            case TIME_TO_FIRST_TOKEN -> new Explanation("Time to first token " + CapacityText.where(sp, i), InferenceSpeed.TTFT_FORMULA,
                    List.of(in("load", CapacityText.load(sp, i)),
                            in("prompt", formatCount(i.promptTokens()) + " tokens, " + formatPercent(i.prefixCacheHitRate()) + " from the prefix cache"),
                            in("prompt FLOPs", formatFlops(2 * e.activeParameters() * i.uncachedPromptTokens()) + " + attention"),
                            in("matmul rate reached", prefillMatmulRate(i)),
                            in("kernels", StepText.kernels(i.gpu()) + overrides(i)),
                            in("requests/s per replica", formatNumber(sp.requestsPerSecondPerReplica())),
                            in("prefill budget in use", formatPercent(sp.atPeak().prefillUtilisation())),
                            in("p50 / p99", formatDuration(sp.latency().ttftP50Seconds()) + " / " + formatDuration(sp.latency().ttftP99Seconds())),
                            in("p99 target", formatDuration(i.targetTimeToFirstTokenSeconds())),
                            in("replica", sp.shape().label())),
                    formatDuration(sp.timeToFirstTokenSeconds()) + " on average",
                    i.continuousBatching() ? "Prompts are prefilled in chunks of up to " + formatCount(ContinuousBatching.PREFILL_CHUNK_TOKENS)
                            + " tokens inside decode steps" + eachRank(sp.shape()) + "; queueing adds a wait once the chunk budget or memory fills."
                            : "Static batching: a request waits for the running batch to finish, then its batch is prefilled at once.");
            case TOKENS_PER_SECOND_PER_USER -> new Explanation("Decode speed per user " + CapacityText.where(sp, i), "1 ÷ time per output token\n  "
                            + InferenceSpeed.TPOT_FORMULA,
                    List.of(in("load", CapacityText.load(sp, i)),
                            in("requests in flight per replica", formatNumber(sp.concurrentRequests())),
                            in("time per token (p50 / p99)", formatDuration(sp.latency().tpotP50Seconds()) + " / "
                                    + formatDuration(sp.latency().tpotP99Seconds())),
                            in("arithmetic intensity", formatNumber(sp.decodeArithmeticIntensity()) + " FLOP/byte"),
                            in("ridge point", formatNumber(i.gpu().ridgePointFlopsPerByte()) + " FLOP/byte"),
                            in("average step", formatDuration(sp.step().totalSeconds()) + ": " + StepText.terms(sp.step())),
                            in("kernels", StepText.kernels(i.gpu()) + overrides(i)),
                            in("routed experts' kernel", StepText.expertKernel(s.model(), i)),
                            in("speculative decoding", i.speculativeDecoding().enabled()
                                    ? formatNumber(i.speculativeDecoding().expectedTokensPerStep()) + " tokens per step" : "off")),
                    formatNumber(sp.tokensPerSecondPerUser()) + " tokens/s",
                    "What limits each step at this load: " + StepText.largest(sp.step()) + "."
                            + " Prompts prefilled alongside slow each step down.");
            case REPLICA_THROUGHPUT -> new Explanation("Requests per second per replica", InferenceSpeed.CAPACITY_FORMULA
                            + "\n  at peak each replica gets peak ÷ replicas; " + OperatingPoint.LITTLE_FORMULA,
                    List.of(in("capacity at the targets", formatNumber(sp.capacityRequestsPerSecond()) + " requests/s"),
                            in("at peak", formatNumber(sp.requestsPerSecondPerReplica()) + " requests/s"),
                            in("TTFT (mean)", formatDuration(sp.timeToFirstTokenSeconds())),
                            in("output", formatCount(i.outputTokens()) + " tokens × " + formatDuration(sp.timePerOutputTokenSeconds())),
                            in("in flight", formatNumber(sp.concurrentRequests()))),
                    formatNumber(sp.requestsPerSecondPerReplica()) + " requests/s (" + formatCount(sp.tokensPerSecondPerReplica())
                            + " output tokens/s)",
                    i.batchSize() > 0 ? "Capacity measured at " + i.batchSize() + " concurrent requests, as set." : null);
            case SERVING_GPUS -> new Explanation("Serving GPUs", ServingCost.REPLICAS_FORMULA + " × GPUs per replica",
                    List.of(in("requests/day", formatCount(i.requestsPerDay())), in("peak-to-average", formatNumber(i.peakToAverage())),
                            in("peak requests/s", formatNumber(sc.peakRequestsPerSecond())),
                            in("requests/s one replica takes", formatNumber(sp.capacityRequestsPerSecond())),
                            in("held by", CapacityText.bound(sp, i)),
                            in("GPUs per replica", Integer.toString(im.gpusPerReplica()))),
                    sc.servable() ? Format.formatWhole(sc.replicas(), "replica", "replicas") + ", " + Format.formatWhole(sc.gpus(), "GPU", "GPUs") : "does not fit",
                    CapacityText.sentence(sp, i, im.sequencesByMemory()));
            case MONTHLY_SERVING_COST -> s.economics().owned() ? OwnedCostText.servingCost(e) : new Explanation("Serving cost per month", ServingCost.MONTHLY_FORMULA,
                    List.of(in("GPUs", Format.formatWhole(sc.gpus())), in("$/GPU-hour", formatUsd(i.pricePerGpuHourUsd()))),
                    formatUsd(sc.monthlyCostUsd()), "Grows with traffic: twice the requests, about twice the bill. A fleet that scales by "
                            + "the hour over a " + i.dailyTraffic().id() + " day (" + ServingCost.AUTOSCALED_FORMULA + ") would pay "
                            + formatUsd(sc.autoscaledMonthlyCostUsd()) + " (" + formatCount(sc.autoscaledGpuHoursPerMonth()) + " GPU-hours).");
            case COST_PER_REQUEST -> new Explanation("Serving cost per request", ServingCost.PER_REQUEST_FORMULA,
                    List.of(in("monthly cost", formatUsd(sc.monthlyCostUsd())), in("requests/day", formatCount(i.requestsPerDay()))),
                    formatUsd(sc.costPerRequestUsd()) + " (" + formatUsd(sc.costPerMillionOutputTokensUsd()) + " per million output tokens)", null);
            case TRAINING_COST_PER_REQUEST -> new Explanation("Training cost per request (amortised)", ServingCost.AMORTISED_FORMULA,
                    List.of(in("training cost", formatUsd(e.trainingCostUsd())), in("requests/day", formatCount(i.requestsPerDay())),
                            in("horizon", Format.formatMonths(s.economics().horizonMonths()))),
                    formatUsd(sc.trainingCostPerRequestUsd()), "Capital-like: paid once, spread over every request the model serves.");
            case BREAK_EVEN -> new Explanation("Break-even month", ServingCost.BREAK_EVEN_FORMULA,
                    List.of(in("training cost", formatUsd(e.trainingCostUsd())), in("monthly serving", formatUsd(sc.monthlyCostUsd()))),
                    Format.formatMonths(sc.breakEvenMonths()), "After this, serving has cost more than training did.");
            case API_COMPARISON -> apiComparison(e);
            case TRAINING_ENERGY, SERVING_ENERGY, ENERGY_PER_REQUEST -> EnergyText.explain(figure, e);
            case DISAGGREGATED_SERVING -> SplitServingText.explain(e);
        };
    }

    private static Explanation apiComparison(Estimate e) {
        ApiComparison api = e.api();
        if (api == null) {
            return new Explanation("The API price to beat", ApiComparison.API_FORMULA,
                    List.of(in("model", e.scenario().model().name()), in("listed offers", "none")),
                    "no listed API price", "assets/api-prices.json lists public prices for catalog models; this model has none"
                    + (e.serving().servable() ? "." : ", and it does not fit to self-host."));
        }
        InferenceSetup i = e.scenario().inference();
        ApiOffer o = api.cheapest();
        return new Explanation("The API price to beat", ApiComparison.API_FORMULA + "\n  break-even: " + ApiComparison.BREAK_EVEN_FORMULA,
                List.of(in("cheapest listed", o.provider() + " (" + o.date() + ")"),
                        in("$ per M tokens in / out", formatUsd(o.inputUsdPerMillionTokens()) + " / " + formatUsd(o.outputUsdPerMillionTokens())),
                        in("tokens per request", formatCount(i.promptTokens()) + " in, " + formatCount(i.outputTokens()) + " out"),
                        in("per request", formatUsd(api.costPerRequestUsd())),
                        in("requests/day", formatCount(i.requestsPerDay())),
                        in("self-hosted per month", formatUsd(api.selfHostingMonthlyCostUsd()))),
                formatUsd(api.monthlyCostUsd()) + "/month through the API",
                apiVerdict(api) + " Source: " + o.source() + ".");
    }

    /** Which is cheaper at this traffic, and from which traffic self-hosting wins. */
    static String apiVerdict(ApiComparison api) {
        String where = Double.isInfinite(api.selfHostingBreakEvenRequestsPerDay())
                ? "Self-hosting never gets cheaper at these prices."
                : "Self-hosting is cheaper from " + formatCount(api.selfHostingBreakEvenRequestsPerDay()) + " requests/day.";
        double ratio = api.selfHostingMonthlyCostUsd() / api.monthlyCostUsd();
        String now = ratio > 1 ? "Here the API costs " + formatNumber(ratio) + "× less." : "Here self-hosting costs " + formatNumber(1 / ratio) + "× less.";
        return now + " " + where;
    }

    private static List<Explanation.Input> concat(List<Explanation.Input> first, Explanation.Input... rest) {
        List<Explanation.Input> all = new java.util.ArrayList<>(first);
        all.addAll(List.of(rest));
        return all;
    }

    private static List<Explanation.Input> shapeInputs(ServingCost sc, InferenceSetup i) {
        List<Explanation.Input> inputs = new java.util.ArrayList<>();
        for (ShapeOption o : sc.options().subList(0, Math.min(5, sc.options().size()))) {
            inputs.add(in(o.shape().label(), Format.formatWhole(o.replicas()) + " × " + Format.formatWhole(o.shape().gpus(), "GPU", "GPUs") + ", "
                    + formatUsd(o.monthlyCostUsd()) + "/month" + (o.targetsMet() ? "" : " (misses a target)")));
        }
        inputs.add(in("pinned", ServingModel.pinned(i)
                ? "TP " + i.tensorParallel() + (i.expertParallel() > 0 ? ", EP " + i.expertParallel() : "") : "no: chosen"));
        return inputs;
    }

    /** "TP 8: 9× cheaper than TP 2 here", or what a pinned shape costs against the free choice. */
    private static String shapeComparison(ServingCost sc, InferenceSetup i) {
        ShapeOption chosen = sc.chosen();
        ShapeOption free = sc.unpinnedBest();
        if (free != null && !free.shape().equals(chosen.shape()) && free.monthlyCostUsd() < chosen.monthlyCostUsd()) {
            return "Pinned in the scenario. " + free.shape().label() + " would cost " + formatUsd(free.monthlyCostUsd())
                    + "/month, " + formatNumber(chosen.monthlyCostUsd() / free.monthlyCostUsd()) + "× less.";
        }
        ShapeOption dearest = sc.options().get(sc.options().size() - 1);
        if (dearest.monthlyCostUsd() > chosen.monthlyCostUsd() * 1.05 && chosen.monthlyCostUsd() > 0) {
            return chosen.shape().label() + ": " + formatNumber(dearest.monthlyCostUsd() / chosen.monthlyCostUsd()) + "× cheaper than "
                    + dearest.shape().label() + " here" + (sc.nextBest() != null ? "; " + ChartsFactory.OTHER_SHAPE.toLowerCase(java.util.Locale.ROOT) + sc.nextBest().shape().label() + " at "
                    + formatUsd(sc.nextBest().monthlyCostUsd()) + "/month." : ".");
        }
        return null;
    }

    /**
     * What "fp4" means here and what it costs on this GPU: LoopLine counts NVFP4's scales; gpt-oss ships MXFP4, whose
     * coarser blocks cost a little less memory. A GPU without fp4 tensor cores still saves the memory and bandwidth.
     */
    private static String fp4Note(Gpu gpu) {
        return "fp4 here is NVFP4: 4-bit values with one fp8 (E4M3) scale per 16, 0.5 + 1/16 B. MXFP4 (the OCP format "
                + "gpt-oss ships its experts in) shares one 8-bit power-of-two scale per 32 values, 0.5 + 1/32 B: about 6% "
                + "less memory, coarser scaling. " + (gpu.computesNatively(Precision.FP4)
                        ? gpu.name() + " multiplies fp4 on its tensor cores."
                        : gpu.name() + " has no fp4 units: the weights are upcast to " + gpu.inferenceComputeFormat(Precision.FP4).id()
                                + " for every matmul, so fp4 saves memory and bandwidth but no compute time.");
    }

    /** What one token leaves in the cache, in the cache's format (an fp4 cache stores its block scales too). */
    private static String kvStored(ModelArchitecture m, Precision kv) {
        String what = m.mla() != null ? "one compressed latent and one rotary key per layer" : "a key and a value per KV head per layer";
        String format = kv == Precision.FP4 ? "fp4 (NVFP4: 4-bit values and one fp8 scale per 16, 0.5 + 1/16 B each)" : kv.id();
        return "Each token stores " + what + ", in " + format + ".";
    }

    /** MLA caches one latent and a rotary key per token and layer, not keys and values per KV head. */
    private static List<Explanation.Input> kvPerTokenInputs(ModelArchitecture m, InferenceSetup i) {
        Explanation.Input layers = in("L", formatNumber(m.attentionLayers()) + (m.attentionLayers() == m.layers() ? ""
                : " of " + formatNumber(m.layers()) + (m.hybrid().recurrentLayers() > 0 ? " (the rest recurrent)" : " (the rest without attention)")));
        Explanation.Input bytes = in("bytes", formatNumber(i.kvCachePrecision().kvBytesPerValue()));
        return m.mla() != null
                ? List.of(layers, in("kv_lora_rank", formatNumber(m.mla().kvLoraRank())), in("rope_dim", formatNumber(m.mla().qkRopeHeadDim())), bytes)
                : m.mixedAttentionShapes() ? List.of(
                        in("full layers", formatNumber(m.fullAttentionLayers()) + " × " + ModelSummary.headsWords(m.attentionShape())),
                        in("window layers", formatNumber(m.localLayers()) + " × " + ModelSummary.headsWords(m.localAttentionShape())), bytes)
                : List.of(layers, in("a_kv", formatNumber(m.kvHeads())), in("d", formatNumber(m.headDim())), bytes);
    }

    /** Which pipeline stage's GPU the training memory describes, in words. */
    private static String stageWords(TrainingMemory.PipelineStage stage) {
        return switch (stage) {
            case ONLY -> "no pipelining";
            case FIRST -> "the first peaks (its micro-batches in flight and the embedding)";
            case LAST -> "the last peaks (the output head and the logits)";
        };
    }
}
