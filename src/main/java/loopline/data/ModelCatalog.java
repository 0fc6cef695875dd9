package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import loopline.engine.ModelArchitecture;
import loopline.engine.Moe;
import loopline.engine.MultiHeadLatentAttention;
import loopline.engine.SlidingWindow;

/**
 * Reads {@code assets/models.json}. The same entry format describes a custom model inline in a scenario.
 */
public final class ModelCatalog {
    static final Set<String> FIELDS = Set.of("id", "name", "layers", "hiddenSize", "attentionHeads", "kvHeads", "headDim",
            "ffnSize", "vocabSize", "tiedEmbeddings", "gatedMlp", "qkvBias", "linearBias", "attention", "moe",
            "slidingWindow", "publishedParameters", "publishedActiveParameters", "maxContext", "source", "notes");
    private static final Set<String> ATTENTION_FIELDS = Set.of("kind", "qLoraRank", "kvLoraRank", "qkNopeHeadDim",
            "qkRopeHeadDim", "vHeadDim");
    private static final Set<String> MOE_FIELDS = Set.of("experts", "activeExperts", "expertFfnSize", "sharedExperts", "denseLayers");
    private static final Set<String> WINDOW_FIELDS = Set.of("tokens", "layerShare");

    private ModelCatalog() {
    }

    /** The catalog's raw entries by id, each checked by parsing it. */
    public static Map<String, JsonNode> readEntries(Path file) {
        JsonNode list = Json.read(file).get("models");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new InvalidDataException(file + ": models: must be a non-empty array");
        }
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String label = entry.hasNonNull("id") ? entry.get("id").asText() : "#" + i;
            JsonFields f = new JsonFields(entry, file + ": models[" + label + "]");
            ModelArchitecture m = parse(f, f.text("id"));
            if (entries.putIfAbsent(m.id(), entry) != null) {
                throw new InvalidDataException(f.where() + ": duplicate id");
            }
        }
        return Collections.unmodifiableMap(entries);
    }

    public static Map<String, ModelArchitecture> parseAll(Map<String, JsonNode> entries, Path file) {
        Map<String, ModelArchitecture> models = new LinkedHashMap<>();
        entries.forEach((id, entry) -> models.put(id, parse(new JsonFields(entry, file + ": models[" + id + "]"), id)));
        return Collections.unmodifiableMap(models);
    }

    /** One architecture; {@code id} is the catalog id, or "custom" for a scenario's inline model. */
    static ModelArchitecture parse(JsonFields f, String id) {
        f.onlyKnown(FIELDS);
        double hidden = f.wholeAtLeast("hiddenSize", 1);
        double heads = f.wholeAtLeast("attentionHeads", 1);
        double kvHeads = f.has("kvHeads") ? f.wholeAtLeast("kvHeads", 1) : heads;
        if (kvHeads > heads) {
            throw f.error("kvHeads", "cannot exceed attentionHeads (" + (long) heads + "), got " + (long) kvHeads);
        }
        double headDim = f.has("headDim") ? f.wholeAtLeast("headDim", 1) : hidden / heads;
        MultiHeadLatentAttention mla = null;
        if (f.has("attention")) {
            JsonFields a = f.object("attention");
            a.onlyKnown(ATTENTION_FIELDS);
            String kind = a.text("kind");
            switch (kind) {
                case "mha", "gqa" -> { }
                case "mla" -> mla = new MultiHeadLatentAttention(a.has("qLoraRank") ? a.wholeAtLeast("qLoraRank", 0) : 0,
                        a.wholeAtLeast("kvLoraRank", 1), a.wholeAtLeast("qkNopeHeadDim", 1),
                        a.wholeAtLeast("qkRopeHeadDim", 0), a.wholeAtLeast("vHeadDim", 1));
                default -> throw a.error("kind", "must be one of mha, gqa, mla, got \"" + kind + "\"");
            }
        }
        Moe moe = null;
        double layers = f.wholeAtLeast("layers", 1);
        if (f.has("moe")) {
            JsonFields m = f.object("moe");
            m.onlyKnown(MOE_FIELDS);
            double experts = m.wholeAtLeast("experts", 1);
            double active = m.wholeAtLeast("activeExperts", 1);
            if (active > experts) {
                throw m.error("activeExperts", "cannot exceed experts (" + (long) experts + ")");
            }
            double denseLayers = m.has("denseLayers") ? m.wholeAtLeast("denseLayers", 0) : 0;
            if (denseLayers > layers) {
                throw m.error("denseLayers", "cannot exceed layers (" + (long) layers + ")");
            }
            moe = new Moe(experts, active, m.wholeAtLeast("expertFfnSize", 1),
                    m.has("sharedExperts") ? m.wholeAtLeast("sharedExperts", 0) : 0, denseLayers);
        }
        SlidingWindow window = null;
        if (f.has("slidingWindow")) {
            JsonFields w = f.object("slidingWindow");
            w.onlyKnown(WINDOW_FIELDS);
            double share = w.has("layerShare") ? w.number("layerShare") : 1;
            if (share <= 0 || share > 1) {
                throw w.error("layerShare", "must be in (0, 1], got " + share);
            }
            window = new SlidingWindow(w.wholeAtLeast("tokens", 1), share);
        }
        return new ModelArchitecture(id, f.optionalText("name", id), layers, hidden, heads, kvHeads, headDim,
                f.wholeAtLeast("ffnSize", 1), f.wholeAtLeast("vocabSize", 1), f.optionalBool("tiedEmbeddings", false),
                f.optionalBool("gatedMlp", true), f.optionalBool("qkvBias", false), f.optionalBool("linearBias", false),
                moe, mla, window, f.has("publishedParameters") ? f.positive("publishedParameters") : Double.NaN, false,
                f.optionalText("source", "custom architecture"), f.has("maxContext") ? f.wholeAtLeast("maxContext", 1) : 0);
    }
}
