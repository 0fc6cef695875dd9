package loopline.engine.hardware;

import java.util.Locale;
import loopline.engine.Ids;

/**
 * What a fused MoE kernel computes in, named by what it quantises: 16-bit weights and activations (BF16), 8-bit
 * both (FP8, W8A8), 4-bit both (FP4, NVFP4 W4A4), 4-bit weights computed in 16-bit (W4A16) or in 8-bit (W4A8:
 * gpt-oss's mxfp4 weights with fp8 activations where the GPU has no fp4 units).
 */
public enum MoeFormat {
    BF16(Precision.BF16), FP8(Precision.FP8), FP4(Precision.FP4), W4A16(Precision.BF16), W4A8(Precision.FP8);

    /** The tensor-core format the matmuls run in, whose peak the measured compute shares are of. */
    private final Precision computesIn;

    MoeFormat(Precision computesIn) {
        this.computesIn = computesIn;
    }

    public Precision computesIn() {
        return computesIn;
    }

    /** True when only the weights are narrow and the matmuls still run in a wider format than they are stored in. */
    public boolean weightOnly() {
        return this == W4A16 || this == W4A8;
    }

    /** The format measured next when a GPU's table lacks this one: the same compute format, then bf16. */
    MoeFormat fallback() {
        return switch (this) {
            case W4A8, FP4 -> FP8;
            case W4A16, FP8, BF16 -> BF16;
        };
    }

    /**
     * The kernel a served weight format runs on {@code gpu}: fp8 weights with fp8 units are W8A8; fp4 weights run
     * W4A4 with fp4 units; without them, 4-bit weights are dequantised inside the kernel to W4A8 where the GPU has fp8
     * units and its measured stack runs that kernel, else to W4A16 (TensorRT-LLM runs gpt-oss's mxfp4 experts on
     * Hopper as W4A16: AIConfigurator measured only that kernel there); int4 is weight-only W4A16; int8 (weight-only
     * W8A16) and 16-bit compute in 16-bit. With {@code mxfp4Experts} (experts that ship in MXFP4), served at 4 bits they
     * keep that checkpoint, whose kernels take 8-bit activations even on fp4 tensor cores (TensorRT-LLM runs gpt-oss on
     * Blackwell as W4A8 MXFP4 × MXFP8, the kernel AIConfigurator measured there; NVFP4 W4A4 needs a requantised checkpoint).
     */
    public static MoeFormat servedAs(Precision weights, Gpu gpu, boolean mxfp4Experts) {
        boolean fp8Units = gpu.fp8FlopsPerSecond() > 0;
        return switch (weights) {
            case FP8 -> fp8Units ? FP8 : BF16;
            case FP4 -> gpu.fp4FlopsPerSecond() > 0 && !mxfp4Experts ? FP4
                    : fp8Units && (gpu.kernels().moe().containsKey(W4A8) || !gpu.kernels().moe().containsKey(W4A16))
                            ? W4A8 : W4A16;
            case INT4 -> W4A16;
            default -> BF16;
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MoeFormat fromId(String id) {
        return Ids.fromId(values(), MoeFormat::id, id, "MoE kernel format");
    }
}
