package loopline.engine.model;

/**
 * The heads of one kind of attention layer. Most models have one kind; some give their sliding-window layers their own
 * (MiMo-V2-Flash: 8 KV heads on its window layers, 4 on its global ones; Gemma 4: 8 KV heads of 256 locally, 2 of 512
 * globally). {@code keyIsValue}: the layer has no value projection and takes its values from the key projection
 * (Gemma 4's global layers, {@code attention_k_eq_v}); key and value still pass their own norms, so the cache holds both.
 *
 * <p>For MLA the shape is the one its attention computes with ({@code kvHeads} = heads, keys of no-rope + rope width);
 * its cache is the latent, which {@link ModelArchitecture} counts apart.
 */
public record AttentionShape(double heads, double kvHeads, double queryKeyHeadDim, double valueHeadDim, boolean keyIsValue) {

    /** Cache values one token keeps in one layer: a key and a value per KV head. */
    public double kvValuesPerToken() {
        return kvHeads * (queryKeyHeadDim + valueHeadDim);
    }

    /** Forward attention-core FLOPs (QKᵀ and scores·V) per token per attended position. */
    public double flopsPerPosition() {
        return 2 * heads * (queryKeyHeadDim + valueHeadDim);
    }

    public double queryWidth() {
        return heads * queryKeyHeadDim;
    }

    /** The attention output, the output projection's input. */
    public double outputWidth() {
        return heads * valueHeadDim;
    }

    public double keyWidth() {
        return kvHeads * queryKeyHeadDim;
    }

    public double valueWidth() {
        return kvHeads * valueHeadDim;
    }

    /** The key and value tensors of one token, as the layer computes and stores them. */
    public double keyValueWidth() {
        return keyWidth() + valueWidth();
    }

    /** Columns the projections write for the key and value: one projection when the key is the value. */
    public double keyValueProjectionWidth() {
        return keyWidth() + (keyIsValue ? 0 : valueWidth());
    }

    /** Weights of q, k, v (absent when the key is the value) and o; {@code outputGate} adds the query's gate half. */
    public double weights(double hidden, boolean outputGate) {
        double gate = outputGate ? queryWidth() : 0;
        return hidden * (queryWidth() + gate + keyValueProjectionWidth()) + outputWidth() * hidden;
    }

    /** Biases on q, k and v. */
    public double projectionBiases() {
        return queryWidth() + keyValueProjectionWidth();
    }

    /** Inputs + outputs of the q, k, v and o projections (what a LoRA adapter of rank 1 on each would hold). */
    public double projectionWidths(double hidden) {
        return (hidden + queryWidth()) + (hidden + keyWidth()) + (keyIsValue ? 0 : hidden + valueWidth()) + (outputWidth() + hidden);
    }

    /** The same for the query and value projections alone (the value's absent when the key is the value). */
    public double queryValueProjectionWidths(double hidden) {
        return (hidden + queryWidth()) + (keyIsValue ? 0 : hidden + valueWidth());
    }

    /** Over how many tensor-parallel ranks this kind's cache splits: its KV heads, at most. */
    double kvShards(double tensorParallel) {
        return Math.max(1, Math.min(tensorParallel, kvHeads));
    }
}
