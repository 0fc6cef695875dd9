package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import loopline.engine.model.AttentionShape;
import loopline.engine.model.HybridLayers;
import loopline.engine.model.ModelArchitecture;
import loopline.engine.model.RecurrentMixer;
import loopline.engine.model.SparseAttention;
import loopline.engine.model.Moe;
import loopline.engine.model.MultiHeadLatentAttention;
import loopline.engine.model.SlidingWindow;

/**
 * Reads {@code assets/models.json}. The same entry format describes a custom model inline in a scenario.
 */
public final class ModelCatalog {
    static final Set<String> FIELDS = Set.of("id", "name", "layers", "hiddenSize", "attentionHeads", "kvHeads", "headDim",
            "ffnSize", "ffnWidths", "vocabSize", "tiedEmbeddings", "gatedMlp", "qkvBias", "linearBias", "attention", "moe",
            "slidingWindow", "hybrid", "sparseAttention", "publishedParameters", "publishedActiveParameters", "publishedRounded",
            "publishedActiveExcludesInputEmbedding", "publishedActiveExcludesEmbeddings", "maxContext", "source", "notes", "checkpoint");
    private static final Set<String> ATTENTION_FIELDS = Set.of("kind", "qLoraRank", "kvLoraRank", "qkNopeHeadDim",
            "qkRopeHeadDim", "vHeadDim", "keyIsValue");
    private static final Set<String> MOE_FIELDS = Set.of("experts", "activeExperts", "expertFfnSize", "sharedExperts", "denseLayers",
            "layerStep", "expertWeights");
    /** The one shipped expert format that changes the kernel a 4-bit MoE is served with (see Moe.mxfp4Experts). */
    static final String MXFP4 = "mxfp4";
    private static final Set<String> WINDOW_FIELDS = Set.of("tokens", "layerShare", "kind", "attentionHeads", "kvHeads", "headDim",
            "vHeadDim", "keyIsValue");
    private static final Set<String> HYBRID_FIELDS = Set.of("mixer", "recurrentLayers", "layersWithoutMlp", "layersWithoutMixer",
            "gatedAttentionOutput",
            "heads", "headDim", "keyHeads", "keyHeadDim", "groups", "stateSize", "convKernel", "stateBytesPerValue", "chunkSize");
    /** Recurrent mixers by their catalog name. */
    static final Map<String, RecurrentMixer.Kind> MIXERS = Map.of("gated-deltanet", RecurrentMixer.Kind.GATED_DELTANET,
            "mamba2", RecurrentMixer.Kind.MAMBA2);

    // Upper bounds well past any published model (the largest today: 128 layers, hidden 18432, 384 experts,
    // 256k vocabulary, 10M context), so that no entry can overflow the engine's arithmetic.
    private static final double MAX_LAYERS = 1000;
    private static final double MAX_WIDTH = 1_000_000;
    private static final double MAX_HEADS = 10_000;
    private static final double MAX_FFN = 10_000_000;
    private static final double MAX_VOCAB = 10_000_000;
    private static final double MAX_EXPERTS = 100_000;
    private static final double MAX_CONTEXT = 100_000_000;

    private ModelCatalog() {
    }

    /** The catalog's raw entries by id, each checked by parsing it. */
    public static Map<String, JsonNode> readEntries(Path file) {
        return CatalogArray.read(file, "models", (f, id) -> {
            parse(f, id);
            return f.node();
        });
    }

    public static Map<String, ModelArchitecture> parseAll(Map<String, JsonNode> entries, Path file) {
        Map<String, ModelArchitecture> models = new LinkedHashMap<>();
        entries.forEach((id, entry) -> models.put(id, parse(new JsonFields(entry, file + ": models[" + id + "]"), id)));
        return Collections.unmodifiableMap(models);
    }

    /** One architecture; {@code id} is the catalog id, or "custom" for a scenario's inline model. */
    static ModelArchitecture parse(JsonFields f, String id) {
        f.onlyKnown(FIELDS);
        f.optionalText("checkpoint", ""); // the weights a launch configuration loads (Catalogs.checkpointFor): text when present
        double hidden = f.wholeBetween("hiddenSize", 1, MAX_WIDTH);
        double heads = f.wholeBetween("attentionHeads", 1, MAX_HEADS);
        double kvHeads = f.optionalWholeBetween("kvHeads", 1, MAX_HEADS, heads);
        if (kvHeads > heads) {
            throw f.error("kvHeads", "cannot exceed attentionHeads (" + (long) heads + "), got " + (long) kvHeads);
        }
        if (heads % kvHeads != 0) { // grouped-query attention shares each KV head among a whole number of query heads
            throw f.error("kvHeads", "must divide attentionHeads (" + (long) heads + ") evenly, got " + (long) kvHeads);
        }
        if (!f.has("headDim") && hidden % heads != 0) { // the head width defaults to hiddenSize ÷ attentionHeads
            throw f.error("attentionHeads", "must divide hiddenSize (" + (long) hidden + ") evenly unless headDim is given, got "
                    + (long) heads);
        }
        double headDim = f.optionalWholeBetween("headDim", 1, MAX_WIDTH, hidden / heads);
        double vHeadDim = headDim;
        boolean keyIsValue = false;
        MultiHeadLatentAttention mla = null;
        if (f.has("attention")) {
            JsonFields a = f.object("attention");
            a.onlyKnown(ATTENTION_FIELDS);
            String kind = a.text("kind");
            switch (kind) {
                case "mha", "gqa" -> {
                    keyIsValue = a.optionalBool("keyIsValue", false);
                    vHeadDim = valueHeadDim(a, headDim, keyIsValue);
                }
                case "mla" -> mla = new MultiHeadLatentAttention(a.optionalWholeBetween("qLoraRank", 0, MAX_WIDTH, 0),
                        a.wholeBetween("kvLoraRank", 1, MAX_WIDTH), a.wholeBetween("qkNopeHeadDim", 1, MAX_WIDTH),
                        a.wholeBetween("qkRopeHeadDim", 0, MAX_WIDTH), a.wholeBetween("vHeadDim", 1, MAX_WIDTH));
                default -> throw a.error("kind", "must be one of mha, gqa, mla, got \"" + kind + "\"");
            }
        }
        Moe moe = null;
        double layers = f.wholeBetween("layers", 1, MAX_LAYERS);
        if (f.has("moe")) {
            JsonFields m = f.object("moe");
            m.onlyKnown(MOE_FIELDS);
            double experts = m.wholeBetween("experts", 1, MAX_EXPERTS);
            double active = m.wholeBetween("activeExperts", 1, MAX_EXPERTS);
            if (active > experts) {
                throw m.error("activeExperts", "cannot exceed experts (" + (long) experts + ")");
            }
            double denseLayers = m.optionalWholeBetween("denseLayers", 0, MAX_LAYERS, 0);
            if (denseLayers > layers) {
                throw m.error("denseLayers", "cannot exceed layers (" + (long) layers + ")");
            }
            moe = new Moe(experts, active, m.wholeBetween("expertFfnSize", 1, MAX_FFN),
                    m.optionalWholeBetween("sharedExperts", 0, MAX_EXPERTS, 0), denseLayers,
                    m.optionalWholeBetween("layerStep", 1, MAX_LAYERS, 1), mxfp4Experts(m));
            if (layers - denseLayers < moe.layerStep()) { // no layer would hold the experts the serving model spreads over GPUs
                throw m.error(m.has("layerStep") ? "layerStep" : "denseLayers", "leaves no MoE layer among "
                        + (long) layers + " layers (" + (long) denseLayers + " dense first, experts every "
                        + (long) moe.layerStep() + " after)");
            }
        }
        SlidingWindow window = null;
        if (f.has("slidingWindow")) {
            JsonFields w = f.object("slidingWindow");
            w.onlyKnown(WINDOW_FIELDS);
            double share = w.has("layerShare") ? w.positiveUpTo("layerShare", 1) : 1;
            if (share <= 0 || share > 1) {
                throw w.error("layerShare", "must be in (0, 1], got " + share);
            }
            String kind = w.optionalText("kind", "sliding");
            if (!kind.equals("sliding") && !kind.equals("chunked")) {
                throw w.error("kind", "must be sliding or chunked, got \"" + kind + "\"");
            }
            window = new SlidingWindow(w.wholeBetween("tokens", 1, MAX_CONTEXT), share, kind.equals("chunked"), localShape(w, mla));
        }
        checkPublishedFigures(f);
        HybridLayers stack = hybrid(f, layers);
        MlpWidths widths = mlpWidths(f, layers - (moe == null ? 0 : moe.moeLayers(layers)) - (stack == null ? 0 : stack.layersWithoutMlp()));
        HybridLayers hybrid = !widths.vary() ? stack : stack == null ? HybridLayers.ofMlpWidths(widths.narrowest(), widths.widest())
                : stack.withMlpWidths(widths.narrowest(), widths.widest());
        return new ModelArchitecture(id, f.optionalText("name", id), layers, hidden, heads, kvHeads, headDim, vHeadDim, keyIsValue,
                widths.mean(), f.wholeBetween("vocabSize", 1, MAX_VOCAB), f.optionalBool("tiedEmbeddings", false),
                f.optionalBool("gatedMlp", true), f.optionalBool("qkvBias", false), f.optionalBool("linearBias", false),
                moe, mla, window, hybrid, sparse(f), f.has("publishedParameters") ? f.positiveUpTo("publishedParameters", 1e15) : Double.NaN, false,
                f.optionalText("source", "custom architecture"),
                f.has("maxContext") ? f.wholeBetween("maxContext", 1, MAX_CONTEXT) : 0);
    }

    /**
     * {@code hybrid}: which mixer the recurrent layers use and its shape, how many layers it replaces attention in, how
     * many layers carry no MLP. A DeltaNet needs key heads and width; a Mamba-2 groups and a state size.
     */
    /** The value head width: the key's unless given; a layer whose key is its value has no other. */
    private static double valueHeadDim(JsonFields a, double headDim, boolean keyIsValue) {
        double v = a.optionalWholeBetween("vHeadDim", 1, MAX_WIDTH, headDim);
        if (keyIsValue && v != headDim) {
            throw a.error("vHeadDim", "must equal headDim (" + (long) headDim + ") when keyIsValue: the value is the key, got " + (long) v);
        }
        return v;
    }

    /**
     * The local layers' own heads (MiMo-V2-Flash, Gemma 4) when the entry gives them: attentionHeads, kvHeads and headDim
     * together (vHeadDim defaults to headDim); null when the local layers have the model's heads.
     */
    private static AttentionShape localShape(JsonFields w, MultiHeadLatentAttention mla) {
        if (!w.has("attentionHeads") && !w.has("kvHeads") && !w.has("headDim") && !w.has("vHeadDim") && !w.has("keyIsValue")) {
            return null;
        }
        if (mla != null) {
            throw w.error(w.has("kvHeads") ? "kvHeads" : "attentionHeads", "cannot give MLA's sliding-window layers heads of their own");
        }
        double heads = w.wholeBetween("attentionHeads", 1, MAX_HEADS);
        double kvHeads = w.wholeBetween("kvHeads", 1, MAX_HEADS);
        if (kvHeads > heads || heads % kvHeads != 0) {
            throw w.error("kvHeads", "must divide attentionHeads (" + (long) heads + ") evenly, got " + (long) kvHeads);
        }
        double headDim = w.wholeBetween("headDim", 1, MAX_WIDTH);
        boolean keyIsValue = w.optionalBool("keyIsValue", false);
        return new AttentionShape(heads, kvHeads, headDim, valueHeadDim(w, headDim, keyIsValue), keyIsValue);
    }

    /** The dense MLPs' widths: one {@code ffnSize}, or {@code ffnWidths} when they differ by layer. */
    private record MlpWidths(double mean, double narrowest, double widest) {
        boolean vary() {
            return widest > narrowest;
        }
    }

    /**
     * {@code ffnWidths}, a list of {width, layers} that must cover every layer with a dense MLP (Nemotron-NAS prunes each
     * layer's MLP to its own width), or the one {@code ffnSize}. The model's width is their mean: the weights, FLOPs and
     * activations the engine counts are linear in it, so the mean sums them layer by layer.
     */
    private static MlpWidths mlpWidths(JsonFields f, double denseMlpLayers) {
        if (!f.has("ffnWidths")) {
            double width = f.wholeBetween("ffnSize", 1, MAX_FFN);
            return new MlpWidths(width, width, width);
        }
        if (f.has("ffnSize")) {
            throw f.error("ffnSize", "must be left out when ffnWidths gives the widths layer by layer");
        }
        double layers = 0;
        double sum = 0;
        double narrowest = Double.MAX_VALUE;
        double widest = 0;
        for (JsonFields w : f.objects("ffnWidths")) {
            w.onlyKnown(Set.of("width", "layers"));
            double width = w.wholeBetween("width", 1, MAX_FFN);
            double n = w.wholeBetween("layers", 1, MAX_LAYERS);
            layers += n;
            sum += n * width;
            narrowest = Math.min(narrowest, width);
            widest = Math.max(widest, width);
        }
        if (layers != denseMlpLayers) {
            throw f.error("ffnWidths", "must cover the " + (long) denseMlpLayers + " layers with a dense MLP, got " + (long) layers);
        }
        return new MlpWidths(sum / layers, narrowest, widest);
    }

    /**
     * {@code hybrid}: recurrent layers with their {@code mixer}, layers that are a mixer alone ({@code layersWithoutMlp})
     * and layers that are an MLP alone ({@code layersWithoutMixer}); at least one layer attends and one has an MLP.
     */
    private static HybridLayers hybrid(JsonFields f, double layers) {
        if (!f.has("hybrid")) {
            return null;
        }
        JsonFields h = f.object("hybrid");
        h.onlyKnown(HYBRID_FIELDS);
        double withoutMixer = h.optionalWholeBetween("layersWithoutMixer", 0, MAX_LAYERS, 0);
        double withoutMlp = h.optionalWholeBetween("layersWithoutMlp", 0, MAX_LAYERS, 0);
        if (withoutMlp + withoutMixer >= layers) {
            throw h.error(withoutMlp > 0 ? "layersWithoutMlp" : "layersWithoutMixer", "must leave a layer with both a mixer and an "
                    + "MLP among " + (long) layers + " layers, got " + (long) withoutMlp + " without an MLP and " + (long) withoutMixer
                    + " without a mixer");
        }
        if (!h.has("mixer")) {
            if (h.has("recurrentLayers")) {
                throw h.error("mixer", "missing: recurrentLayers needs the mixer they use (" + String.join(", ",
                        new java.util.TreeSet<>(MIXERS.keySet())) + ")");
            }
            if (withoutMixer == 0 && withoutMlp == 0) {
                throw h.error("layersWithoutMixer", "missing: a hybrid without recurrent layers has layers without a mixer or an MLP");
            }
            return new HybridLayers(null, 0, withoutMlp, withoutMixer, h.optionalBool("gatedAttentionOutput", false), 0, 0);
        }
        String name = h.text("mixer");
        RecurrentMixer.Kind kind = MIXERS.get(name);
        if (kind == null) {
            throw h.error("mixer", "must be one of " + String.join(", ", new java.util.TreeSet<>(MIXERS.keySet())) + ", got \"" + name + "\"");
        }
        double recurrent = h.wholeBetween("recurrentLayers", 1, MAX_LAYERS);
        if (recurrent + withoutMixer >= layers) {
            throw h.error("recurrentLayers", "must leave at least one attention layer among " + (long) layers + ", got " + (long) recurrent
                    + (withoutMixer > 0 ? " and " + (long) withoutMixer + " without a mixer" : ""));
        }
        boolean deltaNet = kind == RecurrentMixer.Kind.GATED_DELTANET;
        RecurrentMixer mixer = new RecurrentMixer(kind, h.wholeBetween("heads", 1, MAX_HEADS), h.wholeBetween("headDim", 1, MAX_WIDTH),
                deltaNet ? h.wholeBetween("keyHeads", 1, MAX_HEADS) : 0, deltaNet ? h.wholeBetween("keyHeadDim", 1, MAX_WIDTH) : 0,
                deltaNet ? 0 : h.wholeBetween("groups", 1, MAX_HEADS), deltaNet ? 0 : h.wholeBetween("stateSize", 1, MAX_WIDTH),
                h.optionalWholeBetween("convKernel", 1, 64, 4), h.optionalBetween("stateBytesPerValue", 0.5, 4, 2),
                h.optionalWholeBetween("chunkSize", 1, 65_536, deltaNet ? RecurrentMixer.DELTANET_CHUNK : RecurrentMixer.MAMBA2_CHUNK));
        return new HybridLayers(mixer, recurrent, withoutMlp, withoutMixer, h.optionalBool("gatedAttentionOutput", false), 0, 0);
    }

    /** {@code sparseAttention}: DeepSeek Sparse Attention's top-k and its indexer's heads and head width. */
    private static SparseAttention sparse(JsonFields f) {
        if (!f.has("sparseAttention")) {
            return null;
        }
        JsonFields s = f.object("sparseAttention");
        s.onlyKnown(Set.of("topK", "indexerHeads", "indexerHeadDim"));
        return new SparseAttention(s.wholeBetween("topK", 1, MAX_CONTEXT), s.wholeBetween("indexerHeads", 1, MAX_HEADS),
                s.wholeBetween("indexerHeadDim", 1, MAX_WIDTH));
    }

    /** The published figures only feed tests and notes, but a typo in them should still be refused on load. */
    private static void checkPublishedFigures(JsonFields f) {
        if (f.has("publishedActiveParameters")) {
            f.positiveUpTo("publishedActiveParameters", 1e15);
        }
        f.optionalBool("publishedRounded", false);
        f.optionalBool("publishedActiveExcludesInputEmbedding", false);
        f.optionalBool("publishedActiveExcludesEmbeddings", false);
        f.textsForReaders("notes");
    }

    /** {@code expertWeights}: how the checkpoint stores its routed experts; only MXFP4 changes what LoopLine computes. */
    private static boolean mxfp4Experts(JsonFields moe) {
        String format = moe.optionalText("expertWeights", "");
        if (!format.isEmpty() && !format.equals(MXFP4)) {
            throw moe.error("expertWeights", "must be \"" + MXFP4 + "\" (experts shipped in OCP microscaling 4-bit) or absent, got \""
                    + format + "\"");
        }
        return format.equals(MXFP4);
    }
}
