package loopline.present.launch;

import static loopline.present.Format.formatCount;
import static loopline.present.Format.formatDuration;
import static loopline.present.Format.formatUsd;

import java.util.ArrayList;
import java.util.List;
import loopline.engine.Estimate;
import loopline.engine.serving.Disaggregation;

/**
 * The two pools of a prefill/decode split ({@link Disaggregation}), each launched with its own shape: vLLM's NIXL KV
 * connector (kv_producer on prefill, kv_consumer on decode; vLLM docs, nixl_connector_usage) or SGLang's
 * {@code --disaggregation-mode prefill|decode} (SGLang docs, pd_disaggregation) or TensorRT-LLM's context and generation
 * workers with a KV cache transceiver, joined by {@code trtllm-serve disaggregated} (TensorRT-LLM examples/disaggregated). A router in front sends each request to a
 * prefill replica, then on to a decode replica with its KV (vLLM's disaggregated proxy, SGLang's router, llm-d, Dynamo).
 */
final class SplitCommands {
    private SplitCommands() {
    }

    static List<String> lines(LaunchFormat format, Estimate e, String checkpoint) {
        Disaggregation d = e.disaggregation();
        if (d == null || !d.feasible()) {
            throw new IllegalArgumentException("no " + format.label() + " launch: "
                    + (d == null ? "a set batch size measures one replica, not a split fleet" : "no prefill/decode split meets the targets"));
        }
        ServingLaunch prefill = ServingLaunch.ofPool(e, checkpoint, d.prefill());
        ServingLaunch decode = ServingLaunch.ofPool(e, checkpoint, d.decode());
        boolean vllm = format == LaunchFormat.VLLM_SPLIT;
        boolean trtllm = format == LaunchFormat.TRTLLM_SPLIT;
        List<String> lines = new ArrayList<>();
        lines.add("# " + e.scenario().model().name() + " (" + checkpoint + ") in " + prefill.weights().id() + " on " + prefill.gpuName()
                + ", prefill and decode on separate pools: " + formatCount(d.gpus()) + " GPUs, " + formatUsd(e.withElectricity(d.monthlyCostUsd()))
                + " a month against " + formatUsd(e.serving().monthlyCostUsd()) + " co-located.");
        lines.add("# KV transfer " + formatDuration(d.kvTransferSeconds()) + " a request; the prefill pool meets a p99 first token of "
                + formatDuration(d.prefillFirstTokenTargetSeconds()) + ", the decode pool waits at most "
                + formatDuration(d.decodeFirstTokenP99Seconds()) + " (p99) for a KV slot. Put a router in front (" + (vllm
                ? "vLLM's disaggregated-prefill proxy, llm-d or Dynamo" : trtllm ? "trtllm-serve disaggregated, written at the end"
                : "SGLang's router in PD mode") + ").");
        lines.add("");
        lines.add("# Prefill pool: " + formatCount(d.prefill().replicas()) + " replica" + (d.prefill().replicas() == 1 ? "" : "s")
                + " of this command, " + d.prefill().shape().label() + " each.");
        lines.addAll(vllm ? ServingCommands.vllm(prefill, List.of(connector("kv_producer")))
                : trtllm ? ServingCommands.trtllm(prefill, "loopline-prefill.yaml", List.of(ServingCommands.NO_OVERLAP_SCHEDULER,
                        "cache_transceiver_config:", "  backend: DEFAULT"), List.of("--host 0.0.0.0", "--port " + PREFILL_PORT))
                : ServingCommands.sglang(prefill, List.of("--disaggregation-mode prefill")));
        lines.add("");
        lines.add("# Decode pool: " + formatCount(d.decode().replicas()) + " replica" + (d.decode().replicas() == 1 ? "" : "s")
                + " of this command, " + d.decode().shape().label() + " each.");
        lines.addAll(vllm ? ServingCommands.vllm(decode, List.of(connector("kv_consumer")))
                : trtllm ? ServingCommands.trtllm(decode, "loopline-decode.yaml", List.of("cache_transceiver_config:", "  backend: DEFAULT"),
                        List.of("--host 0.0.0.0", "--port " + DECODE_PORT))
                : ServingCommands.sglang(decode, List.of("--disaggregation-mode decode")));
        if (trtllm) {
            lines.addAll(orchestrator(d));
        }
        double peak = e.serving().peakRequestsPerSecond();
        lines.add("");
        lines.add("# Measure the fleet through the router at the peak (LoopLine sized both pools for it):");
        lines.add("#   vllm bench serve --base-url http://ROUTER:8000 --model " + checkpoint + " --dataset-name random \\");
        lines.add("#     --random-input-len " + Math.round(prefill.promptTokens()) + " --random-output-len " + Math.round(prefill.outputTokens())
                + " --ignore-eos --request-rate " + String.format(java.util.Locale.ROOT, "%.3g", peak) + " --num-prompts "
                + Math.max(100, Math.round(120 * peak)));
        return lines;
    }

    /** The ports the TensorRT-LLM workers listen on; the orchestrator takes the fleet's 8000. */
    static final int PREFILL_PORT = 8001;
    static final int DECODE_PORT = 8002;

    /**
     * TensorRT-LLM's orchestrator: it sends each request to a context (prefill) worker, then to a generation (decode) worker
     * with the KV. The workers' hosts come from PREFILL_HOSTS and DECODE_HOSTS, one per replica.
     */
    private static List<String> orchestrator(Disaggregation d) {
        return List.of("",
                "# Orchestrator, on the host the clients call: set PREFILL_HOSTS and DECODE_HOSTS to the pools' hosts, "
                        + formatCount(d.prefill().replicas()) + " and " + formatCount(d.decode().replicas()) + " of them.",
                "{",
                "  echo \"hostname: 0.0.0.0\"",
                "  echo \"port: 8000\"",
                "  echo \"backend: pytorch\"",
                "  echo \"context_servers:\"",
                "  echo \"  num_instances: " + d.prefill().replicas() + "\"",
                "  echo \"  urls:\"",
                "  for h in ${PREFILL_HOSTS:?set PREFILL_HOSTS to the prefill hosts}; do echo \"    - \\\"$h:" + PREFILL_PORT + "\\\"\"; done",
                "  echo \"generation_servers:\"",
                "  echo \"  num_instances: " + d.decode().replicas() + "\"",
                "  echo \"  urls:\"",
                "  for h in ${DECODE_HOSTS:?set DECODE_HOSTS to the decode hosts}; do echo \"    - \\\"$h:" + DECODE_PORT + "\\\"\"; done",
                "} > loopline-disagg.yaml",
                "trtllm-serve disaggregated -c loopline-disagg.yaml");
    }

    private static String connector(String role) {
        return "--kv-transfer-config '{\"kv_connector\":\"NixlConnector\",\"kv_role\":\"" + role + "\"}'";
    }
}
