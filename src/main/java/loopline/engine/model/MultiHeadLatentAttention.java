package loopline.engine.model;

/**
 * DeepSeek's multi-head latent attention: keys and values are cached as one compressed latent of
 * {@code kvLoraRank} plus a shared rotary key of {@code qkRopeHeadDim} per token and layer.
 */
public record MultiHeadLatentAttention(double qLoraRank, double kvLoraRank, double qkNopeHeadDim,
                                       double qkRopeHeadDim, double vHeadDim) {
}
