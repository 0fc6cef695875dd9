package loopline.engine.training;

import static loopline.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import loopline.engine.Estimate;
import loopline.engine.Scenario;
import loopline.engine.economics.Uncertainty;
import loopline.engine.model.ModelArchitecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Training memory worked by hand: the split over t·p, the micro-batch, ZeRO's fewest GPUs, a fine-tune's frozen and paged bytes. */
class TrainingMemoryFormulaTest {
    /** Llama-2-7B: 32 layers, h 4096, 32 heads, SwiGLU f 11008, vocabulary 32,000. */
    private static final double H = 4096, HEADS = 32, FFN = 11008, VOCAB = 32_000;
    private static final double BYTES_PER_TOKEN = 32 * (4 * H + (2 * H + 2 * H + 4 * H + 2 * H + 4 * HEADS) + (2 * H + 6 * FFN));
    private static final double N = 6_738_415_616.0;

    @Test
    void modelStatesSplitOverTensorTimesPipelineThenOverDataParallelRanks() {
        // 7.5B, TP 2 × PP 4 over 64 GPUs: 8 data-parallel ranks; ZeRO 1 shards only the 12 B of optimizer state
        Estimate e = estimate("model.parameters=7.5e9", "training.gpuCount=64", "training.tensorParallel=2",
                "training.pipelineParallel=4", "training.zeroStage=1");
        TrainingMemory m = e.trainingMemory();
        double n = e.totalParameters(); // a derived shape of whole layers and heads: 7.5B to within 0.01%
        assertThat(n).isCloseTo(7.5e9, withinPercentage(0.01));
        // an end stage holds its even share of the layers and a vocabulary table (embedding or head) on top
        var model = e.scenario().model();
        double table = model.vocabSize() * model.hiddenSize();
        double endStage = (n - model.embeddingAndHeadParameters() + 4 * table) / n;
        assertThat(m.weightsBytes()).isCloseTo(n / 8 * 2 * endStage, withinPercentage(1e-9));
        assertThat(m.gradientsBytes()).isCloseTo(n / 8 * 2 * endStage, withinPercentage(1e-9));
        assertThat(m.optimizerStatesBytes()).isCloseTo(n / 8 * 12 / 8 * endStage, withinPercentage(1e-9));
        // balanced stages: an even eighth
        TrainingMemory balanced = estimate("model.parameters=7.5e9", "training.gpuCount=64", "training.tensorParallel=2",
                "training.pipelineParallel=4", "training.zeroStage=1", "training.balancedPipeline=true").trainingMemory();
        assertThat(balanced.weightsBytes()).isCloseTo(n / 8 * 2, withinPercentage(1e-9));
    }

    @Test
    void activationsAndLogitsGrowWithTheMicroBatchAndSplitOverTensorParallelRanks() {
        // b 2 × s 2,048 tokens per micro-batch, TP 2; logits 12 B per value (the fp32 loss's backward); fp32 doubles the activations
        TrainingMemory bf16 = estimate("llama-2-7b", "training.microBatchSize=2", "training.sequenceLength=2048",
                "training.tensorParallel=2", "training.gpuCount=2").trainingMemory();
        assertThat(bf16.activationsBytes()).isCloseTo(2 * 2048 * BYTES_PER_TOKEN / 2, withinPercentage(1e-9));
        assertThat(bf16.logitsBytes()).isCloseTo(2 * 2048 * VOCAB * 12 / 2, withinPercentage(1e-9));
        TrainingMemory fp32 = estimate("llama-2-7b", "training.microBatchSize=2", "training.sequenceLength=2048",
                "training.tensorParallel=2", "training.gpuCount=2", "training.precision=fp32").trainingMemory();
        assertThat(fp32.activationsBytes()).isCloseTo(2 * bf16.activationsBytes(), withinPercentage(1e-9));
    }

    /**
     * Fewest GPUs on an 80 GB H100 at micro-batch 1 × 4,096: each GPU holds the unsharded states, activations and
     * logits, plus the sharded states ÷ N_d, all × 1.05, plus 1 GB; N_d = ⌈1.05 × sharded ÷ room⌉.
     */
    @ParameterizedTest(name = "ZeRO {0}: {1} B/param sharded, {2} B/param kept whole")
    @CsvSource({"1, 12, 4", "2, 14, 2", "3, 16, 0"})
    void fewestGpusShardWhatTheStageShards(int stage, double shardedPerParam, double wholePerParam) {
        Estimate e = estimate("llama-2-7b", "training.zeroStage=" + stage, "training.sequenceLength=4096");
        double unsharded = wholePerParam * N + 4096 * BYTES_PER_TOKEN + 4096 * VOCAB * 10;
        double room = 80e9 - 1e9 - 1.05 * unsharded;
        double expected = Math.max(1, Math.ceil(1.05 * shardedPerParam * N / room));
        assertThat(e.trainingMemory().minGpusToFit()).isEqualTo((int) expected);
    }

    @Test
    void withNothingShardedTheFewestGpusAreOneModelSplit() {
        // ZeRO 0 shards nothing: a 1B model fits every GPU of a TP 2 × PP 2 group, so 4 GPUs are the fewest
        assertThat(estimate("model.parameters=1e9", "training.zeroStage=0", "training.tensorParallel=2",
                "training.pipelineParallel=2", "training.gpuCount=4").trainingMemory().minGpusToFit()).isEqualTo(4);
    }

    @Test
    void qloraKeepsItsFrozenBaseSplitAndShardedAndPagesTheAdaptersOptimizerStates() {
        // Llama 3.1 8B, r 16 on all linear layers: 41,943,040 adapter parameters; fp32 master 4 B + Adam 8 B each,
        // split over TP 2 and sharded over 2 data-parallel ranks at ZeRO ≥ 1
        Estimate zero1 = estimate("llama-3.1-8b", "training.method=qlora", "training.gpuCount=4", "training.tensorParallel=2",
                "training.zeroStage=1");
        assertThat(zero1.trainingMemory().pagedOptimizerBytes()).isCloseTo(41_943_040.0 * 12 / 2 / 2, withinPercentage(1e-9));
        assertThat(zero1.trainingMemory().optimizerStatesBytes()).isZero();
        Estimate zero0 = estimate("llama-3.1-8b", "training.method=qlora", "training.gpuCount=4", "training.tensorParallel=2",
                "training.zeroStage=0");
        assertThat(zero0.trainingMemory().pagedOptimizerBytes()).isCloseTo(41_943_040.0 * 12 / 2, withinPercentage(1e-9));
        Estimate zero3 = estimate("llama-3.1-8b", "training.method=qlora", "training.gpuCount=4", "training.tensorParallel=2",
                "training.zeroStage=3");
        double base = Nf4Quantisation.baseBytes(zero3.scenario().model());
        assertThat(zero3.trainingMemory().frozenWeightsBytes()).isCloseTo(base / 2 / 2, withinPercentage(1e-9));
        // LoRA keeps its adapters' optimizer states on the GPU: nothing paged
        Estimate lora = estimate("llama-3.1-8b", "training.method=lora", "training.gpuCount=4", "training.tensorParallel=2");
        assertThat(lora.trainingMemory().pagedOptimizerBytes()).isZero();
        assertThat(lora.trainingMemory().optimizerStatesBytes()).isCloseTo(41_943_040.0 * 12 / 2 / 2, withinPercentage(1e-9));
    }

    @Test
    void aMixtureOfExpertsLayerStoresTheRouterAndEachChosenExpertsActivations() {
        // Mixtral 8x7B per layer: norms 4h = 16,384; attention 2h + Q 2·32·128 + O 2·32·128 + lse 4·32 + K,V 4·8·128 = 28,800;
        // MoE: input 2h + router 4·8 + 2 experts × (2h + 6·14,336) = 196,640; 32 layers, none dense
        ModelArchitecture m = loopline.Fixtures.CATALOGS.models().get("mixtral-8x7b");
        assertThat(TrainingMemory.activationBytesPerToken(m, 4096, ActivationRecompute.SELECTIVE, AttentionKernel.FLASH))
                .isEqualTo(32 * (16_384 + 28_800 + 196_640.0));
    }

    @Test
    void deepSeekV3StoresItsLatentsAndItsSharedExpertToo() {
        // h 7,168, 128 heads, q·k 128 + 64 rope = 192, v 128. Attention: 2h + Q 2·128·192 + O 2·128·128 + lse 4·128 = 96,768,
        // MLA adds the q latent 2·1,536, the kv latent and rope key 2·(512 + 64), and the up-projected q and k, v = 86,144;
        // norms 4h = 28,672. Dense MLP (3 layers) 2h + 6·18,432 = 124,928; MoE (58 layers) 2h + router 4·256
        // + (8 routed + 1 shared) × (2h + 6·2,048) = 254,976
        ModelArchitecture m = loopline.Fixtures.CATALOGS.models().get("deepseek-v3");
        double layerSet = 28_672 + 96_768 + 86_144;
        assertThat(TrainingMemory.activationBytesPerToken(m, 4096, ActivationRecompute.SELECTIVE, AttentionKernel.FLASH))
                .isEqualTo(61 * layerSet + 3 * 124_928 + 58 * 254_976.0);
    }

    @Test
    void attentionKernelsReadByTheirIds() {
        assertThat(AttentionKernel.fromId("eager")).isEqualTo(AttentionKernel.EAGER);
        assertThat(AttentionKernel.fromId("flash")).isEqualTo(AttentionKernel.FLASH);
    }

    @Test
    void fullRecomputeRunsTheAdaptersForwardAgainToo() {
        // LoRA: 4·N + 6·N_a + 3·A per token; full recompute adds 2·(N + N_a) + A
        Estimate sel = estimate("llama-2-7b", "training.method=lora", "training.gpuCount=1", "training.activationRecompute=selective",
                "training.mfu=0.45");
        Estimate full = estimate("llama-2-7b", "training.method=lora", "training.gpuCount=1", "training.activationRecompute=full",
                "training.mfu=0.45");
        double n = sel.activeParameters();
        double adapters = sel.trainingMemory().trainableParameters();
        double attention = 12 * 32 * 4096 * 4096.0 / 3; // forward QKᵀ and scores·V: 4·L·h·s
        double perToken = 4 * n + 6 * adapters + 3 * attention;
        assertThat(sel.trainingRun().flopsPerToken()).isCloseTo(perToken, withinPercentage(1e-9));
        assertThat(full.trainingRun().wallClockSeconds() / sel.trainingRun().wallClockSeconds())
                .isCloseTo((perToken + 2 * (n + adapters) + attention) / perToken, within(1e-9));
    }

    @Test
    void qloraDequantisesOnceMorePerMicroBatchWithFullRecompute() {
        Estimate e = estimate("llama-3.1-8b", "training.method=qlora", "training.gpuCount=1");
        double selective = TrainingRun.dequantisationSecondsPerToken(e.scenario().model(), e.scenario().training(), 0);
        double full = TrainingRun.dequantisationSecondsPerToken(e.scenario().model(), e.scenario().training(), 1);
        assertThat(full / selective).isCloseTo(3.0 / 2, within(1e-12));
    }

    @Test
    void aLargerMicroBatchFeedsFewerReplicas() {
        // 976.5625 sequences per step in micro-batches of 2: 488.28 replicas get work
        Estimate e = estimate("llama-2-7b", "training.microBatchSize=2", "training.gpuCount=1000", "training.sequenceLength=4096");
        assertThat(e.trainingRun().schedule().busyReplicas()).isCloseTo(488.28125, within(1e-9));
        assertThat(TrainingSchedule.gpusTheBatchFeeds(e.scenario().training())).isCloseTo(488.28125, within(1e-9));
        Estimate split = estimate("llama-2-7b", "training.microBatchSize=2", "training.tensorParallel=4", "training.pipelineParallel=2",
                "training.gpuCount=1000", "training.sequenceLength=4096");
        assertThat(TrainingSchedule.gpusTheBatchFeeds(split.scenario().training())).isCloseTo(8 * 488.28125, within(1e-9));
        assertThat(split.scenario().training().withGpuCount(8).gpuCount()).isEqualTo(8);
    }

    @Test
    void aCornerMovesOnlyItsOwnSidesInputsToTheirOptimisticOrPessimisticEnd() {
        Scenario s = estimate("llama-2-7b").scenario();
        Scenario fast = Uncertainty.corner(s, Uncertainty.Side.TRAINING, true);
        assertThat(fast.training().mfu()).isCloseTo(s.training().mfu() * 1.27, within(1e-12));
        assertThat(fast.training().allocatorFragmentation()).isCloseTo(0.05 * 0.4, within(1e-12));
        assertThat(fast.training().pricePerGpuHourUsd()).isCloseTo(1.99, within(1e-9));
        assertThat(fast.inference()).isEqualTo(s.inference());
        Scenario slow = Uncertainty.corner(s, Uncertainty.Side.SERVING, false);
        assertThat(slow.inference().memoryBandwidthEfficiency()).isCloseTo(0.75, within(1e-12)); // 1 = as measured, × 0.75
        assertThat(slow.inference().pricePerGpuHourUsd()).isCloseTo(3.90, within(1e-9));
        assertThat(slow.training()).isEqualTo(s.training());
    }
}
