package loopline.engine.model;


/**
 * A decoder-only transformer's shape. Dimensions are doubles so that a derived model can scale
 * continuously; catalog models hold whole numbers. {@code moe}, {@code mla}, {@code slidingWindow} and {@code hybrid}
 * are null when the model does not use them; a {@link HybridLayers} stack mixes recurrent layers among the attention ones. {@code maxContext} is the context window in tokens, 0 when unknown.
 */
public record ModelArchitecture(
        String id,
        String name,
        double layers,
        double hiddenSize,
        double attentionHeads,
        double kvHeads,
        double headDim,
        double ffnSize,
        double vocabSize,
        boolean tiedEmbeddings,
        boolean gatedMlp,
        boolean qkvBias,
        boolean linearBias,
        Moe moe,
        MultiHeadLatentAttention mla,
        SlidingWindow slidingWindow,
        HybridLayers hybrid,
        SparseAttention sparse,
        double publishedParameters,
        boolean derived,
        String source,
        double maxContext) {

    // ---- parameters -------------------------------------------------------------------------

    /** Every weight: embeddings, attention, MLP or experts, norms. */
    public double totalParameters() {
        return parameters(false);
    }

    /** Weights one token passes through (MoE: shared + active experts only). */
    public double activeParameters() {
        return parameters(true);
    }

    /** The input embedding table: a lookup, not a matmul, so decode reads one row of it per token. */
    public double inputEmbeddingParameters() {
        return vocabSize * hiddenSize;
    }

    /** The input embedding and, when untied, the output head. */
    public double embeddingAndHeadParameters() {
        return vocabSize * hiddenSize * (tiedEmbeddings ? 1 : 2);
    }

    /** Parameters in routed experts (0 for dense models). */
    public double routedExpertParameters() {
        return moe == null ? 0 : moeLayers() * moe.experts() * mlpParameters(moe.expertFfnSize());
    }

    private double parameters(boolean activeOnly) {
        double embeddings = embeddingAndHeadParameters();
        // two RMSNorm/LayerNorm weights per layer, one where a layer is a mixer alone
        double norms = (2 * layers - (hybrid == null ? 0 : hybrid.layersWithoutMlp())) * hiddenSize;
        double indexers = sparse == null ? 0
                : sparse.parameters(hiddenSize, mla != null && mla.qLoraRank() > 0 ? mla.qLoraRank() : hiddenSize);
        double mixers = attentionLayers() * (attentionParameters() + indexers)
                + (hybrid == null ? 0 : hybrid.recurrentLayers() * hybrid.mixer().parameters(hiddenSize));
        double mlp = denseMlpLayers() * mlpParameters(ffnSize);
        if (moe != null) {
            double expertsUsed = activeOnly ? moe.activeExperts() : moe.experts();
            double router = (hiddenSize + (linearBias ? 1 : 0)) * moe.experts();
            mlp += moeLayers() * (router + (expertsUsed + moe.sharedExperts()) * mlpParameters(moe.expertFfnSize()));
        }
        return embeddings + norms + mixers + mlp + hiddenSize;
    }

    private double attentionParameters() {
        if (mla != null) {
            double qkHead = mla.qkNopeHeadDim() + mla.qkRopeHeadDim();
            double q = mla.qLoraRank() > 0
                    ? hiddenSize * mla.qLoraRank() + mla.qLoraRank() + mla.qLoraRank() * attentionHeads * qkHead
                    : hiddenSize * attentionHeads * qkHead;
            double kv = hiddenSize * (mla.kvLoraRank() + mla.qkRopeHeadDim()) + mla.kvLoraRank()
                    + mla.kvLoraRank() * attentionHeads * (mla.qkNopeHeadDim() + mla.vHeadDim());
            return q + kv + attentionHeads * mla.vHeadDim() * hiddenSize;
        }
        double qDim = attentionHeads * headDim;
        double kvDim = kvHeads * headDim;
        double gate = hybrid != null && hybrid.gatedAttentionOutput() ? qDim : 0; // the query projection's second half
        double weights = hiddenSize * (qDim + gate + 2 * kvDim) + qDim * hiddenSize;
        double biases = (qkvBias || linearBias ? qDim + 2 * kvDim : 0) + (linearBias ? hiddenSize : 0);
        return weights + biases;
    }

    /** A gated MLP has gate, up and down projections; with biases (gpt-oss), one per gate/up output and per down output. */
    private double mlpParameters(double width) {
        double projectionsIn = gatedMlp ? 2 : 1;
        double weights = (projectionsIn + 1) * hiddenSize * width;
        return weights + (linearBias ? projectionsIn * width + hiddenSize : 0);
    }

    public double denseMlpLayers() {
        return layers - moeLayers() - (hybrid == null ? 0 : hybrid.layersWithoutMlp());
    }

    /** Layers that attend (and keep a KV cache): all but a hybrid's recurrent ones. */
    public double attentionLayers() {
        return hybrid == null ? layers : layers - hybrid.recurrentLayers();
    }

    /** Bytes of recurrent state one sequence holds over all recurrent layers, whatever its length (0 without them). */
    public double recurrentStateBytesPerSequence() {
        return hybrid == null ? 0 : hybrid.recurrentLayers() * hybrid.mixer().stateBytesPerSequence();
    }

    public double moeLayers() {
        return moe == null ? 0 : moe.moeLayers(layers);
    }

    // ---- attention shape ----------------------------------------------------------------------

    /** Query/key width per head (MLA: no-rope + rope parts). */
    public double queryKeyHeadDim() {
        return mla != null ? mla.qkNopeHeadDim() + mla.qkRopeHeadDim() : headDim;
    }

    public double valueHeadDim() {
        return mla != null ? mla.vHeadDim() : headDim;
    }

    /** KV-cache values stored per token per layer: 2·a_kv·d, or MLA's latent + rope key. */
    public double kvValuesPerTokenPerLayer() {
        return mla != null ? mla.kvLoraRank() + mla.qkRopeHeadDim() : 2 * kvHeads * headDim;
    }

    /**
     * KV-cache bytes one sequence holds at {@code context} tokens, {@code bytesPerValue} each (the KV format's, from
     * {@code Precision.kvBytesPerValue()}), windowed layers capped.
     */
    public double kvBytesPerSequence(double context, double bytesPerValue) {
        return kvValuesPerTokenPerLayer() * bytesPerValue * layerPositions(context) + indexerKeyBytes(context) + recurrentStateBytesPerSequence();
    }

    /**
     * Cache bytes one decode step reads for a sequence at {@code context}: all of it, except that sparse attention
     * reads only its top-k tokens' KV (and every indexer key).
     */
    public double kvBytesReadPerSequence(double context, double bytesPerValue) {
        return kvValuesPerTokenPerLayer() * bytesPerValue * attendedLayerPositions(context) + indexerKeyBytes(context)
                + recurrentStateBytesPerSequence();
    }

    private double indexerKeyBytes(double context) {
        return sparse == null ? 0 : sparse.indexerHeadDim() * SparseAttention.INDEXER_KEY_BYTES_PER_VALUE * layerPositions(context);
    }

    /** Layer-positions the attention proper computes over at {@code context}: all it holds, or sparse attention's top k. */
    public double attendedLayerPositions(double context) {
        return sparse == null ? layerPositions(context) : attentionLayers() * sparse.attended(context);
    }

    /** {@link #causalPrefillLayerPositions}, for the positions the attention proper computes over. */
    public double causalPrefillAttendedLayerPositions(double tokens) {
        return sparse == null ? causalPrefillLayerPositions(tokens) : attentionLayers() * sparse.causalAttended(tokens);
    }

    /**
     * Forward attention-core FLOPs per token of a sequence of {@code tokens}, counted over every position a query may
     * reach (the MFU convention: PaLM's 2·a·(d_qk + d_v) per position per layer), with sparse attention's top k and its
     * indexer over every position.
     */
    public double attentionForwardFlopsPerToken(double tokens) {
        return attentionFlopsPerPosition() * attendedLayerPositions(tokens) + indexerFlopsPerPosition() * layerPositions(tokens);
    }

    /** The same over a causal pass (what the kernels compute): each query reaches only earlier positions. */
    public double causalAttentionForwardFlopsPerToken(double tokens) {
        return (attentionFlopsPerPosition() * causalPrefillAttendedLayerPositions(tokens)
                + indexerFlopsPerPosition() * causalPrefillLayerPositions(tokens)) / tokens;
    }

    /** Sparse attention's indexer FLOPs per scored layer-position (0 without it): it scores every earlier token. */
    public double indexerFlopsPerPosition() {
        return sparse == null ? 0 : sparse.indexerFlopsPerPosition();
    }

    /** Over how many tensor-parallel ranks the KV cache splits: KV heads (MLA's latent is replicated). */
    public double kvShards(double tensorParallel) {
        return mla != null ? 1 : Math.max(1, Math.min(tensorParallel, kvHeads));
    }

    /**
     * Summed over layers, how many positions attention reaches at context {@code tokens}: full layers
     * see all of them, sliding-window and chunked layers at most the window or chunk (for a chunk, the
     * most it reaches and keeps: a decode step partway through a chunk reads fewer).
     */
    public double layerPositions(double tokens) {
        double attending = attentionLayers();
        if (slidingWindow == null) {
            return attending * tokens;
        }
        double local = localLayers();
        return (attending - local) * tokens + local * slidingWindow.positionsHeld(tokens);
    }

    /**
     * Layer-positions summed over a causal prefill of {@code tokens}: position i attends to
     * i earlier positions on a full layer (s²/2 in all), fewer on a local one.
     */
    public double causalPrefillLayerPositions(double tokens) {
        double full = tokens * tokens / 2;
        double attending = attentionLayers();
        if (slidingWindow == null) {
            return attending * full;
        }
        double local = localLayers();
        return (attending - local) * full + local * slidingWindow.causalPrefillPositions(tokens);
    }

    /** Attention layers with a sliding window or chunked attention. */
    private double localLayers() {
        return attentionLayers() * slidingWindow.layerShare();
    }

    /** Forward attention-core FLOPs (QKᵀ and scores·V) per token per attended position per layer. */
    public double attentionFlopsPerPosition() {
        return 2 * attentionHeads * (queryKeyHeadDim() + valueHeadDim());
    }

    /**
     * Attention-core FLOPs per attended position per layer when decoding one token. MLA decodes with its
     * up-projections absorbed (DeepSeek-V2, §2.1.2): every head scores the cached latent + rope key and
     * sums the latent, 2·a·(2·kv_lora_rank + rope_dim), which reads the small cache but computes more.
     */
    public double decodeAttentionFlopsPerPosition() {
        return mla != null ? 2 * attentionHeads * (2 * mla.kvLoraRank() + mla.qkRopeHeadDim()) : attentionFlopsPerPosition();
    }
}
