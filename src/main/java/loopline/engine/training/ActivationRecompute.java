package loopline.engine.training;

import java.util.Locale;
import loopline.engine.Ids;

/**
 * How much of the forward pass the backward pass recomputes instead of storing
 * (Korthikanti et al. 2022, arXiv:2205.05198).
 */
public enum ActivationRecompute {
    /** Every activation kept; with eager attention ({@link AttentionKernel}) that includes the s² score matrix. */
    NONE,
    /** The attention core is recomputed (Megatron's selective recompute; FlashAttention does it anyway): linear terms only. */
    SELECTIVE,
    /** Only each layer's input is kept; the backward runs the forward again (+1 forward of compute). */
    FULL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ActivationRecompute fromId(String id) {
        return Ids.fromId(values(), ActivationRecompute::id, id, "activation recompute");
    }
}
