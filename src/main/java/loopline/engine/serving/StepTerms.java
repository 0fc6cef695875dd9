package loopline.engine.serving;

/**
 * What one engine step's time is made of, in the order the kernels run: the dense matmuls (attention projections,
 * dense MLPs, shared experts, the LM head), the routed experts' grouped GEMMs, attention over the KV cache and the
 * prompt chunk, tensor-parallel all-reduces, expert-parallel all-to-all, and the launch/scheduling floor. Each
 * matmul term is the slower of streaming its weights and computing, as measured; {@code denseComputeBound} and
 * {@code expertsComputeBound} say which side set it, {@code tokensPerExpert} what the grouped GEMM was fed.
 */
public record StepTerms(
        double denseMatmulSeconds,
        double expertMatmulSeconds,
        double attentionSeconds,
        double allReduceSeconds,
        double allToAllSeconds,
        double floorSeconds,
        double tokensPerExpert,
        boolean denseComputeBound,
        boolean expertsComputeBound,
        boolean attentionComputeBound) {

    public double totalSeconds() {
        return denseMatmulSeconds + expertMatmulSeconds + attentionSeconds + allReduceSeconds + allToAllSeconds + floorSeconds;
    }

    /**
     * The average of steps without ({@code 1 − share}) and with ({@code share}) a prompt chunk: times and tokens per
     * expert mix by share; which bound held is the one the longer-running side shows.
     */
    StepTerms mixedWith(StepTerms withChunk, double share) {
        StepTerms a = this;
        StepTerms b = withChunk;
        double keep = 1 - share;
        StepTerms dominant = share >= 0.5 ? b : a;
        return new StepTerms(keep * a.denseMatmulSeconds + share * b.denseMatmulSeconds,
                keep * a.expertMatmulSeconds + share * b.expertMatmulSeconds,
                keep * a.attentionSeconds + share * b.attentionSeconds,
                keep * a.allReduceSeconds + share * b.allReduceSeconds,
                keep * a.allToAllSeconds + share * b.allToAllSeconds,
                keep * a.floorSeconds + share * b.floorSeconds,
                keep * a.tokensPerExpert + share * b.tokensPerExpert,
                dominant.denseComputeBound, dominant.expertsComputeBound, dominant.attentionComputeBound);
    }
}
