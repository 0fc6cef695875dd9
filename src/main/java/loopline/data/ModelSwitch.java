package loopline.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loopline.engine.ScenarioField;
import loopline.engine.ScenarioFields;
import loopline.engine.model.ModelArchitecture;

/**
 * A model chosen in the window that keeps the scenario valid: a tensor-parallel degree the scenario pins and the new
 * model's heads do not split evenly (phi-4's 10 KV heads and the default preset's TP 8) becomes the largest divisor
 * of it that does, so the cluster still splits into TP × PP groups; the changes are one line to show. {@code --set}
 * does not use this: a typed value that breaks the rule is refused, naming it.
 */
public record ModelSwitch(ScenarioDocument document, List<String> notes) {
    private static final List<ScenarioField<Double>> DEGREES = List.of(ScenarioFields.TRAINING_TP, ScenarioFields.SERVING_TP);

    /** {@code next} with its pinned tensor-parallel degrees fitted to its model, or unchanged when they fit already. */
    public static ModelSwitch fitting(ScenarioDocument next, Catalogs catalogs, String source) {
        ModelArchitecture model;
        try {
            model = ScenarioReader.modelOf(next, catalogs, source);
        } catch (InvalidDataException e) {
            return new ModelSwitch(next, List.of()); // a model that does not resolve: binding the document names it
        }
        ScenarioDocument fitted = next;
        List<String> changes = new ArrayList<>();
        for (ScenarioField<Double> f : DEGREES) {
            int tp = pinned(next, f);
            if (tp > 0 && ScenarioFields.headsSplitProblem(model, tp) != null) {
                int fit = largestDivisorThatSplits(model, tp);
                fitted = fitted.with(f, (double) fit);
                changes.add(String.format(Locale.ROOT, "%s %d → %d", f == ScenarioFields.TRAINING_TP ? "training" : "serving", tp, fit));
            }
        }
        // one line, short enough for the window's status line at 1280 px
        return new ModelSwitch(fitted, changes.isEmpty() ? List.of()
                : List.of("Tensor parallel fitted to " + model.name() + "'s " + heads(model) + ": " + String.join(", ", changes)));
    }

    private static int pinned(ScenarioDocument d, ScenarioField<Double> f) {
        Double v = d.get(f);
        return v == null ? 0 : v.intValue();
    }

    /** 1 always splits, so there is one; a divisor keeps gpuCount a multiple of TP × PP. */
    private static int largestDivisorThatSplits(ModelArchitecture m, int tp) {
        for (int d = tp - 1; d > 1; d--) {
            if (tp % d == 0 && ScenarioFields.headsSplitProblem(m, d) == null) {
                return d;
            }
        }
        return 1;
    }

    private static String heads(ModelArchitecture m) {
        long heads = Math.round(m.attentionHeads());
        long kv = Math.round(m.kvHeads());
        String full = m.mla() != null || kv == heads ? heads + " attention heads" : heads + " attention heads and " + kv + " KV heads";
        if (!m.mixedAttentionShapes()) {
            return full;
        }
        long localKv = Math.round(m.localAttentionShape().kvHeads());
        return full + " (" + localKv + " KV heads on its sliding-window layers)";
    }
}
