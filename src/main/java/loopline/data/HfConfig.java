package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A Hugging Face {@code config.json} as the importer reads it: the language model's own fields (a multimodal
 * config's nested {@code text_config}, Llama 4's and Gemma 3's), the top-level architecture name, and typed
 * reads where a missing or null field is one line naming the file and the field.
 */
final class HfConfig {
    private final JsonNode top;
    private final JsonNode text;
    private final String where;
    private final Map<String, Long> defaults;

    /**
     * The JSON type of each non-numeric field the mapping reads (numbers are checked where they are read, as whole
     * numbers): a value of another type is refused instead of read as something it is not ("yes" as false).
     */
    private enum Shape {
        TEXT("a string", JsonNode::isTextual),
        FLAG("true or false", JsonNode::isBoolean),
        OBJECT("an object", JsonNode::isObject),
        TEXT_LIST("a list of strings", v -> v.isArray() && all(v, JsonNode::isTextual)),
        WHOLE_LIST("a list of whole numbers", v -> v.isArray() && all(v, JsonNode::canConvertToExactIntegral));

        final String words;
        final Predicate<JsonNode> fits;

        Shape(String words, Predicate<JsonNode> fits) {
            this.words = words;
            this.fits = fits;
        }
    }

    private static final Map<String, Shape> SHAPES = Map.ofEntries(
            Map.entry("architectures", Shape.TEXT_LIST),
            Map.entry("model_type", Shape.TEXT),
            Map.entry("_name_or_path", Shape.TEXT),
            Map.entry("text_config", Shape.OBJECT),
            Map.entry("quantization_config", Shape.OBJECT),
            Map.entry("layer_types", Shape.TEXT_LIST),
            Map.entry("mlp_only_layers", Shape.WHOLE_LIST),
            Map.entry("no_rope_layers", Shape.WHOLE_LIST),
            Map.entry("tie_word_embeddings", Shape.FLAG),
            Map.entry("attention_bias", Shape.FLAG),
            Map.entry("mlp_bias", Shape.FLAG),
            Map.entry("use_sliding_window", Shape.FLAG),
            Map.entry("attention_k_eq_v", Shape.FLAG),
            Map.entry("enable_moe_block", Shape.FLAG),
            Map.entry("hybrid_layer_pattern", Shape.WHOLE_LIST),
            Map.entry("attn_output_gate", Shape.FLAG),
            Map.entry("hybrid_override_pattern", Shape.TEXT),
            Map.entry("mamba_ssm_dtype", Shape.TEXT),
            Map.entry("mamba_ssm_cache_dtype", Shape.TEXT),
            Map.entry("hidden_act", Shape.TEXT),
            Map.entry("mlp_hidden_act", Shape.TEXT));

    private HfConfig(JsonNode top, String where, Map<String, Long> defaults) {
        this.top = top;
        this.text = top.path("text_config").isObject() ? top.get("text_config") : top;
        this.where = where;
        this.defaults = defaults;
    }

    /**
     * This config with the values its family's Hugging Face config class fills in for fields the file leaves
     * out: a nested text_config keeps only what differs from them (Gemma 3 27B's has no vocab_size).
     */
    HfConfig withDefaults(Map<String, Long> familyDefaults) {
        return new HfConfig(top, where, familyDefaults);
    }

    /** Reads {@code path}: a config.json, or a folder holding one (a downloaded model's folder). */
    static HfConfig read(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve("config.json") : path;
        if (Files.isDirectory(path) && !Files.exists(file)) {
            throw new InvalidDataException(path + ": holds no config.json");
        }
        JsonNode node = Json.readPythonJson(file);
        if (!node.isObject()) {
            throw new InvalidDataException(file + ": a Hugging Face config.json is a JSON object");
        }
        HfConfig c = new HfConfig(node, file.toString(), Map.of());
        c.checkShapes(node);
        if (c.text != node) {
            c.checkShapes(c.text);
        }
        return c;
    }

    /** Refuses the first field whose JSON type is not the one the mapping reads it as (null counts as absent). */
    private void checkShapes(JsonNode part) {
        String prefix = part == top ? "" : "text_config.";
        SHAPES.forEach((field, shape) -> {
            JsonNode v = part.get(field);
            if (v != null && !v.isNull() && !shape.fits.test(v)) {
                throw error(prefix + field, "must be " + shape.words + ", got " + v);
            }
        });
    }

    private static boolean all(JsonNode list, Predicate<JsonNode> each) {
        for (JsonNode v : list) {
            if (!each.test(v)) {
                return false;
            }
        }
        return true;
    }

    String where() {
        return where;
    }

    /** The class Hugging Face instantiates ("Qwen3MoeForCausalLM"), or the model type when the file names none. */
    String architecture() {
        JsonNode a = top.path("architectures");
        return a.isArray() && a.size() > 0 ? a.get(0).asText() : modelType();
    }

    /** The language model's type, without the "_text" of a multimodal config's inner part ("gemma3_text" → "gemma3"). */
    String modelType() {
        String t = text.path("model_type").asText(top.path("model_type").asText(""));
        return t.endsWith("_text") ? t.substring(0, t.length() - "_text".length()) : t;
    }

    /** What the config calls itself, for the name and for a stated size ("Qwen/Qwen3-235B-A22B"). */
    String declaredName() {
        return top.path("_name_or_path").asText("");
    }

    boolean has(String field) {
        return text.hasNonNull(field) || top.hasNonNull(field) || defaults.containsKey(field);
    }

    /** Set to something other than the number 0 (a count of 0 or a zero width means the feature is absent). */
    boolean setNonZero(String field) {
        return has(field) && !(get(field).isNumber() && get(field).asDouble() == 0);
    }

    JsonNode get(String field) {
        return text.hasNonNull(field) ? text.get(field)
                : top.hasNonNull(field) ? top.get(field)
                : defaults.containsKey(field) ? LongNode.valueOf(defaults.get(field)) : null;
    }

    /** A whole, positive number the mapping cannot do without. */
    long whole(String field) {
        if (!has(field)) {
            throw error(field, "missing; LoopLine needs it to size the model");
        }
        JsonNode v = get(field);
        if (!v.canConvertToLong() || v.asLong() <= 0 || v.asDouble() != Math.rint(v.asDouble())) {
            throw error(field, "must be a positive whole number, got " + v);
        }
        return v.asLong();
    }

    long whole(String field, long fallback) {
        return has(field) ? whole(field) : fallback;
    }

    /** A whole number that may be 0 (dense layers, shared experts), or {@code fallback} when the config leaves it out. */
    long count(String field, long fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = get(field);
        if (!v.canConvertToLong() || v.asLong() < 0 || v.asDouble() != Math.rint(v.asDouble())) {
            throw error(field, "must be a whole number ≥ 0, got " + v);
        }
        return v.asLong();
    }

    /** The first of {@code fields} the config sets, as a whole number, or {@code fallback}. */
    long firstWhole(long fallback, String... fields) {
        for (String f : fields) {
            if (has(f)) {
                return whole(f);
            }
        }
        return fallback;
    }

    boolean bool(String field, boolean fallback) {
        return has(field) ? get(field).asBoolean() : fallback;
    }

    InvalidDataException error(String field, String problem) {
        return new InvalidDataException(where + ": " + field + ": " + problem);
    }
}
