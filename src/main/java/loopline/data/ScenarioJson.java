package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import loopline.engine.ScenarioField;
import loopline.engine.ScenarioFields;

/**
 * The scenario file format, walked by the field declarations: {@code model} plus nested sections whose leaves
 * are fields. A section that is not an object, an unknown field or a value of the wrong type is an error
 * naming the file and the path — nothing is silently replaced by a default.
 */
final class ScenarioJson {
    private ScenarioJson() {
    }

    static ScenarioDocument read(JsonNode root, Catalogs catalogs, String source) {
        if (!root.isObject()) {
            throw new InvalidDataException(source + ": a scenario must be a JSON object, got " + kind(root));
        }
        Map<ScenarioField<?>, Object> values = new LinkedHashMap<>();
        readSection("", root, catalogs, source, values);
        return ScenarioDocument.of(root.get("model"), values);
    }

    private static void readSection(String prefix, JsonNode section, Catalogs catalogs, String source,
                                    Map<ScenarioField<?>, Object> values) {
        for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix + e.getKey();
            ScenarioField<?> field = ScenarioFields.byPath(path);
            if (path.equals("model")) {
                continue; // read when the document is bound: it may name a catalog entry
            } else if (field != null) {
                values.put(field, FieldCodec.fromJson(field, e.getValue(), catalogs, source + ": " + path));
            } else if (isSection(path)) {
                if (!e.getValue().isObject()) {
                    throw new InvalidDataException(source + ": " + path + ": must be an object of fields, got " + kind(e.getValue()));
                }
                readSection(path + ".", e.getValue(), catalogs, source, values);
            } else {
                throw new InvalidDataException(source + ": " + path + ": unknown field");
            }
        }
    }

    private static boolean isSection(String path) {
        return ScenarioFields.ALL.stream().anyMatch(f -> f.path().startsWith(path + "."));
    }

    private static String kind(JsonNode n) {
        return n.isArray() ? "an array" : n.isNull() ? "null" : n.toString();
    }

    static ObjectNode write(ScenarioDocument doc) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (ScenarioField<?> f : ScenarioFields.ALL) {
            if (f.path().indexOf('.') < 0 && doc.isSet(f)) {
                put(root, f, doc);
            }
        }
        if (doc.model() != null) {
            root.set("model", doc.model());
        }
        for (ScenarioField<?> f : ScenarioFields.ALL) {
            if (f.path().indexOf('.') >= 0 && doc.isSet(f)) {
                put(root, f, doc);
            }
        }
        return root;
    }

    private static <T> void put(ObjectNode root, ScenarioField<T> f, ScenarioDocument doc) {
        String[] parts = f.path().split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.get(parts[i]) instanceof ObjectNode o ? o : parent.putObject(parts[i]);
        }
        parent.set(parts[parts.length - 1], FieldCodec.toJson(f, doc.get(f)));
    }
}
