package loopline.engine.economics;

import static loopline.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import loopline.engine.Estimate;
import loopline.engine.ScenarioFields;
import loopline.engine.training.TrainingMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ranges around the likely figure: what moves them, by how much, and that they hold published outcomes. */
class EstimateRangeTest {

    @Test
    void trainingTimeMovesWithTheTrainingSpeedBandAlone() {
        // days ∝ 1 ÷ MFU while nothing else limits the run (one GPU: no all-reduce, no bubble); MFU spans the residual band
        Estimate e = estimate("llama-2-7b", "training.gpuCount=1");
        double[] days = EstimateRange.of(e).of(x -> x.trainingRun().wallClockDays());
        double likely = e.trainingRun().wallClockDays();
        assertThat(days[0]).isCloseTo(likely / 1.27, withinPercentage(1e-9));
        assertThat(days[1]).isCloseTo(likely / 0.71, withinPercentage(1e-9));
    }

    @Test
    void trainingCostAlsoMovesWithTheCatalogsPriceRange() {
        // H100: $2.99 likely, $1.99–3.90 seen (assets/gpus.json)
        Estimate e = estimate("llama-2-7b", "training.gpuCount=1");
        double[] cost = EstimateRange.of(e).of(x -> x.trainingRun().costUsd());
        double likely = e.trainingRun().costUsd();
        assertThat(cost[0]).isCloseTo(likely * 1.99 / 2.99 / 1.27, withinPercentage(1e-6));
        assertThat(cost[1]).isCloseTo(likely * 3.90 / 2.99 / 0.71, withinPercentage(1e-6));
    }

    @Test
    void anFp8RunAlsoMovesWithTheShareOfItsTimeInGemms() {
        // H100 GEMMs: 1,402.6 fp8 vs 794.5 bf16 TFLOP/s; the GEMM share spans 0.5–0.85 around 0.7
        Estimate e = estimate("llama-2-7b", "training.gpuCount=1", "training.precision=fp8", "training.fp8GemmShare=0.7");
        double slowest = speedup(0.5) / speedup(0.7) * 0.71;
        double[] days = EstimateRange.of(e).of(x -> x.trainingRun().wallClockDays());
        assertThat(days[1]).isCloseTo(e.trainingRun().wallClockDays() / slowest, withinPercentage(1e-9));
        assertThat(speedup(0.5)).isBetween(1.25, 1.3);
        assertThat(speedup(0.85)).isBetween(1.55, 1.65);
    }

    private static double speedup(double gemmShare) {
        return 1 / ((1 - gemmShare) + gemmShare * 794.5 / 1402.6);
    }

    @Test
    void memoryMovesWithFragmentationAndAFormatsBytesDoNot() {
        // overhead = 1 GB + fragmentation × live; fragmentation 2–10% around 5%
        Estimate e = estimate("llama-2-7b");
        TrainingMemory m = e.trainingMemory();
        double live = m.perGpuBytes() - m.overheadBytes();
        double[] perGpu = EstimateRange.of(e).of(x -> x.trainingMemory().perGpuBytes());
        assertThat(perGpu[0]).isCloseTo(live * 1.02 + 1e9, withinPercentage(1e-9));
        assertThat(perGpu[1]).isCloseTo(live * 1.10 + 1e9, withinPercentage(1e-9));
        double[] bytes = EstimateRange.of(e).of(x -> x.trainingMemory().bytesPerParameter());
        assertThat(bytes[0]).isEqualTo(16.0).isEqualTo(bytes[1]);
    }

    @Test
    void aPriceTheUserSetGetsTheCatalogsRelativeSpread() {
        Estimate e = estimate("llama-2-7b", "training.gpuCount=1", "training.pricePerGpuHourUsd=2");
        double[] price = Uncertainty.INPUTS.stream().filter(i -> i.field() == ScenarioFields.TRAINING_PRICE).findFirst().orElseThrow()
                .values(e.scenario());
        assertThat(price[0]).isCloseTo(2 * 1.99 / 2.99, withinPercentage(1e-9));
        assertThat(price[1]).isCloseTo(2 * 3.90 / 2.99, withinPercentage(1e-9));
    }

    /** Published GPU-hours fall inside the range of the same scenarios as CalibrationTest. */
    @ParameterizedTest(name = "{0}: {4} GPU-hours inside the range")
    @CsvSource({
            "llama-2-7b,    2.0e12,  a100-80gb, 4096, 184320,   512,   1, 1",
            "llama-2-13b,   2.0e12,  a100-80gb, 4096, 368640,   512,   1, 1",
            "llama-2-70b,   2.0e12,  a100-80gb, 4096, 1720320,  512,   1, 1",
            "llama-3.1-405b, 15.6e12, h100-sxm, 8192, 30840000, 16384, 8, 16"})
    void publishedRunsFallInsideTheRange(String model, double tokens, String gpu, int seq, double published, int gpus, int tp, int pp) {
        Estimate e = estimate(model, "training.gpu=" + gpu, "training.tokens=" + tokens, "training.sequenceLength=" + seq,
                "training.tensorParallel=" + tp, "training.pipelineParallel=" + pp, "training.gpuCount=" + gpus);
        double[] hours = EstimateRange.of(e).of(x -> x.trainingRun().gpuHours());
        assertThat(published).isBetween(hours[0], hours[1]);
    }
}
