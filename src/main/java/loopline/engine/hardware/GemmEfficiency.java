package loopline.engine.hardware;

/**
 * How a dense matmul (GEMM) of one number format runs on a GPU, as measured: with few token rows it streams its
 * weights, {@code floorSeconds} + bytes ÷ ({@code bandwidthShare} × HBM bandwidth); with many it is
 * compute-bound at {@code computeShareByTokens}(rows) × the format's datasheet peak. Shares are of the measured
 * GPU's datasheet figures (see {@link KernelTable#measuredPeaks()}).
 */
public record GemmEfficiency(double floorSeconds, double bandwidthShare, LogCurve computeShareByTokens) {
}
