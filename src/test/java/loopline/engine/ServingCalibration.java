package loopline.engine;

import static loopline.Fixtures.closedLoop;
import static loopline.Fixtures.estimate;

import java.util.List;
import java.util.function.DoubleSupplier;
import loopline.Fixtures;
import loopline.engine.serving.InferenceSetup;
import loopline.engine.serving.OperatingPoint;
import loopline.engine.serving.ReplicaShape;
import loopline.engine.serving.ServingModel;

/**
 * CALIBRATION.md's "Serving under load" rows, each as the benchmark ran it: a closed loop at its
 * concurrency, or at unlimited request rate (every user waits, as many sequences as memory holds).
 * Shared by {@link CalibrationTest} and {@link CalibrationReport}, with the shipped defaults only.
 */
final class ServingCalibration {

    /** One published figure and how LoopLine estimates it; {@code asserted} rows must land within ±35%. */
    record Row(String name, double published, boolean asserted, DoubleSupplier estimate) {
    }

    static final double TOLERANCE_PERCENT = 35;
    private static final double UNLIMITED = 1e9;

    private ServingCalibration() {
    }

    /**
     * gpt-oss on Hopper, as the overview's options say: its only checkpoint stores the experts in mxfp4 (it is in neither
     * the FP4 nor the FP8 model list; the "FP8" column heading names no checkpoint), the MoE backend is TRITON (W4A16:
     * mxfp4 weights, 16-bit activations) and the KV cache "auto", 16-bit.
     */
    private static final String HOPPER_GPT_OSS = "inference.kvCachePrecision=bf16";

    static final List<Row> ROWS = List.of(
            new Row("Llama-3.1-8B bf16 A100-40GB 1024/128 concurrency 1, tok/s per user (vLLM)", 75, true,
                    () -> closedLoop(1, "llama-3.1-8b", vllmA100()).tokensPerSecondPerUser()),
            new Row("Llama-3.1-8B A100-40GB throughput at concurrency 8 over concurrency 1 (vLLM)", 6.6, true,
                    () -> closedLoop(8, "llama-3.1-8b", vllmA100()).outputTokensPerSecond()
                            / closedLoop(1, "llama-3.1-8b", vllmA100()).outputTokensPerSecond()),
            llama70b("B200 TP1 fp4 1000/1000", "b200", 1000, 1000, 6920, true),
            llama70b("B200 TP1 fp4 1024/8192", "b200", 1024, 8192, 3242, true),
            llama70b("B200 TP1 fp4 8192/1024", "b200", 8192, 1024, 1362, true),
            llama70b("B200 TP1 fp4 32768/1024", "b200", 32768, 1024, 274, true),
            llama70b("GB200 TP1 fp4 1000/1000", "gb200", 1000, 1000, 7769, true),
            llama70b("RTX PRO 6000 fp4 1000/1000", "rtx-pro-6000", 1000, 1000, 1724, true),
            llama70b("RTX PRO 6000 fp4 8192/1024", "rtx-pro-6000", 8192, 1024, 296, true),
            // 2025-26 MoE models ("DEP n" = TP 1 · EP n)
            maxThroughput("gpt-oss-120b", "gpt-oss-120b B200 DEP2 fp4 1000/1000", "b200", 1, 2, "fp4", 1000, 1000, 25943, true),
            maxThroughput("gpt-oss-120b", "gpt-oss-120b B200 DEP2 fp4 8192/1024", "b200", 1, 2, "fp4", 8192, 1024, 6111, true),
            maxThroughput("gpt-oss-120b", "gpt-oss-120b B200 DEP2 fp4 32768/1024", "b200", 1, 2, "fp4", 32768, 1024, 1392, true),
            maxThroughput("gpt-oss-20b", "gpt-oss-20b B200 TP1 fp4 1000/1000", "b200", 1, 1, "fp4", 1000, 1000, 53812, true),
            maxThroughput("gpt-oss-20b", "gpt-oss-20b B200 TP1 fp4 8192/1024", "b200", 1, 1, "fp4", 8192, 1024, 11904, true),
            maxThroughput("gpt-oss-20b", "gpt-oss-20b H200 TP1 FP8 column, mxfp4 experts (Triton W4A16), 1000/1000", "h200", 1, 1, "fp4", 1000, 1000, 13858, true, HOPPER_GPT_OSS),
            maxThroughput("gpt-oss-20b", "gpt-oss-20b H200 TP1 FP8 column, mxfp4 experts (Triton W4A16), 8192/1024", "h200", 1, 1, "fp4", 8192, 1024, 4015, true, HOPPER_GPT_OSS),
            maxThroughput("gpt-oss-20b", "gpt-oss-20b H100 TP1 FP8 column, mxfp4 experts (Triton W4A16), 1000/1000", "h100-sxm", 1, 1, "fp4", 1000, 1000, 11557, true, HOPPER_GPT_OSS),
            maxThroughput("gpt-oss-20b", "gpt-oss-20b H100 TP1 FP8 column, mxfp4 experts (Triton W4A16), 8192/1024", "h100-sxm", 1, 1, "fp4", 8192, 1024, 3366, true, HOPPER_GPT_OSS),
            maxThroughput("deepseek-r1", "DeepSeek-R1 B200 DEP4 fp4 1000/1000", "b200", 1, 4, "fp4", 1000, 1000, 6463, true),
            maxThroughput("deepseek-r1", "DeepSeek-R1 B200 DEP4 fp4 1024/8192", "b200", 1, 4, "fp4", 1024, 8192, 3862, true),
            maxThroughput("deepseek-r1", "DeepSeek-R1 B200 DEP4 fp4 8192/1024", "b200", 1, 4, "fp4", 8192, 1024, 1168, true),
            maxThroughput("llama-4-maverick", "Llama 4 Maverick B200 DEP4 fp4 1000/1000", "b200", 1, 4, "fp4", 1000, 1000, 11337, true),
            maxThroughput("qwen3-235b-a22b", "Qwen3-235B-A22B B200 DEP4 fp4 1000/1000", "b200", 1, 4, "fp4", 1000, 1000, 5764, true),
            maxThroughput("qwen3-235b-a22b", "Qwen3-235B-A22B B200 DEP4 fp4 8192/1024", "b200", 1, 4, "fp4", 8192, 1024, 1410, true),
            maxThroughput("qwen3-30b-a3b", "Qwen3-30B-A3B B200 TP1 fp4 1000/1000", "b200", 1, 1, "fp4", 1000, 1000, 26971, true),
            // wide expert parallelism: decode pools of a prefill/decode split, filled to a set batch per GPU
            decodePool("LMSYS H100 EP72, 256 a GPU, 2,000-token KV, without two-batch overlap (22,310 / node with it ÷ 1.255, the "
                    + "blog's ablation)", "deepseek-v3", "h100-sxm", 72, "fp8", "bf16", 256, 2000, 100, 22310 / 1.255 / 8, true),
            decodePool("LMSYS H100 EP72, 256 a GPU, 2,000-token KV, two-batch overlap on (22,282 / node; overlap not modelled)",
                    "deepseek-v3", "h100-sxm", 72, "fp8", "bf16", 256, 2000, 100, 22282 / 8.0, false),
            decodePool("LMSYS GB200 NVL72 EP48, 768 a GPU, fp8 GEMMs, bf16 KV", "deepseek-r1", "gb200", 48, "fp8", "bf16", 768, 2000, 100,
                    9087, true),
            decodePool("LMSYS GB200 NVL72 EP48, 1,408 a GPU, nvfp4 experts, fp8 KV", "deepseek-r1", "gb200", 48, "fp4", "fp8", 1408, 2000,
                    100, 13386, true),
            decodePool("vLLM H200 EP32, 256 a GPU, 2,000/2,000 (dual-batch overlap on, not modelled)", "deepseek-r1", "h200", 32, "fp8",
                    "bf16", 256, 2000, 2000, 2200, true));

    /**
     * A decode pool's output tokens/s per GPU, as SGLang's and vLLM's wide-EP blogs measure them: TP 1 · EP {@code ep} with
     * data-parallel attention, {@code perGpu} sequences on every GPU (the pool filled to that batch, as their "slow-down"
     * runs do), each having received a {@code prompt}-token KV cache from the prefill pool (a whole prefix-cache hit) and
     * decoding {@code output} tokens. Sources: lmsys.org/blog/2025-05-05-large-scale-ep (H100, 22,282 tokens/s per 8-GPU
     * node at 256 a GPU; two-batch overlap +25.5% at 256, 22,310), lmsys.org/blog/2025-09-25-gb200-part-2 (13,386 and
     * 9,087 per GPU, batch 1,408 and 768), blog.vllm.ai/2025/12/17/large-scale-serving.html (2.2k per H200, EP 32 per its
     * GB200 post's table, 256 a rank, 2,000/2,000).
     */
    static Row decodePool(String name, String model, String gpu, int ep, String precision, String kv, int perGpu, int prompt,
                          int output, double published, boolean asserted) {
        return new Row(name + ": output tok/s per GPU", published, asserted, () -> {
            Scenario s = Fixtures.scenario(model, "inference.gpu=" + gpu, "inference.precision=" + precision,
                    "inference.kvCachePrecision=" + kv, "inference.tensorParallel=1", "inference.expertParallel=" + ep,
                    "inference.promptTokens=" + prompt, "inference.outputTokens=" + output, "inference.maxConcurrentSequences=" + perGpu);
            InferenceSetup decodeOnly = RecordPaths.with(s.inference(), "prefixCacheHitRate", 1.0);
            return ServingModel.closedLoop(s.model(), decodeOnly, new ReplicaShape(1, ep), (double) perGpu * ep).outputTokensPerSecond() / ep;
        });
    }

    private static String[] vllmA100() {
        return new String[] {"inference.gpu=a100-40gb", "inference.tensorParallel=1", "inference.promptTokens=1024",
                "inference.outputTokens=128"};
    }

    /** Llama 3.3 70B has Llama 3.1 70B's shape. */
    private static Row llama70b(String setup, String gpu, int prompt, int output, double published, boolean asserted) {
        return maxThroughput("llama-3.1-70b", "Llama 3.3 70B " + setup, gpu, 1, 1, "fp4", prompt, output, published, asserted);
    }

    /**
     * TensorRT-LLM's max-throughput rows: output tokens/s per GPU at unlimited request rate, as many sequences
     * as memory holds, on a replica of TP {@code tp} and EP {@code ep} ("DEP n" is TP 1 · EP n). TensorRT-LLM's
     * scheduler reserves each request's whole prompt + answer at admission (GUARANTEED_NO_EVICT, its default).
     */
    static Row maxThroughput(String model, String name, String gpu, int tp, int ep, String precision, int prompt, int output,
                             double published, boolean asserted, String... settings) {
        return new Row(name + ", output tok/s per GPU (TensorRT-LLM)", published, asserted, () -> {
            List<String> sets = new java.util.ArrayList<>(List.of("inference.gpu=" + gpu, "inference.tensorParallel=" + tp,
                    "inference.expertParallel=" + ep, "inference.precision=" + precision, "inference.promptTokens=" + prompt,
                    "inference.outputTokens=" + output, "inference.kvAdmission=reserve"));
            sets.addAll(List.of(settings));
            OperatingPoint p = closedLoop(UNLIMITED, model, sets.toArray(String[]::new));
            return p.outputTokensPerSecond() / Math.max(tp, ep);
        });
    }

    /** The batch-1 rows of the Serving section, for the report. */
    static final List<Row> BATCH_ONE = List.of(
            new Row("Llama-2-7B bf16 A100 batch 1 decode tok/s (gpt-fast)", 104.9, true, () -> closedLoop(1, "llama-2-7b",
                    "inference.gpu=a100-80gb", "inference.tensorParallel=1", "inference.promptTokens=8", "inference.outputTokens=200")
                    .tokensPerSecondPerUser()),
            new Row("Llama-2-7B fp16 A100 TTFT 2048-token prompt, s (TensorRT-LLM)", 0.133, true, () -> closedLoop(1, "llama-2-7b",
                    "inference.gpu=a100-80gb", "inference.precision=fp16", "inference.tensorParallel=1", "inference.promptTokens=2048",
                    "inference.outputTokens=1").timeToFirstTokenSeconds()),
            new Row("Llama-2-7B fp8 H100 TTFT 2048-token prompt, s (TensorRT-LLM)", 0.036, true, () -> closedLoop(1, "llama-2-7b",
                    "inference.gpu=h100-sxm", "inference.precision=fp8", "inference.tensorParallel=1", "inference.promptTokens=2048",
                    "inference.outputTokens=1").timeToFirstTokenSeconds()));

    static double errorPercent(Row row) {
        return 100 * (row.estimate().getAsDouble() / row.published() - 1);
    }
}
