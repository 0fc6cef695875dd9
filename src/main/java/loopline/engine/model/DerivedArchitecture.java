package loopline.engine.model;

/**
 * A plausible dense model of a given size, for the model-size slider. Its shape follows the Llama-style
 * families: 128-wide heads, about one layer per 128 of hidden size (Llama 3: 8B 4096/32, 70B 8192/80, 405B
 * 16384/126), a SwiGLU MLP near 3.5× the hidden size, four to eight query heads per KV head with at most 8 KV
 * heads, and a vocabulary that grows with size. The model is physical: whole layers, whole heads, query heads
 * a multiple of the KV heads (and of 8 from 8 heads up), whole widths (the hidden size a multiple of 8, which need not be heads × 128, as
 * in Qwen3 or Gemma); the MLP width takes up what rounding leaves, so the count lands within 0.01% of the request.
 *
 * <p>Monotone by construction: the continuous Llama shape of the requested size grows with it, and every
 * whole dimension is a rounded, non-decreasing function of that shape. So is the vocabulary.
 */
public final class DerivedArchitecture {

    public static final double MIN_PARAMETERS = 1e7;
    public static final double MAX_PARAMETERS = 1e13;

    static final double HEAD_DIM = 128;
    static final double HIDDEN_PER_LAYER = 128;
    static final double FFN_PER_HIDDEN = 3.5;
    static final double MAX_KV_HEADS = 8;
    /**
     * Hidden sizes are multiples of 8, not of the head width: a coarser step would let a slightly bigger model
     * have a narrower MLP and so store fewer activations (each step of h at a fixed size costs about 13·L bytes
     * per token, which a 1% larger model must more than win back).
     */
    static final double HIDDEN_MULTIPLE = 8;
    /** Fewest query heads sharing one KV head (Llama 3 8B: 32 over 8; the upper end is twice this). */
    static final double MIN_QUERY_HEADS_PER_KV_HEAD = 4;
    /**
     * Query heads come in multiples of 8 once there are that many (Llama 3.2 3B: 24, 8B: 32, 70B: 64), so tensor
     * parallelism of 1, 2, 4 or 8 splits them, as Megatron and vLLM require; a multiple of the KV heads only would
     * give 20 or 28, and a model-size slider that refuses TP 8 for a 3B model the families were never made as.
     */
    static final double TENSOR_PARALLEL_HEADS = 8;

    /**
     * Vocabulary from 32k at 100M parameters (GPT-2-era and Llama 2 tokenizers) to 256k at 1T (Gemma's 262k;
     * Llama 4 has 202k at 400B, Kimi K2 164k at 1T), growing with log size between (8B: 86k, 70B: 140k,
     * 400B: 208k); a multiple of 128 as tokenizers pad it.
     */
    static final double SMALL_VOCAB = 32_000;
    static final double LARGE_VOCAB = 256_000;
    static final double SMALL_VOCAB_PARAMETERS = 1e8;
    static final double LARGE_VOCAB_PARAMETERS = 1e12;
    static final double VOCAB_MULTIPLE = 128;

    static final String NAME = "Dense model (derived shape)";
    static final String SOURCE = "Derived by LoopLine from the Llama-family shape (d=128, L≈h/128, SwiGLU f≈3.5h, "
            + "4–8 query heads per KV head, ≤8 KV heads, vocabulary 32k at 100M growing to 256k at 1T)";

    private DerivedArchitecture() {
    }

    public static ModelArchitecture ofParameters(double parameters) {
        if (!(parameters >= MIN_PARAMETERS && parameters <= MAX_PARAMETERS)) {
            throw new IllegalArgumentException("model.parameters must be between 1e7 and 1e13, got " + parameters);
        }
        double vocab = vocabulary(parameters);
        double smoothHidden = solveHidden(parameters, vocab);
        double layers = Math.max(1, Math.round(smoothHidden / HIDDEN_PER_LAYER));
        double hidden = Math.max(HIDDEN_MULTIPLE, HIDDEN_MULTIPLE * Math.round(smoothHidden / HIDDEN_MULTIPLE));
        double smoothHeads = smoothHidden / HEAD_DIM;
        double kvHeads = kvHeads(smoothHeads);
        // floor, not round: the attention never takes more than the smooth shape's, so the MLP keeps a positive width
        double headStep = smoothHeads >= TENSOR_PARALLEL_HEADS ? TENSOR_PARALLEL_HEADS : kvHeads; // a multiple of kvHeads either way
        double heads = headStep * Math.max(1, Math.floor(smoothHeads / headStep));
        double wholeVocab = VOCAB_MULTIPLE * Math.round(vocab / VOCAB_MULTIPLE);
        double ffn = Math.max(1, Math.round(ffnFilling(parameters, layers, hidden, heads, kvHeads, wholeVocab)));
        return new ModelArchitecture("derived", NAME, layers, hidden, heads, kvHeads, HEAD_DIM, HEAD_DIM, false, ffn, wholeVocab,
                false, true, false, false, null, null, null, null, null, Double.NaN, true, SOURCE, 0);
    }

    /** The vocabulary a family of this size would use (continuous; rounded to a multiple of 128 for the model). */
    static double vocabulary(double parameters) {
        double span = Math.log(LARGE_VOCAB_PARAMETERS / SMALL_VOCAB_PARAMETERS);
        double along = Math.min(1, Math.max(0, Math.log(parameters / SMALL_VOCAB_PARAMETERS) / span));
        return SMALL_VOCAB * Math.pow(LARGE_VOCAB / SMALL_VOCAB, along);
    }

    /** 1, 2, 4 or 8 KV heads: the largest power of two that leaves at least 4 query heads to each. */
    static double kvHeads(double smoothHeads) {
        double kv = 1;
        while (kv * 2 <= MAX_KV_HEADS && kv * 2 * MIN_QUERY_HEADS_PER_KV_HEAD <= smoothHeads) {
            kv *= 2;
        }
        return kv;
    }

    /** The SwiGLU width that brings a model of this shape to {@code parameters} weights. */
    private static double ffnFilling(double parameters, double layers, double hidden, double heads, double kvHeads, double vocab) {
        double attention = 2 * hidden * HEAD_DIM * (heads + kvHeads); // q and o: h·a·d each; k and v: h·a_kv·d each
        double rest = 2 * vocab * hidden + layers * (attention + 2 * hidden) + hidden;
        return (parameters - rest) / (layers * 3 * hidden);
    }

    /**
     * The hidden size whose smooth Llama-shaped model (L = h/128, f = 3.5h, a_kv = min(h/128, 8)) has exactly
     * {@code parameters} weights. The count is a smooth, increasing cubic in h (piecewise where KV heads stop
     * growing at 8), so Newton's method from the cubic's leading term converges in a handful of steps.
     */
    static double solveHidden(double parameters, double vocab) {
        double h = Math.cbrt(parameters * HIDDEN_PER_LAYER / 12.5);
        for (int i = 0; i < 30; i++) {
            double step = (parameterCount(h, vocab) - parameters) / parameterCountSlope(h, vocab);
            h = Math.max(h / 2, h - step);
            if (Math.abs(step) < h * 1e-13) {
                break;
            }
        }
        return h;
    }

    /** d(parameterCount)/dh. */
    static double parameterCountSlope(double hidden, double vocab) {
        double h = hidden;
        boolean kvCapped = h / HEAD_DIM >= MAX_KV_HEADS;
        // per layer: 2h² (q, o) + 2h·kv·d (k, v) + 3·3.5h² (SwiGLU) + 2h (norms); layers = h/128
        double cubic = kvCapped ? 12.5 : 14.5;
        double square = kvCapped ? 2 + 2 * MAX_KV_HEADS * HEAD_DIM : 2;
        return 2 * vocab + (3 * cubic * h * h + 2 * square * h) / HIDDEN_PER_LAYER + 1;
    }

    /** The smooth shape's {@link ModelArchitecture#totalParameters()} in closed form, for the solver. */
    static double parameterCount(double hidden, double vocab) {
        double layers = hidden / HIDDEN_PER_LAYER;
        double kvHeads = Math.min(hidden / HEAD_DIM, MAX_KV_HEADS);
        double attention = 2 * hidden * hidden + 2 * hidden * kvHeads * HEAD_DIM;
        double mlp = 3 * hidden * FFN_PER_HIDDEN * hidden;
        return 2 * vocab * hidden + layers * (attention + mlp + 2 * hidden) + hidden;
    }
}
