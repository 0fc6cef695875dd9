package loopline.engine.training;

import java.util.Locale;
import loopline.engine.Ids;

/**
 * How training computes attention, which decides whether the s × s score matrix is ever stored. A separate
 * choice from activation recompute: FlashAttention (PyTorch's SDPA default on recent GPUs) never materialises
 * the scores and recomputes them inside its backward, whatever the recompute setting; eager attention writes
 * the softmax output to memory and keeps it for the backward unless the attention core is recomputed.
 */
public enum AttentionKernel {
    FLASH,
    EAGER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AttentionKernel fromId(String id) {
        return Ids.fromId(values(), AttentionKernel::id, id, "attention kernel");
    }

    /** True when the backward pass finds the s² softmax output in memory: eager attention with nothing recomputed. */
    public boolean storesScores(ActivationRecompute recompute) {
        return this == EAGER && recompute == ActivationRecompute.NONE;
    }
}
