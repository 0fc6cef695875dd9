package loopline.engine.training;

import static loopline.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import loopline.engine.Estimate;
import org.junit.jupiter.api.Test;

/** Fine-tuning formulas against values worked by hand from the scenario's inputs. */
class FineTuneFormulaTest {
    /** Llama 3.1 8B: L 32, h 4096, 32 heads of 128, 8 KV heads, SwiGLU 14336, vocabulary 128256. */
    private static final double L = 32, H = 4096, KV = 8 * 128, F = 14336;

    @Test
    void allLinearAdaptersAtRankSixteenOnLlama31EightB() {
        // per layer: q (h + h), k and v (h + 1024) each, o (h + h); gate, up, down (h + f) each
        double perLayer = 2 * H + 2 * (H + KV) + 2 * H + 3 * (H + F);
        Estimate e = estimate("llama-3.1-8b", "training.method=lora", "training.loraRank=16");
        assertThat(e.trainingMemory().trainableParameters()).isEqualTo(16 * L * perLayer).isEqualTo(41_943_040);
        assertThat(estimate("llama-3.1-8b", "training.method=lora", "training.loraRank=16", "training.loraTargets=attention")
                .trainingMemory().trainableParameters()).isEqualTo(16 * L * (4 * H + 2 * (H + KV)));
    }

    @Test
    void loraOnOneGpuHoldsTheSixteenBitBaseAndTheAdaptersMixedPrecisionStates() {
        Estimate e = estimate("llama-3.1-8b", "training.method=lora", "training.gpuCount=1", "training.zeroStage=0");
        double n = e.totalParameters();
        double adapters = e.trainingMemory().trainableParameters();
        assertThat(e.trainingMemory().frozenWeightsBytes()).isEqualTo(2 * n);
        assertThat(e.trainingMemory().weightsBytes()).isCloseTo(2 * n + 2 * adapters, withinPercentage(1e-9));
        assertThat(e.trainingMemory().gradientsBytes()).isCloseTo(2 * adapters, withinPercentage(1e-9));
        assertThat(e.trainingMemory().optimizerStatesBytes()).isCloseTo((4 + 8) * adapters, withinPercentage(1e-9));
        assertThat(e.trainingMemory().bytesPerParameter()).isCloseTo(2 + 16 * adapters / n, withinPercentage(1e-9));
        // the activations and logits are the base's, exactly as in pre-training
        Estimate pretrain = estimate("llama-3.1-8b", "training.gpuCount=1", "training.zeroStage=0");
        assertThat(e.trainingMemory().activationsBytes()).isEqualTo(pretrain.trainingMemory().activationsBytes());
        assertThat(e.trainingMemory().logitsBytes()).isEqualTo(pretrain.trainingMemory().logitsBytes());
    }

    @Test
    void qloraStoresTheBlocksInFourPointOneTwoSevenBitsAndPagesTheOptimizerStates() {
        Estimate e = estimate("llama-2-7b", "training.method=qlora", "training.gpuCount=1");
        double n = e.totalParameters();
        double embeddings = 2 * 32000 * 4096.0; // input table and untied output head stay 16-bit
        double bits = 4 + 8 / 64.0 + 32 / (64 * 256.0);
        assertThat(e.trainingMemory().frozenWeightsBytes()).isCloseTo((n - embeddings) * bits / 8 + embeddings * 2, withinPercentage(1e-9));
        assertThat(e.trainingMemory().optimizerStatesBytes()).isZero();
        assertThat(e.trainingMemory().pagedOptimizerBytes()).isCloseTo(12 * e.trainingMemory().trainableParameters(), withinPercentage(1e-9));
    }

    @Test
    void adapterFlopsAreFourPerFrozenParameterAndSixPerAdapterParameter() {
        Estimate pretrain = estimate("llama-3.1-8b");
        Estimate lora = estimate("llama-3.1-8b", "training.method=lora");
        double attention = pretrain.trainingRun().flopsPerToken() - 6 * pretrain.activeParameters();
        assertThat(lora.trainingRun().flopsPerToken()).isCloseTo(
                4 * lora.activeParameters() + 6 * lora.trainingMemory().trainableParameters() + attention, withinPercentage(1e-9));
    }

    @Test
    void qloraAddsItsDequantisationTimeToTheComputeTime() {
        String[] common = {"training.gpu=a100-80gb", "training.gpuCount=1", "training.sequenceLength=2048",
                "training.microBatchSize=2", "training.tokens=1e8"};
        Estimate lora = estimate("llama-2-7b", concat(common, "training.method=lora"));
        Estimate qlora = estimate("llama-2-7b", concat(common, "training.method=qlora"));
        double quantised = qlora.totalParameters() - 2 * 32000 * 4096.0;
        double bytesPerPass = quantised * ((4 + 8 / 64.0 + 32 / (64 * 256.0)) / 8 + 2); // read NF4, write bf16
        double dequantise = 2 * bytesPerPass / (2.039e12 * 0.7) / (2 * 2048);
        double compute = 1 / lora.trainingRun().tokensPerSecond();
        assertThat(1 / qlora.trainingRun().tokensPerSecond()).isCloseTo(compute + dequantise, withinPercentage(1e-6));
        assertThat(qlora.trainingRun().dequantisationShare()).isCloseTo(dequantise / (compute + dequantise), withinPercentage(1e-6));
    }

    @Test
    void epochsMultiplyTheTokensTrainedTimeAndCost() {
        Estimate one = estimate("llama-3.1-8b", "training.method=lora", "training.tokens=5e7");
        Estimate three = estimate("llama-3.1-8b", "training.method=lora", "training.tokens=5e7", "training.epochs=3");
        assertThat(three.trainingRun().tokensTrained()).isEqualTo(1.5e8);
        assertThat(three.trainingRun().costUsd()).isCloseTo(3 * one.trainingRun().costUsd(), withinPercentage(1e-9));
        assertThat(three.trainingRun().flops()).isCloseTo(3 * one.trainingRun().flops(), withinPercentage(1e-9));
    }

    @Test
    void aFullFineTuneIsPretrainingMathsOnTheDatasetsTokens() {
        Estimate full = estimate("llama-3.1-8b", "training.method=full", "training.tokens=2e8");
        Estimate pretrain = estimate("llama-3.1-8b", "training.tokens=2e8");
        assertThat(full.trainingMemory().perGpuBytes()).isEqualTo(pretrain.trainingMemory().perGpuBytes());
        assertThat(full.trainingRun()).isEqualTo(pretrain.trainingRun());
    }

    @Test
    void aFineTuneDefaultsToAHundredMillionTokensAndPretrainingToChinchilla() {
        assertThat(estimate("llama-3.1-8b", "training.method=qlora").scenario().training().tokens()).isEqualTo(1e8);
        Estimate pretrain = estimate("llama-3.1-8b");
        assertThat(pretrain.scenario().training().tokens()).isEqualTo(20 * pretrain.totalParameters());
    }

    private static String[] concat(String[] a, String b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }
}
