package loopline.engine.model;

/**
 * Mixture-of-experts feed-forward: each token is routed to {@code activeExperts} of {@code experts}
 * gated experts of width {@code expertFfnSize}, plus {@code sharedExperts} of the same width every token
 * uses. The first {@code denseLayers} layers keep an ordinary dense MLP (DeepSeek-V3: 3); of the rest,
 * every {@code layerStep}-th layer is MoE and the others dense (Llama 4 Maverick: 2, so 24 of 48).
 * {@code mxfp4Experts}: the checkpoint stores the routed experts in MXFP4 (OCP microscaling: 4-bit values in blocks of
 * 32 with a power-of-two scale, as gpt-oss ships them), which serving stacks run with their own kernel
 * ({@link loopline.engine.hardware.MoeFormat#servedAs}).
 */
public record Moe(double experts, double activeExperts, double expertFfnSize, double sharedExperts, double denseLayers,
                  double layerStep, boolean mxfp4Experts) {

    public Moe(double experts, double activeExperts, double expertFfnSize, double sharedExperts, double denseLayers, double layerStep) {
        this(experts, activeExperts, expertFfnSize, sharedExperts, denseLayers, layerStep, false);
    }

    /** Layers with experts among {@code layers}: every step-th layer after the dense ones (Hugging Face's (i+1) % step == 0). */
    public double moeLayers(double layers) {
        double afterDense = Math.max(0, layers - denseLayers);
        return Math.floor(afterDense / layerStep);
    }
}
