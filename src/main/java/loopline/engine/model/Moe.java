package loopline.engine.model;

/**
 * Mixture-of-experts feed-forward: each token is routed to {@code activeExperts} of {@code experts}
 * gated experts of width {@code expertFfnSize}, plus {@code sharedExperts} of the same width every token
 * uses. The first {@code denseLayers} layers keep an ordinary dense MLP (DeepSeek-V3: 3); of the rest,
 * every {@code layerStep}-th layer is MoE and the others dense (Llama 4 Maverick: 2, so 24 of 48).
 */
public record Moe(double experts, double activeExperts, double expertFfnSize, double sharedExperts, double denseLayers,
                  double layerStep) {

    /** Layers with experts among {@code layers}: every step-th layer after the dense ones (Hugging Face's (i+1) % step == 0). */
    double moeLayers(double layers) {
        double afterDense = Math.max(0, layers - denseLayers);
        return Math.floor(afterDense / layerStep);
    }
}
