package loopline.engine.training;

import loopline.engine.Units;
import loopline.engine.hardware.Gpu;
import loopline.engine.hardware.Precision;
import loopline.engine.model.ModelArchitecture;

/**
 * How long training takes and what it costs. Model FLOPs are 6·N_active per token (Kaplan et al. 2020)
 * plus attention, 3 × the forward QKᵀ and scores·V work (12·L·h·s for standard attention); MFU is
 * measured against them. Full recompute adds a forward pass of work the MFU figure does not count. The MFU while
 * computing and fp8's GEMM share come from {@link TrainingStepCost} unless the scenario sets them.
 * Goodput is the share of wall-clock that trains (failures, restarts, evaluation and checkpoints take the rest).
 * Tokens per second come from one optimizer step across the cluster ({@link TrainingSchedule}): the global batch,
 * the pipeline bubble and the gradient all-reduce decide how much of the GPUs' compute becomes progress.
 *
 * <p>LoRA and QLoRA run the frozen base forward (2·N) and send the gradient back through it to the adapters
 * (2·N for the input gradients) but compute no weight gradient for it (the other 2·N of pre-training's 6·N);
 * the adapters train in full (6 per parameter). QLoRA also dequantises every 4-bit block to bf16 before each
 * matmul that uses it: memory-bound work, counted as GPU time on top of the FLOPs.
 */
public record TrainingRun(
        double flopsPerToken,
        double flops,
        double peakFlopsPerSecondPerGpu,
        double tokensPerSecond,
        double wallClockSeconds,
        double wallClockDays,
        double gpuHours,
        double costUsd,
        double tokensTrained,
        double dequantisationShare,
        double lowPrecisionSpeedup,
        TrainingSchedule schedule) {


    /** FLOPs per parameter per token for a weight that trains: forward 2, input gradient 2, weight gradient 2. */
    static final int TRAINED_FLOPS_PER_PARAMETER = 6;
    /** FLOPs per parameter per token for a frozen weight the gradient still passes through: forward 2, input gradient 2. */
    static final int FROZEN_FLOPS_PER_PARAMETER = 4;
    /** Attention-core work per token in forward-pass units: the forward and the backward's two (input and weight side). */
    static final int ATTENTION_PASSES = 3;
    /** Dequantisation passes over the base per micro-batch: one in the forward, one in the backward. */
    static final int DEQUANTISE_PASSES = 2;

    public static final String FLOPS_FORMULA = "D × epochs × (" + TRAINED_FLOPS_PER_PARAMETER
            + "·N_active + 3 · (Σ_layers 2·a·(d_qk + d_v)·s + a hybrid's recurrences))";
    public static final String ADAPTER_FLOPS_FORMULA = "D × epochs × (" + FROZEN_FLOPS_PER_PARAMETER + "·N_active + "
            + TRAINED_FLOPS_PER_PARAMETER + "·N_adapters,active + 3 · (Σ_layers 2·a·(d_qk + d_v)·s + recurrences))   (frozen base: forward + input gradients, no weight gradients)";
    public static final String DEQUANTISATION_FORMULA = "GPU-seconds per token += " + DEQUANTISE_PASSES
            + " passes (+1 with full recompute) × N_4bit × (" + String.format(java.util.Locale.ROOT, "%.3f", Nf4Quantisation.BYTES_PER_PARAMETER)
            + " B read + 2 B written) ÷ (bandwidth × " + Nf4Quantisation.DEQUANTISE_BANDWIDTH_EFFICIENCY + ") ÷ (b·s tokens per micro-batch)";
    public static final String TOKENS_PER_SECOND_FORMULA =
            "tokens per step ÷ step seconds; GPU-seconds per token = (FLOPs per token [+ recompute]) ÷ (16-bit peak FLOP/s × MFU × fp8 speed-up)"
                    + " [+ QLoRA dequantisation]";
    public static final String FP8_SPEEDUP_FORMULA =
            "fp8 speed-up = 1 ÷ ((1 − GEMM share) + GEMM share × 16-bit matmul rate ÷ fp8 matmul rate): only the GEMMs run faster";
    public static final String WALL_CLOCK_FORMULA = "D × epochs ÷ (tokens/s × goodput)";
    public static final String COST_FORMULA = "GPUs × wall-clock hours × $/GPU-hour";

    public static TrainingRun of(ModelArchitecture model, TrainingSetup setup) {
        double active = model.activeParameters();
        boolean adapters = setup.method().trainsAdapters();
        double adaptersActive = adapters ? LoraAdapters.activeParameters(model, setup.loraRank(), setup.loraTargets()) : 0;
        double attentionForward = model.attentionForwardFlopsPerToken(setup.sequenceLength());
        double perToken = (adapters ? FROZEN_FLOPS_PER_PARAMETER : TRAINED_FLOPS_PER_PARAMETER) * active
                + TRAINED_FLOPS_PER_PARAMETER * adaptersActive + ATTENTION_PASSES * attentionForward;
        double recomputedShare = setup.activationRecompute().recomputedForwardShare();
        double recompute = recomputedShare * (2 * (active + adaptersActive) + attentionForward);
        Precision mfuBase = setup.precision() == Precision.FP8 ? Precision.BF16 : setup.precision();
        double peak = setup.gpu().trainingPeakFlopsPerSecond(mfuBase);
        double speedup = lowPrecisionSpeedup(setup.gpu(), setup.precision(), setup.fp8GemmShare());
        double computeSecondsPerToken = (perToken + recompute) / (peak * setup.mfu() * speedup);
        double dequantise = setup.method().quantisedBase() ? dequantisationSecondsPerToken(model, setup, recomputedShare) : 0;
        // each GPU reduces only its expert-parallel share of the routed experts' gradients
        double gradientBytes = TrainingMemory.trainableParameters(model, setup) * TrainingMemory.gradientBytesPerValue(setup.precision())
                * setup.expertParallelHoldingFactor(model);
        // the output head is a V × h matmul every token runs, trained (or frozen under adapters) like the rest
        double head = ((adapters ? FROZEN_FLOPS_PER_PARAMETER : TRAINED_FLOPS_PER_PARAMETER) + 2 * recomputedShare)
                * model.vocabSize() * model.hiddenSize();
        TrainingSchedule schedule = TrainingSchedule.of(setup, computeSecondsPerToken + dequantise, gradientBytes, head / (perToken + recompute));
        double tokensPerSecond = schedule.tokensPerSecond();
        double tokens = setup.tokensTrained();
        double seconds = tokens / (tokensPerSecond * setup.goodput());
        double gpuHours = setup.gpuCount() * seconds / Units.SECONDS_PER_HOUR;
        return new TrainingRun(perToken, perToken * tokens, peak, tokensPerSecond, seconds, seconds / Units.SECONDS_PER_DAY,
                gpuHours, gpuHours * setup.pricePerGpuHourUsd(), tokens, dequantise / (computeSecondsPerToken + dequantise), speedup, schedule);
    }

    /**
     * How much faster than 16-bit a step runs in this format. fp8 speeds up only the GEMMs, by the ratio of the
     * GPU's achievable fp8 and 16-bit matmul rates; a GPU without fp8 tensor cores runs fp8 in 16-bit (1×).
     */
    static double lowPrecisionSpeedup(Gpu gpu, Precision precision, double gemmShare) {
        if (precision != Precision.FP8 || !gpu.computesNatively(Precision.FP8)) {
            return 1;
        }
        double gemm = gpu.achievableMatmulFlopsPerSecond(Precision.FP8) / gpu.achievableMatmulFlopsPerSecond(Precision.BF16);
        return 1 / ((1 - gemmShare) + gemmShare / gemm);
    }

    /**
     * MFU as published runs report it: model FLOP/s achieved per GPU over the whole cluster, bubble, waiting and
     * idle GPUs included, against the 16-bit peak (goodput excluded, as in Llama 3's 38–43%).
     */
    public double clusterMfu(int gpuCount) {
        return tokensPerSecond * flopsPerToken / gpuCount / peakFlopsPerSecondPerGpu;
    }

    /**
     * GPU-seconds per token spent turning NF4 blocks into bf16: each pass reads every quantised weight and writes
     * its bf16 copy, once per micro-batch of b·s tokens per data-parallel replica (t·p GPUs share the weights and
     * the time, so the GPU-seconds do not depend on them). An assumption, stated: the kernels run at the same
     * share of bandwidth as decode and nothing overlaps them with the matmuls.
     */
    static double dequantisationSecondsPerToken(ModelArchitecture model, TrainingSetup setup, double recomputedShare) {
        double passes = DEQUANTISE_PASSES + recomputedShare;
        double bytes = passes * Nf4Quantisation.quantisedParameters(model) * Nf4Quantisation.DEQUANTISE_BYTES_PER_PARAMETER;
        double bandwidth = setup.gpu().memoryBandwidthBytesPerSecond() * Nf4Quantisation.DEQUANTISE_BANDWIDTH_EFFICIENCY;
        return bytes / bandwidth / (setup.microBatchSize() * setup.sequenceLength());
    }
}
