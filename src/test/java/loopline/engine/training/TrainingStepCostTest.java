package loopline.engine.training;

import static loopline.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import loopline.engine.Estimate;
import org.junit.jupiter.api.Test;

/** The utilisation a training step reaches, worked by hand from H100's measured kernels (assets/kernels/h100-sxm.json). */
class TrainingStepCostTest {
    private static final double PEAK = 989e12, HBM = 3.35e12;

    private static TrainingStepCost cost(Estimate e) {
        return TrainingStepCost.of(e.scenario().model(), e.scenario().training());
    }

    @Test
    void llama8bOnOneH100FromItsMeasuredGemmAttentionAndStreamingShares() {
        Estimate e = estimate("llama-3.1-8b", "training.gpu=h100-sxm", "training.gpuCount=1", "training.sequenceLength=8192",
                "training.tensorParallel=1", "training.pipelineParallel=1");
        // matmuls: 8,030,261,248 − the 525,336,576-weight embedding lookup, 6 FLOPs each, at the bf16 GEMM's 0.7899 for 8,192 rows
        double matmul = 6 * 7_504_924_672.0 / (0.7899 * PEAK);
        // attention: causal forward 2·32·256 × 32 layers × 8,192 / 2 = 2.147 GFLOP per token at the prefill share 0.4828 for
        // 8,192 tokens; the backward 2.5 × that at 63/73 of the share
        double forward = 2.0 * 32 * 256 * 32 * 8192 / 2;
        double attention = forward / (0.4828 * PEAK) + 2.5 * forward / (0.4828 * 63 / 73 * PEAK);
        // memory-bound: per layer norms and adds 20h, rotary 4·(4,096 + 1,024), SwiGLU 6f = 188,416 B; ×32, forward + backward 3×;
        // the fp32 loss 28 B per logit × 128,256; at the GEMM table's 0.8714 of 3.35 TB/s
        double memory = (3 * 32 * 188_416.0 + 28 * 128_256.0) / (0.8714 * HBM);
        double seconds = (matmul + attention + memory) / 0.77;
        double hardwareFlops = 6 * 8_030_261_248.0 + 3 * 2.0 * 32 * 256 * 32 * 8192;
        TrainingStepCost c = cost(e);
        assertThat(c.secondsPerToken()).isCloseTo(seconds, withinPercentage(1e-6));
        assertThat(c.utilisation()).isCloseTo(hardwareFlops / (seconds * 989.5e12), withinPercentage(1e-6)); // the datasheet's 989.5
        assertThat(c.matmulShareOfStep()).isCloseTo(matmul / (matmul + attention + memory), withinPercentage(1e-6));
        // the MFU field derives from it; its "why?" is the same figure
        assertThat(e.scenario().training().mfu()).isCloseTo(c.utilisation(), withinPercentage(1e-9));
        assertThat(c.utilisation()).isBetween(0.5, 0.65);
    }

    @Test
    void shortRowsAndSmallModelsReachLessOfThePeakThanLongRowsAndLargeModels() {
        double small = cost(estimate("llama-3.1-8b", "training.gpu=h100-sxm", "training.sequenceLength=512")).utilisation();
        double eightK = cost(estimate("llama-3.1-8b", "training.gpu=h100-sxm", "training.sequenceLength=8192")).utilisation();
        double large = cost(estimate("llama-3.1-405b", "training.gpu=h100-sxm", "training.sequenceLength=8192")).utilisation();
        assertThat(small).isLessThan(eightK);
        assertThat(eightK).isLessThan(large);
        // A100's GEMMs reach a larger share of its (lower) peak than H100's
        double a100 = cost(estimate("llama-3.1-8b", "training.gpu=a100-80gb", "training.sequenceLength=8192")).utilisation();
        assertThat(a100).isGreaterThan(eightK);
    }

    @Test
    void tensorParallelTrafficCostsUnlessOverlappedAndExpertParallelismFeedsTheExpertsMoreTokens() {
        String[] tp8 = {"training.gpu=h100-sxm", "training.gpuCount=8", "training.tensorParallel=8", "training.sequenceLength=8192"};
        TrainingStepCost exposed = cost(estimate("llama-3.1-70b", tp8));
        TrainingStepCost overlapped = cost(estimate("llama-3.1-70b", concat(tp8, "training.overlapCommunication=true")));
        assertThat(exposed.tensorParallelSecondsPerToken()).isPositive();
        assertThat(overlapped.tensorParallelSecondsPerToken()).isZero();
        assertThat(exposed.utilisation()).isLessThan(overlapped.utilisation());

        String[] moe = {"training.gpu=h100-sxm", "training.gpuCount=64", "training.sequenceLength=4096", "training.overlapCommunication=true"};
        TrainingStepCost noEp = cost(estimate("deepseek-v3", moe));
        TrainingStepCost ep8 = cost(estimate("deepseek-v3", concat(moe, "training.expertParallel=8")));
        assertThat(ep8.matmulSecondsPerToken()).isLessThan(noEp.matmulSecondsPerToken());
        TrainingStepCost ep8Exposed = cost(estimate("deepseek-v3", "training.gpu=h100-sxm", "training.gpuCount=64",
                "training.sequenceLength=4096", "training.expertParallel=8"));
        assertThat(ep8Exposed.expertParallelSecondsPerToken()).isPositive();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"pretrain", "lora", "full"})
    void theRunSpendsExactlyTheStepCostsTimeWhenItsMfuIsDerived(String method) {
        for (String recompute : new String[] {"selective", "full", "selective-layer"}) {
            Estimate e = estimate("llama-3.1-8b", "training.gpu=h100-sxm", "training.gpuCount=8", "training.tensorParallel=2",
                    "training.method=" + method, "training.activationRecompute=" + recompute, "training.sequenceLength=4096");
            TrainingSetup t = e.scenario().training();
            double perToken = cost(e).secondsPerToken();
            assertThat(e.trainingRun().schedule().microBatchSeconds())
                    .as(method + ", " + recompute).isCloseTo(t.microBatchSize() * t.sequenceLength() * perToken / 2, withinPercentage(1e-9));
        }
    }

    private static String[] concat(String[] base, String more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + 1);
        all[base.length] = more;
        return all;
    }
}
