package loopline.engine;

/**
 * Serving one replica: memory, prefill and decode as rooflines (Williams et al. 2009; LLM-Viewer,
 * Yuan et al. 2024). A step takes the longer of its bytes over achieved bandwidth and its FLOPs over
 * achieved compute, plus two all-reduces per layer when the replica spans several GPUs.
 */
public final class ServingModel {

    /** Paged KV cache (vLLM, Kwon et al. 2023) wastes under 4%; earlier systems 60–80% of it. */
    static final double PAGED_KV_WASTE = 0.04;
    static final double UNPAGED_KV_WASTE = 0.60;
    /** Small-message NCCL all-reduce latency inside an NVLink node; across nodes (InfiniBand) it is longer. */
    static final double ALL_REDUCE_LATENCY_SECONDS = 8e-6;
    static final double CROSS_NODE_ALL_REDUCE_LATENCY_SECONDS = 25e-6;
    static final double CROSS_NODE_BYTES_PER_SECOND = 50e9;
    static final int GPUS_PER_NODE = 8;
    /** Concurrent sequences a serving engine schedules at most (vLLM's max_num_seqs is of this order). */
    public static final int MAX_AUTO_BATCH = 1024;
    static final int MAX_TENSOR_PARALLEL = 64;
    static final double BYTES_PER_ACTIVATION = 2;

    private final ModelArchitecture model;
    private final InferenceSetup setup;
    private final Gpu gpu;
    private final int tensorParallel;
    private final double activeParameters;
    private final double weightBytesPerParameter;
    private final double alwaysReadWeightBytes;
    private final double routedExpertBytes;
    private final double kvBytesPerLayerPosition;
    private final double averageContext;
    private final double linearFlopsPerSecond;
    private final double attentionFlopsPerSecond;
    private final double bandwidth;

    private ServingModel(ModelArchitecture model, InferenceSetup setup, int tensorParallel) {
        this.model = model;
        this.setup = setup;
        this.gpu = setup.gpu();
        this.tensorParallel = tensorParallel;
        this.activeParameters = model.activeParameters();
        this.weightBytesPerParameter = setup.precision().weightBytesPerParameter();
        double embeddingLookup = model.tiedEmbeddings() ? 0 : model.inputEmbeddingParameters();
        this.alwaysReadWeightBytes = (model.totalParameters() - model.routedExpertParameters() - embeddingLookup)
                * weightBytesPerParameter;
        this.routedExpertBytes = model.routedExpertParameters() * weightBytesPerParameter;
        this.kvBytesPerLayerPosition = model.kvValuesPerTokenPerLayer() * setup.kvCachePrecision().bytesPerValue();
        this.averageContext = setup.promptTokens() + setup.outputTokens() / 2;
        Precision format = gpu.inferenceComputeFormat(setup.precision());
        this.linearFlopsPerSecond = gpu.achievableMatmulFlopsPerSecond(format) * setup.computeEfficiency();
        Precision attentionFormat = format == Precision.FP32 ? Precision.FP32 : gpu.inferenceComputeFormat(Precision.BF16);
        this.attentionFlopsPerSecond = gpu.achievableMatmulFlopsPerSecond(attentionFormat) * setup.computeEfficiency();
        this.bandwidth = gpu.memoryBandwidthBytesPerSecond() * setup.memoryBandwidthEfficiency();
    }

    /** Memory and speed of one replica, choosing tensor parallelism and batch where the setup leaves them at 0. */
    public static Result evaluate(ModelArchitecture model, InferenceSetup setup) {
        int t = setup.tensorParallel() > 0 ? setup.tensorParallel() : smallestFittingTensorParallel(model, setup);
        ServingModel serving = new ServingModel(model, setup, t);
        int maxByMemory = serving.maxBatchByMemory();
        int batch = setup.batchSize() > 0 ? setup.batchSize() : serving.autoBatch(maxByMemory);
        InferenceMemory memory = serving.memory(batch, maxByMemory);
        return new Result(memory, serving.speed(batch));
    }

    public record Result(InferenceMemory memory, InferenceSpeed speed) {
    }

    private static int smallestFittingTensorParallel(ModelArchitecture model, InferenceSetup setup) {
        for (int t = 1; t <= MAX_TENSOR_PARALLEL; t *= 2) {
            if (new ServingModel(model, setup, t).maxBatchByMemory() >= 1) {
                return t;
            }
        }
        return MAX_TENSOR_PARALLEL;
    }

    // ---- memory -------------------------------------------------------------------------------

    double weightsPerGpuBytes() {
        return model.totalParameters() * weightBytesPerParameter / tensorParallel;
    }

    /** KV bytes one sequence holds at {@code context} tokens, across all layers (windowed layers capped). */
    double kvBytesPerSequence(double context) {
        return kvBytesPerLayerPosition * model.layerPositions(context);
    }

    private double kvReservedPerSequencePerGpu() {
        double waste = setup.pagedKvCache() ? PAGED_KV_WASTE : UNPAGED_KV_WASTE;
        double peakContext = setup.promptTokens() + setup.outputTokens();
        return kvBytesPerSequence(peakContext) / (1 - waste) / model.kvShards(tensorParallel);
    }

    int maxBatchByMemory() {
        double room = gpu.memoryBytes() * setup.gpuMemoryUtilization() - weightsPerGpuBytes();
        if (room <= 0) {
            return 0;
        }
        return (int) Math.min(MAX_AUTO_BATCH, Math.floor(room / kvReservedPerSequencePerGpu()));
    }

    private InferenceMemory memory(int batch, int maxByMemory) {
        double weights = model.totalParameters() * weightBytesPerParameter;
        double kvPerGpu = batch * kvReservedPerSequencePerGpu();
        double overhead = gpu.memoryBytes() * (1 - setup.gpuMemoryUtilization());
        double perGpu = weightsPerGpuBytes() + kvPerGpu + overhead;
        double kvPerSequence = kvBytesPerSequence(setup.promptTokens() + setup.outputTokens());
        return new InferenceMemory(weights, weightsPerGpuBytes(), kvBytesPerLayerPosition * model.layers(),
                kvPerSequence, kvPerGpu * model.kvShards(tensorParallel), kvPerGpu, overhead, perGpu,
                gpu.memoryBytes(), weightBytesPerParameter, tensorParallel, maxByMemory,
                maxByMemory >= batch);
    }

    // ---- speed --------------------------------------------------------------------------------

    private InferenceSpeed speed(int batch) {
        double tpot = timePerOutputToken(batch);
        double ttft = prefillSeconds();
        double perUser = 1 / tpot;
        double requestSeconds = ttft + setup.outputTokens() * tpot / batch;
        double rps = 1 / requestSeconds;
        double bytes = decodeBytesPerGpu(batch, 1);
        double flops = decodeFlopsPerGpu(batch, 1);
        boolean memoryBound = bytes / bandwidth >= flops / linearFlopsPerSecond;
        boolean targetMet = perUser >= setup.targetTokensPerSecondPerUser() * (1 - 1e-9);
        return new InferenceSpeed(batch, ttft, tpot, perUser, rps * setup.outputTokens(), rps, memoryBound,
                flops / bytes, targetMet);
    }

    /** Largest batch that fits memory and keeps each user at the target speed (time per token grows with batch). */
    private int autoBatch(int maxByMemory) {
        int hi = Math.max(1, maxByMemory);
        double budget = 1 / setup.targetTokensPerSecondPerUser();
        if (timePerOutputToken(1) > budget) {
            return 1;
        }
        int lo = 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (timePerOutputToken(mid) <= budget) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Seconds between a user's output tokens at this batch, with speculative decoding if enabled. */
    public double timePerOutputToken(int batch) {
        SpeculativeDecoding spec = setup.speculativeDecoding();
        if (spec == null || !spec.enabled()) {
            return decodeStepSeconds(batch, 1);
        }
        double verify = decodeStepSeconds(batch, spec.draftTokens() + 1);
        double drafts = spec.draftTokens() * spec.draftCostRatio() * decodeStepSeconds(batch, 1);
        return (verify + drafts) / spec.expectedTokensPerStep();
    }

    /** One decode step producing {@code tokensPerSequence} positions for each of {@code batch} sequences. */
    double decodeStepSeconds(int batch, int tokensPerSequence) {
        double memory = decodeBytesPerGpu(batch, tokensPerSequence) / bandwidth;
        double linear = batch * tokensPerSequence * 2 * activeParameters / tensorParallel / linearFlopsPerSecond;
        double attention = batch * tokensPerSequence * model.attentionFlopsPerPosition()
                * model.layerPositions(averageContext) / tensorParallel / attentionFlopsPerSecond;
        return Math.max(memory, linear + attention) + allReduceSeconds(batch * tokensPerSequence);
    }

    private double decodeBytesPerGpu(int batch, int tokensPerSequence) {
        double weights = (alwaysReadWeightBytes + routedExpertBytes * expertsTouched(batch * tokensPerSequence)) / tensorParallel;
        double kv = batch * kvBytesPerSequence(averageContext) / model.kvShards(tensorParallel);
        return weights + kv;
    }

    private double decodeFlopsPerGpu(int batch, int tokensPerSequence) {
        return batch * tokensPerSequence * (2 * activeParameters
                + model.attentionFlopsPerPosition() * model.layerPositions(averageContext)) / tensorParallel;
    }

    /** Share of routed experts at least one of {@code tokens} tokens reaches: 1 − (1 − k/E)^tokens. */
    private double expertsTouched(double tokens) {
        Moe moe = model.moe();
        if (moe == null) {
            return 1;
        }
        return 1 - Math.pow(1 - moe.activeExperts() / moe.experts(), tokens);
    }

    /** Time to first token: the uncached part of the prompt in one compute-bound pass. */
    double prefillSeconds() {
        double uncached = 1 - setup.prefixCacheHitRate();
        double tokens = Math.max(1, setup.promptTokens() * uncached);
        double linear = 2 * activeParameters * tokens / tensorParallel / linearFlopsPerSecond;
        double attention = model.attentionFlopsPerPosition() * model.causalPrefillLayerPositions(setup.promptTokens())
                * uncached / tensorParallel / attentionFlopsPerSecond;
        double weights = (alwaysReadWeightBytes + routedExpertBytes * expertsTouched(tokens)) / tensorParallel / bandwidth;
        return Math.max(linear + attention, weights) + allReduceSeconds(tokens);
    }

    /** Two all-reduces of tokens × h 16-bit values per layer; a ring moves 2(t−1)/t of the data. */
    private double allReduceSeconds(double tokens) {
        if (tensorParallel <= 1) {
            return 0;
        }
        boolean crossNode = tensorParallel > GPUS_PER_NODE;
        double latency = crossNode ? CROSS_NODE_ALL_REDUCE_LATENCY_SECONDS : ALL_REDUCE_LATENCY_SECONDS;
        double linkBytesPerSecond = crossNode ? CROSS_NODE_BYTES_PER_SECOND : gpu.interconnectBytesPerSecond();
        double bytes = 2.0 * (tensorParallel - 1) / tensorParallel * tokens * model.hiddenSize() * BYTES_PER_ACTIVATION;
        return 2 * model.layers() * (latency + bytes / linkBytesPerSecond);
    }
}
