package loopline.engine.model;

/**
 * Local attention in a {@code layerShare} of the layers (Gemma 2: half; Gemma 3: 5 of 6; gpt-oss: half).
 * A sliding window lets each position see the last {@code tokens} positions; chunked attention (Llama 4)
 * lets it see only the earlier positions of its own {@code tokens}-long chunk, so a chunked layer reaches
 * between 1 and {@code tokens} positions, and its KV cache never holds more than one chunk. {@code shape} is the local
 * layers' own heads when they differ from the model's (MiMo-V2-Flash, Gemma 4), null when they are the same.
 */
public record SlidingWindow(double tokens, double layerShare, boolean chunked, AttentionShape shape) {

    public SlidingWindow(double tokens, double layerShare, boolean chunked) {
        this(tokens, layerShare, chunked, null);
    }

    /** Positions a local layer keeps in its KV cache at context {@code context}: at most the window or chunk. */
    public double positionsHeld(double context) {
        return Math.min(context, tokens);
    }

    /**
     * Causal attention positions a local layer computes over a prefill of {@code context} tokens. A window of w:
     * w²/2 to fill, then w per position. Chunks of c: each whole chunk c²/2, so context·c/2 past the first chunk.
     */
    public double causalPrefillPositions(double context) {
        double w = Math.min(context, tokens);
        return chunked ? context * w / 2 : w * w / 2 + (context - w) * w;
    }
}
