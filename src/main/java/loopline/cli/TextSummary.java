package loopline.cli;

import java.util.List;
import java.util.Locale;
import loopline.engine.Estimate;
import loopline.present.ColumnHeading;
import loopline.present.Explanation;
import loopline.present.Explanations;
import loopline.present.Figure;
import loopline.present.KeyFigure;
import loopline.present.KeyFigures;
import loopline.present.ReportText;
import loopline.present.TrainingMethodText;

/** The estimate as a person reads it in a terminal: every key figure with the formula behind it. */
final class TextSummary {
    private static final Figure[] TRAINING = {Figure.TRAINING_BYTES_PER_PARAMETER, Figure.TRAINING_MODEL_STATES_TOTAL,
            Figure.TRAINING_TRAINABLE_PARAMETERS,
            Figure.TRAINING_MEMORY_PER_GPU, Figure.TRAINING_MIN_GPUS, Figure.TRAINING_FLOPS, Figure.TRAINING_TOKENS_PER_SECOND,
            Figure.TRAINING_DAYS, Figure.TRAINING_COST};
    private static final Figure[] INFERENCE = {Figure.INFERENCE_BYTES_PER_PARAMETER, Figure.INFERENCE_KV_PER_TOKEN,
            Figure.INFERENCE_GPUS_PER_REPLICA, Figure.INFERENCE_MEMORY_PER_GPU, Figure.TIME_TO_FIRST_TOKEN,
            Figure.TOKENS_PER_SECOND_PER_USER, Figure.REPLICA_THROUGHPUT, Figure.SERVING_GPUS, Figure.MONTHLY_SERVING_COST,
            Figure.COST_PER_REQUEST};
    private static final Figure[] ECONOMICS = {Figure.TRAINING_COST_PER_REQUEST, Figure.BREAK_EVEN, Figure.API_COMPARISON};

    private TextSummary() {
    }

    static String of(Estimate e, List<String> warnings) {
        StringBuilder b = new StringBuilder();
        b.append(e.scenario().name()).append('\n');
        if (!e.scenario().description().isEmpty()) {
            b.append(e.scenario().description()).append('\n');
        }
        b.append("Model: ").append(e.scenario().model().name()).append('\n');
        b.append("\nKEY FIGURES (likely, then the range)\n");
        for (KeyFigure k : KeyFigures.of(e)) {
            b.append(String.format(Locale.ROOT, "  %-42s %s%n", k.label(), k.range().isEmpty() ? k.value() : k.value() + " " + k.range()));
        }
        ColumnHeading training = TrainingMethodText.heading(e);
        section(b, training.title().toUpperCase(Locale.ROOT) + " (" + training.subtitle() + ")", TRAINING, e);
        section(b, "INFERENCE — a straight line (one forward pass per token)", INFERENCE, e);
        section(b, "ECONOMICS", ECONOMICS, e);
        b.append('\n').append(ReportText.rangesInWords(e.scenario())).append('\n');
        if (!warnings.isEmpty()) {
            b.append("\nWARNINGS\n");
            warnings.forEach(w -> b.append("  ! ").append(w).append('\n'));
        }
        return b.toString();
    }

    /** What {@code --baseline} adds: scenario A's name, then the inputs and the key figures that differ, A → B. */
    static String comparison(Estimate baseline, Estimate e) {
        StringBuilder b = new StringBuilder("\nCOMPARED WITH A: ").append(baseline.scenario().name()).append('\n');
        changes(b, "inputs that differ", ReportText.changes(baseline.scenario(), e.scenario()));
        changes(b, "key figures that differ", ReportText.figureChanges(KeyFigures.of(baseline), KeyFigures.of(e)));
        return b.toString();
    }

    private static void changes(StringBuilder b, String title, List<ReportText.Change> changes) {
        b.append("  ").append(title).append(changes.isEmpty() ? ": none\n" : ", A → B\n");
        for (ReportText.Change c : changes) {
            b.append(String.format(Locale.ROOT, "    %-40s %s → %s%n", c.label(), c.before(), c.after()));
        }
    }

    private static void section(StringBuilder b, String title, Figure[] figures, Estimate e) {
        b.append('\n').append(title).append('\n');
        for (Figure f : figures) {
            Explanation x = Explanations.explain(f, e);
            b.append(String.format(Locale.ROOT, "  %-42s %s%n", x.title(), x.result()));
            b.append("      ").append(x.formula().replace("\n", "\n      ")).append('\n');
        }
    }
}
