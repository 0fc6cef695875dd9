package loopline.engine.hardware;

import java.util.Locale;
import loopline.engine.Ids;

/** A number format for weights, activations, gradients or the KV cache. */
public enum Precision {
    FP32(4.0),
    BF16(2.0),
    FP16(2.0),
    FP8(1.0),
    INT8(1.0),
    /** 4-bit weights; {@link #weightBytesPerParameter()} adds one 16-bit scale per group of 128. */
    INT4(0.5),
    /** 4-bit floating point (NVFP4, Blackwell): one fp8 scale per block of 16 values. */
    FP4(0.5);

    /** Group-wise int4 quantisation (AWQ/GPTQ) stores one 16-bit scale per 128 weights. */
    static final double INT4_GROUP_SIZE = 128;
    /** NVFP4 blocks: 16 values share one fp8 (E4M3) scale, +1/16 byte per value (NVIDIA, 2025). */
    static final double FP4_BLOCK_SIZE = 16;

    private final double bytesPerValue;

    Precision(double bytesPerValue) {
        this.bytesPerValue = bytesPerValue;
    }

    public double bytesPerValue() {
        return bytesPerValue;
    }

    /** Bytes one stored weight costs, including quantisation scales (int4: 0.5 + 2/128 ≈ +3%; fp4: 0.5 + 1/16). */
    public double weightBytesPerParameter() {
        return switch (this) {
            case INT4 -> bytesPerValue + 2.0 / INT4_GROUP_SIZE;
            case FP4 -> bytesPerValue + 1.0 / FP4_BLOCK_SIZE;
            default -> bytesPerValue;
        };
    }

    /** Bytes one cached key or value costs: an fp4 cache (NVFP4) keeps one fp8 scale per 16 values, as fp4 weights do. */
    public double kvBytesPerValue() {
        return this == FP4 ? weightBytesPerParameter() : bytesPerValue;
    }

    /**
     * The KV-cache format a weight format implies when the scenario names none: int8/int4 are weight-only
     * and keep a 16-bit cache; fp4 deployments (TensorRT-LLM's NVFP4 checkpoints) keep an fp8 cache;
     * other formats match the weights.
     */
    public static Precision kvCacheDefaultFor(Precision weights) {
        return switch (weights) {
            case INT8, INT4 -> BF16;
            case FP4 -> FP8;
            default -> weights;
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Precision fromId(String id) {
        return Ids.fromId(values(), Precision::id, id, "precision");
    }
}
