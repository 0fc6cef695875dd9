package loopline.engine;

/**
 * A plausible dense model of a given size, for the model-size slider. It follows the shape Llama-style
 * families use — 128-wide heads, one layer per 128 of hidden size (Llama 3: 8B 4096/32, 70B 8192/80,
 * 405B 16384/126), a SwiGLU MLP 3.5× the hidden size, grouped-query attention with at most 8 KV heads and
 * a 32k vocabulary — and solves for the hidden size that gives exactly the requested parameter count.
 * Dimensions stay continuous, so every output moves smoothly and monotonically with size.
 */
public final class DerivedArchitecture {

    public static final double MIN_PARAMETERS = 1e7;
    public static final double MAX_PARAMETERS = 1e13;

    static final double HEAD_DIM = 128;
    static final double HIDDEN_PER_LAYER = 128;
    static final double FFN_PER_HIDDEN = 3.5;
    static final double MAX_KV_HEADS = 8;
    static final double VOCAB = 32_000;
    static final String NAME = "Dense model (derived shape)";
    static final String SOURCE = "Derived by LoopLine from the Llama-family shape (d=128, L=h/128, SwiGLU f=3.5h, ≤8 KV heads, 32k vocab)";

    private DerivedArchitecture() {
    }

    public static ModelArchitecture ofParameters(double parameters) {
        if (!(parameters >= MIN_PARAMETERS && parameters <= MAX_PARAMETERS)) {
            throw new IllegalArgumentException("model.parameters must be between 1e7 and 1e13, got " + parameters);
        }
        double hidden = solveHidden(parameters);
        double heads = hidden / HEAD_DIM;
        return new ModelArchitecture("derived", NAME, hidden / HIDDEN_PER_LAYER, hidden, heads,
                Math.min(heads, MAX_KV_HEADS), HEAD_DIM, FFN_PER_HIDDEN * hidden, VOCAB, false, true, false, false,
                null, null, null, Double.NaN, true, SOURCE, 0);
    }

    /**
     * The hidden size whose model has exactly {@code parameters} weights. The count is a smooth, increasing
     * cubic in h (piecewise where KV heads stop growing at 8), so Newton's method from the cubic's leading
     * term converges in a handful of steps.
     */
    static double solveHidden(double parameters) {
        double h = Math.cbrt(parameters * HIDDEN_PER_LAYER / 12.5);
        for (int i = 0; i < 30; i++) {
            double step = (parameterCount(h) - parameters) / parameterCountSlope(h);
            h = Math.max(h / 2, h - step);
            if (Math.abs(step) < h * 1e-13) {
                break;
            }
        }
        return h;
    }

    /** d(parameterCount)/dh. */
    static double parameterCountSlope(double hidden) {
        double h = hidden;
        boolean kvCapped = h / HEAD_DIM >= MAX_KV_HEADS;
        // per layer: 2h² (q, o) + 2h·kv·d (k, v) + 3·3.5h² (SwiGLU) + 2h (norms); layers = h/128
        double cubic = kvCapped ? 12.5 : 14.5;
        double square = kvCapped ? 2 + 2 * MAX_KV_HEADS * HEAD_DIM : 2;
        return 2 * VOCAB + (3 * cubic * h * h + 2 * square * h) / HIDDEN_PER_LAYER + 1;
    }

    /** {@link ModelArchitecture#totalParameters()} of this family in closed form, for the solver. */
    static double parameterCount(double hidden) {
        double layers = hidden / HIDDEN_PER_LAYER;
        double kvHeads = Math.min(hidden / HEAD_DIM, MAX_KV_HEADS);
        double attention = 2 * hidden * hidden + 2 * hidden * kvHeads * HEAD_DIM;
        double mlp = 3 * hidden * FFN_PER_HIDDEN * hidden;
        return 2 * VOCAB * hidden + layers * (attention + mlp + 2 * hidden) + hidden;
    }
}
