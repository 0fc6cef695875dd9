package loopline.engine;

import loopline.engine.hardware.Gpu;
import loopline.engine.hardware.Precision;

/**
 * The time one engine step takes on one replica: a roofline per kind of kernel (Williams et al. 2009;
 * LLM-Viewer, Yuan et al. 2024), summed because they run one after another — the matmuls (weights read
 * once for every token in the step, or their FLOPs) and attention (each sequence's KV cache read, or
 * its FLOPs) — plus what cannot overlap: collective communication and a fixed floor of kernel launches
 * and scheduling. A step decodes one position for every running
 * sequence and, with chunked prefill (Sarathi-Serve, Agrawal et al. 2024), processes a share of
 * arriving prompts in the same pass, so the weights are read once for both.
 */
final class StepCost {

    /** Small-message NCCL all-reduce latency inside an NVLink node; across nodes (InfiniBand) it is longer. */
    static final double ALL_REDUCE_LATENCY_SECONDS = 8e-6;
    static final double CROSS_NODE_LATENCY_SECONDS = 25e-6;
    /** One 400 Gb/s InfiniBand/RoCE NIC per GPU, as in DGX/HGX clusters: 50 GB/s each way. */
    static final double CROSS_NODE_BYTES_PER_SECOND = 50e9;
    /**
     * Share of a link's one-way bandwidth a collective achieves: NCCL's all-reduce bus bandwidth on 8 × H100
     * is ~360 of NVLink's 450 GB/s each way, and DeepEP's all-to-all ~153 of H800's 200.
     */
    static final double COLLECTIVE_EFFICIENCY = 0.8;
    /** All-to-all dispatch or combine of MoE tokens (DeepEP low-latency kernels: ~10–20 µs inside a node). */
    static final double ALL_TO_ALL_LATENCY_SECONDS = 15e-6;
    /** Activations cross GPUs in 16-bit. */
    static final double BYTES_PER_ACTIVATION = 2;
    /**
     * What a step costs even with nothing to compute: about ten small kernels per layer at ~1 µs each
     * under CUDA graphs, plus sampling and the scheduler's bookkeeping per step. It keeps batch-1
     * decode of small or sparse models from running faster than real stacks reach.
     */
    static final double FLOOR_PER_LAYER_SECONDS = 6e-6;
    static final double FLOOR_PER_STEP_SECONDS = 2e-4;

    private final ModelArchitecture model;
    private final ReplicaShape shape;
    private final Gpu gpu;
    private final int t;
    private final int gpus;
    private final int groups;
    private final double nonExpertBytes;
    private final double expertCount;
    private final double bytesPerExpert;
    private final double routesPerToken;
    private final double nonExpertActiveFlopsPerToken;
    private final double expertFlopsPerRoute;
    private final double kvBytesPerSequence;
    private final double decodeAttentionFlops;
    private final double prefillAttentionFlopsPerToken;
    private final double linearFlopsPerSecond;
    private final double attentionFlopsPerSecond;
    private final double bandwidth;
    /** Prompt tokens in one prefill chunk: the whole uncached prompt, up to the step's chunk budget. */
    private final double prefillChunk;

    StepCost(ModelArchitecture model, InferenceSetup setup, ReplicaShape shape) {
        this.model = model;
        this.shape = shape;
        this.gpu = setup.gpu();
        this.t = shape.tensorParallel();
        this.gpus = shape.gpus();
        this.groups = shape.attentionGroups();
        double bytesPerWeight = setup.precision().weightBytesPerParameter();
        double embeddingLookup = model.tiedEmbeddings() ? 0 : model.inputEmbeddingParameters();
        double routed = model.routedExpertParameters();
        this.nonExpertBytes = (model.totalParameters() - routed - embeddingLookup) * bytesPerWeight;
        Moe moe = model.moe();
        this.expertCount = moe == null ? 0 : moe.experts() * model.moeLayers();
        this.bytesPerExpert = moe == null ? 0 : routed * bytesPerWeight / expertCount;
        this.routesPerToken = moe == null ? 0 : moe.activeExperts() * model.moeLayers();
        double routedActive = moe == null ? 0 : routed * moe.activeExperts() / moe.experts();
        this.nonExpertActiveFlopsPerToken = 2 * (model.activeParameters() - routedActive);
        this.expertFlopsPerRoute = moe == null ? 0 : 2 * routed / expertCount;
        double averageContext = setup.promptTokens() + setup.outputTokens() / 2;
        this.kvBytesPerSequence = model.kvBytesPerSequence(averageContext, setup.kvCachePrecision());
        this.decodeAttentionFlops = model.decodeAttentionFlopsPerPosition() * model.layerPositions(averageContext);
        this.prefillAttentionFlopsPerToken = model.attentionFlopsPerPosition()
                * model.causalPrefillLayerPositions(setup.promptTokens()) / setup.promptTokens();
        Precision format = gpu.inferenceComputeFormat(setup.precision());
        this.linearFlopsPerSecond = gpu.achievableMatmulFlopsPerSecond(format) * setup.computeEfficiency();
        Precision attentionFormat = format == Precision.FP32 ? Precision.FP32 : gpu.inferenceComputeFormat(Precision.BF16);
        this.attentionFlopsPerSecond = gpu.achievableMatmulFlopsPerSecond(attentionFormat) * setup.computeEfficiency();
        this.bandwidth = gpu.memoryBandwidthBytesPerSecond() * setup.memoryBandwidthEfficiency();
        this.prefillChunk = Math.min(setup.uncachedPromptTokens(), ContinuousBatching.PREFILL_CHUNK_TOKENS);
    }

    /**
     * Seconds for one step over the whole replica: {@code sequences} running sequences each verify
     * {@code positions} positions (1 without speculative decoding) while {@code prefillTokens} prompt
     * tokens go through. Fractions are averages over many steps.
     */
    double seconds(double sequences, double positions, double prefillTokens) {
        double decodeTokens = sequences * positions;
        double tokens = decodeTokens + prefillTokens;
        double matmuls = Math.max(weightBytesPerGpu(decodeTokens, prefillTokens) / bandwidth,
                (nonExpertActiveFlopsPerToken * tokens / gpus + expertFlopsPerRoute * busiestRoutes(tokens)) / linearFlopsPerSecond);
        double attention = Math.max(kvBytesPerGpu(sequences) / bandwidth,
                (decodeTokens * decodeAttentionFlops + prefillTokens * prefillAttentionFlopsPerToken) / gpus / attentionFlopsPerSecond);
        return matmuls + attention + communicationSeconds(tokens) + floorSeconds();
    }

    /** Bytes the busiest GPU reads: its non-expert weights, the experts its tokens reach, its sequences' KV. */
    double bytesPerGpu(double sequences, double tokens) {
        return weightBytesPerGpu(tokens, 0) + kvBytesPerGpu(sequences);
    }

    /**
     * Weights read in a step: the non-expert ones, and the experts its tokens reach. Prompt tokens come in
     * chunks, not spread thinly over every step: an average of {@code prefillTokens} per step is a whole chunk
     * in that share of the steps, so the experts read are averaged over steps with and without a chunk
     * (averaging the tokens first would understate how few experts a decode-only step reaches).
     */
    private double weightBytesPerGpu(double decodeTokens, double prefillTokens) {
        double experts = busiestExpertsTouched(decodeTokens + prefillTokens);
        if (prefillTokens > 0 && prefillTokens < prefillChunk) {
            double share = prefillTokens / prefillChunk;
            experts = (1 - share) * busiestExpertsTouched(decodeTokens) + share * busiestExpertsTouched(decodeTokens + prefillChunk);
        }
        return nonExpertBytes / t + bytesPerExpert * experts;
    }

    private double kvBytesPerGpu(double sequences) {
        return sequences / groups * kvBytesPerSequence / model.kvShards(t);
    }

    /** Arithmetic intensity of a decode-only step: FLOPs per byte read. */
    double decodeFlopsPerByte(double sequences) {
        double flops = sequences * (nonExpertActiveFlopsPerToken + expertFlopsPerRoute * routesPerToken + decodeAttentionFlops);
        return flops / gpus / bytesPerGpu(sequences, sequences);
    }

    /** True when a decode-only step of {@code sequences} waits on memory rather than on compute. */
    boolean decodeMemoryBound(double sequences) {
        double linear = (nonExpertActiveFlopsPerToken * sequences / gpus + expertFlopsPerRoute * busiestRoutes(sequences))
                / linearFlopsPerSecond + sequences * decodeAttentionFlops / gpus / attentionFlopsPerSecond;
        return bytesPerGpu(sequences, sequences) / bandwidth >= linear;
    }

    /**
     * Experts (over all MoE layers) the busiest GPU must read: each expert is reached by at least one of
     * {@code tokens} tokens with chance 1 − (1 − k/E)^tokens; under expert parallelism the GPU holding the
     * most reached experts sets the pace.
     */
    private double busiestExpertsTouched(double tokens) {
        if (expertCount == 0) {
            return 0;
        }
        Moe moe = model.moe();
        double reached = expertCount * (1 - Math.pow(1 - moe.activeExperts() / moe.experts(), tokens));
        if (!shape.spreadsExperts()) {
            return reached / gpus;
        }
        int e = shape.expertParallel();
        return Queueing.busiest(reached / e, e, expertCount / e) * e / gpus;
    }

    /** Token-expert routes the busiest GPU computes; routes land on the expert-parallel GPUs at random. */
    private double busiestRoutes(double tokens) {
        double routes = tokens * routesPerToken;
        if (!shape.spreadsExperts()) {
            return routes / gpus;
        }
        int e = shape.expertParallel();
        double perLayer = routes / model.moeLayers();
        return Queueing.busiest(perLayer / e, e, perLayer) * model.moeLayers() * e / gpus;
    }

    /**
     * Collectives per step. Tensor parallelism: two all-reduces of the group's tokens × h per layer
     * (attention and MLP; a ring moves 2(t−1)/t of the data). Expert parallelism: the MLP all-reduce of
     * MoE layers becomes an all-to-all dispatch and combine of each token's hidden state to its k
     * experts' GPUs, (e−1)/e of them remote.
     */
    double communicationSeconds(double tokens) {
        double seconds = 0;
        double groupTokens = tokens / groups;
        if (t > 1) {
            double allReduces = shape.spreadsExperts() ? model.layers() + model.denseMlpLayers() : 2 * model.layers();
            double bytes = 2.0 * (t - 1) / t * groupTokens * model.hiddenSize() * BYTES_PER_ACTIVATION;
            seconds += allReduces * (latency(t) + bytes / linkBytesPerSecond(t));
        }
        if (shape.spreadsExperts()) {
            int e = shape.expertParallel();
            double routesPerLayer = model.moe().activeExperts();
            double bytes = tokens / gpus * routesPerLayer * model.hiddenSize() * BYTES_PER_ACTIVATION * (e - 1) / e;
            seconds += 2 * model.moeLayers() * (ALL_TO_ALL_LATENCY_SECONDS + (crossesTheNetwork(gpus) ? CROSS_NODE_LATENCY_SECONDS : 0)
                    + bytes / linkBytesPerSecond(gpus));
        }
        return seconds;
    }

    /** A collective over more GPUs than one NVLink domain holds (8 on an HGX board, 72 in an NVL72 rack) uses the network. */
    private boolean crossesTheNetwork(int span) {
        return span > gpu.nvlinkDomainGpus();
    }

    private double latency(int span) {
        return crossesTheNetwork(span) ? CROSS_NODE_LATENCY_SECONDS : ALL_REDUCE_LATENCY_SECONDS;
    }

    /** What a collective moves per second each way: the catalog's interconnect figure counts both directions. */
    private double linkBytesPerSecond(int span) {
        double oneWay = crossesTheNetwork(span) ? CROSS_NODE_BYTES_PER_SECOND : gpu.interconnectBytesPerSecond() / 2;
        return oneWay * COLLECTIVE_EFFICIENCY;
    }

    double floorSeconds() {
        return FLOOR_PER_STEP_SECONDS + FLOOR_PER_LAYER_SECONDS * model.layers();
    }
}
