package loopline.data;

import static loopline.data.FieldSpec.bool;
import static loopline.data.FieldSpec.choice;
import static loopline.data.FieldSpec.derivedNumber;
import static loopline.data.FieldSpec.gpu;
import static loopline.data.FieldSpec.number;
import static loopline.data.FieldSpec.text;
import static loopline.data.FieldSpec.whole;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every scenario field but {@code model}, with its default. The defaults are what a new user sees, and the
 * calibration tests run with them: efficiencies from published runs and measurements, not tuned per case.
 */
public final class ScenarioSchema {
    static final List<String> TRAINING_PRECISIONS = List.of("fp32", "bf16", "fp16", "fp8");
    static final List<String> SERVING_PRECISIONS = List.of("fp32", "bf16", "fp16", "fp8", "int8", "int4", "fp4");
    static final List<String> KV_PRECISIONS = List.of("fp32", "bf16", "fp16", "fp8", "int8");

    public static final List<FieldSpec> FIELDS = List.of(
            text("name", "Untitled scenario", "Title shown in the window and on reports"),
            text("description", "", "One line saying what the scenario shows"),

            gpu("training.gpu", "h100-sxm", null, "Accelerator the model is trained on"),
            whole("training.gpuCount", 1, 1_000_000, 64, "GPUs", "GPUs in the training cluster (a multiple of TP × PP)"),
            choice("training.precision", TRAINING_PRECISIONS, "bf16", null,
                    "Number format of the matmuls; bf16/fp16/fp8 keep an fp32 master copy of the weights"),
            choice("training.optimizer", List.of("adamw", "sgd-momentum", "adamw-8bit"), "adamw", null,
                    "Optimizer, which sets the state kept per parameter"),
            derivedNumber("training.tokens", 1e6, 1e16, "20 × parameters (Chinchilla-optimal)", "tokens",
                    "Tokens the run trains on"),
            whole("training.sequenceLength", 16, 1_048_576, 4096, "tokens", "Tokens per training sequence"),
            whole("training.microBatchSize", 1, 4096, 1, "sequences", "Sequences per GPU per forward/backward pass"),
            choice("training.activationRecompute", List.of("none", "selective", "full"), "selective", null,
                    "none: eager attention keeps the s² scores; selective: FlashAttention-style; full: keep only layer inputs"),
            whole("training.zeroStage", 0, 3, 1, "", "ZeRO stage: 1 shards optimizer states, 2 + gradients, 3 (= FSDP) + weights"),
            whole("training.tensorParallel", 1, 64, 1, "GPUs", "Tensor-parallel degree (with sequence parallelism)"),
            whole("training.pipelineParallel", 1, 1024, 1, "stages", "Pipeline-parallel stages"),
            number("training.mfu", 0.01, 1, 0.42, "", "Model FLOPs utilisation: Llama 3 405B reported 38–43% on H100"),
            number("training.goodput", 0.01, 1, 0.92, "", "Share of wall-clock that trains; Llama 3 reported >90%"),
            derivedNumber("training.pricePerGpuHourUsd", 0.01, 1000, "the GPU's catalog price", "$/GPU-hour", "Price of one GPU-hour"),

            gpu("inference.gpu", null, "same as training.gpu", "Accelerator the model is served on"),
            choice("inference.precision", SERVING_PRECISIONS, "bf16", null,
                    "Weight format; int8/int4 are weight-only and compute in 16-bit; fp4 computes in fp4 on Blackwell"),
            choice("inference.kvCachePrecision", KV_PRECISIONS, null, "the weights' format; bf16 for int8/int4, fp8 for fp4",
                    "Number format of the KV cache"),
            whole("inference.tensorParallel", 0, 64, 0, "GPUs",
                    "GPUs per replica (tensor parallel); 0 picks the cheapest shape that meets the targets"),
            whole("inference.expertParallel", 0, 64, 0, "GPUs", "Expert-parallel degree for MoE serving; 0 chooses"),
            whole("inference.promptTokens", 1, 1_048_576, 1000, "tokens", "Prompt tokens per request"),
            whole("inference.outputTokens", 1, 1_048_576, 250, "tokens", "Generated tokens per request"),
            whole("inference.batchSize", 0, 65_536, 0, "sequences",
                    "Concurrent requests per replica; 0 picks as many as keep every user at the speed target, memory permitting"),
            number("inference.targetTokensPerSecondPerUser", 0.1, 10_000, 20, "tokens/s", "Speed each user must see while generating"),
            number("inference.targetTimeToFirstTokenSeconds", 0.01, 3600, 2, "s",
                    "Time to first token the slowest 1% of users may see at peak (p99)"),
            bool("inference.continuousBatching", true,
                    "Continuous batching with chunked prefill (vLLM, Orca); off: static batches wait for their longest request"),
            whole("inference.maxConcurrentSequences", 1, 65_536, 1024, "sequences",
                    "Most sequences the scheduler runs at once (vLLM max_num_seqs)"),
            number("inference.requestsPerDay", 1, 1e13, 100_000, "requests/day", "Average traffic"),
            number("inference.peakToAverage", 1, 100, 2, "×", "Peak traffic over average: replicas are sized for the peak"),
            derivedNumber("inference.pricePerGpuHourUsd", 0.01, 1000, "the GPU's catalog price", "$/GPU-hour", "Price of one GPU-hour"),
            number("inference.memoryBandwidthEfficiency", 0.05, 1, 0.7, "",
                    "Share of datasheet bandwidth decode achieves (gpt-fast: ~1.4 of 2.0 TB/s on A100)"),
            number("inference.computeEfficiency", 0.05, 1, 0.7, "",
                    "Share of the best measured matmul rate a whole forward pass achieves"),
            number("inference.gpuMemoryUtilization", 0.1, 0.99, 0.9, "",
                    "Share of GPU memory the engine takes for weights and KV cache (vLLM/TensorRT-LLM default 0.9)"),
            bool("inference.pagedKvCache", true, "Paged KV cache (vLLM): <4% waste instead of ~60%"),
            number("inference.prefixCacheHitRate", 0, 0.99, 0, "", "Share of prompt tokens served from the prefix cache"),
            bool("inference.speculativeDecoding.enabled", false, "Draft-and-verify decoding"),
            whole("inference.speculativeDecoding.draftTokens", 1, 16, 4, "tokens", "Tokens the draft proposes per step (k)"),
            number("inference.speculativeDecoding.acceptanceRate", 0, 0.99, 0.7, "", "Chance each draft token is accepted (α)"),
            number("inference.speculativeDecoding.draftCostRatio", 0, 1, 0.1, "",
                    "Cost of one draft step relative to one target step"),

            number("economics.horizonMonths", 1, 600, 24, "months", "How long the model serves, to amortise training over"));

    private static final Map<String, FieldSpec> BY_PATH = new LinkedHashMap<>();

    static {
        for (FieldSpec f : FIELDS) {
            BY_PATH.put(f.path(), f);
        }
    }

    private ScenarioSchema() {
    }

    public static FieldSpec field(String path) {
        return BY_PATH.get(path);
    }
}
