package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/**
 * Typed, validated reads from one JSON object. Every error names where it happened
 * ({@code file: entry.field: problem}) so the user can find and fix it.
 */
final class JsonFields {
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

    String optionalText(String field, String fallback) {
        return has(field) ? text(field) : fallback;
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

    double positive(String field) {
        double d = number(field);
        if (d <= 0) {
            throw error(field, "must be greater than 0, got " + node.get(field));
        }
        return d;
    }

    double nonNegative(String field) {
        double d = number(field);
        if (d < 0) {
            throw error(field, "must not be negative, got " + node.get(field));
        }
        return d;
    }

    double optionalNonNegative(String field, double fallback) {
        return has(field) ? nonNegative(field) : fallback;
    }

    double wholeAtLeast(String field, double min) {
        double d = number(field);
        if (d != Math.rint(d) || d < min) {
            throw error(field, "must be a whole number ≥ " + (long) min + ", got " + node.get(field));
        }
        return d;
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
}
