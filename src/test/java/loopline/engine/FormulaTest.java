package loopline.engine;

import static loopline.Fixtures.closedLoop;
import static loopline.Fixtures.estimate;
import static loopline.Fixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import loopline.engine.economics.ServingCost;
import loopline.engine.hardware.Precision;
import loopline.engine.model.ModelArchitecture;
import loopline.engine.serving.OperatingPoint;
import loopline.engine.serving.ReplicaShape;
import loopline.engine.serving.SpeculativeDecoding;
import loopline.engine.serving.StepCost;
import loopline.engine.training.ActivationRecompute;
import loopline.engine.training.AttentionKernel;
import loopline.engine.training.TrainingMemory;
import loopline.present.Explanation;
import loopline.present.Explanations;
import loopline.present.Figure;
import loopline.present.Warnings;
import org.junit.jupiter.api.Test;

/** Each formula against a value worked by hand from the scenario's inputs. */
class FormulaTest {

    @Test
    void modelStatesPerGpuUnderZeroOneTensorParallelEight() {
        Estimate e = estimate("llama-3.1-70b", "training.gpuCount=2048", "training.tensorParallel=8", "training.zeroStage=1");
        double n = e.totalParameters();
        double dp = 2048 / 8.0;
        assertThat(e.trainingMemory().weightsBytes()).isCloseTo(n / 8 * 2, withinPercentage(1e-9));
        assertThat(e.trainingMemory().gradientsBytes()).isCloseTo(n / 8 * 2, withinPercentage(1e-9));
        assertThat(e.trainingMemory().optimizerStatesBytes()).isCloseTo(n / 8 * 12 / dp, withinPercentage(1e-9));
    }

    @Test
    void optimizersAndPrecisionsSetBytesPerParameter() {
        assertThat(estimate("llama-2-7b", "training.precision=fp32").trainingMemory().bytesPerParameter()).isEqualTo(16.0);
        assertThat(estimate("llama-2-7b", "training.optimizer=sgd-momentum").trainingMemory().bytesPerParameter()).isEqualTo(12.0);
        assertThat(estimate("llama-2-7b", "training.optimizer=adamw-8bit").trainingMemory().bytesPerParameter()).isEqualTo(10.0);
        assertThat(estimate("llama-2-7b", "inference.precision=int4").inferenceMemory().bytesPerParameter())
                .isCloseTo(0.5 * 1.03, within(0.001));
    }

    /** Llama-2-7B per layer: norms 4h, attention 2h + Q 2h + K,V 4h + O 2h + lse 4a, SwiGLU 2h + 6f. */
    private static final double H = 4096, HEADS = 32, FFN = 11008;
    private static final double LLAMA2_7B_BYTES_PER_LAYER = 4 * H + (2 * H + 2 * H + 4 * H + 2 * H + 4 * HEADS) + (2 * H + 6 * FFN);

    @Test
    void activationsPerTokenForLlama2SevenBWithFlashAttention() {
        double h = H, perLayer = LLAMA2_7B_BYTES_PER_LAYER;
        ModelArchitecture m = loopline.Fixtures.CATALOGS.models().get("llama-2-7b");
        AttentionKernel flash = AttentionKernel.FLASH;
        assertThat(TrainingMemory.activationBytesPerToken(m, 4096, ActivationRecompute.SELECTIVE, flash)).isEqualTo(32 * perLayer);
        assertThat(TrainingMemory.activationBytesPerToken(m, 4096, ActivationRecompute.NONE, flash)).isEqualTo(32 * perLayer);
        assertThat(TrainingMemory.activationBytesPerToken(m, 4096, ActivationRecompute.FULL, flash)).isEqualTo(32 * 2 * h + perLayer);
    }

    @Test
    void onlyEagerAttentionWithNothingRecomputedStoresTheScoreMatrix() {
        // the softmax output: 2 B × a heads × s keys per token per layer
        double h = H, a = HEADS, perLayer = LLAMA2_7B_BYTES_PER_LAYER;
        ModelArchitecture m = loopline.Fixtures.CATALOGS.models().get("llama-2-7b");
        AttentionKernel eager = AttentionKernel.EAGER;
        assertThat(TrainingMemory.activationBytesPerToken(m, 4096, ActivationRecompute.NONE, eager))
                .isEqualTo(32 * perLayer + 2 * a * 32 * 4096);
        assertThat(TrainingMemory.activationBytesPerToken(m, 4096, ActivationRecompute.SELECTIVE, eager)).isEqualTo(32 * perLayer);
        assertThat(TrainingMemory.activationBytesPerToken(m, 4096, ActivationRecompute.FULL, eager)).isEqualTo(32 * 2 * h + perLayer);
        Estimate fromFile = estimate("llama-2-7b", "training.activationRecompute=none", "training.attention=eager");
        assertThat(fromFile.trainingMemory().activationBytesPerToken()).isEqualTo(32 * perLayer + 2 * a * 32 * 4096);
    }

    @Test
    void fewerGpusCannotHoldWhatMinGpusSaysTheyNeed() {
        Estimate e = estimate("llama-3.1-70b", "training.gpuCount=64", "training.zeroStage=3", "training.tensorParallel=8");
        int min = e.trainingMemory().minGpusToFit();
        assertThat(min).isGreaterThan(8);
        assertThat(estimate("llama-3.1-70b", "training.gpuCount=" + min, "training.zeroStage=3", "training.tensorParallel=8")
                .trainingMemory().fitsOnGpu()).isTrue();
        assertThat(estimate("llama-3.1-70b", "training.gpuCount=" + (min - 8), "training.zeroStage=3", "training.tensorParallel=8")
                .trainingMemory().fitsOnGpu()).isFalse();
    }

    @Test
    void zeroStageZeroCannotBeRescuedByMoreGpus() {
        Estimate e = estimate("llama-3.1-70b", "training.zeroStage=0");
        assertThat(e.trainingMemory().fitsOnGpu()).isFalse();
        assertThat(e.trainingMemory().minGpusToFit()).isZero();
        assertThat(Warnings.of(e)).anyMatch(w -> w.contains("cannot fit"));
    }

    @Test
    void trainingTimeIsFlopsOverClusterThroughput() {
        // 500 replicas share the 4M-token batch (976.6 sequences): ~2 micro-batches each, and the 13.5 GB
        // all-reduce (0.54 s at 50 GB/s) hides behind one micro-batch's backward (2/3 of 1.37 s)
        Estimate e = estimate("llama-2-7b", "training.gpu=a100-80gb", "training.gpuCount=500", "training.tokens=1e12",
                "training.sequenceLength=4096", "training.mfu=0.45");
        double perToken = 6 * e.activeParameters() + 12 * 32 * 4096 * 4096.0;
        double seconds = 1e12 * perToken / (500 * 312e12 * 0.45 * 0.92);
        assertThat(e.trainingRun().wallClockSeconds()).isCloseTo(seconds, withinPercentage(1e-6));
        assertThat(e.trainingRun().costUsd()).isCloseTo(500 * seconds / 3600 * 1.79, withinPercentage(1e-6));
    }

    @Test
    void fullRecomputeAddsAForwardPassOfWork() {
        Estimate none = estimate("llama-2-7b", "training.activationRecompute=selective", "training.gpuCount=1", "training.mfu=0.45");
        Estimate full = estimate("llama-2-7b", "training.activationRecompute=full", "training.gpuCount=1", "training.mfu=0.45");
        assertThat(full.trainingRun().wallClockSeconds() / none.trainingRun().wallClockSeconds()).isCloseTo(8.0 / 6, within(0.01));
        assertThat(full.trainingMemory().activationsBytes()).isLessThan(none.trainingMemory().activationsBytes() / 5);
    }

    @Test
    void batchOneDecodeReadsAllWeightsOnceAtTheMeasuredBandwidth() {
        OperatingPoint p = closedLoop(1, "llama-2-7b", "inference.gpu=h100-sxm", "inference.tensorParallel=1",
                "inference.promptTokens=1", "inference.outputTokens=2");
        double n = estimate("llama-2-7b").totalParameters();
        double weightBytes = (n - 32000 * 4096.0) * 2; // the input embedding is a lookup: one row per token
        double floor = StepCost.FLOOR_PER_STEP_SECONDS + 32 * StepCost.FLOOR_PER_LAYER_SECONDS;
        // H100 bf16 GEMMs stream at 87.14% of 3.35 TB/s after 5.264 us each (129 kernels); a tiny KV read costs the
        // decode-attention kernel's 6.1 us floor in each of 32 layers
        double gemms = 129 * 5.264e-6 + weightBytes / (0.8714 * 3.35e12);
        assertThat(p.timePerOutputTokenSeconds()).isCloseTo(gemms + 32 * 6.096e-6 + floor, withinPercentage(0.5));
    }

    @Test
    void decodeTurnsComputeBoundAtLargeBatch() {
        Scenario s = scenario("llama-3.1-8b", "inference.gpu=h100-sxm", "inference.promptTokens=64", "inference.outputTokens=64");
        StepCost step = new StepCost(s.model(), s.inference(), ReplicaShape.tensorParallel(1));
        assertThat(step.decodeMemoryBound(1)).isTrue();
        assertThat(step.decodeMemoryBound(1024)).isFalse();
    }

    @Test
    void speculativeDecodingYieldsTheExpectedTokensPerStep() {
        SpeculativeDecoding s = new SpeculativeDecoding(true, 4, 0.7, 0.1);
        assertThat(s.expectedTokensPerStep()).isCloseTo((1 - Math.pow(0.7, 5)) / 0.3, within(1e-12));
        OperatingPoint off = closedLoop(1, "llama-3.1-70b", "inference.tensorParallel=4");
        OperatingPoint on = closedLoop(1, "llama-3.1-70b", "inference.tensorParallel=4", "inference.speculativeDecoding.enabled=true");
        assertThat(on.tokensPerSecondPerUser()).isGreaterThan(1.5 * off.tokensPerSecondPerUser());
    }

    @Test
    void prefixCachingCutsTimeToFirstToken() {
        Estimate cold = estimate("llama-3.1-8b", "inference.promptTokens=8000");
        Estimate warm = estimate("llama-3.1-8b", "inference.promptTokens=8000", "inference.prefixCacheHitRate=0.75");
        assertThat(warm.inferenceSpeed().timeToFirstTokenSeconds()).isLessThan(cold.inferenceSpeed().timeToFirstTokenSeconds() * 0.35);
    }

    @Test
    void pagedKvCacheHoldsMoreSequences() {
        Estimate paged = estimate("llama-3.1-8b", "inference.pagedKvCache=true");
        Estimate unpaged = estimate("llama-3.1-8b", "inference.pagedKvCache=false");
        assertThat(paged.inferenceMemory().sequencesByMemory()).isGreaterThan(2 * unpaged.inferenceMemory().sequencesByMemory());
    }

    @Test
    void anFp4KvCacheStoresHalfAByteAndAnFp8ScalePerSixteenValues() {
        Estimate fp8 = estimate("llama-3.3-70b", "inference.kvCachePrecision=fp8", "inference.tensorParallel=4");
        Estimate fp4 = estimate("llama-3.3-70b", "inference.kvCachePrecision=fp4", "inference.tensorParallel=4");
        assertThat(Precision.FP4.kvBytesPerValue()).isEqualTo(0.5 + 1.0 / 16);
        // 80 layers × 8 KV heads × 128 dims × (key + value) × 0.5625 B
        assertThat(fp4.inferenceMemory().kvCacheBytesPerToken()).isEqualTo(2 * 80 * 8 * 128 * 0.5625);
        assertThat(fp4.inferenceMemory().kvCacheBytesPerSequence())
                .isCloseTo(fp8.inferenceMemory().kvCacheBytesPerSequence() * 0.5625, withinPercentage(1e-9));
        assertThat(fp4.inferenceMemory().sequencesByMemory()).isGreaterThan(fp8.inferenceMemory().sequencesByMemory());
    }

    @Test
    void moeDecodeAtBatchOneReadsOnlyTheActiveExperts() {
        OperatingPoint p = closedLoop(1, "mixtral-8x7b", "inference.gpu=h100-sxm", "inference.tensorParallel=2",
                "inference.expertParallel=1");
        ModelArchitecture m = estimate("mixtral-8x7b").scenario().model();
        double activeBytes = (m.totalParameters() - m.routedExpertParameters() - m.inputEmbeddingParameters()
                + m.routedExpertParameters() * 2 / 8) * 2;
        // the step is at least the active weights over bandwidth and well under all weights
        assertThat(p.timePerOutputTokenSeconds()).isGreaterThan(activeBytes / 2 / (3.35e12 * 0.7));
        assertThat(p.timePerOutputTokenSeconds()).isLessThan(m.totalParameters() * 2 / 2 / (3.35e12 * 0.7));
    }

    @Test
    void servingCostFollowsReplicasAndTraffic() {
        Estimate e = estimate("llama-3.1-8b", "inference.requestsPerDay=1e7");
        ServingCost c = e.serving();
        double peak = 1e7 / 86400 * 2;
        assertThat(c.replicas()).isEqualTo((long) Math.ceil(peak / e.inferenceSpeed().capacityRequestsPerSecond()));
        assertThat(c.monthlyCostUsd()).isCloseTo(c.gpus() * 2.99 * 720, withinPercentage(1e-9));
        assertThat(c.costPerRequestUsd() * 1e7 * 30).isCloseTo(c.monthlyCostUsd(), withinPercentage(1e-9));
        assertThat(c.breakEvenMonths() * c.monthlyCostUsd()).isCloseTo(e.trainingRun().costUsd(), withinPercentage(1e-9));
    }

    @Test
    void aBillAtOtherTrafficMatchesAFullRecomputation() {
        Estimate e = estimate("llama-3.1-70b", "inference.requestsPerDay=1e6");
        Estimate direct = estimate("llama-3.1-70b", "inference.requestsPerDay=3e7");
        assertThat(e.monthlyServingCostAt(3e7)).isEqualTo(direct.serving().monthlyCostUsd());
    }

    @Test
    void everyFigureCanBeExplained() {
        Estimate e = estimate("deepseek-v3", "inference.speculativeDecoding.enabled=true");
        for (Figure f : Figure.values()) {
            Explanation x = Explanations.explain(f, e);
            assertThat(x.formula()).isNotBlank();
            assertThat(x.inputs()).isNotEmpty();
            assertThat(x.result()).doesNotContain("NaN").doesNotContain("Infinity");
        }
    }
}
