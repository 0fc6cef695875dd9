package loopline.present.launch;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The launchers LoopLine writes a configuration for: three serving engines and one training launcher. Flag spellings
 * were checked against each project's source in 2026 (vLLM engine/arg_utils.py, SGLang srt/server_args.py, TensorRT-LLM
 * commands/serve.py, Megatron-LM training/arguments.py); torchtitan is left out because it dropped its TOML job files
 * for Python configs in February 2026 and has no stable flag form to write.
 */
public enum LaunchFormat {
    VLLM("vllm", "vLLM", true),
    SGLANG("sglang", "SGLang", true),
    TRTLLM("trtllm", "TensorRT-LLM", true),
    /** The prefill/decode split ({@code Disaggregation}): two pools, vLLM's NIXL connector between them. */
    VLLM_SPLIT("vllm-pd", "vLLM prefill/decode split", true),
    /** The same with SGLang's disaggregation mode. */
    SGLANG_SPLIT("sglang-pd", "SGLang prefill/decode split", true),
    /** The same with TensorRT-LLM's disaggregated serving: context and generation workers behind trtllm-serve disaggregated. */
    TRTLLM_SPLIT("trtllm-pd", "TensorRT-LLM prefill/decode split", true),
    MEGATRON("megatron", "Megatron-LM", false);

    private final String id;
    private final String label;
    private final boolean serving;

    LaunchFormat(String id, String label, boolean serving) {
        this.id = id;
        this.label = label;
        this.serving = serving;
    }

    public String id() {
        return id;
    }

    /** The launcher's name as its project writes it. */
    public String label() {
        return label;
    }

    /** True for a serving engine, false for the training launcher. */
    public boolean serving() {
        return serving;
    }

    /** Every id, "vllm|sglang|trtllm|vllm-pd|sglang-pd|trtllm-pd|megatron", for usage lines. */
    public static String ids() {
        return Arrays.stream(values()).map(LaunchFormat::id).collect(Collectors.joining("|"));
    }

    /** The format with this id, or null. */
    public static LaunchFormat byId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst().orElse(null);
    }
}
