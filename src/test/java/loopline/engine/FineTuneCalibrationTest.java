package loopline.engine;

import static loopline.Fixtures.estimate;
import static loopline.Fixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import loopline.engine.model.ModelArchitecture;
import loopline.engine.training.Nf4Quantisation;
import org.junit.jupiter.api.Test;

/**
 * Fine-tuning against published figures, with the engine's shipped defaults and only what each source states set.
 * Sources: QLoRA, Dettmers et al. 2023, arXiv:2305.14314 (abstract, §3, and the repository's
 * scripts/finetune_guanaco_65b.sh); LoRA, Hu et al. 2021, arXiv:2106.09685 (§4.2 "Practical benefits");
 * Hugging Face PEFT README ("Use Cases": single A100 80GB, bigscience/bloomz-7b1 on ought/raft twitter_complaints,
 * run by examples/causal_language_modeling/peft_lora_clm_accelerate_ds_zero3_offload.py).
 */
class FineTuneCalibrationTest {

    /** LLaMA-65B (Touvron et al. 2023): 80 layers, hidden 8192, 64 heads, SwiGLU 22016, vocabulary 32000, untied. */
    static final ModelArchitecture LLAMA_65B = new ModelArchitecture("llama-65b", "LLaMA 65B", 80, 8192, 64, 64, 128, 128, false, 22016, 32000,
            false, true, false, false, null, null, null, null, null, 65.2e9, false, "Touvron et al. 2023", 2048);
    /** BLOOM 7B1 (bloomz-7b1's shape): 30 layers, hidden 4096, 32 heads, GeLU MLP 4h, vocabulary 250880, tied, biases. */
    static final ModelArchitecture BLOOM_7B1 = new ModelArchitecture("bloom-7b1", "BLOOM 7B1", 30, 4096, 32, 32, 128, 128, false, 16384, 250880,
            true, false, true, true, null, null, null, null, null, 7.07e9, false, "BigScience 2022", 2048);

    static Estimate estimateOf(ModelArchitecture m, String... sets) {
        return Estimator.estimate(scenario("llama-3.1-8b", sets).withModel(m));
    }

    /** Guanaco-65B's run (scripts/finetune_guanaco_65b.sh): r 64 on all linear layers, batch 4 × ≤ 16 + 512 tokens, gradient checkpointing. */
    static Estimate guanaco65b(String method) {
        return estimateOf(LLAMA_65B, "training.gpu=l40s", "training.gpuCount=1", "training.method=" + method,
                "training.loraRank=64", "training.loraTargets=all-linear", "training.sequenceLength=528",
                "training.microBatchSize=4", "training.activationRecompute=full");
    }

    /** LoRA §4.2's GPT-3 setting: r = 4 on the query and value projections, GPT-3's 2,048-token context. */
    static Estimate gpt3(String method) {
        return estimate("gpt-3-175b", "training.method=" + method, "training.loraRank=4", "training.loraTargets=query-value",
                "training.sequenceLength=2048");
    }

    /** LoRA §4.2: "a 25% speedup during training on GPT-3 175B compared to full fine-tuning". */
    static double gpt3LoraSpeedup() {
        return gpt3("lora").trainingRun().tokensPerSecond() / gpt3("full").trainingRun().tokensPerSecond();
    }

    /** PEFT's bloomz-7b1 example: fp32 weights (from_pretrained's default), batch 8 × 64 tokens, AdamW, r = 8, eager attention. */
    static Estimate bloomz7b(String method) {
        return estimateOf(BLOOM_7B1, "training.gpu=a100-80gb", "training.gpuCount=1", "training.precision=fp32",
                "training.sequenceLength=64", "training.microBatchSize=8", "training.activationRecompute=none",
                "training.method=" + method, "training.loraRank=8", "training.loraTargets=query-value");
    }

    /** QLoRA abstract: "finetune a 65B parameter model on a single 48GB GPU". */
    @Test
    void qloraFitsLlama65bOnOneFortyEightGigabyteGpu() {
        Estimate e = guanaco65b("qlora");
        assertThat(e.trainingMemory().capacityBytes()).isEqualTo(48e9);
        assertThat(e.trainingMemory().fitsOnGpu()).isTrue();
        // and the same run with a 16-bit base (LoRA) does not come close
        Estimate lora = guanaco65b("lora");
        assertThat(lora.trainingMemory().perGpuBytes()).isGreaterThan(2.5 * 48e9);
    }

    /** QLoRA abstract: fine-tuning a 65B model in 16-bit needs "&gt;780GB of GPU memory". */
    @Test
    void fullSixteenBitFineTuneOfLlama65bNeedsMoreThanSevenHundredEightyGigabytes() {
        Estimate e = estimateOf(LLAMA_65B, "training.method=full");
        assertThat(e.trainingMemory().modelStatesTotalBytes()).isGreaterThan(780e9);
    }

    /** QLoRA §3: double quantisation takes the constants from 32/64 = 0.5 to 8/64 + 32/(64·256) = 0.127 bits per parameter. */
    @Test
    void doubleQuantisedConstantsCostPointOneTwoSevenBitsPerParameter() {
        assertThat(Nf4Quantisation.BITS_PER_PARAMETER - 4).isCloseTo(0.127, withinPercentage(0.5));
    }

    /**
     * LoRA §4.2: on GPT-3 175B with r = 4 on the query and value projections, trainable parameters fall ~10,000×
     * (checkpoint 350 GB → 35 MB) and training memory 1.2 TB → 350 GB. Tolerances: ±10% on the reduction, ±5%
     * on LoRA's 350 GB (model states: the frozen 16-bit base dominates). The full fine-tune side is only asserted
     * to be at least 3× LoRA's: LoopLine counts mixed-precision Adam at 16 B/param (2.8 TB), the paper's 1.2 TB
     * evidently less (≈ 7 B/param); the paper does not say how it counted.
     */
    @Test
    void loraOnGpt3CutsTrainableParametersTenThousandTimesAndMemoryToThreeHundredFiftyGigabytes() {
        Estimate e = gpt3("lora");
        Estimate full = gpt3("full");
        double reduction = e.totalParameters() / e.trainingMemory().trainableParameters();
        assertThat(reduction).isCloseTo(10_000, withinPercentage(10));
        assertThat(e.trainingMemory().modelStatesTotalBytes()).isCloseTo(350e9, withinPercentage(5));
        assertThat(full.trainingMemory().modelStatesTotalBytes()).isGreaterThan(3 * e.trainingMemory().modelStatesTotalBytes());
    }

    /**
     * LoRA §4.2: 25% faster than full fine-tuning on GPT-3 175B. LoopLine's 4·N instead of 6·N at the same MFU makes it
     * ~48% faster: optimistic, since the frozen layers' backward does not run at the full matmul efficiency the MFU
     * assumes. Tolerance ±25% on the speed ratio (1.25 published).
     */
    @Test
    void loraTrainsGpt3AboutAQuarterFasterThanAFullFineTune() {
        assertThat(gpt3LoraSpeedup()).isCloseTo(1.25, withinPercentage(25)).isGreaterThan(1);
    }

    /** PEFT's print_trainable_parameters for Llama-2-7b with r = 8 on q_proj and v_proj: "trainable params: 4,194,304". */
    @Test
    void peftCountsFourMillionAdapterParametersOnLlama2SevenBAtRankEight() {
        Estimate e = estimate("llama-2-7b", "training.method=lora", "training.loraRank=8", "training.loraTargets=query-value");
        assertThat(e.trainingMemory().trainableParameters()).isEqualTo(4_194_304);
    }

    /**
     * PEFT README: bloomz-7b1 on one A100 80GB — full fine-tuning runs out of memory, LoRA peaks at 32 GB. The peak is
     * PyTorch's max_memory_allocated, which leaves out the CUDA context LoopLine adds. The example adapts BLOOM's fused
     * query_key_value; "query-value" here counts separate q and v (2M adapters instead of 4M: 16 MB, nothing at this scale).
     * Tolerance ±20%.
     */
    @Test
    void peftLoraOfBloomz7bPeaksAtAboutThirtyTwoGigabytesWhereFullFineTuningRunsOutOfMemory() {
        Estimate lora = bloomz7b("lora");
        Estimate full = bloomz7b("full");
        assertThat(lora.trainingMemory().perGpuBytes()).isCloseTo(32e9, withinPercentage(20));
        assertThat(full.trainingMemory().fitsOnGpu()).isFalse();
    }
}
