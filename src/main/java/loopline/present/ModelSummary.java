package loopline.present;

import static loopline.present.Format.formatCount;
import static loopline.present.Format.formatNumber;
import static loopline.present.Format.formatParameters;
import static loopline.present.Format.formatPercent;
import static loopline.present.Format.formatWhole;

import java.util.ArrayList;
import java.util.List;
import loopline.engine.model.AttentionShape;
import loopline.engine.model.HybridLayers;
import loopline.engine.model.ModelArchitecture;
import loopline.engine.model.Moe;
import loopline.engine.model.SlidingWindow;

/** What a model is, in a line: in the model picker, under it, and in the README's model table. */
public final class ModelSummary {
    public static final String DERIVED_PICKER_LABEL = "Derived model (size slider)";

    private ModelSummary() {
    }

    /** The model picker's text for a model that is not a catalog entry. */
    public static String pickerLabel(ModelArchitecture m) {
        return m.derived() ? DERIVED_PICKER_LABEL : m.name() + " (not in the catalog)";
    }

    public static String of(ModelArchitecture m) {
        if (m.derived()) {
            return "Derived architecture: " + shape(m) + ", vocabulary " + formatWhole(m.vocabSize())
                    + " (Llama-shaped, " + formatParameters(m.totalParameters()) + ")";
        }
        String prefix = m.id().equals("custom") ? m.name() + " (inline architecture, " + formatParameters(m.totalParameters()) + "): " : "";
        return prefix + shape(m) + features(m).stream().map(f -> " · " + f).reduce("", String::concat);
    }

    /** The attention, MoE and bias features the estimates take into account, each a short phrase. */
    public static List<String> features(ModelArchitecture m) {
        List<String> f = new ArrayList<>();
        if (m.mla() != null) {
            f.add("MLA (latent " + formatWhole(m.mla().kvLoraRank()) + ")");
        }
        Moe moe = m.moe();
        if (moe != null) {
            f.add("MoE " + formatNumber(moe.activeExperts()) + " of " + formatNumber(moe.experts())
                    + (moe.sharedExperts() > 0 ? " + " + formatNumber(moe.sharedExperts()) + " shared" : "")
                    + (moe.denseLayers() > 0 && m.denseMlpLayers() > 0 ? ", first " + formatNumber(m.denseMlpLayers()) + " dense" : "")
                    + (moe.layerStep() > 1 ? ", every " + ordinal(moe.layerStep()) + " layer" : ""));
        }
        if (m.sparse() != null) {
            f.add("sparse attention: top " + formatCount(m.sparse().topK()) + " tokens by an indexer of "
                    + formatNumber(m.sparse().indexerHeads()) + " heads");
        }
        HybridLayers hybrid = m.hybrid();
        if (hybrid != null) {
            f.add(hybridWords(m));
        }
        SlidingWindow w = m.slidingWindow();
        if (w != null) {
            f.add((w.chunked() ? "chunked " : "window ") + formatCount(w.tokens()) + " on " + formatPercent(w.layerShare()) + " of layers"
                    + (m.mixedAttentionShapes() ? " (" + headsWords(m.localAttentionShape()) + " there)" : ""));
        }
        if (m.keyIsValue()) {
            f.add("key is value on the full layers");
        }
        if (m.linearBias()) {
            f.add("biases");
        } else if (m.qkvBias()) {
            f.add("QKV biases");
        }
        return f;
    }

    /**
     * A hybrid's layer mix as a room would ask about it: "48 of 64 layers Gated DeltaNet linear attention: KV grows on 16".
     */
    public static String hybridWords(ModelArchitecture m) {
        HybridLayers h = m.hybrid();
        List<String> parts = new ArrayList<>();
        if (h.mixer() != null) {
            parts.add(formatNumber(h.recurrentLayers()) + " of " + formatNumber(m.layers()) + " layers " + h.mixer().kind().words()
                    + ": KV grows on " + formatNumber(m.attentionLayers()));
        }
        if (h.layersWithoutMixer() > 0) {
            parts.add(formatNumber(h.layersWithoutMixer()) + " of " + formatNumber(m.layers()) + " layers an MLP without attention: KV grows on "
                    + formatNumber(m.attentionLayers()));
        }
        if (h.layersWithoutMlp() > 0) {
            parts.add(formatNumber(h.layersWithoutMlp()) + " without an MLP");
        }
        if (h.mlpWidthsVary()) {
            parts.add("MLP widths " + formatWhole(h.narrowestMlp()) + "–" + formatWhole(h.widestMlp()) + " by layer (mean "
                    + formatWhole(m.ffnSize()) + ")");
        }
        return String.join("; ", parts);
    }

    private static String shape(ModelArchitecture m) {
        return formatNumber(m.layers()) + " layers · hidden " + formatWhole(m.hiddenSize()) + " · "
                + formatNumber(m.attentionHeads()) + " heads / " + formatNumber(m.kvHeads()) + " KV" + windowKvHeads(m);
    }

    /** KV heads as a room would ask about them: "8", "MLA latent 512", or "2 (8 on window layers)". */
    public static String kvHeadsWords(ModelArchitecture m) {
        if (m.mla() != null) {
            return "MLA latent " + formatNumber(m.mla().kvLoraRank());
        }
        return formatNumber(m.kvHeads()) + windowKvHeads(m);
    }

    /** " (8 on window layers)" where the window layers have KV heads of their own, else nothing. */
    private static String windowKvHeads(ModelArchitecture m) {
        return m.mixedAttentionShapes() ? " (" + formatNumber(m.localAttentionShape().kvHeads()) + " on window layers)" : "";
    }

    /** One kind of layer's heads: "16 heads, 8 KV heads of 256", or "…, 8 KV heads, keys of 192 and values of 128". */
    static String headsWords(AttentionShape s) {
        String kv = formatNumber(s.heads()) + " heads, " + formatNumber(s.kvHeads()) + " KV heads";
        return s.valueHeadDim() == s.queryKeyHeadDim() ? kv + " of " + formatNumber(s.queryKeyHeadDim())
                : kv + ", keys of " + formatNumber(s.queryKeyHeadDim()) + " and values of " + formatNumber(s.valueHeadDim());
    }

    private static String ordinal(double n) {
        return n == 2 ? "2nd" : n == 3 ? "3rd" : formatNumber(n) + "th";
    }
}
