package loopline.engine.training;

import java.util.Locale;
import loopline.engine.Ids;

/**
 * How much of the forward pass the backward pass recomputes instead of storing, as the frameworks implement it
 * (Korthikanti et al. 2022, arXiv:2205.05198; PyTorch's selective activation checkpointing as torchtitan applies it).
 */
public enum ActivationRecompute {
    /** Every activation kept; with eager attention ({@link AttentionKernel}) that includes the s² score matrix. */
    NONE,
    /** The attention core is recomputed (Megatron's selective recompute; FlashAttention does it anyway): linear terms only. */
    SELECTIVE,
    /**
     * Selective by op (PyTorch's selective activation checkpointing): the attention core's output and matmul outputs are
     * kept, the cheap ops between them (norms, activation functions, rotary embeddings, products) are recomputed in the
     * backward. torchtitan's policy keeps every second matmul's output and recomputes the others too
     * ({@link #OP_POLICY_KEPT_MATMUL_SHARE}).
     */
    SELECTIVE_OP,
    /** Selective by layer: every second layer is fully recomputed, the others keep everything (torchtitan's layer policy). */
    SELECTIVE_LAYER,
    /** Only each layer's input is kept; the backward runs the forward again (+1 forward of compute). */
    FULL;

    /**
     * Share of the matmul outputs the op policy keeps: torchtitan's {@code _op_sac_save_list} saves mm outputs but
     * recomputes every second mm of a layer (q, v, gate and down are kept in a Llama layer, k, o and up recomputed).
     */
    static final double OP_POLICY_KEPT_MATMUL_SHARE = 0.5;
    /** Layers in each group of which one is fully recomputed under {@link #SELECTIVE_LAYER}. */
    static final int LAYER_POLICY_FREQUENCY = 2;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ActivationRecompute fromId(String id) {
        return Ids.fromId(values(), ActivationRecompute::id, id, "activation recompute");
    }

    /**
     * Share of a forward pass the backward runs again: all of it under full recompute, the recomputed layers under the
     * layer policy, none for the others (the cheap ops the op policy recomputes are memory-bound work, not matmul FLOPs).
     */
    public double recomputedForwardShare() {
        return switch (this) {
            case FULL -> 1;
            case SELECTIVE_LAYER -> 1.0 / LAYER_POLICY_FREQUENCY;
            case NONE, SELECTIVE, SELECTIVE_OP -> 0;
        };
    }
}
