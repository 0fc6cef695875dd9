package loopline.present;

import static loopline.present.Format.formatCount;
import static loopline.present.Format.formatNumber;
import static loopline.present.Format.formatParameters;
import static loopline.present.Format.formatPercent;
import static loopline.present.Format.formatUsd;

import java.util.ArrayList;
import java.util.List;
import loopline.engine.Gpu;
import loopline.engine.InferenceSetup;
import loopline.engine.ModelArchitecture;
import loopline.engine.Scenario;
import loopline.engine.SpeculativeDecoding;
import loopline.engine.TrainingSetup;

/** The words of a report: the inputs that matter, what the estimates count and leave out, where prices come from. */
public final class ReportText {

    public record Row(String label, String value) {
    }

    public record Section(String title, Side side, List<Row> rows) {
    }

    public static final String ASSUMPTIONS = "Estimates, not measurements. Training memory: mixed-precision model states "
            + "(ZeRO), activations derived for the architecture (FlashAttention-style unless recompute is off), logits, "
            + "1 GB context + 5% fragmentation. Training time: 6·N_active·D + attention FLOPs at the stated MFU and goodput. "
            + "Serving: weights + paged KV cache in 90% of GPU memory; decode and prefill as rooflines against measured "
            + "matmul rates and achieved bandwidth; replicas sized for peak traffic; a month is 30 days. Left out: staff, "
            + "data, failed runs, storage, networking, energy beyond the GPU-hour price, MoE all-to-all traffic, queueing.";

    private ReportText() {
    }

    public static List<Section> inputs(Scenario s) {
        return List.of(model(s.model()), training(s.training()), serving(s.inference(), s.horizonMonths()));
    }

    private static Section model(ModelArchitecture m) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Model", m.name()));
        rows.add(new Row("Parameters", formatParameters(m.totalParameters())
                + (m.moe() != null ? " (" + formatParameters(m.activeParameters()) + " active)" : "")));
        rows.add(new Row("Layers · hidden", formatNumber(m.layers()) + " · " + Format.formatWhole(m.hiddenSize())));
        rows.add(new Row("Heads · KV heads", formatNumber(m.attentionHeads()) + " · "
                + (m.mla() != null ? "MLA latent " + formatNumber(m.mla().kvLoraRank()) : formatNumber(m.kvHeads()))));
        rows.add(new Row("FFN · vocabulary", Format.formatWhole(m.moe() != null ? m.moe().expertFfnSize() : m.ffnSize())
                + (m.moe() != null ? " × " + formatNumber(m.moe().experts()) + " experts, top " + formatNumber(m.moe().activeExperts()) : "")
                + " · " + Format.formatWhole(m.vocabSize())));
        if (m.slidingWindow() != null) {
            rows.add(new Row("Sliding window", formatCount(m.slidingWindow().tokens()) + " tokens in "
                    + formatPercent(m.slidingWindow().layerShare()) + " of layers"));
        }
        return new Section("Model", Side.BOTH, rows);
    }

    private static Section training(TrainingSetup t) {
        return new Section("Training", Side.TRAINING, List.of(
                new Row("Hardware", Format.formatWhole(t.gpuCount()) + " × " + t.gpu().name()),
                new Row("Precision · optimizer", t.precision().id() + " · " + t.optimizer().id()),
                new Row("Tokens · sequence", formatCount(t.tokens()) + " · " + formatCount(t.sequenceLength())),
                new Row("Parallelism", "ZeRO " + t.zeroStage() + " · TP " + t.tensorParallel() + " · PP " + t.pipelineParallel()
                        + " · DP " + t.dataParallel() + " · micro-batch " + formatNumber(t.microBatchSize())),
                new Row("Recompute", t.activationRecompute().id()),
                new Row("MFU · goodput", formatPercent(t.mfu()) + " · " + formatPercent(t.goodput())),
                new Row("Price", formatUsd(t.pricePerGpuHourUsd()) + " per GPU-hour")));
    }

    private static Section serving(InferenceSetup i, double horizon) {
        SpeculativeDecoding spec = i.speculativeDecoding();
        String optimisations = (i.pagedKvCache() ? "paged KV" : "unpaged KV")
                + (i.prefixCacheHitRate() > 0 ? " · prefix cache " + formatPercent(i.prefixCacheHitRate()) : "")
                + (spec.enabled() ? " · speculative k=" + spec.draftTokens() + " α=" + formatNumber(spec.acceptanceRate()) : "");
        return new Section("Serving", Side.INFERENCE, List.of(
                new Row("Hardware", i.gpu().name() + (i.tensorParallel() > 0 ? " · TP " + i.tensorParallel() : " · TP auto")),
                new Row("Weights · KV cache", i.precision().id() + " · " + i.kvCachePrecision().id()),
                new Row("Traffic", formatCount(i.requestsPerDay()) + " requests/day · peak ×" + formatNumber(i.peakToAverage())),
                new Row("Tokens per request", formatCount(i.promptTokens()) + " in · " + formatCount(i.outputTokens()) + " out"),
                new Row("Speed target", formatNumber(i.targetTokensPerSecondPerUser()) + " tokens/s per user"),
                new Row("Efficiencies", "bandwidth " + formatPercent(i.memoryBandwidthEfficiency()) + " · compute "
                        + formatPercent(i.computeEfficiency())),
                new Row("Optimisations", optimisations),
                new Row("Price · horizon", formatUsd(i.pricePerGpuHourUsd()) + " per GPU-hour · " + formatNumber(horizon) + " months")));
    }

    /** Where the default prices come from (a price set in the scenario says so). */
    public static String priceSources(Scenario s) {
        StringBuilder b = new StringBuilder("Prices: ");
        appendPrice(b, "training", s.training().gpu(), s.training().pricePerGpuHourUsd());
        if (s.inference().gpu() != s.training().gpu() || s.inference().pricePerGpuHourUsd() != s.training().pricePerGpuHourUsd()) {
            b.append(" | ");
            appendPrice(b, "serving", s.inference().gpu(), s.inference().pricePerGpuHourUsd());
        }
        return b.toString();
    }

    private static void appendPrice(StringBuilder b, String side, Gpu g, double price) {
        b.append(side).append(' ').append(g.name()).append(' ').append(formatUsd(price)).append("/h");
        if (price == g.pricePerGpuHourUsd()) {
            b.append(" (").append(g.priceDate()).append(": ").append(g.priceSource()).append(')');
        } else {
            b.append(" (set in the scenario)");
        }
    }
}
