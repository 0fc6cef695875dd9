package loopline.engine;

/**
 * Mixture-of-experts feed-forward: each token is routed to {@code activeExperts} of {@code experts}
 * gated experts of width {@code expertFfnSize}, plus {@code sharedExperts} every token uses. The first
 * {@code denseLayers} layers keep an ordinary dense MLP (DeepSeek-V3: 3).
 */
public record Moe(double experts, double activeExperts, double expertFfnSize, double sharedExperts, double denseLayers) {
}
