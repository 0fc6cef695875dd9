package loopline.present;

import static loopline.present.Format.formatNumber;
import static loopline.present.Format.formatParameters;
import static loopline.present.Format.formatPercent;
import static loopline.present.Format.formatUsd;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import loopline.engine.Estimate;
import loopline.engine.Scenario;
import loopline.engine.ScenarioField;
import loopline.engine.ScenarioFields;
import loopline.engine.economics.Uncertainty;
import loopline.engine.economics.Economics;
import loopline.engine.hardware.Gpu;
import loopline.engine.model.ModelArchitecture;

/** The words of a report: the inputs that matter, what the estimates count and leave out, where prices come from. */
public final class ReportText {

    public record Row(String label, String value) {
    }

    public record Section(String title, Side side, List<Row> rows) {
    }

    /** An input that differs between a baseline scenario (A) and the one compared with it (B). */
    public record Change(String label, String before, String after) {
    }

    /** What the estimates count and leave out; the serving memory sentence states this scenario's settings. */
    public static String assumptions(Scenario s) {
        return "Estimates, not measurements. Training memory: " + TrainingMethodText.statesInWords(s.training().method())
                + ", activations derived for the architecture and recompute policy (s² scores only with eager attention and no "
                + "recompute), logits, FSDP's gathered weights and fp8 weight copies, 1 GB context + " + formatPercent(s.training().allocatorFragmentation()) + " fragmentation. Training time: "
                + TrainingMethodText.flopsInWords(s.training().method())
                + " + attention FLOPs at the MFU the GPU's measured kernels give at the step's shapes (or the one set), with "
                + "exposed tensor- and expert-parallel traffic, plus the pipeline bubble, the all-reduce the backward "
                + "cannot hide and GPUs the global batch leaves idle, over goodput. "
                + "Serving: weights + " + (s.inference().pagedKvCache() ? "paged" : "unpaged") + " KV cache in "
                + formatPercent(s.inference().gpuMemoryUtilization()) + " of GPU memory; "
                + (s.inference().continuousBatching()
                        ? "continuous batching with chunked prefill solved in steady state (engine steps as rooflines against "
                        : "static batches that wait for their longest answer (engine steps as rooflines against ")
                + "measured matmul rates and achieved bandwidth), " + (s.inference().arrivalCv() == 1 ? "Poisson arrivals"
                        : "arrivals with a " + Format.formatNumber(s.inference().arrivalCv()) + " coefficient of variation")
                + " at peak traffic, replicas sized so the speed and p99 first-token targets hold; a month is 30 days. "
                + "Energy: GPU power from its tensor-core use (fitted to ML.ENERGY's measurements) × server overhead × PUE; "
                + "the prefill/decode split is a comparison, not the fleet the other figures describe. "
                + "Left out: staff, data, failed runs, storage, networking, embodied carbon, water, context "
                + "parallelism in training, preemption. Fields not listed above take their defaults "
                + "(README: Scenario fields). " + rangesInWords(s);
    }

    /** What the ranges in brackets are made of: each uncertain input with its low and high end for this scenario. */
    public static String rangesInWords(Scenario s) {
        StringBuilder b = new StringBuilder("Ranges in brackets: every figure at each side's uncertain inputs all at their "
                + "optimistic or all at their pessimistic end — ");
        String sep = "";
        for (Uncertainty.Spread spread : Uncertainty.INPUTS) {
            double[] v = spread.values(s);
            b.append(sep).append(spread.field().label()).append(' ')
                    .append(formatNumber(v[0])).append('–').append(formatNumber(v[1]));
            sep = ", ";
        }
        return b.append(" — the likely figure first.").toString();
    }

    private ReportText() {
    }

    /**
     * The model, then each side's fields as declared in {@link ScenarioFields}: the choices, those this scenario
     * sets away from a fixed default, and those whose default follows the scenario (tokens, prices, the serving GPU).
     */
    public static List<Section> inputs(Scenario s) {
        return List.of(model(s.model()), fields("Training", Side.TRAINING, "training.", s),
                fields("Serving", Side.INFERENCE, "inference.", s));
    }

    private static Section model(ModelArchitecture m) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Model", m.name()));
        rows.add(new Row("Parameters", formatParameters(m.totalParameters())
                + (m.moe() != null ? " (" + formatParameters(m.activeParameters()) + " active)" : "")));
        rows.add(new Row("Layers · hidden", formatNumber(m.layers()) + " · " + Format.formatWhole(m.hiddenSize())));
        rows.add(new Row("Heads · KV heads", formatNumber(m.attentionHeads()) + " · " + ModelSummary.kvHeadsWords(m)));
        rows.add(new Row("FFN · vocabulary", Format.formatWhole(m.moe() != null ? m.moe().expertFfnSize() : m.ffnSize())
                + (m.moe() != null ? " × " + formatNumber(m.moe().experts()) + " experts, top " + formatNumber(m.moe().activeExperts()) : "")
                + " · " + Format.formatWhole(m.vocabSize())));
        List<String> features = ModelSummary.features(m);
        if (!features.isEmpty()) {
            rows.add(new Row("Features", String.join(", ", features)));
        }
        return new Section("Model", Side.BOTH, rows);
    }

    private static Section fields(String title, Side side, String prefix, Scenario s) {
        List<Row> rows = new ArrayList<>();
        for (ScenarioField<?> f : ScenarioFields.ALL) {
            boolean inSection = f.path().startsWith(prefix) || side == Side.INFERENCE && f.path().startsWith("economics.");
            if (inSection && worthShowing(f, s)) {
                rows.add(new Row(f.label(), FieldText.value(f, s)));
            }
        }
        return new Section(title, side, rows);
    }

    /**
     * Number formats and the optimizer always (they define the run); the adapters' rank and targets whenever adapters
     * train, never otherwise (they change nothing then); other fields, the method included, when the scenario moved them.
     */
    private static <T> boolean worthShowing(ScenarioField<T> f, Scenario s) {
        if (f == ScenarioFields.LORA_RANK || f == ScenarioFields.LORA_TARGETS) {
            return s.training().method().trainsAdapters();
        }
        if (f == ScenarioFields.TRAINING_METHOD) {
            return f.get(s) != f.defaultFor(s);
        }
        T fixedDefault = f.hasDerivedDefault() ? null : f.defaultFor(s);
        return f.kind() == ScenarioField.Kind.CHOICE || fixedDefault == null || !fixedDefault.equals(f.get(s));
    }

    /** Where the default prices come from (a price set in the scenario says so). */
    public static String priceSources(Scenario s) {
        StringBuilder b = new StringBuilder("Prices: ");
        appendPrice(b, s, "training", s.training().gpu(), s.training().pricePerGpuHourUsd());
        if (s.inference().gpu() != s.training().gpu() || s.inference().pricePerGpuHourUsd() != s.training().pricePerGpuHourUsd()) {
            b.append(" | ");
            appendPrice(b, s, "serving", s.inference().gpu(), s.inference().pricePerGpuHourUsd());
        }
        return b.toString();
    }

    private static void appendPrice(StringBuilder b, Scenario s, String side, Gpu g, double price) {
        b.append(side).append(' ').append(g.name()).append(' ').append(formatUsd(price)).append("/h");
        Economics economics = s.economics();
        if (economics.owned() && g.hasPurchasePrice() && price == economics.pricePerGpuHourUsd(g, s.energy().serverOverhead())) {
            b.append(" owned + electricity (purchase ").append(formatUsd(g.purchaseUsdPerGpu())).append(" over ")
                    .append(Format.formatNumber(economics.amortisationYears())).append(" years, ").append(g.purchaseSource()).append(')');
        } else if (price == g.pricePerGpuHourUsd()) {
            b.append(" (").append(g.priceDate()).append(": ").append(g.priceSource()).append(')');
        } else {
            b.append(" (set in the scenario)");
        }
    }

    /**
     * The inputs a slide has room for, on one line: the model, how it trains (method, GPUs, tokens) and how it is
     * served (precision, GPU, traffic, request shape).
     */
    public static String essentials(Scenario s) {
        Gpu servingGpu = s.inference().gpu();
        return s.model().name() + " (" + formatParameters(s.model().totalParameters()) + ")"
                + " · " + TrainingMethodText.name(s.training().method()) + ": " + Format.formatWhole(s.training().gpuCount())
                + " × " + GpuSummary.shortName(s.training().gpu()) + ", " + FieldText.value(ScenarioFields.TRAINING_TOKENS, s)
                + " · serving " + FieldText.value(ScenarioFields.SERVING_PRECISION, s) + " on "
                + (servingGpu == s.training().gpu() ? "the same GPU" : GpuSummary.shortName(servingGpu))
                + ", " + FieldText.value(ScenarioFields.REQUESTS_PER_DAY, s) + ", " + Format.formatWhole(s.inference().promptTokens())
                + " → " + Format.formatWhole(s.inference().outputTokens()) + " tokens";
    }

    /**
     * Every input whose value reads differently in B than in the baseline A: the model's rows, then each declared field
     * (name and description aside — the title says those), in the report's order.
     */
    public static List<Change> changes(Scenario baseline, Scenario s) {
        List<Change> changes = new ArrayList<>();
        List<Row> before = model(baseline.model()).rows();
        List<Row> after = model(s.model()).rows();
        Set<String> labels = new LinkedHashSet<>(); // B's rows, then any only A has (a dense B of an MoE A has no "Features")
        after.forEach(r -> labels.add(r.label()));
        before.forEach(r -> labels.add(r.label()));
        for (String label : labels) {
            String was = valueOf(before, label);
            String now = valueOf(after, label);
            if (!was.equals(now)) {
                changes.add(new Change(label, was, now));
            }
        }
        for (ScenarioField<?> f : ScenarioFields.ALL) {
            if (f == ScenarioFields.NAME || f == ScenarioFields.DESCRIPTION) {
                continue;
            }
            String was = FieldText.value(f, baseline);
            String now = FieldText.value(f, s);
            if (!Objects.equals(was, now)) {
                changes.add(new Change(f.label(), was, now));
            }
        }
        return changes;
    }

    /**
     * The key figures whose value reads differently in B than in the baseline A, as "label: A → B"; each card is
     * paired with A's card of the same figure ({@link KeyFigures#counterpart}).
     */
    public static List<Change> figureChanges(List<KeyFigure> baseline, List<KeyFigure> figures) {
        List<Change> changes = new ArrayList<>();
        for (KeyFigure after : figures) {
            KeyFigure before = KeyFigures.counterpart(after, baseline);
            String was = before == null ? Format.NONE : before.value();
            if (!was.equals(after.value())) {
                changes.add(new Change(after.label(), was, after.value()));
            }
        }
        return changes;
    }

    private static String valueOf(List<Row> rows, String label) {
        return rows.stream().filter(r -> r.label().equals(label)).map(Row::value).findFirst().orElse("—");
    }

    /**
     * The key figures as plain text, for the clipboard beside the report's image: title, date, then one line per
     * figure with its unit, range and context — what a slide's speaker notes or a chat message can quote.
     */
    public static String keyFiguresText(Estimate e, LocalDate date) {
        StringBuilder b = new StringBuilder(e.scenario().name()).append('\n');
        b.append("LoopLine estimate, ").append(date).append(" — ").append(essentials(e.scenario())).append('\n');
        for (KeyFigure k : KeyFigures.of(e)) {
            b.append(k.label()).append(": ").append(k.value());
            if (!k.range().isEmpty()) {
                b.append(' ').append(k.range());
            }
            b.append(" — ").append(k.detail()).append('\n');
        }
        for (String warning : Warnings.of(e)) {
            b.append("Note: ").append(warning).append('\n');
        }
        return b.append("Ranges in brackets: the uncertain inputs all at their optimistic or all at their pessimistic end.\n")
                .toString();
    }
}
