package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import loopline.engine.ScenarioField;

/**
 * Typed, validated reads from one JSON object. Every error names where it happened
 * ({@code file: entry.field: problem}) so the user can find and fix it.
 */
final class JsonFields {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private final JsonNode node;
    private final String where;

    JsonFields(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new InvalidDataException(where + ": must be a JSON object");
        }
        this.node = node;
        this.where = where;
    }

    String where() {
        return where;
    }

    JsonNode node() {
        return node;
    }

    InvalidDataException error(String field, String problem) {
        return new InvalidDataException(where + "." + field + ": " + problem);
    }

    boolean has(String field) {
        return node.hasNonNull(field);
    }

    /** Rejects fields the format does not know, so a typo is not silently ignored. */
    void onlyKnown(Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw error(f, "unknown field (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw error(field, "missing");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw error(field, "must be a non-empty string, got " + v);
        }
        return v.asText();
    }

    /** A catalog id as scenario files and {@code --set} use it: lower-case letters, digits, '.', '-' and '_'. */
    String id(String field) {
        String id = text(field);
        if (!ID.matcher(id).matches()) {
            throw error(field, "must be a lower-case id (a-z, 0-9, '.', '-', '_'), got \"" + id + "\"");
        }
        return id;
    }

    String optionalText(String field, String fallback) {
        return has(field) ? text(field) : fallback;
    }

    /** Fields kept for people reading the file (notes, confidence): no estimate uses them, but each must still be text. */
    void textsForReaders(String... fields) {
        for (String f : fields) {
            optionalText(f, "");
        }
    }

    double number(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw error(field, "missing");
        }
        if (!v.isNumber()) {
            throw error(field, "must be a number, got " + v);
        }
        double d = v.asDouble();
        if (!Double.isFinite(d)) {
            throw error(field, "must be finite, got " + v);
        }
        return d;
    }

    /**
     * A number in {@code [min, max]}. Every number has an upper bound, so an entry cannot make the engine
     * overflow to Infinity or NaN.
     */
    double between(String field, double min, double max) {
        double d = number(field);
        if (!(d >= min && d <= max)) {
            throw error(field, "must be between " + ScenarioField.plain(min) + " and " + ScenarioField.plain(max) + ", got " + node.get(field));
        }
        return d;
    }

    /** A positive number up to {@code max}: 0 itself is refused. */
    double positiveUpTo(String field, double max) {
        double d = between(field, 0, max);
        if (d == 0) {
            throw error(field, "must be greater than 0, got " + node.get(field));
        }
        return d;
    }

    double optionalBetween(String field, double min, double max, double fallback) {
        return has(field) ? between(field, min, max) : fallback;
    }

    double wholeBetween(String field, double min, double max) {
        double d = between(field, min, max);
        if (d != Math.rint(d)) {
            throw error(field, "must be a whole number, got " + node.get(field));
        }
        return d;
    }

    double optionalWholeBetween(String field, double min, double max, double fallback) {
        return has(field) ? wholeBetween(field, min, max) : fallback;
    }

    boolean bool(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw error(field, "missing");
        }
        if (!v.isBoolean()) {
            throw error(field, "must be true or false, got " + v);
        }
        return v.asBoolean();
    }

    boolean optionalBool(String field, boolean fallback) {
        return has(field) ? bool(field) : fallback;
    }

    JsonFields object(String field) {
        return new JsonFields(node.get(field), where + "." + field);
    }

    /** A non-empty list of objects, each read with its place in the list ("ffnWidths[2]"). */
    List<JsonFields> objects(String field) {
        JsonNode list = node.get(field);
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw error(field, "must be a non-empty list of objects, got " + list);
        }
        List<JsonFields> each = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isObject()) {
                throw error(field + "[" + i + "]", "must be an object, got " + list.get(i));
            }
            each.add(new JsonFields(list.get(i), where + "." + field + "[" + i + "]"));
        }
        return each;
    }
}
