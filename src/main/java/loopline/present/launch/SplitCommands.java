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
 * {@code --disaggregation-mode prefill|decode} (SGLang docs, pd_disaggregation). A router in front sends each request to a
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
        List<String> lines = new ArrayList<>();
        lines.add("# " + e.scenario().model().name() + " (" + checkpoint + ") in " + prefill.weights().id() + " on " + prefill.gpuName()
                + ", prefill and decode on separate pools: " + formatCount(d.gpus()) + " GPUs, " + formatUsd(e.withElectricity(d.monthlyCostUsd()))
                + " a month against " + formatUsd(e.serving().monthlyCostUsd()) + " co-located.");
        lines.add("# KV transfer " + formatDuration(d.kvTransferSeconds()) + " a request; the prefill pool meets a p99 first token of "
                + formatDuration(d.prefillFirstTokenTargetSeconds()) + ", the decode pool waits at most "
                + formatDuration(d.decodeFirstTokenP99Seconds()) + " (p99) for a KV slot. Put a router in front (" + (vllm
                ? "vLLM's disaggregated-prefill proxy, llm-d or Dynamo" : "SGLang's router in PD mode") + ").");
        lines.add("");
        lines.add("# Prefill pool: " + formatCount(d.prefill().replicas()) + " replica" + (d.prefill().replicas() == 1 ? "" : "s")
                + " of this command, " + d.prefill().shape().label() + " each.");
        lines.addAll(vllm ? ServingCommands.vllm(prefill, List.of(connector("kv_producer")))
                : ServingCommands.sglang(prefill, List.of("--disaggregation-mode prefill")));
        lines.add("");
        lines.add("# Decode pool: " + formatCount(d.decode().replicas()) + " replica" + (d.decode().replicas() == 1 ? "" : "s")
                + " of this command, " + d.decode().shape().label() + " each.");
        lines.addAll(vllm ? ServingCommands.vllm(decode, List.of(connector("kv_consumer")))
                : ServingCommands.sglang(decode, List.of("--disaggregation-mode decode")));
        double peak = e.serving().peakRequestsPerSecond();
        lines.add("");
        lines.add("# Measure the fleet through the router at the peak (LoopLine sized both pools for it):");
        lines.add("#   vllm bench serve --base-url http://ROUTER:8000 --model " + checkpoint + " --dataset-name random \\");
        lines.add("#     --random-input-len " + Math.round(prefill.promptTokens()) + " --random-output-len " + Math.round(prefill.outputTokens())
                + " --ignore-eos --request-rate " + String.format(java.util.Locale.ROOT, "%.3g", peak) + " --num-prompts "
                + Math.max(100, Math.round(120 * peak)));
        return lines;
    }

    private static String connector(String role) {
        return "--kv-transfer-config '{\"kv_connector\":\"NixlConnector\",\"kv_role\":\"" + role + "\"}'";
    }
}
