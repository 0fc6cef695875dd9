package loopline.engine.hardware;

/**
 * One accelerator from the catalog. Rates are dense (no sparsity), in FLOP/s; 0 means the GPU has no
 * hardware path for that format. Measured matmul rates are 0 when nobody has published one. The price range is
 * what the market showed on the price's date (the catalog's rangeLow/rangeHigh; the price itself where none was given).
 * The interconnect counts both directions, as datasheets quote it. {@code priceEstimated} marks a price LoopLine set where no
 * public hourly price exists; {@code isGpu} is false for accelerators that are not GPUs (TPU, Trainium, Gaudi),
 * which the engine treats alike but people should not read as GPUs. {@code purchaseUsdPerGpu} is what buying one costs
 * with its share of the server around it (0: no published price; owning it cannot be costed), for the owned-cluster
 * cost mode, with its source. {@code kernels} are the measured kernel timings
 * serving is costed with: this GPU's own, or the nearest measured generation's ({@link #kernelsMeasured()}).
 */
public record Gpu(
        String id,
        String name,
        double memoryBytes,
        double memoryBandwidthBytesPerSecond,
        double fp32FlopsPerSecond,
        double tf32FlopsPerSecond,
        double bf16FlopsPerSecond,
        double fp16FlopsPerSecond,
        double fp8FlopsPerSecond,
        double int8OpsPerSecond,
        double fp4FlopsPerSecond,
        double measuredBf16MatmulFlopsPerSecond,
        double measuredFp8MatmulFlopsPerSecond,
        double interconnectBytesPerSecond,
        String interconnect,
        int nvlinkDomainGpus,
        double tdpWatts,
        double pricePerGpuHourUsd,
        double priceLowUsd,
        double priceHighUsd,
        String priceDate,
        String priceSource,
        double purchaseUsdPerGpu,
        String purchaseSource,
        String specSource,
        boolean priceEstimated,
        boolean isGpu,
        KernelTable kernels) {

    /** True when the catalog has a purchase price, so an owned cluster of these can be costed. */
    public boolean hasPurchasePrice() {
        return purchaseUsdPerGpu > 0;
    }

    /** True when the kernel timings are this GPU's own, not borrowed from the nearest measured generation. */
    public boolean kernelsMeasured() {
        return kernels.measures(this);
    }

    /** Share of datasheet peak a large matmul reaches where none was measured (stas00 MAMF: 16-bit 80–87%). */
    static final double DEFAULT_MATMUL_FRACTION_16BIT = 0.80;
    /** fp8/int8 (and, unmeasured, fp4) matmuls reach a smaller share (H100 measured 70.9% fp8 vs 80.3% bf16). */
    static final double DEFAULT_MATMUL_FRACTION_8BIT = 0.70;

    /** Peak rate for training's matmuls at this precision; what MFU is measured against. */
    public double trainingPeakFlopsPerSecond(Precision precision) {
        return switch (precision) {
            case FP32 -> tf32FlopsPerSecond > 0 ? tf32FlopsPerSecond : fp32FlopsPerSecond;
            case BF16 -> firstPositive(bf16FlopsPerSecond, fp16FlopsPerSecond, fp32FlopsPerSecond);
            case FP16 -> firstPositive(fp16FlopsPerSecond, fp32FlopsPerSecond);
            case FP8 -> firstPositive(fp8FlopsPerSecond, bf16FlopsPerSecond, fp16FlopsPerSecond, fp32FlopsPerSecond);
            case INT8, INT4, FP4 -> throw new IllegalArgumentException("training does not run in " + precision.id());
        };
    }

    /**
     * The format the serving matmuls run in: fp8 where the GPU has it (W8A8), fp4 where it has fp4 tensor
     * cores (Blackwell NVFP4, W4A4; else fp8, else 16-bit); int8 and int4 are weight-only quantisation
     * that computes in 16-bit, as AWQ/GPTQ kernels do.
     */
    public Precision inferenceComputeFormat(Precision weights) {
        return switch (weights) {
            case FP32 -> Precision.FP32;
            case FP4 -> fp4FlopsPerSecond > 0 ? Precision.FP4 : inferenceComputeFormat(Precision.FP8);
            case FP8 -> fp8FlopsPerSecond > 0 ? Precision.FP8 : sixteenBit();
            default -> sixteenBit();
        };
    }

    /** True when the GPU has tensor cores for this weight format, so it need not fall back to a wider one. */
    public boolean computesNatively(Precision weights) {
        return switch (weights) {
            case FP8 -> fp8FlopsPerSecond > 0;
            case FP4 -> fp4FlopsPerSecond > 0;
            default -> true;
        };
    }

    /** Best rate a real matmul reaches in this format: measured when published, else a default share of peak. */
    public double achievableMatmulFlopsPerSecond(Precision format) {
        return switch (format) {
            case FP4 -> fp4FlopsPerSecond * DEFAULT_MATMUL_FRACTION_8BIT;
            case FP8 -> measuredFp8MatmulFlopsPerSecond > 0
                    ? measuredFp8MatmulFlopsPerSecond
                    : fp8FlopsPerSecond * DEFAULT_MATMUL_FRACTION_8BIT;
            case BF16, FP16 -> measuredBf16MatmulFlopsPerSecond > 0
                    ? measuredBf16MatmulFlopsPerSecond
                    : trainingPeakFlopsPerSecond(format) * DEFAULT_MATMUL_FRACTION_16BIT;
            case FP32 -> trainingPeakFlopsPerSecond(Precision.FP32) * DEFAULT_MATMUL_FRACTION_16BIT;
            case INT8, INT4 -> throw new IllegalArgumentException("no matmul format " + format.id());
        };
    }

    /** Arithmetic intensity (FLOP/byte) above which a kernel is compute-bound in 16-bit. */
    public double ridgePointFlopsPerByte() {
        return trainingPeakFlopsPerSecond(sixteenBit()) / memoryBandwidthBytesPerSecond;
    }

    private Precision sixteenBit() {
        return bf16FlopsPerSecond > 0 ? Precision.BF16 : Precision.FP16;
    }

    private static double firstPositive(double... rates) {
        for (double r : rates) {
            if (r > 0) {
                return r;
            }
        }
        return 0;
    }
}
