package loopline.engine.model;

/**
 * DeepSeek Sparse Attention (DeepSeek-V3.2, GLM-5): a lightning indexer of {@code indexerHeads} small heads of
 * {@code indexerHeadDim} scores every earlier token for each query, and the attention proper then runs over the
 * {@code topK} best. Every token stays cached (it may be chosen later), with its indexer key beside it; each step reads
 * all the indexer keys but only the chosen tokens' KV, and computes attention over at most {@code topK} positions.
 */
public record SparseAttention(double topK, double indexerHeads, double indexerHeadDim) {
    /** Indexer keys are cached in fp8 (DeepSeek-V3.2's inference code): one byte a value. */
    public static final double INDEXER_KEY_BYTES_PER_VALUE = 1;

    /** Positions the attention proper reaches at a context of {@code context}. */
    public double attended(double context) {
        return Math.min(context, topK);
    }

    /** Σ over a causal prefill of {@code tokens} of the positions each query attends: t²/2 up to k, then k per query. */
    public double causalAttended(double tokens) {
        double k = Math.min(tokens, topK);
        return k * k / 2 + (tokens - k) * k;
    }

    /** The indexer's FLOPs per scored position per layer: each head's q·k. */
    public double indexerFlopsPerPosition() {
        return 2 * indexerHeads * indexerHeadDim;
    }

    /** Weights of one layer's indexer: its query up-projection from the q latent (or the hidden state), key, key norm, head weights. */
    public double parameters(double hidden, double qInput) {
        return qInput * indexerHeads * indexerHeadDim + hidden * indexerHeadDim + 2 * indexerHeadDim + hidden * indexerHeads;
    }
}
