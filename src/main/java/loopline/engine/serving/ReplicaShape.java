package loopline.engine.serving;

/**
 * How one serving replica spreads the model over its GPUs. Attention and dense layers are
 * tensor-parallel over {@code tensorParallel} GPUs; with {@code expertParallel} above 1 (MoE only) the
 * replica has that many GPUs, attention runs data-parallel in groups of {@code tensorParallel}, and the
 * routed experts are split {@code expertParallel} ways (TensorRT-LLM's and SGLang's "DEP" modes).
 */
public record ReplicaShape(int tensorParallel, int expertParallel) {

    public ReplicaShape {
        if (tensorParallel < 1 || expertParallel < 1) {
            throw new IllegalArgumentException("parallel degrees must be at least 1");
        }
        if (expertParallel > 1 && expertParallel % tensorParallel != 0) {
            throw new IllegalArgumentException("expert parallelism must be a multiple of tensor parallelism");
        }
    }

    public static ReplicaShape tensorParallel(int t) {
        return new ReplicaShape(t, 1);
    }

    public int gpus() {
        return Math.max(tensorParallel, expertParallel);
    }

    /** Attention groups that each hold a full copy of the non-expert weights and serve their own sequences. */
    public int attentionGroups() {
        return gpus() / tensorParallel;
    }

    public boolean spreadsExperts() {
        return expertParallel > 1;
    }

    /**
     * Share of the routed experts' weights one GPU holds, of {@code experts} per layer. Tensor parallelism slices every
     * expert: 1/t. Expert parallelism gives each GPU ⌈E/e⌉ whole experts; where e does not divide E the spare slots hold
     * redundant copies of the busiest experts (SGLang's and TensorRT-LLM's EPLB: 256 experts over EP 72 make 288 slots,
     * 32 of them redundant), so memory pays for the slots, not E/e.
     */
    public double routedExpertShare(double experts) {
        return spreadsExperts() ? Math.ceil(experts / expertParallel) / experts : 1.0 / tensorParallel;
    }

    /** Short label people read: "TP 8", "TP 1 · EP 8". */
    public String label() {
        return expertParallel > 1 ? "TP " + tensorParallel + " · EP " + expertParallel : "TP " + tensorParallel;
    }
}
