package loopline.engine.training;

import static loopline.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import loopline.engine.model.ModelArchitecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a step holds beyond the sharded states, worked by hand for Llama 3.1 8B: 32 layers, h 4,096, 32 heads of 128,
 * 8 KV heads, SwiGLU f 14,336, vocabulary 128,256, untied head. One layer is 41,943,040 attention + 176,160,768 MLP
 * + 8,192 norm weights (+ the final norm's 4,096 spread over 32 layers) = 218,112,128; the root unit (embedding and head)
 * 2 × 128,256 × 4,096 = 1,050,673,152.
 */
class WorkingMemoryTest {
    private static final double LAYER = 218_112_128, ROOT = 1_050_673_152;
    private static final String[] FSDP_8 = {"training.gpu=h100-sxm", "training.gpuCount=8",
            "training.tensorParallel=1", "training.pipelineParallel=1", "training.zeroStage=3", "training.sequenceLength=8192",
            "training.microBatchSize=2"};

    private static ModelArchitecture llama8b() {
        return loopline.Fixtures.CATALOGS.models().get("llama-3.1-8b");
    }

    @Test
    void fsdpGathersTheUnitComputingAndTheNextAndHoldsTheLargestGradientInFp32ForItsReduceScatter() {
        assertThat(WorkingCopies.largestLayerParameters(llama8b(), 1)).isCloseTo(LAYER, withinPercentage(1e-9));
        assertThat(WorkingCopies.rootUnitParameters(llama8b())).isEqualTo(ROOT);
        // the root (embedding + head) is the largest unit: it and a prefetched layer whole in bf16, its gradient in fp32
        TrainingMemory m = estimate("llama-3.1-8b", FSDP_8).trainingMemory();
        assertThat(m.workingCopiesBytes()).isCloseTo((ROOT + LAYER) * 2 + ROOT * 4, withinPercentage(1e-9)); // 6.74 GB
        // tensor parallelism slices every unit
        TrainingMemory tp2 = estimate("llama-3.1-8b", concat(FSDP_8, "training.tensorParallel=2")).trainingMemory();
        assertThat(tp2.workingCopiesBytes()).isCloseTo(m.workingCopiesBytes() / 2, withinPercentage(1e-9));
    }

    @Test
    void withoutFsdpAndInSixteenBitsThereAreNoWorkingCopies() {
        assertThat(estimate("llama-3.1-8b", concat(FSDP_8, "training.zeroStage=1")).trainingMemory().workingCopiesBytes()).isZero();
    }

    @Test
    void fp8KeepsAnFp8WeightAndItsTransposeOfEveryMatmulWeightOrOfTheGatheredLayers() {
        // ZeRO 1: every layer weight held whole, 32 × 218,112,128 ÷ (TP 2) × 2 B
        TrainingMemory zero1 = estimate("llama-3.1-8b", concat(FSDP_8, "training.zeroStage=1", "training.precision=fp8", "training.tensorParallel=2"))
                .trainingMemory();
        assertThat(zero1.workingCopiesBytes()).isCloseTo(32 * LAYER / 2 * 2, withinPercentage(1e-9));
        // FSDP: the two gathered layers' casts on top of the 16-bit buffers
        TrainingMemory fsdp = estimate("llama-3.1-8b", concat(FSDP_8, "training.precision=fp8")).trainingMemory();
        assertThat(fsdp.workingCopiesBytes()).isCloseTo((ROOT + LAYER) * 2 + ROOT * 4 + 2 * LAYER * 2, withinPercentage(1e-9));
        // A100 has no fp8 tensor cores: fp8 runs in 16-bit and casts nothing
        assertThat(estimate("llama-3.1-8b", concat(FSDP_8, "training.zeroStage=1", "training.precision=fp8", "training.gpu=a100-80gb"))
                .trainingMemory().workingCopiesBytes()).isZero();
    }

    @Test
    void fp8StoresTheLinearLayersInputsInOneByte() {
        // the QKV and gate/up inputs (h each) and the SwiGLU product (f) drop from 2 B to 1 B: 32 × (4,096 + 4,096 + 14,336)
        double bf16 = SavedActivations.perToken(llama8b(), 8192, ActivationRecompute.NONE, AttentionKernel.FLASH, false);
        double fp8 = SavedActivations.perToken(llama8b(), 8192, ActivationRecompute.NONE, AttentionKernel.FLASH, true);
        assertThat(bf16 - fp8).isEqualTo(32 * (4096 + 4096 + 14_336.0));
    }

    @Test
    void theRecomputePoliciesKeepWhatTheFrameworksKeep() {
        // a whole layer: norms 16,384 + attention 28,800 + MLP 2h + 6f = 94,208 → 139,392 B per token
        double layer = 139_392;
        assertThat(SavedActivations.perToken(llama8b(), 8192, ActivationRecompute.SELECTIVE, AttentionKernel.FLASH, false))
                .isEqualTo(32 * layer);
        // op: each layer's input 2h, the attention output and statistics 2·32·128 + 4·32, half the linear layers' outputs
        // (Q 8,192 + K, V 4,096 + O 8,192 + gate, up 57,344 + down 8,192 = 86,016), and one layer being recomputed
        assertThat(SavedActivations.perToken(llama8b(), 8192, ActivationRecompute.SELECTIVE_OP, AttentionKernel.FLASH, false))
                .isEqualTo(32 * 8192 + 32 * 8320 + 0.5 * 32 * 86_016 + layer); // 2,044,032
        // layer: 16 layers whole, 16 at their input, one being recomputed
        assertThat(SavedActivations.perToken(llama8b(), 8192, ActivationRecompute.SELECTIVE_LAYER, AttentionKernel.FLASH, false))
                .isEqualTo(16 * layer + 16 * 8192 + layer);
        assertThat(SavedActivations.perToken(llama8b(), 8192, ActivationRecompute.FULL, AttentionKernel.FLASH, false))
                .isEqualTo(32 * 8192 + layer);
    }

    @ParameterizedTest(name = "{0} loss: {1} GB of logits")
    @CsvSource({"fp32, 50.432", "fused, 16.811", "chunked, 6.304"})
    void theLogitsOfA128kVocabularyAt32kTokens(String loss, double gigabytes) {
        // 32,768 tokens × 128,256 values × 12 B (the fp32 loss's backward: saved log-softmax, its gradient and the
        // logits' gradient, all fp32), 4 B (fused), 12 B ÷ 8 (chunked)
        TrainingMemory m = estimate("llama-3.1-8b", concat(FSDP_8, "training.sequenceLength=32768", "training.microBatchSize=1", "training.loss=" + loss))
                .trainingMemory();
        assertThat(m.logitsBytes() / 1e9).isCloseTo(gigabytes, withinPercentage(0.05));
    }

    @Test
    void anEightBWithTwoEightKSequencesPerGpuFitsOnEightH100sWithTheOpPolicyAndAFusedLoss() {
        // sharded states 16 B × 8.03B ÷ 8 = 16.1 GB, activations 2,044,032 B × 16,384 = 33.5 GB, logits 4 B × 16,384 × 128,256
        // = 8.4 GB, working copies 6.74 GB, 1 GB context + 5% fragmentation
        TrainingMemory m = estimate("llama-3.1-8b", concat(FSDP_8, "training.activationRecompute=selective-op", "training.loss=fused")).trainingMemory();
        double live = 16 * 8_030_261_248.0 / 8 + 2_044_032.0 * 16_384 + 4.0 * 16_384 * 128_256 + (ROOT + LAYER) * 2 + ROOT * 4;
        assertThat(m.perGpuBytes()).isCloseTo(1e9 + 1.05 * live, withinPercentage(0.01));
        assertThat(m.perGpuBytes() / 1e9).isBetween(60.0, 75.0);
        assertThat(m.fitsOnGpu()).isTrue();
    }

    /**
     * DTensor's TP keeps each layer's gathered attention and MLP inputs whole on every rank: for the 8B at TP 4,
     * 2 × 8,192 tokens, selective recompute, 32 layers × 2 inputs × 2 B × 4,096 = 524,288 B a token, of which Megatron's
     * sequence parallelism keeps a quarter on each rank, so 16,384 × 524,288 × 3/4 = 6.44 GB more; with full recompute
     * only the layer being recomputed holds them, 16,384 × 16,384 × 3/4 = 201 MB.
     */
    @Test
    void dtensorTensorParallelKeepsTheGatheredInputsWholeOnEveryRank() {
        String[] tp4 = concat(FSDP_8, "training.tensorParallel=4", "training.activationRecompute=selective");
        double sharded = estimate("llama-3.1-8b", concat(tp4, "training.tpSavedInputs=sharded")).trainingMemory().activationsBytes();
        double gathered = estimate("llama-3.1-8b", concat(tp4, "training.tpSavedInputs=gathered")).trainingMemory().activationsBytes();
        assertThat(gathered - sharded).isCloseTo(16_384.0 * 524_288 * 3 / 4, withinPercentage(1e-9));
        String[] full = concat(tp4, "training.activationRecompute=full");
        assertThat(estimate("llama-3.1-8b", concat(full, "training.tpSavedInputs=gathered")).trainingMemory().activationsBytes()
                - estimate("llama-3.1-8b", concat(full, "training.tpSavedInputs=sharded")).trainingMemory().activationsBytes())
                .isCloseTo(16_384.0 * 16_384 * 3 / 4, withinPercentage(1e-9));
        // FSDP (ZeRO 3) implies PyTorch and its DTensor TP unless the scenario says otherwise; ZeRO 1 implies Megatron
        assertThat(estimate("llama-3.1-8b", tp4).trainingMemory().activationsBytes()).isEqualTo(gathered);
        assertThat(estimate("llama-3.1-8b", concat(tp4, "training.zeroStage=1")).trainingMemory().activationsBytes()).isEqualTo(sharded);
        // without TP there is nothing to gather
        String[] noTp = concat(FSDP_8, "training.activationRecompute=selective");
        assertThat(estimate("llama-3.1-8b", concat(noTp, "training.tpSavedInputs=gathered")).trainingMemory().activationsBytes())
                .isEqualTo(estimate("llama-3.1-8b", concat(noTp, "training.tpSavedInputs=sharded")).trainingMemory().activationsBytes());
    }

    /**
     * Pipelined, a GPU's peak is its stage's: the first holds p micro-batches in flight over its L/p layers (all L layers'
     * worth) and the embedding, the last one micro-batch, the head and the logits. The 8B in 4 even stages: each end stage
     * holds 8 layers + a 128,256 × 4,096 table, so its states are (N − 2·V·h + 4·V·h) ÷ N = 1.1308 of an even quarter.
     */
    @Test
    void aPipelinedGpuPeaksAtItsStageTheFirstWithEveryMicroBatchInFlightTheLastWithTheLogits() {
        String[] zero1 = concat(FSDP_8, "training.zeroStage=1", "training.gpuCount=32", "training.microBatchSize=1");
        TrainingMemory whole = estimate("llama-3.1-8b", zero1).trainingMemory();
        double table = 128_256.0 * 4_096;
        double scale = (8.0302e9 - 2 * table + 4 * table) / 8.0302e9;
        for (String loss : new String[] {"fp32", "chunked"}) {
            TrainingMemory one = estimate("llama-3.1-8b", concat(zero1, "training.loss=" + loss)).trainingMemory();
            TrainingMemory pp4 = estimate("llama-3.1-8b", concat(zero1, "training.loss=" + loss, "training.pipelineParallel=4")).trainingMemory();
            assertThat(pp4.weightsBytes()).isCloseTo(one.weightsBytes() / 4 * scale, withinPercentage(0.01));
            if (pp4.peakStage() == TrainingMemory.PipelineStage.FIRST) {
                assertThat(pp4.activationsBytes()).isEqualTo(one.activationsBytes());
                assertThat(pp4.logitsBytes()).isZero();
            } else {
                assertThat(pp4.peakStage()).isEqualTo(TrainingMemory.PipelineStage.LAST);
                assertThat(pp4.activationsBytes()).isCloseTo(one.activationsBytes() / 4, withinPercentage(1e-9));
                assertThat(pp4.logitsBytes()).isEqualTo(one.logitsBytes());
            }
        }
        // 8,192 tokens × 128,256 logits × 12 B = 12.6 GB of fp32 loss outweigh three quarters of the selective activations
        // (8,192 × 32 layers × ~86 KiB ≈ 23 GB → 17 GB): the first stage still peaks; a chunked loss leaves it first too
        assertThat(estimate("llama-3.1-8b", concat(zero1, "training.pipelineParallel=4")).trainingMemory().peakStage())
                .isEqualTo(TrainingMemory.PipelineStage.FIRST);
        assertThat(whole.peakStage()).isEqualTo(TrainingMemory.PipelineStage.ONLY);
        // balanced stages give the end stages fewer layers: an even quarter of the states
        TrainingMemory balanced = estimate("llama-3.1-8b", concat(zero1, "training.pipelineParallel=4", "training.balancedPipeline=true"))
                .trainingMemory();
        assertThat(balanced.weightsBytes()).isCloseTo(whole.weightsBytes() / 4, withinPercentage(1e-9));
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
