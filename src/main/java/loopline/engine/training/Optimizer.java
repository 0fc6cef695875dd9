package loopline.engine.training;

import loopline.engine.Ids;

/** Training optimizers and the per-parameter state they keep (ZeRO paper, Rajbhandari et al. 2019). */
public enum Optimizer {
    /** Adam/AdamW: fp32 first and second moments, 8 bytes per parameter. */
    ADAMW("adamw", 8.0),
    /** SGD with momentum: one fp32 momentum, 4 bytes per parameter. */
    SGD_MOMENTUM("sgd-momentum", 4.0),
    /** 8-bit Adam (bitsandbytes): both moments quantised to one byte each. */
    ADAMW_8BIT("adamw-8bit", 2.0);

    private final String id;
    private final double stateBytesPerParameter;

    Optimizer(String id, double stateBytesPerParameter) {
        this.id = id;
        this.stateBytesPerParameter = stateBytesPerParameter;
    }

    public String id() {
        return id;
    }

    /** Optimizer moments only; the fp32 master copy of mixed precision is counted separately. */
    public double stateBytesPerParameter() {
        return stateBytesPerParameter;
    }

    public static Optimizer fromId(String id) {
        return Ids.fromId(values(), Optimizer::id, id, "optimizer");
    }
}
