package loopline.present;

import static loopline.present.Format.formatNumber;
import static loopline.present.Format.formatParameters;
import static loopline.present.Format.formatWhole;

import loopline.engine.ModelArchitecture;

/** The one line under the model picker that says what the scenario's model is. */
public final class ModelSummary {
    private ModelSummary() {
    }

    public static String of(ModelArchitecture m) {
        if (m.derived()) {
            return "Derived architecture: " + shape(m) + ", vocabulary " + formatWhole(m.vocabSize())
                    + " (Llama-shaped, " + formatParameters(m.totalParameters()) + ")";
        }
        String prefix = m.id().equals("custom") ? m.name() + " (inline architecture, " + formatParameters(m.totalParameters()) + "): " : "";
        return prefix + shape(m)
                + (m.moe() != null ? " · MoE " + formatNumber(m.moe().activeExperts()) + " of " + formatNumber(m.moe().experts()) : "")
                + (m.mla() != null ? " · MLA" : "");
    }

    private static String shape(ModelArchitecture m) {
        return formatNumber(m.layers()) + " layers · hidden " + formatWhole(m.hiddenSize()) + " · "
                + formatNumber(m.attentionHeads()) + " heads / " + formatNumber(m.kvHeads()) + " KV";
    }
}
