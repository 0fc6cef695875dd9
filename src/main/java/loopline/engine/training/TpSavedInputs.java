package loopline.engine.training;

import java.util.Locale;
import loopline.engine.Ids;

/**
 * What a tensor-parallel layer keeps of its input for the backward, under sequence parallelism: each layer's
 * attention and MLP start from the sequence gathered whole from the TP ranks.
 */
public enum TpSavedInputs {
    /**
     * Megatron-LM's sequence parallelism: the column-parallel linear keeps its input split over the TP ranks and
     * all-gathers it again in the backward (Korthikanti et al. 2022, section 4.2.2), so every saved activation is ÷ t.
     */
    SHARDED,
    /**
     * PyTorch DTensor's tensor parallelism (torchtitan's plan: {@code PrepareModuleInput} to {@code Replicate} before
     * the attention and the MLP): the gathered input is an ordinary tensor that the Q/K/V and gate/up projections save,
     * so those inputs are kept whole on every TP rank, s × h each, not ÷ t. A policy that recomputes them
     * (selective-op, full) keeps only one layer's at a time, while that layer is recomputed.
     */
    GATHERED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TpSavedInputs fromId(String id) {
        return Ids.fromId(values(), TpSavedInputs::id, id, "TP saved inputs");
    }

    /** The framework a ZeRO stage implies when the scenario names none: FSDP (ZeRO 3) runs on PyTorch's DTensor TP. */
    public static TpSavedInputs defaultFor(int zeroStage) {
        return zeroStage >= 3 ? GATHERED : SHARDED;
    }
}
