package loopline.engine;

import static loopline.Fixtures.closedLoop;
import static loopline.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import loopline.engine.economics.ServingCost;
import loopline.engine.hardware.Gpu;
import loopline.engine.serving.OperatingPoint;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every row of shared/reference/CALIBRATION.md, run with the engine's shipped defaults (no knob tuned
 * per case). Each scenario sets only what the published run states: model, tokens, hardware, sequence.
 */
class CalibrationTest {

    @Nested
    class FromTheEssay {
        @Test
        void mixedPrecisionAdamIsSixteenBytesPerParameterAndServingTwo() {
            Estimate e = estimate("llama-3.1-70b");
            assertThat(e.trainingMemory().bytesPerParameter()).isEqualTo(16.0);
            assertThat(e.inferenceMemory().bytesPerParameter()).isEqualTo(2.0);
        }

        @Test
        void seventyBillionParametersNeedAboutATerabyteOfModelStates() {
            Estimate e = estimate("model.parameters=70e9");
            assertThat(e.trainingMemory().modelStatesTotalBytes()).isCloseTo(1.12e12, withinPercentage(0.01));
        }

        @Test
        void seventyBInSixteenBitNeedsTwoGpusWithLittleRoomAndFourToEightWithRoom() {
            Estimate one = estimate("llama-2-70b", "inference.gpu=h100-sxm", "inference.tensorParallel=1");
            assertThat(one.inferenceMemory().weightsBytes()).isCloseTo(138e9, withinPercentage(1));
            assertThat(one.inferenceMemory().fits()).isFalse();

            Estimate two = estimate("llama-2-70b", "inference.gpu=h100-sxm", "inference.tensorParallel=2");
            assertThat(two.inferenceMemory().fits()).isTrue();
            Estimate four = estimate("llama-2-70b", "inference.gpu=h100-sxm", "inference.tensorParallel=4");
            Estimate eight = estimate("llama-2-70b", "inference.gpu=h100-sxm", "inference.tensorParallel=8");
            // "little room": two GPUs hold far fewer concurrent sequences than four or eight
            assertThat(four.inferenceMemory().sequencesByMemory()).isGreaterThan(5 * two.inferenceMemory().sequencesByMemory());
            assertThat(eight.inferenceMemory().sequencesByMemory()).isGreaterThan(four.inferenceMemory().sequencesByMemory());
        }

        @Test
        void aCentPerUseForAMillionDailyUsersIsThreeHundredThousandAMonth() {
            assertThat(ServingCost.monthlyBill(0.01, 1e6)).isCloseTo(300_000, within(1e-6));
        }

        @Test
        void aHundredMillionDollarRunOverABillionRequestsIsTenCentsEach() {
            assertThat(ServingCost.amortisedPerRequest(1e8, 1e9)).isCloseTo(0.10, within(1e-12));
        }

        @Test
        void batchOneDecodeIsMemoryBoundAtAboutOneFlopPerByte() {
            Estimate e = estimate("llama-2-7b", "inference.gpu=h100-sxm", "inference.batchSize=1",
                    "inference.promptTokens=128", "inference.outputTokens=128");
            assertThat(e.inferenceSpeed().decodeArithmeticIntensity()).isCloseTo(1.0, within(0.1));
            assertThat(e.inferenceSpeed().decodeArithmeticIntensity()).isLessThan(h100().ridgePointFlopsPerByte() / 100);
            assertThat(e.inferenceSpeed().decodeMemoryBound()).isTrue();
        }

        private Gpu h100() {
            return loopline.Fixtures.CATALOGS.gpus().get("h100-sxm");
        }
    }

    /**
     * Published GPU-hours, ±25%. Meta does not state Llama 2's cluster; 512 A100s is one its 4M-token batch
     * (1,024 sequences of 4,096) keeps busy. Llama 3.1 405B ran on 16,384 H100s with TP 8 × PP 16 (Llama 3 paper).
     */
    @ParameterizedTest(name = "{0} on {2}: {4} GPU-hours")
    @CsvSource({
            "llama-2-7b,    2.0e12,  a100-80gb, 4096, 184320,   512,   1, 1",
            "llama-2-13b,   2.0e12,  a100-80gb, 4096, 368640,   512,   1, 1",
            "llama-2-70b,   2.0e12,  a100-80gb, 4096, 1720320,  512,   1, 1",
            "llama-3.1-405b, 15.6e12, h100-sxm, 8192, 30840000, 16384, 8, 16"})
    void trainingRunsLandWithinAQuarterOfPublishedGpuHours(String model, double tokens, String gpu, int seq, double published,
                                                           int gpus, int tp, int pp) {
        Estimate e = estimate(model, "training.gpu=" + gpu, "training.tokens=" + tokens, "training.sequenceLength=" + seq,
                "training.tensorParallel=" + tp, "training.pipelineParallel=" + pp, "training.gpuCount=" + gpus);
        assertThat(e.trainingRun().gpuHours()).isCloseTo(published, withinPercentage(25));
    }

    /**
     * Llama 3: 38–43% MFU, 380–430 TFLOP/s per GPU, on 16,384 H100s with TP 8 × PP 16 and a 16M-token batch. LoopLine
     * lands 3% above the band's top (README's Accuracy table): Meta's stack reached 0.70 of the kernel-bound rate where
     * NeMo's 405B reaches 0.76, and the framework efficiency is the median of both. Within the training tolerance of the
     * GPU-hour rows, and the bubble and exposed tensor-parallel traffic of 16,384 GPUs pull it below NeMo's 576-GPU run.
     */
    @Test
    void llama405bThroughputPerGpuIsWithinAQuarterOfThePublishedMfuAndBelowNemosSmallerRun() {
        Estimate e = llama405bAtFullScale();
        assertThat(e.trainingRun().clusterMfu(16384)).isCloseTo(0.405, withinPercentage(25));
        assertThat(e.trainingRun().clusterMfu(16384)).isLessThan(FrameworkRuns.NEMO_405B.estimate().trainingRun().clusterMfu(576));
    }

    static Estimate llama405bAtFullScale() {
        // Llama 3 §3.3.2: "we reduce one Transformer layer each from the first and the last stages" to balance them
        return estimate("llama-3.1-405b", "training.gpu=h100-sxm", "training.gpuCount=16384", "training.sequenceLength=8192",
                "training.tensorParallel=8", "training.pipelineParallel=16", "training.tokens=15.6e12", "training.balancedPipeline=true");
    }

    /** Published framework benchmarks (tokens/s per GPU), ±25% like the GPU-hour rows; one documented miss is not asserted. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(FrameworkRuns.class)
    void frameworkBenchmarksLandWithinAQuarterOfTheirPublishedThroughput(FrameworkRuns run) {
        org.junit.jupiter.api.Assumptions.assumeTrue(run.asserted(), run + " is a documented miss");
        assertThat(run.tokensPerSecondPerGpu()).isCloseTo(run.published(), withinPercentage(25));
    }

    @Nested
    class Memory {
        @ParameterizedTest(name = "ZeRO stage {0}: {1} GB per GPU")
        @CsvSource({"0, 120", "1, 31.4", "2, 16.6", "3, 1.9"})
        void zeroShardingOfASevenPointFiveBModelOverSixtyFourRanks(int stage, double gigabytes) {
            Estimate e = estimate("model.parameters=7.5e9", "training.gpuCount=64", "training.zeroStage=" + stage);
            assertThat(e.trainingMemory().modelStatesBytes() / 1e9).isCloseTo(gigabytes, withinPercentage(2));
        }

        @ParameterizedTest(name = "{0}: {1} KiB per token")
        @CsvSource({"llama-2-7b, 512", "llama-2-13b, 800", "llama-3.1-8b, 128", "llama-3.1-70b, 320", "qwen2.5-7b, 56"})
        void kvCachePerTokenInSixteenBit(String model, double kib) {
            Estimate e = estimate(model, "inference.kvCachePrecision=bf16");
            assertThat(e.inferenceMemory().kvCacheBytesPerToken()).isEqualTo(kib * 1024);
        }

        @Test
        void llama2SeventyBDoesNotFitOneA100InBf16ButDoesInInt8() {
            String[] common = {"inference.gpu=a100-80gb", "inference.tensorParallel=1", "inference.batchSize=1"};
            assertThat(estimate("llama-2-70b", concat(common, "inference.precision=bf16")).inferenceMemory().fits()).isFalse();
            assertThat(estimate("llama-2-70b", concat(common, "inference.precision=int8")).inferenceMemory().fits()).isTrue();
        }
    }

    /** Published serving benchmarks, ±30%. */
    @Nested
    class Serving {
        @Test
        void llama2SevenBDecodesAboutOneHundredFiveTokensPerSecondOnA100AtBatchOne() {
            OperatingPoint p = closedLoop(1, "llama-2-7b", "inference.gpu=a100-80gb", "inference.tensorParallel=1",
                    "inference.promptTokens=8", "inference.outputTokens=200");
            assertThat(p.tokensPerSecondPerUser()).isCloseTo(104.9, withinPercentage(30));
        }

        @Test
        void llama2SevenBFirstTokenAfterATwoThousandTokenPromptOnA100() {
            OperatingPoint p = closedLoop(1, "llama-2-7b", "inference.gpu=a100-80gb", "inference.precision=fp16",
                    "inference.tensorParallel=1", "inference.promptTokens=2048", "inference.outputTokens=1");
            assertThat(p.timeToFirstTokenSeconds()).isCloseTo(0.133, withinPercentage(30));
        }

        @Test
        void llama2SevenBFirstTokenInFp8OnH100() {
            OperatingPoint p = closedLoop(1, "llama-2-7b", "inference.gpu=h100-sxm", "inference.precision=fp8",
                    "inference.tensorParallel=1", "inference.promptTokens=2048", "inference.outputTokens=1");
            assertThat(p.timeToFirstTokenSeconds()).isCloseTo(0.036, withinPercentage(30));
        }
    }

    private static String[] concat(String[] a, String b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }

    /** CALIBRATION.md "Serving under load": the rows LoopLine meets within ±35% with its shipped defaults. */
    @Nested
    class ServingUnderLoad {
        @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
        @org.junit.jupiter.params.provider.MethodSource("loopline.engine.CalibrationTest#assertedServingRows")
        void landsWithinTolerance(String name, ServingCalibration.Row row) {
            assertThat(row.estimate().getAsDouble()).isCloseTo(row.published(), withinPercentage(ServingCalibration.TOLERANCE_PERCENT));
        }
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> assertedServingRows() {
        return ServingCalibration.ROWS.stream().filter(ServingCalibration.Row::asserted)
                .map(r -> org.junit.jupiter.params.provider.Arguments.of(r.name(), r));
    }

    /** Presets that reproduce a published run say how close they come; these keep the sentence true. */
    @Nested
    class PresetsThatReproduceAPublishedRun {
        @Test
        void frontier405bLandsWithinTenPercentOfMetasHours() {
            Estimate e = Estimator.estimate(loopline.data.ScenarioReader.read(loopline.Fixtures.preset("frontier-405b.json"),
                    loopline.Fixtures.CATALOGS));
            assertThat(e.scenario().description()).contains("30.84M H100-hours", "within 10%");
            assertThat(e.trainingRun().gpuHours()).isCloseTo(30.84e6, withinPercentage(10));
        }

        @Test
        void deepSeekV3InItsReportsLayoutLandsWithinFifteenPercentOfItsReportAndFits() {
            Estimate e = Estimator.estimate(loopline.data.ScenarioReader.read(loopline.Fixtures.preset("moe-deepseek-v3.json"),
                    loopline.Fixtures.CATALOGS));
            assertThat(e.scenario().description()).contains("2.79M H800-hours", "within 15%", "64-way expert parallelism");
            assertThat(e.trainingRun().gpuHours()).isCloseTo(2.788e6, withinPercentage(15));
            assertThat(e.trainingMemory().fitsOnGpu()).isTrue();
        }
    }
}
