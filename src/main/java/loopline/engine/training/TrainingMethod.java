package loopline.engine.training;

import loopline.engine.Ids;

/**
 * What the training run does to the weights. Pre-training and a full fine-tune train every weight (the same
 * maths, on different token counts); LoRA and QLoRA freeze the base and train low-rank adapters beside it
 * (Hu et al. 2021, arXiv:2106.09685; Dettmers et al. 2023, arXiv:2305.14314).
 */
public enum TrainingMethod {
    /** From scratch: every weight trains. */
    PRETRAIN("pretrain"),
    /** A catalog checkpoint trained again, every weight: pre-training's memory and FLOPs on a fine-tuning dataset. */
    FULL("full"),
    /** Frozen 16-bit base, trained low-rank adapters. */
    LORA("lora"),
    /** Frozen 4-bit NF4 base with double-quantised scales, trained 16-bit adapters, paged optimizer states. */
    QLORA("qlora");

    private final String id;

    TrainingMethod(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** True when only adapters train and the base weights stay frozen. */
    public boolean trainsAdapters() {
        return this == LORA || this == QLORA;
    }

    /** True when the frozen base is stored in 4-bit NF4. */
    public boolean quantisedBase() {
        return this == QLORA;
    }

    /** True when optimizer states live in unified memory and move to CPU RAM when the GPU runs short (QLoRA §3). */
    public boolean pagedOptimizer() {
        return this == QLORA;
    }

    public static TrainingMethod fromId(String id) {
        return Ids.fromId(values(), TrainingMethod::id, id, "training method");
    }
}
