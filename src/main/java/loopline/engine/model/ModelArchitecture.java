package loopline.engine.model;

import java.util.function.ToDoubleFunction;


/**
 * A decoder-only transformer's shape. Dimensions are doubles so that a derived model can scale
 * continuously; catalog models hold whole numbers. {@code moe}, {@code mla}, {@code slidingWindow} and {@code hybrid}
 * are null when the model does not use them; a {@link HybridLayers} stack mixes recurrent layers among the attention ones. {@code maxContext} is the context window in tokens, 0 when unknown.
 *
 * <p>{@code attentionHeads}, {@code kvHeads}, {@code headDim} (queries and keys), {@code vHeadDim} (values) and
 * {@code keyIsValue} are the shape of the full-attention layers ({@link #attentionShape()}); sliding-window layers may
 * have their own ({@link SlidingWindow#shape()}), and every attention sum below runs over the two kinds.
 */
public record ModelArchitecture(
        String id,
        String name,
        double layers,
        double hiddenSize,
        double attentionHeads,
        double kvHeads,
        double headDim,
        double vHeadDim,
        boolean keyIsValue,
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
        // two RMSNorm/LayerNorm weights per layer, one where a layer is a mixer alone or an MLP alone
        double norms = (2 * layers - (hybrid == null ? 0 : hybrid.layersWithoutMlp() + hybrid.layersWithoutMixer())) * hiddenSize;
        double indexers = sparse == null ? 0
                : sparse.parameters(hiddenSize, mla != null && mla.qLoraRank() > 0 ? mla.qLoraRank() : hiddenSize);
        double mixers = attentionParameters() + attentionLayers() * indexers
                + (hybrid == null || hybrid.mixer() == null ? 0 : hybrid.recurrentLayers() * hybrid.mixer().parameters(hiddenSize));
        double mlp = denseMlpLayers() * mlpParameters(ffnSize);
        if (moe != null) {
            double expertsUsed = activeOnly ? moe.activeExperts() : moe.experts();
            double router = (hiddenSize + (linearBias ? 1 : 0)) * moe.experts();
            mlp += moeLayers() * (router + (expertsUsed + moe.sharedExperts()) * mlpParameters(moe.expertFfnSize()));
        }
        return embeddings + norms + mixers + mlp + hiddenSize;
    }

    /** Attention weights over every attention layer, each kind with its own heads. */
    private double attentionParameters() {
        if (mla != null) {
            double qkHead = mla.qkNopeHeadDim() + mla.qkRopeHeadDim();
            double q = mla.qLoraRank() > 0
                    ? hiddenSize * mla.qLoraRank() + mla.qLoraRank() + mla.qLoraRank() * attentionHeads * qkHead
                    : hiddenSize * attentionHeads * qkHead;
            double kv = hiddenSize * (mla.kvLoraRank() + mla.qkRopeHeadDim()) + mla.kvLoraRank()
                    + mla.kvLoraRank() * attentionHeads * (mla.qkNopeHeadDim() + mla.vHeadDim());
            return attentionLayers() * (q + kv + attentionHeads * mla.vHeadDim() * hiddenSize);
        }
        return sumOverAttentionLayers(this::layerAttentionParameters);
    }

    private double layerAttentionParameters(AttentionShape shape) {
        boolean gate = hybrid != null && hybrid.gatedAttentionOutput(); // the query projection's second half
        double biases = (qkvBias || linearBias ? shape.projectionBiases() : 0) + (linearBias ? hiddenSize : 0);
        return shape.weights(hiddenSize, gate) + biases;
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

    /** Layers that attend (and keep a KV cache): all but a hybrid's recurrent ones and those that are an MLP alone. */
    public double attentionLayers() {
        return hybrid == null ? layers : layers - hybrid.recurrentLayers() - hybrid.layersWithoutMixer();
    }

    /** Layers with a token mixer, attention or recurrent: all but those that are an MLP alone (Nemotron-NAS). */
    public double mixerLayers() {
        return hybrid == null ? layers : layers - hybrid.layersWithoutMixer();
    }

    /** Bytes of recurrent state one sequence holds over all recurrent layers, whatever its length (0 without them). */
    public double recurrentStateBytesPerSequence() {
        return hybrid == null || hybrid.mixer() == null ? 0 : hybrid.recurrentLayers() * hybrid.mixer().stateBytesPerSequence();
    }

    public double moeLayers() {
        return moe == null ? 0 : moe.moeLayers(layers);
    }

    // ---- attention shape ----------------------------------------------------------------------

    /** The full-attention layers' heads (for MLA, the shape its attention computes with: a KV head per head). */
    public AttentionShape attentionShape() {
        return new AttentionShape(attentionHeads, mla != null ? attentionHeads : kvHeads, queryKeyHeadDim(), valueHeadDim(), keyIsValue);
    }

    /** The sliding-window or chunked layers' heads: their own, or the model's. */
    public AttentionShape localAttentionShape() {
        return slidingWindow != null && slidingWindow.shape() != null ? slidingWindow.shape() : attentionShape();
    }

    /** True when the local layers' heads differ from the full layers' (MiMo-V2-Flash, Gemma 4). */
    public boolean mixedAttentionShapes() {
        return slidingWindow != null && slidingWindow.shape() != null;
    }

    /** Query/key width per head of the full layers (MLA: no-rope + rope parts). */
    public double queryKeyHeadDim() {
        return mla != null ? mla.qkNopeHeadDim() + mla.qkRopeHeadDim() : headDim;
    }

    public double valueHeadDim() {
        return mla != null ? mla.vHeadDim() : vHeadDim;
    }

    /** Attention layers with a sliding window or chunked attention (0 without a window). */
    public double localLayers() {
        return slidingWindow == null ? 0 : attentionLayers() * slidingWindow.layerShare();
    }

    /** Attention layers that see the whole context. */
    public double fullAttentionLayers() {
        return attentionLayers() - localLayers();
    }

    /** {@code perLayer} summed over the attention layers, each kind with its own heads. */
    public double sumOverAttentionLayers(ToDoubleFunction<AttentionShape> perLayer) {
        double full = fullAttentionLayers() * perLayer.applyAsDouble(attentionShape());
        return slidingWindow == null ? full : full + localLayers() * perLayer.applyAsDouble(localAttentionShape());
    }

    /** {@code perLayer} averaged over the attention layers: what one layer holds on average. */
    public double perAttentionLayer(ToDoubleFunction<AttentionShape> perLayer) {
        return sumOverAttentionLayers(perLayer) / attentionLayers();
    }

    /** KV-cache values stored per token per layer of a kind: 2·a_kv·d (keys and values), or MLA's latent + rope key. */
    private double kvValuesPerTokenPerLayer(AttentionShape shape) {
        return mla != null ? mla.kvLoraRank() + mla.qkRopeHeadDim() : shape.kvValuesPerToken();
    }

    /** KV-cache values one token adds over every attention layer, before any window caps what a layer keeps. */
    public double kvValuesPerToken() {
        return sumOverAttentionLayers(this::kvValuesPerTokenPerLayer);
    }

    /**
     * KV-cache bytes one sequence holds at {@code context} tokens, {@code bytesPerValue} each (the KV format's, from
     * {@code Precision.kvBytesPerValue()}), windowed layers capped.
     */
    public double kvBytesPerSequence(double context, double bytesPerValue) {
        return kvBytesPerSequence(context, bytesPerValue, 1);
    }

    /**
     * The same on one of {@code tensorParallel} ranks: each kind's cache splits over its KV heads (MLA's latent is
     * replicated), and the indexer keys and recurrent state split as the full layers' cache does.
     */
    public double kvBytesPerSequence(double context, double bytesPerValue, double tensorParallel) {
        return cacheBytes(context, bytesPerValue, tensorParallel, false);
    }

    /**
     * Cache bytes one decode step reads for a sequence at {@code context} on one of {@code tensorParallel} ranks: all
     * of it, except that sparse attention reads only its top-k tokens' KV (and every indexer key).
     */
    public double kvBytesReadPerSequence(double context, double bytesPerValue, double tensorParallel) {
        return cacheBytes(context, bytesPerValue, tensorParallel, true);
    }

    public double kvBytesReadPerSequence(double context, double bytesPerValue) {
        return kvBytesReadPerSequence(context, bytesPerValue, 1);
    }

    private double cacheBytes(double context, double bytesPerValue, double tensorParallel, boolean readByDecode) {
        AttentionShape global = attentionShape();
        double globalShards = kvShards(global, tensorParallel);
        double fullPositions = readByDecode ? attended(context) : context;
        double kv = fullAttentionLayers() * kvValuesPerTokenPerLayer(global) * fullPositions / globalShards;
        if (slidingWindow != null) {
            AttentionShape local = localAttentionShape();
            double held = slidingWindow.positionsHeld(context);
            double localPositions = readByDecode ? Math.min(held, attended(context)) : held;
            kv += localLayers() * kvValuesPerTokenPerLayer(local) * localPositions / kvShards(local, tensorParallel);
        }
        return kv * bytesPerValue + (indexerKeyBytes(context) + recurrentStateBytesPerSequence()) / globalShards;
    }

    /** Positions sparse attention's top k reaches at {@code context} (all of them without it). */
    private double attended(double context) {
        return sparse == null ? context : sparse.attended(context);
    }

    /** Over how many tensor-parallel ranks a kind's cache splits: its KV heads (MLA's latent is replicated). */
    private double kvShards(AttentionShape shape, double tensorParallel) {
        return mla != null ? 1 : shape.kvShards(tensorParallel);
    }

    private double indexerKeyBytes(double context) {
        return sparse == null ? 0 : sparse.indexerHeadDim() * SparseAttention.INDEXER_KEY_BYTES_PER_VALUE * layerPositions(context);
    }

    /**
     * Forward attention-core FLOPs per token of a sequence of {@code tokens}, counted over every position a query may
     * reach (the MFU convention: PaLM's 2·a·(d_qk + d_v) per position per layer), with sparse attention's top k and its
     * indexer over every position, and a hybrid's recurrences as their chunked kernels compute them.
     */
    public double attentionForwardFlopsPerToken(double tokens) {
        return attentionFlops(attended(tokens), slidingWindow == null ? 0 : Math.min(slidingWindow.positionsHeld(tokens), attended(tokens)),
                AttentionShape::flopsPerPosition) + indexerFlopsPerPosition() * layerPositions(tokens) + recurrenceFlopsPerToken(true);
    }

    /** The same over a causal pass (what the kernels compute): each query reaches only earlier positions. */
    public double causalAttentionForwardFlopsPerToken(double tokens) {
        double full = sparse == null ? tokens * tokens / 2 : sparse.causalAttended(tokens);
        double local = slidingWindow == null ? 0 : sparse == null ? slidingWindow.causalPrefillPositions(tokens) : sparse.causalAttended(tokens);
        return (attentionFlops(full, local, AttentionShape::flopsPerPosition)
                + indexerFlopsPerPosition() * causalPrefillLayerPositions(tokens)) / tokens + recurrenceFlopsPerToken(true);
    }

    /**
     * A hybrid's recurrent layers' own FLOPs per token, beyond their projections, over all of them: chunked as a prefill
     * or training pass runs them, or one token's state update as decode does; 0 without recurrent layers. Counted with
     * the attention core's, as the other token-mixing work.
     */
    public double recurrenceFlopsPerToken(boolean chunked) {
        if (hybrid == null || hybrid.mixer() == null) {
            return 0;
        }
        RecurrentMixer mixer = hybrid.mixer();
        return hybrid.recurrentLayers() * (chunked ? mixer.chunkedFlopsPerToken() : mixer.decodeFlopsPerToken());
    }

    /**
     * Attention-core FLOPs of decoding one token of a sequence at {@code context}, with sparse attention's indexer and a
     * hybrid's recurrent state updates.
     * MLA decodes with its up-projections absorbed (DeepSeek-V2, §2.1.2): every head scores the cached latent + rope
     * key and sums the latent, 2·a·(2·kv_lora_rank + rope_dim) per position, which reads the small cache but computes more.
     */
    public double decodeAttentionFlops(double context) {
        ToDoubleFunction<AttentionShape> perPosition = mla != null
                ? shape -> 2 * attentionHeads * (2 * mla.kvLoraRank() + mla.qkRopeHeadDim()) : AttentionShape::flopsPerPosition;
        double local = slidingWindow == null ? 0 : Math.min(slidingWindow.positionsHeld(context), attended(context));
        return attentionFlops(attended(context), local, perPosition) + indexerFlopsPerPosition() * layerPositions(context)
                + recurrenceFlopsPerToken(false);
    }

    /** Per-position FLOPs times positions, over the full layers ({@code fullPositions} each) and the local ones. */
    private double attentionFlops(double fullPositions, double localPositions, ToDoubleFunction<AttentionShape> perPosition) {
        double full = fullAttentionLayers() * perPosition.applyAsDouble(attentionShape()) * fullPositions;
        return slidingWindow == null ? full : full + localLayers() * perPosition.applyAsDouble(localAttentionShape()) * localPositions;
    }

    /** Sparse attention's indexer FLOPs per scored layer-position (0 without it): it scores every earlier token. */
    public double indexerFlopsPerPosition() {
        return sparse == null ? 0 : sparse.indexerFlopsPerPosition();
    }

    /**
     * Summed over layers, how many positions attention reaches at context {@code tokens}: full layers
     * see all of them, sliding-window and chunked layers at most the window or chunk (for a chunk, the
     * most it reaches and keeps: a decode step partway through a chunk reads fewer).
     */
    public double layerPositions(double tokens) {
        return slidingWindow == null ? attentionLayers() * tokens
                : fullAttentionLayers() * tokens + localLayers() * slidingWindow.positionsHeld(tokens);
    }

    /** Attention heads times the positions each reaches, over the layers: the scores eager attention materialises. */
    public double headLayerPositions(double tokens) {
        return attentionFlops(tokens, slidingWindow == null ? 0 : slidingWindow.positionsHeld(tokens), AttentionShape::heads);
    }

    /**
     * Layer-positions summed over a causal prefill of {@code tokens}: position i attends to
     * i earlier positions on a full layer (s²/2 in all), fewer on a local one.
     */
    public double causalPrefillLayerPositions(double tokens) {
        double full = tokens * tokens / 2;
        return slidingWindow == null ? attentionLayers() * full
                : fullAttentionLayers() * full + localLayers() * slidingWindow.causalPrefillPositions(tokens);
    }
}
