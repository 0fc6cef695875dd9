package loopline.engine.training;

import static loopline.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import loopline.engine.Estimate;
import org.junit.jupiter.api.Test;

/** Training at scale, worked by hand: the batch bounds data parallelism, the bubble, the exposed all-reduce, fp8. */
class TrainingScheduleTest {
    private static final double LLAMA2_7B_FLOPS_PER_TOKEN_4K = 6 * 6_738_415_616.0 + 12 * 32 * 4096 * 4096.0;

    @Test
    void gpusBeyondWhatTheBatchFeedsSitIdleAndAreStillBilled() {
        // 4M tokens ÷ 4,096 = 976.5625 sequences: 976.5625 of 2,000 replicas work, each on one micro-batch
        Estimate e = estimate("llama-2-7b", "training.gpu=a100-80gb", "training.gpuCount=2000", "training.tokens=1e12",
                "training.sequenceLength=4096", "training.mfu=0.45");
        double seconds = 1e12 * LLAMA2_7B_FLOPS_PER_TOKEN_4K / (976.5625 * 312e12 * 0.45 * 0.92);
        assertThat(e.trainingRun().wallClockSeconds()).isCloseTo(seconds, withinPercentage(1e-6));
        assertThat(e.trainingRun().gpuHours()).isCloseTo(2000 * seconds / 3600, withinPercentage(1e-6));
        assertThat(e.trainingRun().schedule().idleShare()).isCloseTo(1 - 976.5625 / 2000, within(1e-12));
        assertThat(TrainingSchedule.gpusTheBatchFeeds(e.scenario().training())).isEqualTo(976.5625);
    }

    @Test
    void moreGpusThanTheBatchFeedsNeitherShortenTheRunNorCostLess() {
        Estimate fed = estimate("llama-2-7b", "training.gpuCount=1024");
        Estimate twice = estimate("llama-2-7b", "training.gpuCount=2048");
        assertThat(twice.trainingRun().wallClockDays()).isCloseTo(fed.trainingRun().wallClockDays(), withinPercentage(1e-9));
        assertThat(twice.trainingRun().costUsd()).isCloseTo(2 * fed.trainingRun().costUsd(), withinPercentage(1e-9));
    }

    @Test
    void interleavingShrinksThePipelineBubble() {
        // 8 sequences over 4 replicas: m = 2 micro-batches each; p = 4. 1F1B: 1 + 3/2 = 2.5× the ideal time;
        // 8 chunks per stage (32 layers ÷ 4, the default): 1 + 3/16. The all-reduce (0.10 s) hides behind 0.23 s.
        String[] common = {"training.gpu=a100-80gb", "training.gpuCount=16", "training.pipelineParallel=4",
                "training.globalBatchTokens=32768", "training.sequenceLength=4096", "training.mfu=0.45", "training.balancedPipeline=true"};
        Estimate plain = estimate("llama-2-7b", concat(common, "training.virtualStages=1"));
        Estimate interleaved = estimate("llama-2-7b", common);
        assertThat(plain.trainingRun().schedule().bubbleShare()).isCloseTo(3.0 / 5, within(1e-12));
        assertThat(interleaved.trainingRun().schedule().bubbleShare()).isCloseTo(3.0 / 19, within(1e-12));
        assertThat(plain.trainingRun().wallClockSeconds() / interleaved.trainingRun().wallClockSeconds())
                .isCloseTo(2.5 / (1 + 3.0 / 16), within(1e-9));
        double ideal = 20 * 6_738_415_616.0 * LLAMA2_7B_FLOPS_PER_TOKEN_4K / (16 * 312e12 * 0.45 * 0.92);
        assertThat(plain.trainingRun().wallClockSeconds()).isCloseTo(2.5 * ideal, withinPercentage(1e-6));
    }

    @Test
    void theGradientAllReduceShowsWhereOneMicroBatchsBackwardCannotHideIt() {
        // 64 H100s as 8 replicas of TP 8, one per node, so each GPU's NIC carries its own 1/8 of the gradient:
        // 2·7/8 × 13.48 GB ÷ 8 ÷ 50 GB/s = 0.0590 s; a micro-batch takes 4,096 × 47.07 GFLOP ÷ (989.5 T × 0.45) ÷ 8 = 0.0541 s,
        // its backward 0.0361 s; 122.07 micro-batches per step
        Estimate e = estimate("llama-2-7b", "training.gpuCount=64", "training.tensorParallel=8", "training.pipelineParallel=1",
                "training.sequenceLength=4096", "training.mfu=0.45");
        double microBatch = 4096 * LLAMA2_7B_FLOPS_PER_TOKEN_4K / (989.5e12 * 0.45) / 8;
        double allReduce = 2 * 7.0 / 8 * 6_738_415_616.0 * 2 / 8 / 50e9;
        double m = 4e6 / 4096 / 8;
        TrainingSchedule s = e.trainingRun().schedule();
        assertThat(s.microBatchSeconds()).isCloseTo(microBatch, withinPercentage(1e-9));
        assertThat(s.allReduceSeconds()).isCloseTo(allReduce, withinPercentage(1e-9));
        assertThat(s.exposedAllReduceSeconds()).isCloseTo(allReduce - 2.0 / 3 * microBatch, withinPercentage(1e-9));
        assertThat(e.trainingRun().tokensPerSecond())
                .isCloseTo(4e6 / (m * microBatch + allReduce - 2.0 / 3 * microBatch), withinPercentage(1e-9));
    }

    @Test
    void anEvenSplitOfTheLayersLeavesTheLastStageTheHeadAndEveryStageWaitsForIt() {
        // Llama 2 7B, PP 4: the head is 6 × 32,000 × 4,096 of the 47.07 GFLOP a token costs; the slowest stage runs
        // (1 + 3 × that share) of an even split
        String[] pp4 = {"training.gpu=a100-80gb", "training.gpuCount=16", "training.pipelineParallel=4", "training.sequenceLength=4096",
                "training.mfu=0.45"};
        TrainingSchedule even = estimate("llama-2-7b", pp4).trainingRun().schedule();
        TrainingSchedule balanced = estimate("llama-2-7b", concat(pp4, "training.balancedPipeline=true")).trainingRun().schedule();
        double headShare = 6 * 32_000 * 4096.0 / LLAMA2_7B_FLOPS_PER_TOKEN_4K;
        assertThat(even.microBatchSeconds() / balanced.microBatchSeconds()).isCloseTo(1 + 3 * headShare, within(1e-9));
    }

    @Test
    void fp8SpeedsUpOnlyTheMatmulsSoItDoesNotDoubleTheRun() {
        // H100 measured matmuls: 1,402.6 fp8 vs 794.5 bf16 TFLOP/s; 70% of a step's time is GEMMs
        double expected = 1 / (0.3 + 0.7 * 794.5 / 1402.6);
        Estimate bf16 = estimate("llama-2-7b", "training.gpuCount=1", "training.mfu=0.45", "training.fp8GemmShare=0.7");
        Estimate fp8 = estimate("llama-2-7b", "training.gpuCount=1", "training.precision=fp8", "training.mfu=0.45", "training.fp8GemmShare=0.7");
        assertThat(bf16.trainingRun().wallClockSeconds() / fp8.trainingRun().wallClockSeconds()).isCloseTo(expected, within(1e-9));
        assertThat(expected).isBetween(1.4, 1.5);
        assertThat(fp8.trainingRun().peakFlopsPerSecondPerGpu()).isEqualTo(989.5e12);
        Estimate a100 = estimate("llama-2-7b", "training.gpuCount=1", "training.gpu=a100-80gb", "training.precision=fp8");
        assertThat(a100.trainingRun().lowPrecisionSpeedup()).isEqualTo(1.0);
    }

    @Test
    void theDefaultBatchIsFourMillionTokensUpToAHundredBillionParametersThenGrowsInProportion() {
        assertThat(TrainingSetup.defaultGlobalBatchTokens(7e9)).isEqualTo(4e6);
        assertThat(TrainingSetup.defaultGlobalBatchTokens(100e9)).isEqualTo(4e6);
        assertThat(TrainingSetup.defaultGlobalBatchTokens(405e9)).isCloseTo(16.2e6, withinPercentage(1e-9));
        assertThat(TrainingSetup.defaultVirtualStages(126, 16)).isEqualTo(7);
        assertThat(TrainingSetup.defaultVirtualStages(126, 1)).isEqualTo(1);
        assertThat(TrainingSetup.defaultVirtualStages(4, 16)).isEqualTo(1);
    }

    private static String[] concat(String[] a, String b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }
}
