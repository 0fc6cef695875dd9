package loopline.engine.hardware;

import java.util.Map;

/**
 * How one measured GPU's kernels run, as shares of that GPU's datasheet peaks ({@link #measuredPeaks()}): dense
 * GEMMs by number format, fused MoE layers by what they quantise, decode and prefill attention, and the NVLink
 * collectives. A GPU without measurements of its own borrows the nearest generation's table and applies its shares
 * to its own datasheet figures ({@link #flopsPerSecond}, {@link #bytesPerSecond}).
 */
public record KernelTable(
        String measuredOn,
        Peaks measuredPeaks,
        Map<Precision, GemmEfficiency> gemm,
        Map<MoeFormat, GroupedGemmEfficiency> moe,
        double decodeAttentionFloorSeconds,
        LogCurve decodeAttentionBandwidthShareByBytes,
        LogCurve prefillAttentionComputeShareByPromptTokens,
        Collective allReduce,
        Collective allToAll) {

    /** The datasheet figures the shares were measured against: dense FLOP/s by format and HBM bytes/s. */
    public record Peaks(double bf16FlopsPerSecond, double fp8FlopsPerSecond, double fp4FlopsPerSecond, double memoryBytesPerSecond) {
    }

    /** Every lookup falls back to bf16, so a table must hold its bf16 GEMM and MoE measurements (the reader checks). */
    public KernelTable {
        gemm = gemm == null ? Map.of() : Map.copyOf(gemm);
        moe = moe == null ? Map.of() : Map.copyOf(moe);
    }

    /** True when {@code gpu} is the GPU these kernels were measured on, not one borrowing them. */
    public boolean measures(Gpu gpu) {
        return gpu.id().equals(measuredOn);
    }

    /**
     * The peak a share of this table multiplies for {@code gpu} in {@code format}: the measured GPU's own figure as
     * the shares were taken against, else the borrowing GPU's datasheet rate.
     */
    public double flopsPerSecond(Gpu gpu, Precision format) {
        if (measures(gpu)) {
            double measured = switch (format) {
                case FP4 -> measuredPeaks.fp4FlopsPerSecond();
                case FP8, INT8 -> measuredPeaks.fp8FlopsPerSecond();
                case BF16, FP16 -> measuredPeaks.bf16FlopsPerSecond();
                default -> 0;
            };
            if (measured > 0) {
                return measured;
            }
        }
        return switch (format) {
            case FP4 -> gpu.fp4FlopsPerSecond();
            case FP8 -> gpu.fp8FlopsPerSecond();
            case INT8 -> gpu.int8OpsPerSecond();
            default -> gpu.trainingPeakFlopsPerSecond(format);
        };
    }

    public double bytesPerSecond(Gpu gpu) {
        return measures(gpu) ? measuredPeaks.memoryBytesPerSecond() : gpu.memoryBandwidthBytesPerSecond();
    }

    /** The GEMM measurements for a compute format: the format's own, else the next wider one measured. */
    public GemmEfficiency gemmFor(Precision format) {
        GemmEfficiency g = gemm.get(format == Precision.FP16 || format == Precision.FP32 ? Precision.BF16 : format);
        if (g != null) {
            return g;
        }
        return format == Precision.FP4 ? gemmFor(Precision.FP8) : gemm.get(Precision.BF16);
    }

    /** The fused-MoE measurements for a kernel format, falling back along {@link MoeFormat#fallback()} to bf16. */
    public GroupedGemmEfficiency moeFor(MoeFormat format) {
        for (MoeFormat f = format; ; f = f.fallback()) {
            GroupedGemmEfficiency m = moe.get(f);
            if (m != null) {
                return m;
            }
        }
    }
}
