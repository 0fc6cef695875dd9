package loopline.engine.hardware;

/**
 * One measured MoE layer shape (hidden size × expert FFN width), and the share of peak its grouped GEMM reaches
 * by tokens per expert: a handful of tokens per expert runs far below a dense matmul's efficiency.
 */
public record ExpertShape(String measuredOn, double hidden, double expertFfn, LogCurve computeShareByTokensPerExpert) {

    /** The size the shapes are ordered and interpolated by: one expert's hidden × FFN. */
    double size() {
        return hidden * expertFfn;
    }
}
