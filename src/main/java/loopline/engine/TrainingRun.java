package loopline.engine;

/**
 * How long training takes and what it costs. Model FLOPs are 6·N_active per token (Kaplan et al. 2020)
 * plus attention, 3 × the forward QKᵀ and scores·V work (12·L·h·s for standard attention); MFU is
 * measured against them. Full recompute adds a forward pass of work the MFU figure does not count.
 * Goodput is the share of wall-clock that trains (failures, restarts, evaluation and checkpoints take the rest).
 */
public record TrainingRun(
        double flopsPerToken,
        double flops,
        double peakFlopsPerSecondPerGpu,
        double tokensPerSecond,
        double wallClockSeconds,
        double wallClockDays,
        double gpuHours,
        double costUsd) {

    public static final String FLOPS_FORMULA = "D × (6·N_active + 3 · Σ_layers 2·a·(d_qk + d_v)·s)";
    public static final String TOKENS_PER_SECOND_FORMULA = "GPUs × peak FLOP/s × MFU ÷ (FLOPs per token [+ recompute])";
    public static final String WALL_CLOCK_FORMULA = "D ÷ (tokens/s × goodput)";
    public static final String COST_FORMULA = "GPUs × wall-clock hours × $/GPU-hour";

    public static TrainingRun of(ModelArchitecture model, TrainingSetup setup) {
        double active = model.activeParameters();
        double attentionForward = model.attentionFlopsPerPosition() * model.layerPositions(setup.sequenceLength());
        double perToken = 6 * active + 3 * attentionForward;
        double recompute = setup.activationRecompute() == ActivationRecompute.FULL ? 2 * active + attentionForward : 0;
        double peak = setup.gpu().trainingPeakFlopsPerSecond(setup.precision());
        double tokensPerSecond = setup.gpuCount() * peak * setup.mfu() / (perToken + recompute);
        double seconds = setup.tokens() / (tokensPerSecond * setup.goodput());
        double gpuHours = setup.gpuCount() * seconds / Units.SECONDS_PER_HOUR;
        return new TrainingRun(perToken, perToken * setup.tokens(), peak,
                tokensPerSecond, seconds, seconds / Units.SECONDS_PER_DAY, gpuHours, gpuHours * setup.pricePerGpuHourUsd());
    }
}
