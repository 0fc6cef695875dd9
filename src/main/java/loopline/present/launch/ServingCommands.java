package loopline.present.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loopline.engine.hardware.Precision;

/**
 * The three serving engines' launch lines for one {@link ServingLaunch}. Flag names and values as each project's source
 * spells them (2026): vLLM engine/arg_utils.py, SGLang srt/server_args.py, TensorRT-LLM commands/serve.py and its LLM API
 * YAML keys. Where an engine cannot take what the estimate assumed, a comment line says what it runs instead.
 */
final class ServingCommands {
    private ServingCommands() {
    }

    static List<String> vllm(ServingLaunch s) {
        return vllm(s, List.of());
    }

    /** {@code extra}: flags a pool of a prefill/decode split adds (its KV connector and role). */
    static List<String> vllm(ServingLaunch s, List<String> extra) {
        List<String> notes = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        flags.add("--tensor-parallel-size " + s.shape().tensorParallel());
        if (s.expertParallel()) {
            // vLLM's expert parallelism spans TP × DP: attention runs data-parallel in groups of TP, the experts over all
            flags.add("--data-parallel-size " + s.shape().attentionGroups());
            flags.add("--enable-expert-parallel");
        }
        flags.add("--max-num-seqs " + s.maxSequencesPerRank());
        flags.add("--max-num-batched-tokens " + s.maxTokensPerStep());
        flags.add("--max-model-len " + s.contextLength());
        weights(s, "vLLM", flags, notes, "--quantization fp8", "--quantization modelopt_fp4");
        flags.add("--kv-cache-dtype " + kvCache(s, "fp8", "fp8", notes, "vLLM"));
        flags.add("--gpu-memory-utilization " + plain(s.gpuMemoryUtilization()));
        if (s.draftTokens() > 0) {
            notes.add(DRAFT_NOTE);
            flags.add("--speculative-config \"{\\\"model\\\": \\\"" + DRAFT + "\\\", \\\"num_speculative_tokens\\\": "
                    + s.draftTokens() + "}\"");
        }
        schedulerNotes(s, notes, "vLLM");
        flags.addAll(extra);
        return with(notes, LaunchConfig.command("vllm serve " + s.checkpoint(), flags));
    }

    static List<String> sglang(ServingLaunch s) {
        return sglang(s, List.of());
    }

    /** {@code extra}: flags a pool of a prefill/decode split adds (its disaggregation mode). */
    static List<String> sglang(ServingLaunch s, List<String> extra) {
        List<String> notes = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        flags.add("--model-path " + s.checkpoint());
        // SGLang's tp-size is every GPU of the replica; DP attention splits attention into dp-size groups of tp ÷ dp
        flags.add("--tp-size " + s.shape().gpus());
        if (s.expertParallel()) {
            flags.add("--ep-size " + s.shape().expertParallel());
            if (s.shape().attentionGroups() > 1) {
                flags.add("--dp-size " + s.shape().attentionGroups());
                flags.add("--enable-dp-attention");
            }
        }
        // both are the server's totals: with DP attention SGLang divides them over the dp-size ranks
        flags.add("--max-running-requests " + (long) s.maxSequencesPerRank() * s.shape().attentionGroups());
        flags.add("--chunked-prefill-size " + (long) s.maxTokensPerStep() * s.shape().attentionGroups());
        flags.add("--context-length " + s.contextLength());
        weights(s, "SGLang", flags, notes, "--quantization fp8", "--quantization modelopt_fp4");
        flags.add("--kv-cache-dtype " + kvCache(s, "fp8_e4m3", "nvfp4", notes, "SGLang"));
        flags.add("--mem-fraction-static " + plain(s.gpuMemoryUtilization()));
        if (s.draftTokens() > 0) {
            // a separate draft model is SGLang's STANDALONE algorithm: k draft steps, one chain (top-k 1), k + 1 tokens verified
            notes.add(DRAFT_NOTE);
            flags.add("--speculative-algorithm STANDALONE");
            flags.add("--speculative-draft-model-path " + DRAFT);
            flags.add("--speculative-num-steps " + s.draftTokens());
            flags.add("--speculative-eagle-topk 1");
            flags.add("--speculative-num-draft-tokens " + (s.draftTokens() + 1));
        }
        schedulerNotes(s, notes, "SGLang");
        flags.addAll(extra);
        return with(notes, LaunchConfig.command("python -m sglang.launch_server", flags));
    }

    static List<String> trtllm(ServingLaunch s) {
        return trtllm(s, "loopline-llm-api.yaml", List.of(), List.of());
    }

    /**
     * {@code yamlFile}: the LLM API options file this command writes and reads; {@code extraYaml} and {@code extraFlags}:
     * what a pool of a prefill/decode split adds (its KV cache transceiver, its port).
     */
    static List<String> trtllm(ServingLaunch s, String yamlFile, List<String> extraYaml, List<String> extraFlags) {
        List<String> notes = new ArrayList<>();
        List<String> yaml = new ArrayList<>();
        yaml.add("kv_cache_config:");
        String kv = kvCache(s, "fp8", "nvfp4", notes, "TensorRT-LLM");
        if (!kv.equals("auto")) {
            yaml.add("  dtype: " + kv);
        }
        yaml.add("  free_gpu_memory_fraction: " + plain(s.gpuMemoryUtilization()));
        if (s.shape().attentionGroups() > 1) {
            yaml.add("enable_attention_dp: true");
            if (s.shape().tensorParallel() > 1) {
                notes.add("# TensorRT-LLM's attention DP runs attention on one GPU per group; LoopLine's shape had TP "
                        + s.shape().tensorParallel() + " within each of " + s.shape().attentionGroups() + " groups.");
            }
        }
        yaml.add("scheduler_config:");
        // GUARANTEED_NO_EVICT reserves each request's whole prompt + answer; MAX_UTILIZATION grows KV as vLLM does
        yaml.add("  capacity_scheduler_policy: " + (s.reserveKv() ? "GUARANTEED_NO_EVICT" : "MAX_UTILIZATION"));
        if (s.weights() == Precision.FP4 && s.checkpointFp4()) {
            notes.add(NATIVE_FP4);
        } else if (s.weights() == Precision.FP8 || s.weights() == Precision.FP4) {
            notes.add("# " + s.weights().id() + " weights: point the command at a ModelOpt " + s.weights().id().toUpperCase(Locale.ROOT)
                    + " checkpoint of the model; TensorRT-LLM reads the format from it (it has no flag to quantise on load).");
        } else if (s.weights() == Precision.INT8 || s.weights() == Precision.INT4) {
            notes.add("# " + s.weights().id() + " weights: point the command at a weight-only " + s.weights().id()
                    + " checkpoint (AWQ or GPTQ); TensorRT-LLM reads the format from it.");
        }
        if (s.draftTokens() > 0) {
            // a separate draft model is TensorRT-LLM's draft/target mode, which runs without the overlap scheduler
            notes.add(DRAFT_NOTE);
            yaml.add(NO_OVERLAP_SCHEDULER);
            yaml.add("speculative_config:");
            yaml.add("  decoding_type: DraftTarget");
            yaml.add("  max_draft_len: " + s.draftTokens());
            yaml.add("  speculative_model_dir: " + DRAFT);
        }
        extraYaml.stream().filter(line -> !yaml.contains(line)).forEach(yaml::add); // the overlap switch once, whoever asks
        List<String> flags = new ArrayList<>();
        flags.add("--backend pytorch");
        flags.add("--tp_size " + s.shape().gpus());
        if (s.expertParallel()) {
            flags.add("--ep_size " + s.shape().expertParallel());
        }
        // both are per rank ("max batch size in each rank"); with attention DP every GPU is a rank, which LoopLine's
        // groups of TP share
        int ranksPerGroup = s.shape().attentionGroups() > 1 ? s.shape().tensorParallel() : 1;
        flags.add("--max_batch_size " + ceilDiv(s.maxSequencesPerRank(), ranksPerGroup));
        flags.add("--max_num_tokens " + ceilDiv(s.maxTokensPerStep(), ranksPerGroup));
        flags.add("--max_seq_len " + s.contextLength());
        flags.add("--kv_cache_free_gpu_memory_fraction " + plain(s.gpuMemoryUtilization()));
        flags.add("--extra_llm_api_options " + yamlFile);
        flags.addAll(extraFlags);
        List<String> lines = new ArrayList<>(notes);
        lines.add("cat > " + yamlFile + " <<YAML"); // unquoted: the draft model's ${DRAFT} expands, nothing else has a $
        lines.addAll(yaml);
        lines.add("YAML");
        lines.addAll(LaunchConfig.command("trtllm-serve " + s.checkpoint(), flags));
        return lines;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** TensorRT-LLM's draft/target decoding and a split's prefill workers both run without the overlap scheduler. */
    static final String NO_OVERLAP_SCHEDULER = "disable_overlap_scheduler: true";

    /** The draft model the estimate assumed: the script stops with this message until DRAFT names it. */
    private static final String DRAFT = "${DRAFT:?set DRAFT to the draft model}";
    private static final String DRAFT_NOTE = "# Speculative decoding as assumed: set DRAFT to the draft model (LoopLine costed it by "
            + "the draft-cost ratio and the acceptance rate).";

    private static final String NATIVE_FP4 = "# The checkpoint stores its experts in mxfp4 already (as gpt-oss ships): the engine reads"
            + " them as they are, no quantisation flag.";

    /** The weight format: a dtype for 16/32-bit, the engine's quantisation for fp8/fp4, a checkpoint note for int8/int4. */
    private static void weights(ServingLaunch s, String engine, List<String> flags, List<String> notes, String fp8, String fp4) {
        Precision w = s.weights();
        if (w == Precision.FP4 && s.checkpointFp4()) {
            notes.add(NATIVE_FP4);
            return;
        }
        switch (w) {
            case FP32 -> flags.add("--dtype float32");
            case BF16 -> flags.add("--dtype bfloat16");
            case FP16 -> flags.add("--dtype float16");
            case FP8 -> flags.add(fp8);
            case FP4 -> {
                flags.add(fp4);
                notes.add("# fp4 weights are NVFP4: load a ModelOpt NVFP4 checkpoint of the model.");
            }
            case INT8, INT4 -> notes.add("# " + w.id() + " weights are weight-only: load an AWQ or GPTQ " + w.id() + " checkpoint; "
                    + engine + " reads its quantization_config.");
        }
    }

    /** The KV cache format as the engine spells it; where the engine has no such format, the nearest one of the same bytes or more. */
    private static String kvCache(ServingLaunch s, String fp8, String fp4, List<String> notes, String engine) {
        Precision kv = s.kvCache();
        if (kv == Precision.FP8) {
            return fp8;
        }
        if (kv == Precision.INT8) {
            notes.add("# LoopLine assumed an int8 KV cache; " + engine + "'s 1-byte cache is " + fp8 + " (the same bytes).");
            return fp8;
        }
        if (kv == Precision.FP4) {
            if (fp4.equals(fp8)) {
                notes.add("# LoopLine assumed an fp4 KV cache; " + engine + "'s smallest is " + fp8 + ": twice the KV bytes, fewer sequences.");
            }
            return fp4;
        }
        return "auto"; // the weights' 16-bit format
    }

    private static void schedulerNotes(ServingLaunch s, List<String> notes, String engine) {
        if (s.reserveKv()) {
            notes.add("# LoopLine assumed KV reserved at admission (inference.kvAdmission=reserve); " + engine
                    + " grows the KV cache as answers grow, so it may run more requests at once than estimated.");
        }
        if (!s.continuousBatching()) {
            notes.add("# LoopLine assumed static batches; " + engine + " always batches continuously.");
        }
    }

    private static List<String> with(List<String> notes, List<String> command) {
        List<String> lines = new ArrayList<>(notes);
        lines.addAll(command);
        return lines;
    }

    private static String plain(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }
}
