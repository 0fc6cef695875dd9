package loopline.engine;

import java.util.Locale;

/** A number format for weights, activations, gradients or the KV cache. */
public enum Precision {
    FP32(4.0),
    BF16(2.0),
    FP16(2.0),
    FP8(1.0),
    INT8(1.0),
    /** 4-bit weights; {@link #weightBytesPerParameter()} adds one 16-bit scale per group of 128. */
    INT4(0.5);

    /** Group-wise int4 quantisation (AWQ/GPTQ) stores one 16-bit scale per 128 weights. */
    static final double INT4_GROUP_SIZE = 128;

    private final double bytesPerValue;

    Precision(double bytesPerValue) {
        this.bytesPerValue = bytesPerValue;
    }

    public double bytesPerValue() {
        return bytesPerValue;
    }

    /** Bytes one stored weight costs, including quantisation scales (int4: 0.5 + 2/128 ≈ +3%). */
    public double weightBytesPerParameter() {
        return this == INT4 ? bytesPerValue + 2.0 / INT4_GROUP_SIZE : bytesPerValue;
    }

    /** The KV cache's format when the scenario names none: the weights', but 16-bit for weight-only int8/int4. */
    public static Precision kvCacheDefaultFor(Precision weights) {
        return weights == INT8 || weights == INT4 ? BF16 : weights;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Precision fromId(String id) {
        return Ids.fromId(values(), Precision::id, id, "precision");
    }
}
