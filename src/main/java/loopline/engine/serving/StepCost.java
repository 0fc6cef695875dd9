package loopline.engine.serving;

import loopline.engine.hardware.CollectiveLink;
import loopline.engine.hardware.GemmEfficiency;
import loopline.engine.hardware.Gpu;
import loopline.engine.hardware.GroupedGemmEfficiency;
import loopline.engine.hardware.KernelTable;
import loopline.engine.hardware.MoeFormat;
import loopline.engine.hardware.Precision;
import loopline.engine.model.ModelArchitecture;
import loopline.engine.model.Moe;

/**
 * The time one engine step takes on one replica, kernel by kernel as the GPU's measured tables give them
 * ({@link KernelTable}, from NVIDIA AIConfigurator's timings): each matmul is the slower of streaming its weights
 * (a per-kernel floor + bytes at the measured share of HBM bandwidth) and computing (FLOPs at the measured share of
 * peak for that many token rows, or tokens per expert for the routed experts' grouped GEMM); attention reads each
 * sequence's KV at the measured decode-attention rate for that many bytes and computes the prompt chunk at the
 * measured prefill rate; tensor-parallel all-reduces and expert-parallel all-to-alls run at the measured NVLink
 * latency and bus bandwidth for that many GPUs, the network's beyond the NVLink domain; and a fixed floor of the
 * small kernels and scheduling remains. The terms add up because the kernels run one after another
 * ({@link StepTerms}). A step decodes one position for every running sequence and, with chunked prefill
 * (Sarathi-Serve, Agrawal et al. 2024), takes a prompt chunk in the same pass, so the weights are read once for both.
 */
public final class StepCost {

    /** All-to-all dispatch or combine of MoE tokens across the network (DeepEP internode kernels, before the wire's latency). */
    static final double ALL_TO_ALL_LATENCY_SECONDS = 15e-6;
    /** Activations cross GPUs in 16-bit, except MoE dispatch with 8- or 4-bit experts, which sends fp8 (DeepEP, TensorRT-LLM). */
    static final double BYTES_PER_ACTIVATION = 2;
    static final double BYTES_PER_QUANTISED_ACTIVATION = 1;
    /**
     * What a step costs beyond its matmuls, attention and collectives (each with its own measured floor): norms,
     * rotary embedding, activations and residual adds, about six small kernels per layer at ~1 µs each under CUDA
     * graphs, plus sampling and the scheduler's bookkeeping per step.
     */
    public static final double FLOOR_PER_LAYER_SECONDS = 6e-6;
    public static final double FLOOR_PER_STEP_SECONDS = 2e-4;

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
    private final double kvBytesPerSequencePerShard;
    private final double decodeAttentionFlops;
    private final double prefillAttentionFlopsPerToken;
    /** Prompt tokens in one prefill chunk: the whole uncached prompt, up to the step's chunk budget. */
    private final double prefillChunk;

    private final KernelTable kernels;
    private final double computeScale;
    private final double bandwidthScale;
    private final double hbmBytesPerSecond;
    /** Dense matmuls: the measured table for the format they compute in, its peak, and how many GEMM kernels a step launches. */
    private final GemmEfficiency dense;
    private final double densePeak;
    private final double denseGemmsPerStep;
    /** The dense matmuls' weight stream: the same every step, whatever the batch. */
    private final double denseStreamSeconds;
    /** Routed experts: the fused-MoE kernel the weight format runs on, and the one of the format it computes in. */
    private final MoeFormat expertFormat;
    private final GroupedGemmEfficiency experts;
    private final GroupedGemmEfficiency expertsComputeFormat;
    private final double expertPeak;
    private final double expertFfnPerGpu;
    private final GroupedGemmEfficiency.ShareByTokens expertShare;
    private final GroupedGemmEfficiency.ShareByTokens expertComputeFormatShare;
    private final double attentionPeak;
    private final double prefillAttentionShare;
    private final double decodeAttentionComputeShare;
    // the model's and the replica's shape, read once: the slider path asks for thousands of steps per estimate
    private final double layers;
    private final double moeLayers;
    private final double denseMlpLayers;
    private final double hidden;
    private final double activeExperts;
    private final double expertsPerLayer;
    /** ln(1 − k/E): the chance an expert is missed by one token, as a logarithm. */
    private final double logMissPerToken;
    private final double allReduceFloorSeconds;
    private final double allReduceBusBytesPerSecond;
    private final double allToAllFloorSeconds;
    private final double allToAllBusBytesPerSecond;

    public StepCost(ModelArchitecture model, InferenceSetup setup, ReplicaShape shape) {
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
        // what a decode step reads of each sequence's cache (sparse attention: its top k tokens and every indexer key)
        double kvBytesPerValue = setup.kvCachePrecision().kvBytesPerValue();
        this.kvBytesPerSequence = model.kvBytesReadPerSequence(averageContext, kvBytesPerValue);
        this.kvBytesPerSequencePerShard = model.kvBytesReadPerSequence(averageContext, kvBytesPerValue, t);
        this.decodeAttentionFlops = model.decodeAttentionFlops(averageContext);
        this.prefillAttentionFlopsPerToken = model.causalAttentionForwardFlopsPerToken(setup.promptTokens());
        // every attention-DP rank schedules its own chunk (TensorRT-LLM's max_num_tokens is per rank); a step that
        // carries prompts is taken to carry one on every rank, in step as expert parallelism keeps them
        this.prefillChunk = Math.min(setup.uncachedPromptTokens() * groups, prefillBudgetTokens());

        this.kernels = gpu.kernels();
        this.computeScale = setup.computeEfficiency();
        this.bandwidthScale = setup.memoryBandwidthEfficiency();
        this.hbmBytesPerSecond = kernels.bytesPerSecond(gpu);
        Precision format = gpu.inferenceComputeFormat(setup.precision());
        this.dense = kernels.gemmFor(format);
        this.densePeak = kernels.flopsPerSecond(gpu, format);
        boolean sharedExperts = moe != null && moe.sharedExperts() > 0;
        // per layer: QKV and output projections; a dense MLP's gate-up and down, or a shared expert's; then the LM head
        this.denseGemmsPerStep = 2 * model.mixerLayers() + 2 * model.denseMlpLayers() + (sharedExperts ? 2 * model.moeLayers() : 0) + 1;
        this.denseStreamSeconds = denseGemmsPerStep * dense.floorSeconds() + nonExpertBytes / t / (dense.bandwidthShare() * bandwidth());
        this.expertFormat = MoeFormat.servedAs(setup.precision(), gpu, moe != null && moe.mxfp4Experts());
        this.experts = kernels.moeFor(expertFormat);
        this.expertsComputeFormat = kernels.moeFor(expertFormat.weightOnly()
                ? (expertFormat.computesIn() == Precision.FP8 ? MoeFormat.FP8 : MoeFormat.BF16) : expertFormat);
        this.expertPeak = kernels.flopsPerSecond(gpu, expertFormat.computesIn());
        // expert parallelism keeps each expert whole on one GPU; tensor parallelism slices every expert's FFN
        this.expertFfnPerGpu = moe == null ? 0 : shape.spreadsExperts() ? moe.expertFfnSize() : moe.expertFfnSize() / t;
        Precision attentionFormat = format == Precision.FP32 ? Precision.FP32 : gpu.inferenceComputeFormat(Precision.BF16);
        this.attentionPeak = kernels.flopsPerSecond(gpu, attentionFormat);
        this.prefillAttentionShare = kernels.prefillAttentionComputeShareByPromptTokens().at(setup.promptTokens());
        // decode attention at its compute bound (long contexts, MLA) runs as the largest measured prefill does
        this.decodeAttentionComputeShare = kernels.prefillAttentionComputeShareByPromptTokens().last();
        this.expertShare = moe == null ? null : experts.forShape(model.hiddenSize(), expertFfnPerGpu);
        this.expertComputeFormatShare = moe == null ? null : expertsComputeFormat.forShape(model.hiddenSize(), expertFfnPerGpu);
        this.layers = model.layers();
        this.moeLayers = model.moeLayers();
        this.denseMlpLayers = model.denseMlpLayers();
        this.hidden = model.hiddenSize();
        this.activeExperts = moe == null ? 0 : moe.activeExperts();
        this.expertsPerLayer = moe == null ? 0 : moe.experts();
        this.logMissPerToken = moe == null ? 0 : Math.log(1 - moe.activeExperts() / moe.experts());
        this.allReduceFloorSeconds = CollectiveLink.floorSeconds(gpu, kernels.allReduce(), t, 0);
        this.allReduceBusBytesPerSecond = CollectiveLink.busBytesPerSecond(gpu, kernels.allReduce(), t);
        int e = shape.expertParallel();
        this.allToAllFloorSeconds = CollectiveLink.floorSeconds(gpu, kernels.allToAll(), e, ALL_TO_ALL_LATENCY_SECONDS);
        this.allToAllBusBytesPerSecond = CollectiveLink.busBytesPerSecond(gpu, kernels.allToAll(), e);
    }

    /**
     * Seconds for one step over the whole replica: {@code sequences} running sequences each verify
     * {@code positions} positions (1 without speculative decoding) while {@code prefillTokens} prompt
     * tokens go through. Fractions are averages over many steps.
     */
    double seconds(double sequences, double positions, double prefillTokens) {
        if (sequences > 0 && prefillTokens > 0 && prefillTokens < prefillChunk) {
            double share = prefillTokens / prefillChunk;
            return (1 - share) * stepSeconds(sequences, positions, 0) + share * stepSeconds(sequences, positions, prefillChunk);
        }
        return stepSeconds(sequences, positions, prefillTokens);
    }

    /**
     * The step's terms. Prompt tokens come in chunks, not spread thinly over every step: an average of
     * {@code prefillTokens} per step below one chunk is a whole chunk in that share of the steps, so the step is the
     * average of decode-only steps and steps with a chunk (averaging the tokens first would understate how few
     * experts a decode-only step reaches and how small its matmuls are). With nothing decoding there is no step
     * without a chunk: prefill runs alone. {@link #seconds} is the same sum, without building the terms.
     */
    StepTerms terms(double sequences, double positions, double prefillTokens) {
        if (sequences > 0 && prefillTokens > 0 && prefillTokens < prefillChunk) {
            double share = prefillTokens / prefillChunk;
            return step(sequences, positions, 0).mixedWith(step(sequences, positions, prefillChunk), share);
        }
        return step(sequences, positions, prefillTokens);
    }

    /**
     * What the busiest GPU's memory and tensor cores do over the average of these steps, as shares of their datasheet
     * peaks: the bytes it reads (weights, the experts its tokens reach, its sequences' KV) and the FLOPs it computes,
     * each over the step time. Averaged like {@link #terms}: a share of the steps carries a whole prompt chunk.
     */
    public Activity activity(double sequences, double positions, double prefillTokens) {
        if (sequences > 0 && prefillTokens > 0 && prefillTokens < prefillChunk) {
            double share = prefillTokens / prefillChunk;
            Activity a = activity(sequences, positions, 0);
            Activity b = activity(sequences, positions, prefillChunk);
            // energy adds up: average the bytes and FLOPs over the average time, not the shares
            double seconds = (1 - share) * a.seconds() + share * b.seconds();
            return new Activity(seconds, ((1 - share) * a.bytes() + share * b.bytes()), ((1 - share) * a.flops() + share * b.flops()),
                    gpu.memoryBandwidthBytesPerSecond(), densePeak);
        }
        double decodeTokens = sequences * positions;
        double tokens = decodeTokens + prefillTokens;
        double flops = (tokens * (nonExpertActiveFlopsPerToken + expertFlopsPerRoute * routesPerToken)
                + decodeTokens * decodeAttentionFlops + prefillTokens * prefillAttentionFlopsPerToken) / gpus;
        return new Activity(stepSeconds(sequences, positions, prefillTokens), bytesPerGpu(sequences, tokens), flops,
                gpu.memoryBandwidthBytesPerSecond(), densePeak);
    }

    /** One GPU's work in a step: its time, the HBM bytes it reads and the FLOPs it computes, against its peaks. */
    public record Activity(double seconds, double bytes, double flops, double peakBytesPerSecond, double peakFlopsPerSecond) {
        public double memoryUtilisation() {
            return Math.min(1, bytes / seconds / peakBytesPerSecond);
        }

        public double computeUtilisation() {
            return Math.min(1, flops / seconds / peakFlopsPerSecond);
        }
    }

    /**
     * A step in which one attention rank prefills {@code promptTokens} (at most a chunk) of a prompt while every rank
     * decodes its share of {@code sequences}: how long a lone prompt's chunk takes. The prompt's rows are all on its own
     * rank, so its dense matmuls and attention do not spread over the other ranks; the experts and the all-to-all wait
     * for the busiest rank. With one rank it is {@link #seconds} at a whole chunk.
     */
    double secondsWithPromptOnOneRank(double sequences, double positions, double promptTokens) {
        return stepSeconds(sequences, positions, promptTokens, promptTokens);
    }

    /** One step with exactly this work, spread evenly over the ranks: what the solvers ask thousands of times per estimate. */
    private double stepSeconds(double sequences, double positions, double prefillTokens) {
        return stepSeconds(sequences, positions, prefillTokens, prefillTokens / groups);
    }

    /**
     * One step with exactly this work, summed, {@code rankPrefill} of the {@code prefillTokens} on the busiest attention
     * rank: every rank's GPUs wait for it at the experts' all-to-all, so its rows set the dense, attention and collective
     * terms; the routed experts take every rank's tokens.
     */
    private double stepSeconds(double sequences, double positions, double prefillTokens, double rankPrefill) {
        double decodeTokens = sequences * positions;
        double tokens = decodeTokens + prefillTokens;
        double rankRows = decodeTokens / groups + rankPrefill;
        return Math.max(denseStreamSeconds, denseComputeSeconds(rankRows)) + expertSeconds(tokens)
                + Math.max(kvReadSeconds(sequences), decodeAttentionComputeSeconds(decodeTokens)) + prefillAttentionSeconds(rankPrefill)
                + allReduceSeconds(rankRows) + allToAllSeconds(rankRows) + floorSeconds();
    }

    private StepTerms step(double sequences, double positions, double prefillTokens) {
        double decodeTokens = sequences * positions;
        double tokens = decodeTokens + prefillTokens;
        double rankRows = tokens / groups;
        double rankPrefill = prefillTokens / groups;
        double denseCompute = denseComputeSeconds(rankRows);
        double kvRead = kvReadSeconds(sequences);
        double attentionCompute = decodeAttentionComputeSeconds(decodeTokens) + prefillAttentionSeconds(rankPrefill);
        return new StepTerms(Math.max(denseStreamSeconds, denseCompute), expertSeconds(tokens),
                Math.max(kvRead, decodeAttentionComputeSeconds(decodeTokens)) + prefillAttentionSeconds(rankPrefill),
                allReduceSeconds(rankRows), allToAllSeconds(rankRows), floorSeconds(), tokensPerExpert(tokens),
                denseCompute > denseStreamSeconds, expertCount > 0 && expertComputeSeconds(tokens) > expertStreamSeconds(tokens),
                attentionCompute > kvRead);
    }

    /** Dense matmuls computing: each GPU of a rank multiplies the rank's {@code rankRows} by its 1/t slice of the non-expert weights. */
    private double denseComputeSeconds(double rankRows) {
        return nonExpertActiveFlopsPerToken * rankRows / t / (dense.computeShareByTokens().at(rankRows) * densePeak * computeScale);
    }

    /** The routed experts: the slower of reading every expert the tokens reach and computing their routes. */
    private double expertSeconds(double tokens) {
        return expertCount == 0 ? 0 : Math.max(expertStreamSeconds(tokens), expertComputeSeconds(tokens));
    }

    private double expertStreamSeconds(double tokens) {
        return moeLayers * experts.floorSeconds() + bytesPerExpert * busiestExpertsTouched(tokens) / (experts.bandwidthShare() * bandwidth());
    }

    private double expertComputeSeconds(double tokens) {
        return expertFlopsPerRoute * busiestRoutes(tokens) / expertFlopsPerSecond(tokensPerExpert(tokens));
    }

    private double tokensPerExpert(double tokens) {
        return expertCount == 0 ? 0 : tokens * activeExperts / expertsPerLayer;
    }

    /** Decode attention reads each running sequence's KV, per layer, at the measured rate for that many bytes a call. */
    private double kvReadSeconds(double sequences) {
        double kvPerLayer = kvBytesPerGpu(sequences) / layers;
        return kvPerLayer <= 0 ? 0 : layers * Math.max(kernels.decodeAttentionFloorSeconds(),
                kvPerLayer / (kernels.decodeAttentionBandwidthShareByBytes().at(kvPerLayer) * bandwidth()));
    }

    private double decodeAttentionComputeSeconds(double decodeTokens) {
        return decodeTokens * decodeAttentionFlops / gpus / (decodeAttentionComputeShare * attentionPeak * computeScale);
    }

    /** Prefill attention of the busiest rank's {@code rankPrefill} prompt rows, its heads split over the rank's t GPUs. */
    private double prefillAttentionSeconds(double rankPrefill) {
        return rankPrefill * prefillAttentionFlopsPerToken / t / (prefillAttentionShare * attentionPeak * computeScale);
    }

    /**
     * What the grouped GEMM reaches at this many tokens per expert for experts of this shape on each GPU. A weight-only
     * format (W4A16, W4A8) dequantises to the format it computes in, so it never computes faster than that format's
     * own kernel: quantising the weights shrinks what is read, never the FLOPs.
     */
    private double expertFlopsPerSecond(double tokensPerExpert) {
        double share = expertShare.at(tokensPerExpert);
        if (expertFormat.weightOnly()) {
            share = Math.min(share, expertComputeFormatShare.at(tokensPerExpert));
        }
        return share * expertPeak * computeScale;
    }

    private double bandwidth() {
        return hbmBytesPerSecond * bandwidthScale;
    }

    /** Bytes the busiest GPU reads: its non-expert weights, the experts its tokens reach, its sequences' KV. */
    double bytesPerGpu(double sequences, double tokens) {
        return nonExpertBytes / t + bytesPerExpert * busiestExpertsTouched(tokens) + kvBytesPerGpu(sequences);
    }

    private double kvBytesPerGpu(double sequences) {
        return sequences / groups * kvBytesPerSequencePerShard;
    }

    /** Arithmetic intensity of a decode-only step: FLOPs per byte read. */
    double decodeFlopsPerByte(double sequences) {
        double flops = sequences * (nonExpertActiveFlopsPerToken + expertFlopsPerRoute * routesPerToken + decodeAttentionFlops);
        return flops / gpus / bytesPerGpu(sequences, sequences);
    }

    /** True when a decode-only step of {@code sequences} waits on memory rather than on compute in its matmuls. */
    public boolean decodeMemoryBound(double sequences) {
        StepTerms decode = step(sequences, 1, 0);
        return !(decode.denseComputeBound() || decode.expertsComputeBound());
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
        double reached = expertCount * (1 - Math.exp(logMissPerToken * tokens));
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
        double perLayer = routes / moeLayers;
        return Queueing.busiest(perLayer / e, e, perLayer) * moeLayers * e / gpus;
    }

    /** Every collective a step of {@code tokens} tokens, spread evenly over the ranks, waits on. */
    double communicationSeconds(double tokens) {
        return allReduceSeconds(tokens / groups) + allToAllSeconds(tokens / groups);
    }

    /**
     * Tensor parallelism: two all-reduces of the rank's {@code rankRows} × h per layer (attention and MLP; with expert
     * parallelism the MoE layers' MLP all-reduce becomes the all-to-all). A ring moves 2(t−1)/t of the buffer, which
     * is what NCCL's bus bandwidth counts.
     */
    private double allReduceSeconds(double rankRows) {
        if (t == 1) {
            return 0;
        }
        double allReduces = shape.spreadsExperts() ? layers + denseMlpLayers : 2 * layers;
        double buffer = rankRows * hidden * BYTES_PER_ACTIVATION;
        return allReduces * (allReduceFloorSeconds + buffer * 2.0 * (t - 1) / t / allReduceBusBytesPerSecond);
    }

    /**
     * Expert parallelism: per MoE layer, each GPU's tokens (the busiest rank's {@code rankRows} over its t GPUs) are
     * dispatched to their k experts' GPUs and the results combined back, (e−1)/e of them remote, as NCCL's all-to-all bus
     * bandwidth counts. Dispatch goes in fp8 when the experts compute in 8 or 4 bits; the combine returns 16-bit.
     */
    private double allToAllSeconds(double rankRows) {
        if (!shape.spreadsExperts()) {
            return 0;
        }
        int e = shape.expertParallel();
        double perRoute = rankRows / t * activeExperts * hidden;
        double dispatchBytes = expertFormat.computesIn() == Precision.BF16 ? BYTES_PER_ACTIVATION : BYTES_PER_QUANTISED_ACTIVATION;
        double remote = (e - 1.0) / e;
        return moeLayers * (2 * allToAllFloorSeconds + perRoute * (dispatchBytes + BYTES_PER_ACTIVATION) * remote / allToAllBusBytesPerSecond);
    }

    /** Attention-DP ranks of the replica, each scheduling its own sequences and prompt chunk. */
    int attentionRanks() {
        return groups;
    }

    /** Prompt tokens one step of the whole replica may carry: a chunk on every attention rank. */
    double prefillBudgetTokens() {
        return ContinuousBatching.PREFILL_CHUNK_TOKENS * groups;
    }

    double floorSeconds() {
        return FLOOR_PER_STEP_SECONDS + FLOOR_PER_LAYER_SECONDS * layers;
    }
}
