package loopline.engine.training;

import loopline.engine.RecordPaths;
import loopline.engine.ScenarioFields;
import loopline.engine.hardware.Gpu;
import loopline.engine.hardware.Precision;
import loopline.engine.model.ModelArchitecture;

/**
 * How the model is trained: hardware, numerics, parallelism, workload and efficiency. Built and edited
 * field by field through {@link ScenarioFields}, never by listing every component.
 */
public record TrainingSetup(
        Gpu gpu,
        int gpuCount,
        Precision precision,
        Optimizer optimizer,
        double tokens,
        double sequenceLength,
        double microBatchSize,
        ActivationRecompute activationRecompute,
        AttentionKernel attention,
        int zeroStage,
        int tensorParallel,
        int pipelineParallel,
        double mfu,
        double goodput,
        double pricePerGpuHourUsd,
        TrainingMethod method,
        double loraRank,
        LoraTargets loraTargets,
        double epochs,
        double globalBatchTokens,
        int virtualStages,
        double allocatorFragmentation,
        double fp8GemmShare,
        LossKernel loss,
        boolean overlapCommunication,
        int expertParallel,
        boolean balancedPipeline,
        TpSavedInputs tpSavedInputs,
        int contextParallel) {

    /** Chinchilla (Hoffmann et al. 2022): compute-optimal training uses about 20 tokens per parameter. */
    public static final double CHINCHILLA_TOKENS_PER_PARAMETER = 20;

    /**
     * A fine-tuning dataset when none is given: 100M tokens, about 100k instruction examples of 1k tokens
     * (an assumption; Alpaca's 52k examples are ~10M tokens, large instruction mixes reach billions).
     */
    public static final double FINE_TUNE_DEFAULT_TOKENS = 1e8;

    /**
     * Tokens per optimizer step when none is given: 4M up to 100B parameters, growing in proportion above it.
     * Published runs: Llama 1 and Llama 2 used 4M tokens at 7B–70B, OLMo 7B 4M, Pythia 2M; Llama 3 405B ended
     * at 16M (4.05 × 4M); GPT-3 175B used 3.2M in 2020 and DeepSeek-V3 (671B) 63M. A rule of thumb, stated:
     * larger models tolerate larger batches (their critical batch size grows), and nobody publishes more.
     */
    public static double defaultGlobalBatchTokens(double parameters) {
        return BATCH_TOKENS_UP_TO_100B * Math.max(1, parameters / BATCH_GROWS_ABOVE_PARAMETERS);
    }

    static final double BATCH_TOKENS_UP_TO_100B = 4e6;
    static final double BATCH_GROWS_ABOVE_PARAMETERS = 100e9;

    /**
     * Model chunks per pipeline stage when none is given: one layer per chunk, the deepest interleaving
     * (Megatron-LM's interleaved 1F1B, Narayanan et al. 2021; NeMo's Llama 2 70B recipe runs 80 layers on
     * 4 stages with 20 virtual stages). 1 without pipelining.
     */
    public static int defaultVirtualStages(double layers, int pipelineParallel) {
        return pipelineParallel <= 1 ? 1 : (int) Math.max(1, Math.floor(layers / pipelineParallel));
    }

    /** Tokens the run processes: the dataset once per epoch. */
    public double tokensTrained() {
        return tokens * epochs;
    }

    /** Replicas of the model that each see a different slice of the batch (a replica is t·p·c GPUs). */
    public int dataParallel() {
        return Math.max(1, gpuCount / gpusPerReplica());
    }

    /** GPUs that hold one replica and share its sequences: tensor × pipeline × context parallel. */
    public int gpusPerReplica() {
        return tensorParallel * pipelineParallel * contextParallel;
    }

    /**
     * Ranks the optimizer states and gradients shard over under ZeRO / FSDP: the data-parallel replicas and, within each,
     * the context-parallel ranks, which hold the same weights (Megatron's distributed optimizer shards over its DP × CP
     * group, torchtitan's FSDP over dp_shard × cp).
     */
    public int shardingRanks() {
        return dataParallel() * contextParallel;
    }

    /**
     * Ranks one MoE layer's experts spread over: the set degree, at most the data-parallel ranks (expert parallelism
     * takes its ranks from them, as in Megatron) and the experts; 1 for a dense model.
     */
    public int expertParallel(ModelArchitecture model) {
        if (model.moe() == null) {
            return 1;
        }
        return (int) Math.max(1, Math.min(expertParallel, Math.min(dataParallel(), model.moe().experts())));
    }

    /**
     * Per-GPU share of a per-parameter quantity held whole on each of t·p ranks, relative to no expert parallelism: the
     * routed experts' part divided among the expert-parallel ranks. 1 for a dense model.
     */
    public double expertParallelHoldingFactor(ModelArchitecture model) {
        double routedShare = model.routedExpertParameters() / model.totalParameters();
        return 1 - routedShare + routedShare / expertParallel(model);
    }

    public TrainingSetup withGpuCount(int n) {
        return RecordPaths.with(this, "gpuCount", n);
    }
}
