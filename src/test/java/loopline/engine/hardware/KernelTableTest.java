package loopline.engine.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import loopline.Fixtures;
import org.junit.jupiter.api.Test;

/** The measured kernel tables as the engine looks them up: a measured point gives its measured figure, in between is interpolated. */
class KernelTableTest {
    private static final Map<String, Gpu> GPUS = Fixtures.CATALOGS.gpus();

    @Test
    void aLogCurveReturnsItsMeasuredPointsInterpolatesAsAPowerLawAndHoldsItsEnds() {
        LogCurve c = new LogCurve(new double[][] {{100, 0.2}, {400, 0.6}});
        assertThat(c.at(100)).isCloseTo(0.2, within(1e-15));
        assertThat(c.at(400)).isCloseTo(0.6, within(1e-15));
        assertThat(c.at(200)).isCloseTo(Math.sqrt(0.2 * 0.6), within(1e-12)); // halfway in log 100 → 400: the geometric mean
        assertThat(c.at(1)).isCloseTo(0.2, within(1e-15));
        assertThat(c.at(0)).isCloseTo(0.2, within(1e-15));
        assertThat(c.at(1e9)).isCloseTo(0.6, within(1e-15));
        assertThatThrownBy(() -> new LogCurve(new double[][] {{4, 0.1}, {2, 0.2}})).hasMessageContaining("increasing");
    }

    @Test
    void aShareThatGrowsFasterThanItsSizeIsHeldSoMoreWorkNeverTakesLessTime() {
        double[][] noisy = {{1, 0.01}, {2, 0.03}, {4, 0.05}};
        loopline.data.KernelTableReaderAccess.neverFasterForMore(noisy);
        assertThat(noisy[1][1]).isCloseTo(0.02, within(1e-15)); // 2 / 0.03 would be less time than 1 / 0.01
        assertThat(noisy[2][1]).isCloseTo(0.04, within(1e-15)); // held to the running maximum of the time
        for (Gpu gpu : GPUS.values()) {
            LogCurve decode = gpu.kernels().decodeAttentionBandwidthShareByBytes();
            double previous = 0;
            for (double bytes = 1e3; bytes < 1e10; bytes *= 1.1) {
                double seconds = bytes / decode.at(bytes);
                assertThat(seconds).as(gpu.id() + " at " + bytes).isGreaterThanOrEqualTo(previous * (1 - 1e-12));
                previous = seconds;
            }
        }
    }

    @Test
    void aMeasuredGemmShapeGivesItsMeasuredFigures() {
        // assets/kernels/h100-sxm.json: bf16 GEMMs 5.264 us + bytes at 87.14% of 3.35 TB/s; 77.41% of 989 TFLOP/s at 4,096 rows
        KernelTable h100 = GPUS.get("h100-sxm").kernels();
        GemmEfficiency bf16 = h100.gemmFor(Precision.BF16);
        assertThat(bf16.floorSeconds()).isCloseTo(5.264e-6, within(1e-12));
        assertThat(bf16.bandwidthShare()).isEqualTo(0.8714);
        assertThat(bf16.computeShareByTokens().at(4096)).isCloseTo(0.7741, within(1e-12));
        assertThat(h100.flopsPerSecond(GPUS.get("h100-sxm"), Precision.BF16)).isEqualTo(989e12);
        // fp16 computes on the bf16 table, fp4 on a GPU without fp4 tables on the fp8 one
        assertThat(h100.gemmFor(Precision.FP16)).isSameAs(bf16);
        assertThat(h100.gemmFor(Precision.FP4)).isSameAs(h100.gemmFor(Precision.FP8));
    }

    @Test
    void aMeasuredMoeShapeGivesItsMeasuredShareAndItsNeighboursBracketAnUnmeasuredOne() {
        GroupedGemmEfficiency fp8 = GPUS.get("h200").kernels().moeFor(MoeFormat.FP8);
        // Qwen3-30B-A3B (h 2048 × FFN 768) and Qwen3-235B-A22B (4096 × 1536) on H200 in fp8, at 256 tokens per expert
        assertThat(fp8.computeShare(2048, 768, 256)).isCloseTo(0.141, within(1e-12));
        assertThat(fp8.computeShare(4096, 1536, 256)).isCloseTo(0.2459, within(1e-12));
        double between = fp8.computeShare(2880, 1152, 256);
        assertThat(between).isStrictlyBetween(0.141, 0.2459);
        // halfway in log(h × FFN) between the two gives the midpoint of their shares
        double mid = Math.sqrt(2048.0 * 768 * 4096 * 1536);
        assertThat(fp8.computeShare(mid / 1000, 1000, 256)).isCloseTo((0.141 + 0.2459) / 2, within(1e-9));
    }

    @Test
    void moreTokensPerExpertNeverRunAtALowerShareOfPeak() {
        for (Gpu gpu : GPUS.values()) {
            for (MoeFormat f : MoeFormat.values()) {
                GroupedGemmEfficiency moe = gpu.kernels().moeFor(f);
                for (ExpertShape shape : moe.shapes()) {
                    double previous = 0;
                    for (double tpe = 0.01; tpe < 1e5; tpe *= 1.5) {
                        double share = moe.computeShare(shape.hidden(), shape.expertFfn(), tpe);
                        assertThat(share).as(gpu.id() + " " + f + " " + shape.measuredOn() + " at " + tpe).isPositive()
                                .isGreaterThanOrEqualTo(previous * (1 - 1e-12));
                        previous = share;
                    }
                }
            }
        }
    }

    @Test
    void aMeasuredCollectiveGivesItsFiguresAndHoldsTheNearestCountBeyondThem() {
        Collective a2a = GPUS.get("gb200").kernels().allToAll();
        assertThat(a2a.floorSeconds(8)).isCloseTo(13.8e-6, within(1e-12));
        assertThat(a2a.busBytesPerSecond(8)).isEqualTo(591e9);
        assertThat(a2a.busBytesPerSecond(72)).isEqualTo(a2a.busBytesPerSecond(64));
        assertThat(a2a.busBytesPerSecond(6)).isEqualTo(a2a.busBytesPerSecond(4));
    }

    @Test
    void aGpuWithoutMeasurementsBorrowsTheNearestGenerationsSharesAndKeepsItsOwnPeaks() {
        Gpu b300 = GPUS.get("b300");
        assertThat(b300.kernelsMeasured()).isFalse();
        assertThat(b300.kernels()).isSameAs(GPUS.get("b200").kernels());
        assertThat(b300.kernels().flopsPerSecond(b300, Precision.FP4)).isEqualTo(b300.fp4FlopsPerSecond());
        assertThat(b300.kernels().bytesPerSecond(b300)).isEqualTo(b300.memoryBandwidthBytesPerSecond());
        // the measured B200 itself uses the figures its shares were measured against (7.7 TB/s, not the catalog's 8)
        Gpu b200 = GPUS.get("b200");
        assertThat(b200.kernels().bytesPerSecond(b200)).isEqualTo(7.7e12);
    }

    @Test
    void eachWeightFormatRunsOnTheKernelThatQuantisesWhatItQuantises() {
        Gpu h100 = GPUS.get("h100-sxm");
        Gpu b200 = GPUS.get("b200");
        Gpu a100 = GPUS.get("a100-80gb");
        assertThat(MoeFormat.servedAs(Precision.FP4, b200, false)).isEqualTo(MoeFormat.FP4); // W4A4 on fp4 tensor cores
        // gpt-oss's mxfp4 experts on Hopper: the measured stack runs them W4A16; an fp8 GPU without such measurements, W4A8
        assertThat(MoeFormat.servedAs(Precision.FP4, h100, false)).isEqualTo(MoeFormat.W4A16);
        assertThat(MoeFormat.servedAs(Precision.FP4, GPUS.get("l40s"), false)).isEqualTo(MoeFormat.W4A8);
        assertThat(MoeFormat.servedAs(Precision.FP4, a100, false)).isEqualTo(MoeFormat.W4A16);
        assertThat(MoeFormat.servedAs(Precision.INT4, b200, false)).isEqualTo(MoeFormat.W4A16);
        assertThat(MoeFormat.servedAs(Precision.FP8, a100, false)).isEqualTo(MoeFormat.BF16);
        // experts shipped in MXFP4 (gpt-oss) keep that checkpoint at 4 bits: W4A8 (MXFP4 × MXFP8) even on fp4 tensor cores
        assertThat(MoeFormat.servedAs(Precision.FP4, b200, true)).isEqualTo(MoeFormat.W4A8);
        assertThat(MoeFormat.servedAs(Precision.FP4, h100, true)).isEqualTo(MoeFormat.W4A16);
        assertThat(MoeFormat.servedAs(Precision.FP8, b200, true)).isEqualTo(MoeFormat.FP8);
        assertThat(MoeFormat.W4A16.weightOnly()).isTrue();
        assertThat(MoeFormat.FP4.weightOnly()).isFalse();
        // H100 has no W4A8 measurements: a lookup falls back to its fp8 kernel, which computes in the same format
        assertThat(h100.kernels().moeFor(MoeFormat.W4A8)).isSameAs(h100.kernels().moeFor(MoeFormat.FP8));
    }
}
