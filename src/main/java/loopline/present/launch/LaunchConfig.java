package loopline.present.launch;

import static loopline.present.Format.formatCount;
import static loopline.present.Format.formatDuration;
import static loopline.present.Format.formatNumber;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loopline.engine.Estimate;

/**
 * The launch command for the shape an estimate chose, in one launcher's form: a short shell script whose values are the
 * ones the estimate assumed, with a header saying what LoopLine expects of it and how to measure that. Writing the file
 * is the caller's (the export command, the window); this only composes the text.
 */
public final class LaunchConfig {
    /** Longest comment line. */
    static final int WIDTH = 110;

    private LaunchConfig() {
    }

    /**
     * The script, or an {@link IllegalArgumentException} saying in one line why there is none (the model does not fit, or
     * the launcher cannot run this method).
     *
     * @param checkpoint the Hugging Face repository or local path to load: the catalog's, or the imported config's folder
     * @param stamp      "LoopLine 0.1.0 · 2026-12-07", to say where and when the file came from
     */
    public static String of(LaunchFormat format, Estimate e, String checkpoint, String stamp) {
        List<String> lines = new ArrayList<>();
        lines.add("#!/bin/sh");
        lines.add("# Written by " + stamp + ": the " + format.label() + " launch for \"" + e.scenario().name() + "\".");
        if (format.serving()) {
            if (!e.serving().servable()) {
                throw new IllegalArgumentException("no " + format.label() + " launch: " + e.scenario().model().name()
                        + " does not fit on " + e.scenario().inference().gpu().name() + " at this precision and shape");
            }
            if (format == LaunchFormat.VLLM_SPLIT || format == LaunchFormat.SGLANG_SPLIT || format == LaunchFormat.TRTLLM_SPLIT) {
                lines.addAll(SplitCommands.lines(format, e, checkpoint));
            } else {
                ServingLaunch s = ServingLaunch.of(e, checkpoint);
                lines.addAll(servingHeader(s));
                lines.addAll(switch (format) {
                    case VLLM -> ServingCommands.vllm(s);
                    case SGLANG -> ServingCommands.sglang(s);
                    case TRTLLM -> ServingCommands.trtllm(s);
                    default -> throw new IllegalStateException(format + " is not a co-located serving engine");
                });
                lines.addAll(benchmark(s, format == LaunchFormat.SGLANG ? SGLANG_PORT : DEFAULT_PORT));
            }
        } else {
            lines.addAll(MegatronCommand.lines(e));
        }
        List<String> wrapped = new ArrayList<>();
        lines.forEach(line -> wrapped.addAll(wrapComment(line)));
        return String.join("\n", wrapped) + "\n";
    }

    /** Comment lines wrap at {@value #WIDTH} characters, so the script reads in a terminal; commands (and "#   " examples) stay whole. */
    static List<String> wrapComment(String line) {
        if (!line.startsWith("# ") || line.startsWith("#   ") || line.length() <= WIDTH) {
            return List.of(line);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder("#");
        for (String word : line.substring(2).split(" ")) {
            if (current.length() + 1 + word.length() > WIDTH && current.length() > 1) {
                out.add(current.toString());
                current = new StringBuilder("#");
            }
            current.append(' ').append(word);
        }
        out.add(current.toString());
        return out;
    }

    private static List<String> servingHeader(ServingLaunch s) {
        List<String> h = new ArrayList<>();
        h.add("# " + s.modelName() + " (" + s.checkpoint() + ") in " + s.weights().id() + " on " + s.gpuName() + ": "
                + formatCount(s.replicas()) + " replica" + (s.replicas() == 1 ? "" : "s") + " of this command behind a load balancer, "
                + s.shape().gpus() + " GPU" + (s.shape().gpus() == 1 ? "" : "s") + " each (" + s.shape().label() + "; "
                + formatCount(s.totalGpus()) + " GPUs in all).");
        h.add("# LoopLine expects each replica " + (s.closedLoop() ? "at " + s.concurrency() + " concurrent requests"
                : "at its share of the peak, " + formatNumber(s.peakRequestsPerSecondPerReplica()) + " requests/s") + ", with "
                + formatCount(s.promptTokens()) + "-token prompts and " + formatCount(s.outputTokens()) + "-token answers: time to first token p50 "
                + formatDuration(s.ttftP50Seconds()) + ", p99 " + formatDuration(s.ttftP99Seconds()) + "; "
                + formatNumber(s.tokensPerSecondPerUser()) + " tokens/s per user; " + formatCount(s.inFlight()) + " requests in flight.");
        return h;
    }

    /** The port each engine serves on unless told: vLLM and trtllm-serve 8000, SGLang 30000. */
    static final int DEFAULT_PORT = 8000;
    static final int SGLANG_PORT = 30000;

    /** The benchmark that measures what the header expects: vLLM's client speaks to every OpenAI-compatible server. */
    static List<String> benchmark(ServingLaunch s, int port) {
        String load = s.closedLoop() ? "--max-concurrency " + s.concurrency() + " --request-rate inf"
                : "--request-rate " + String.format(Locale.ROOT, "%.3g", s.peakRequestsPerSecondPerReplica());
        long prompts = Math.max(100, Math.round(s.closedLoop() ? 10.0 * s.concurrency() : 120 * s.peakRequestsPerSecondPerReplica()));
        return List.of("", "# Measure it against the numbers above (from another shell, once the server is up):",
                "#   vllm bench serve --base-url http://localhost:" + port + " --model " + s.checkpoint() + " --dataset-name random \\",
                "#     --random-input-len " + Math.round(s.promptTokens()) + " --random-output-len " + Math.round(s.outputTokens())
                        + " --ignore-eos " + load + " --num-prompts " + prompts);
    }

    /** A command's lines, continued with backslashes: the first is the command, each flag on its own line. */
    static List<String> command(String head, List<String> flags) {
        List<String> lines = new ArrayList<>();
        lines.add(head + (flags.isEmpty() ? "" : " \\"));
        for (int k = 0; k < flags.size(); k++) {
            lines.add("  " + flags.get(k) + (k < flags.size() - 1 ? " \\" : ""));
        }
        return lines;
    }
}
