package loopline.engine;

/**
 * How long training takes and what it costs. Model FLOPs are 6·N_active per token (Kaplan et al. 2020)
 * plus attention, 3 × the forward QKᵀ and scores·V work (12·L·h·s for standard attention); MFU is
 * measured against them. Full recompute adds a forward pass of work the MFU figure does not count.
 * Goodput is the share of wall-clock that trains (failures, restarts, evaluation and checkpoints take the rest).
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
        double dequantisationShare) {

    /** FLOPs per parameter per token for a weight that trains: forward 2, input gradient 2, weight gradient 2. */
    static final int TRAINED_FLOPS_PER_PARAMETER = 6;
    /** FLOPs per parameter per token for a frozen weight the gradient still passes through: forward 2, input gradient 2. */
    static final int FROZEN_FLOPS_PER_PARAMETER = 4;
    /** Dequantisation passes over the base per micro-batch: one in the forward, one in the backward. */
    static final int DEQUANTISE_PASSES = 2;

    public static final String FLOPS_FORMULA = "D × epochs × (" + TRAINED_FLOPS_PER_PARAMETER
            + "·N_active + 3 · Σ_layers 2·a·(d_qk + d_v)·s)";
    public static final String ADAPTER_FLOPS_FORMULA = "D × epochs × (" + FROZEN_FLOPS_PER_PARAMETER + "·N_active + "
            + TRAINED_FLOPS_PER_PARAMETER + "·N_adapters,active + 3 · Σ_layers 2·a·(d_qk + d_v)·s)   (frozen base: forward + input gradients, no weight gradients)";
    public static final String DEQUANTISATION_FORMULA = "GPU-seconds per token += " + DEQUANTISE_PASSES
            + " passes (+1 with full recompute) × N_4bit × (" + String.format(java.util.Locale.ROOT, "%.3f", Nf4Quantisation.BYTES_PER_PARAMETER)
            + " B read + 2 B written) ÷ (bandwidth × " + Nf4Quantisation.DEQUANTISE_BANDWIDTH_EFFICIENCY + ") ÷ (b·s tokens per micro-batch)";
    public static final String TOKENS_PER_SECOND_FORMULA =
            "GPUs ÷ ((FLOPs per token [+ recompute]) ÷ (peak FLOP/s × MFU) [+ QLoRA dequantisation seconds per token])";
    public static final String WALL_CLOCK_FORMULA = "D × epochs ÷ (tokens/s × goodput)";
    public static final String COST_FORMULA = "GPUs × wall-clock hours × $/GPU-hour";

    public static TrainingRun of(ModelArchitecture model, TrainingSetup setup) {
        double active = model.activeParameters();
        boolean adapters = setup.method().trainsAdapters();
        double adaptersActive = adapters ? LoraAdapters.activeParameters(model, setup.loraRank(), setup.loraTargets()) : 0;
        double attentionForward = model.attentionFlopsPerPosition() * model.layerPositions(setup.sequenceLength());
        double perToken = (adapters ? FROZEN_FLOPS_PER_PARAMETER : TRAINED_FLOPS_PER_PARAMETER) * active
                + TRAINED_FLOPS_PER_PARAMETER * adaptersActive + 3 * attentionForward;
        boolean fullRecompute = setup.activationRecompute() == ActivationRecompute.FULL;
        double recompute = fullRecompute ? 2 * (active + adaptersActive) + attentionForward : 0;
        double peak = setup.gpu().trainingPeakFlopsPerSecond(setup.precision());
        double computeSecondsPerToken = (perToken + recompute) / (peak * setup.mfu());
        double dequantise = setup.method().quantisedBase() ? dequantisationSecondsPerToken(model, setup, fullRecompute) : 0;
        double tokensPerSecond = setup.gpuCount() / (computeSecondsPerToken + dequantise);
        double tokens = setup.tokensTrained();
        double seconds = tokens / (tokensPerSecond * setup.goodput());
        double gpuHours = setup.gpuCount() * seconds / Units.SECONDS_PER_HOUR;
        return new TrainingRun(perToken, perToken * tokens, peak, tokensPerSecond, seconds, seconds / Units.SECONDS_PER_DAY,
                gpuHours, gpuHours * setup.pricePerGpuHourUsd(), tokens, dequantise / (computeSecondsPerToken + dequantise));
    }

    /**
     * GPU-seconds per token spent turning NF4 blocks into bf16: each pass reads every quantised weight and writes
     * its bf16 copy, once per micro-batch of b·s tokens per data-parallel replica (t·p GPUs share the weights and
     * the time, so the GPU-seconds do not depend on them). An assumption, stated: the kernels run at the same
     * share of bandwidth as decode and nothing overlaps them with the matmuls.
     */
    static double dequantisationSecondsPerToken(ModelArchitecture model, TrainingSetup setup, boolean fullRecompute) {
        double passes = DEQUANTISE_PASSES + (fullRecompute ? 1 : 0);
        double bytes = passes * Nf4Quantisation.quantisedParameters(model) * Nf4Quantisation.DEQUANTISE_BYTES_PER_PARAMETER;
        double bandwidth = setup.gpu().memoryBandwidthBytesPerSecond() * Nf4Quantisation.DEQUANTISE_BANDWIDTH_EFFICIENCY;
        return bytes / bandwidth / (setup.microBatchSize() * setup.sequenceLength());
    }
}
