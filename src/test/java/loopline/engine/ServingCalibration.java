package loopline.engine;

import static loopline.Fixtures.closedLoop;
import static loopline.Fixtures.estimate;

import java.util.List;
import java.util.function.DoubleSupplier;

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

    static final List<Row> ROWS = List.of(
            new Row("Llama-3.1-8B bf16 A100-40GB 1024/128 concurrency 1, tok/s per user (vLLM)", 75, true,
                    () -> closedLoop(1, "llama-3.1-8b", vllmA100()).tokensPerSecondPerUser()),
            new Row("Llama-3.1-8B A100-40GB throughput at concurrency 8 over concurrency 1 (vLLM)", 6.6, true,
                    () -> closedLoop(8, "llama-3.1-8b", vllmA100()).outputTokensPerSecond()
                            / closedLoop(1, "llama-3.1-8b", vllmA100()).outputTokensPerSecond()),
            maxThroughput("Llama 3.3 70B B200 TP1 fp4 1000/1000", "b200", 1000, 1000, 6920, true),
            maxThroughput("Llama 3.3 70B B200 TP1 fp4 1024/8192", "b200", 1024, 8192, 3242, false),
            maxThroughput("Llama 3.3 70B B200 TP1 fp4 8192/1024", "b200", 8192, 1024, 1362, true),
            maxThroughput("Llama 3.3 70B B200 TP1 fp4 32768/1024", "b200", 32768, 1024, 274, false),
            maxThroughput("Llama 3.3 70B RTX PRO 6000 fp4 1000/1000", "rtx-pro-6000", 1000, 1000, 1724, true),
            maxThroughput("Llama 3.3 70B RTX PRO 6000 fp4 8192/1024", "rtx-pro-6000", 8192, 1024, 296, true),
            // The 2025-26 models: reported, not yet asserted (the serving model was calibrated before they were in the catalog)
            moeMaxThroughput("gpt-oss-120b B200 DEP2 fp4 1000/1000", "gpt-oss-120b", "b200", "fp4", 2, 1000, 1000, 25_943),
            moeMaxThroughput("gpt-oss-120b B200 DEP2 fp4 8192/1024", "gpt-oss-120b", "b200", "fp4", 2, 8192, 1024, 6_111),
            moeMaxThroughput("gpt-oss-120b B200 DEP2 fp4 32768/1024", "gpt-oss-120b", "b200", "fp4", 2, 32768, 1024, 1_392),
            moeMaxThroughput("gpt-oss-20b B200 TP1 fp4 1000/1000", "gpt-oss-20b", "b200", "fp4", 1, 1000, 1000, 53_812),
            moeMaxThroughput("gpt-oss-20b B200 TP1 fp4 8192/1024", "gpt-oss-20b", "b200", "fp4", 1, 8192, 1024, 11_904),
            moeMaxThroughput("gpt-oss-20b H200 TP1 fp8 1000/1000", "gpt-oss-20b", "h200", "fp8", 1, 1000, 1000, 13_858),
            moeMaxThroughput("gpt-oss-20b H200 TP1 fp8 8192/1024", "gpt-oss-20b", "h200", "fp8", 1, 8192, 1024, 4_015),
            moeMaxThroughput("gpt-oss-20b H100 TP1 fp8 1000/1000", "gpt-oss-20b", "h100-sxm", "fp8", 1, 1000, 1000, 11_557),
            moeMaxThroughput("gpt-oss-20b H100 TP1 fp8 8192/1024", "gpt-oss-20b", "h100-sxm", "fp8", 1, 8192, 1024, 3_366),
            moeMaxThroughput("DeepSeek-R1 B200 DEP4 fp4 1000/1000", "deepseek-r1", "b200", "fp4", 4, 1000, 1000, 6_463),
            moeMaxThroughput("DeepSeek-R1 B200 DEP4 fp4 1024/8192", "deepseek-r1", "b200", "fp4", 4, 1024, 8192, 3_862),
            moeMaxThroughput("DeepSeek-R1 B200 DEP4 fp4 8192/1024", "deepseek-r1", "b200", "fp4", 4, 8192, 1024, 1_168),
            moeMaxThroughput("Llama 4 Maverick B200 DEP4 fp4 1000/1000", "llama-4-maverick", "b200", "fp4", 4, 1000, 1000, 11_337),
            moeMaxThroughput("Qwen3-235B-A22B B200 DEP4 fp4 1000/1000", "qwen3-235b-a22b", "b200", "fp4", 4, 1000, 1000, 5_764),
            moeMaxThroughput("Qwen3-235B-A22B B200 DEP4 fp4 8192/1024", "qwen3-235b-a22b", "b200", "fp4", 4, 8192, 1024, 1_410),
            moeMaxThroughput("Qwen3-30B-A3B B200 TP1 fp4 1000/1000", "qwen3-30b-a3b", "b200", "fp4", 1, 1000, 1000, 26_971));

    private static String[] vllmA100() {
        return new String[] {"inference.gpu=a100-40gb", "inference.tensorParallel=1", "inference.promptTokens=1024",
                "inference.outputTokens=128"};
    }

    /** TensorRT-LLM's max-throughput rows: output tokens/s per GPU with as many sequences as memory holds. Llama 3.3 70B has Llama 3.1 70B's shape. */
    private static Row maxThroughput(String name, String gpu, int prompt, int output, double published, boolean asserted) {
        return new Row(name + ", output tok/s per GPU (TensorRT-LLM)", published, asserted, () -> closedLoop(UNLIMITED, "llama-3.1-70b",
                "inference.gpu=" + gpu, "inference.tensorParallel=1", "inference.precision=fp4",
                "inference.promptTokens=" + prompt, "inference.outputTokens=" + output).outputTokensPerSecond());
    }

    /**
     * The same document's rows for the 2025-26 models: "DEP n" is attention data-parallel with experts spread over
     * n GPUs, LoopLine's TP 1 · EP n shape (EP 1 for TP1); fp8 KV cache as the benchmark ran. Output tok/s per GPU.
     */
    private static Row moeMaxThroughput(String name, String model, String gpu, String precision, int expertParallel,
                                        int prompt, int output, double published) {
        return new Row(name + ", output tok/s per GPU (TensorRT-LLM)", published, false, () -> {
            Estimate e = estimate(model, "inference.gpu=" + gpu, "inference.tensorParallel=1",
                    "inference.expertParallel=" + expertParallel, "inference.precision=" + precision, "inference.kvCachePrecision=fp8",
                    "inference.promptTokens=" + prompt, "inference.outputTokens=" + output);
            OperatingPoint p = ServingModel.closedLoop(e.scenario().model(), e.scenario().inference(), e.inferenceSpeed().shape(), UNLIMITED);
            return p.outputTokensPerSecond() / e.inferenceSpeed().shape().gpus();
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
