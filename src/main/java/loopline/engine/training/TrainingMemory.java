package loopline.engine.training;

import loopline.engine.hardware.Precision;
import loopline.engine.model.ModelArchitecture;

/**
 * Peak memory of one training GPU, and what fills it. Bytes are per GPU unless the name says total.
 *
 * <p>Model states follow the ZeRO paper (mixed-precision Adam: 2 + 2 + 4 + 4 + 4 = 16 B/param), sharded
 * over data-parallel ranks by ZeRO stage and split by tensor × pipeline parallelism. Activations follow
 * Korthikanti et al. 2022, with the constant derived for the real architecture (SwiGLU, GQA, MLA, MoE,
 * no dropout); 1F1B pipelining keeps p micro-batches in flight on the first stage, so a GPU holds about
 * all L layers' worth whatever p is. Tensor parallelism with sequence parallelism divides them by t, except, under
 * PyTorch's DTensor TP, the attention's and the MLP's gathered inputs ({@link TpSavedInputs}).
 *
 * <p>Working copies ({@link WorkingCopies}) are what a step gathers or casts on top: FSDP's whole weights of the unit computing
 * and the one prefetched and the fp32 gradient awaiting its reduce-scatter; fp8's weight casts.
 *
 * <p>A LoRA or QLoRA fine-tune keeps the base frozen ({@link #frozenWeightsBytes}: 16-bit, or NF4 per
 * {@link Nf4Quantisation}) and gives only the adapters gradients and optimizer states; QLoRA's paged optimizer
 * states ({@link #pagedOptimizerBytes}) live in unified memory and are not counted against the GPU.
 * Per-parameter figures are per parameter of the model, adapters' states spread over all of them.
 */
public record TrainingMemory(
        double weightsBytes,
        double gradientsBytes,
        double optimizerStatesBytes,
        double activationsBytes,
        double logitsBytes,
        double workingCopiesBytes,
        double overheadBytes,
        double perGpuBytes,
        double capacityBytes,
        double modelStatesTotalBytes,
        double bytesPerParameter,
        double weightBytesPerParameter,
        double gradientBytesPerParameter,
        double optimizerBytesPerParameter,
        double activationBytesPerToken,
        boolean fitsOnGpu,
        int minGpusToFit,
        double trainableParameters,
        double frozenWeightsBytes,
        double pagedOptimizerBytes,
        PipelineStage peakStage) {

    /** The pipeline stage whose GPU the figures describe: the one that peaks higher, or the only one without pipelining. */
    public enum PipelineStage {
        ONLY, FIRST, LAST
    }

    public static final String MODEL_STATES_FORMULA =
            "per GPU = N ÷ (t·p) × (weights B + gradients B ÷ N_d[ZeRO≥2] + optimizer B ÷ N_d[ZeRO≥1]); weights ÷ N_d at ZeRO 3 (N_d: data-parallel × context-parallel ranks)";
    public static final String ADAPTER_STATES_FORMULA =
            "per GPU = frozen base ÷ (t·p) [÷ N_d at ZeRO 3] + N_adapters ÷ (t·p) × (weights B + gradients B + optimizer B), sharded as in pre-training";
    public static final String FROZEN_BASE_FORMULA = "N × 2 B: 16-bit, no gradient, no fp32 master copy, no optimizer state";
    public static final String PAGED_OPTIMIZER_FORMULA =
            "paged optimizer: the adapters' optimizer states sit in unified memory and move to CPU RAM when the GPU runs short, so they do not count against GPU memory";
    public static final String ACTIVATIONS_FORMULA =
            "b · s ÷ c · Σ_layers(bytes stored per token) ÷ t [DTensor TP: + the gathered attention and MLP inputs × (1 − 1/t)]   (eager attention, no recompute: + 2·a·s score matrix; selective-op: 2·h + the matmuls' outputs"
                    + " per layer; selective-layer: every second layer at 2·h; full: 2·h per layer; both + one layer's set; fp8: linear-layer inputs at 1 B)";
    public static final String LOGITS_FORMULA = "b · s ÷ c · V × bytes per logit ÷ t   (c: context-parallel ranks; fp32 loss: the backward's 4 + 4 + 4 B, above the forward's 2 + 4 + 4 B; fused: 2 + 2 B; chunked: 12 B ÷ 8)";
    public static final String WORKING_COPIES_FORMULA =
            "ZeRO 3: (largest unit + largest layer) ÷ t × weight B + largest unit ÷ t × 4 B fp32 gradient for the reduce-scatter"
                    + " [+ 2 layers ÷ t × 2 B fp8 casts]; ZeRO < 3 with fp8: matmul weights ÷ (t·p) × 2 B (fp8 weight + transpose)";
    public static final String PIPELINE_FORMULA = "pipelined: the larger of the first stage (all L layers' activations: p micro-batches"
            + " in flight over L/p layers; no logits) and the last (one micro-batch's L/p layers + the logits); each end stage's states"
            + " × (N − E + p·V·h) ÷ N for the embedding or head it holds on top of its layers, unless the stages are balanced";
    public static final String OVERHEAD_FORMULA = "1 GB CUDA context + allocator fragmentation (5% by default) of everything else";

    /** CUDA context, cuBLAS/NCCL workspaces: 0.5–1 GB per GPU in practice. */
    static final double CONTEXT_BYTES = 1e9;
    /** PyTorch caching-allocator fragmentation on top of live tensors, when the scenario names none. */
    public static final double DEFAULT_FRAGMENTATION = 0.05;

    /**
     * LoRA and QLoRA keep the activations of the frozen base: the gradient must flow back through every layer to
     * reach the adapters below it, and each adapter needs its layer's input. (A frozen linear layer alone would not
     * need its input, so this is an upper bound; the adapters' own r-wide intermediates, 2·r bytes per adapted
     * matrix per token, are under 1% of a layer's activations at r ≤ 64 and are left out.)
     */
    public static TrainingMemory of(ModelArchitecture model, TrainingSetup setup) {
        double t = setup.tensorParallel();
        boolean fp32 = setup.precision() == Precision.FP32;
        double weightB = gradientBytesPerValue(setup.precision()); // fp8 training keeps bf16 weights; fp8 copies are transient
        double trainable = trainableParameters(model, setup);
        double frozen = frozenBaseBytes(model, setup.method(), weightB);

        double activationScale = fp32 ? 2 : 1; // per-token counts below are for 16-bit activations
        boolean fp8Inputs = setup.precision() == Precision.FP8 && setup.gpu().computesNatively(Precision.FP8);
        double perToken = SavedActivations.perToken(model, setup.sequenceLength(), setup.activationRecompute(), setup.attention(), fp8Inputs)
                * activationScale;
        // context parallelism gives each of its ranks a c-th of every sequence: its activations and logits
        double tokensPerMicroBatch = setup.microBatchSize() * setup.sequenceLength() / setup.contextParallel();
        // DTensor TP keeps the gathered attention and MLP inputs whole on each rank; everything else splits over t
        double wholeOnEachRank = t > 1 && setup.tpSavedInputs() == TpSavedInputs.GATHERED
                ? SavedActivations.gatheredInputsPerToken(model, setup.activationRecompute(), fp8Inputs) * activationScale : 0;
        double allLayers = tokensPerMicroBatch * (perToken / t + wholeOnEachRank * (1 - 1 / t));
        double logits = tokensPerMicroBatch * model.vocabSize() * setup.loss().bytesPerLogit() / t;

        int p = setup.pipelineParallel();
        if (p == 1) {
            return atStage(model, setup, PipelineStage.ONLY, 1, allLayers, logits, perToken, trainable, frozen);
        }
        // 1F1B: the first stage holds p micro-batches in flight over its L/p layers (all L layers' worth) and the
        // embedding; the last holds one micro-batch, the output head and the logits. The larger is the GPU's peak.
        double stateScale = stageStateScale(model, setup);
        TrainingMemory first = atStage(model, setup, PipelineStage.FIRST, stateScale, allLayers, 0, perToken, trainable, frozen);
        TrainingMemory last = atStage(model, setup, PipelineStage.LAST, stateScale, allLayers / p, logits, perToken, trainable, frozen);
        return last.perGpuBytes() > first.perGpuBytes() ? last : first;
    }

    /**
     * A first or last pipeline stage's model states over an even share of them (N ÷ p): Megatron splits the layers
     * evenly, so each end stage holds its L/p layers plus a vocabulary-sized table, the input embedding on the first and
     * the output head on the last (a copy of the embedding when they are tied): (N − E + p·V·h) ÷ N. Balanced stages
     * ({@code training.balancedPipeline}) give the end stages fewer layers to even the states out.
     */
    static double stageStateScale(ModelArchitecture model, TrainingSetup setup) {
        if (setup.balancedPipeline() || setup.pipelineParallel() == 1) {
            return 1;
        }
        double n = model.totalParameters();
        double table = model.vocabSize() * model.hiddenSize();
        return (n - model.embeddingAndHeadParameters() + setup.pipelineParallel() * table) / n;
    }

    private static TrainingMemory atStage(ModelArchitecture model, TrainingSetup setup, PipelineStage where, double stateScale, double activations,
                                          double logits, double perToken, double trainable, double frozen) {
        double n = model.totalParameters();
        double t = setup.tensorParallel();
        double modelSplit = t * setup.pipelineParallel();
        double dp = setup.shardingRanks(); // context-parallel ranks hold the same weights: ZeRO shards over them too
        int stage = setup.zeroStage();
        TrainingMethod method = setup.method();

        boolean fp32 = setup.precision() == Precision.FP32;
        double weightB = gradientBytesPerValue(setup.precision());
        double gradientB = weightB;
        double optimizerB = (fp32 ? 0 : 4) + setup.optimizer().stateBytesPerParameter(); // fp32 master copy

        double trainedPerRank = trainable / modelSplit * stateScale;
        double frozenPerRank = frozen / modelSplit * stateScale;
        double weightsPerRank = frozenPerRank + trainedPerRank * weightB;
        double gradientsPerRank = trainedPerRank * gradientB;
        double optimizerPerRank = trainedPerRank * optimizerB;
        double onGpuOptimizerPerRank = method.pagedOptimizer() ? 0 : optimizerPerRank;

        // what a stage shards spreads over all N_d ranks, experts or not; what it keeps whole, each GPU holds only its
        // expert-parallel share of the routed experts
        double whole = setup.expertParallelHoldingFactor(model);
        double weightShards = stage >= 3 ? dp : 1 / whole;
        double weights = weightsPerRank / weightShards;
        double frozenWeights = frozenPerRank / weightShards;
        double gradients = gradientsPerRank / (stage >= 2 ? dp : 1 / whole);
        double optimizer = onGpuOptimizerPerRank / (stage >= 1 ? dp : 1 / whole);
        double paged = (optimizerPerRank - onGpuOptimizerPerRank) / (stage >= 1 ? dp : 1 / whole);

        double trainedShare = trainable / n;
        double gatheredWeightBytes = (frozen + trainable * weightB) / n;
        double workingCopies = WorkingCopies.bytes(model, setup, gatheredWeightBytes, trainedShare);
        double live = weights + gradients + optimizer + activations + logits + workingCopies;
        double fragmentation = setup.allocatorFragmentation();
        double overhead = CONTEXT_BYTES + fragmentation * live;
        double perGpu = live + overhead;
        double capacity = setup.gpu().memoryBytes();

        // Fewest GPUs at this t, p and ZeRO stage: per GPU = context + (1 + fragmentation)·(unsharded + sharded ÷ N_d).
        double sharded = (stage >= 3 ? weightsPerRank : 0) + (stage >= 2 ? gradientsPerRank : 0) + (stage >= 1 ? onGpuOptimizerPerRank : 0);
        double unsharded = whole * ((stage >= 3 ? 0 : weightsPerRank) + (stage >= 2 ? 0 : gradientsPerRank) + (stage >= 1 ? 0 : onGpuOptimizerPerRank))
                + activations + logits + workingCopies;
        int minGpus = fewestGpus(capacity - CONTEXT_BYTES - (1 + fragmentation) * unsharded, sharded, modelSplit,
                setup.contextParallel(), fragmentation);

        // Per parameter of the model: the trained share carries the full mixed-precision set, the rest its frozen bytes.
        double weightPerParam = frozen / n + trainedShare * weightB;
        double gradientPerParam = trainedShare * gradientB;
        double optimizerPerParam = trainedShare * optimizerB;
        double statesPerParam = weightPerParam + gradientPerParam + optimizerPerParam;
        return new TrainingMemory(weights, gradients, optimizer, activations, logits, workingCopies, overhead, perGpu, capacity,
                n * statesPerParam, statesPerParam, weightPerParam, gradientPerParam, optimizerPerParam, perToken,
                perGpu <= capacity, minGpus, trainable, frozenWeights, paged, where);
    }

    /**
     * Data-parallel replicas of t·p·c GPUs needed so the sharded states fit in the room the rest leaves (each replica's c
     * context-parallel ranks share its shards); 0 when nothing fits.
     */
    private static int fewestGpus(double room, double sharded, double modelSplit, int contextParallel, double fragmentation) {
        if (room <= 0) {
            return 0;
        }
        double replicaGpus = modelSplit * contextParallel;
        if (sharded == 0) {
            return (int) replicaGpus;
        }
        double replicas = Math.max(1, Math.ceil((1 + fragmentation) * sharded / (room * contextParallel)));
        return (int) Math.min(Integer.MAX_VALUE, replicas * replicaGpus);
    }

    /** Bytes of one weight or gradient value: 4 in fp32 runs, else 2 (fp8 training keeps 16-bit weights and gradients). */
    static double gradientBytesPerValue(Precision precision) {
        return precision == Precision.FP32 ? 4 : 2;
    }

    /** Parameters that get gradients and optimizer states: every weight, or only the adapters. */
    public static double trainableParameters(ModelArchitecture model, TrainingSetup setup) {
        return setup.method().trainsAdapters()
                ? LoraAdapters.parameters(model, setup.loraRank(), setup.loraTargets()) : model.totalParameters();
    }

    /** Bytes of the frozen base: none when every weight trains, 16-bit for LoRA (4-byte in fp32 runs), NF4 for QLoRA. */
    static double frozenBaseBytes(ModelArchitecture model, TrainingMethod method, double weightBytes) {
        return switch (method) {
            case PRETRAIN, FULL -> 0;
            case LORA -> model.totalParameters() * weightBytes;
            case QLORA -> Nf4Quantisation.baseBytes(model);
        };
    }

    /** Bytes of 16-bit activations one token leaves stored across all layers for the backward pass ({@link SavedActivations}). */
    public static double activationBytesPerToken(ModelArchitecture m, double sequenceLength, ActivationRecompute recompute,
                                                 AttentionKernel kernel) {
        return SavedActivations.perToken(m, sequenceLength, recompute, kernel, false);
    }

    public double modelStatesBytes() {
        return weightsBytes + gradientsBytes + optimizerStatesBytes;
    }
}
