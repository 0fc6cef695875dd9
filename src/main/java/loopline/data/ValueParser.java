package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Reads a command-line value as the JSON its field expects. */
final class ValueParser {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ValueParser() {
    }

    static JsonNode parse(FieldSpec spec, String raw, String where) {
        return switch (spec.kind()) {
            case NUMBER, WHOLE -> NODES.numberNode(number(raw, where));
            case BOOLEAN -> switch (raw) {
                case "true" -> NODES.booleanNode(true);
                case "false" -> NODES.booleanNode(false);
                default -> throw new InvalidDataException(where + ": must be true or false, got \"" + raw + "\"");
            };
            case TEXT, CHOICE, GPU -> NODES.textNode(raw);
        };
    }

    /** 70e9, 1.5e12, 4096 or 1_000_000. */
    static double number(String raw, String where) {
        try {
            double d = Double.parseDouble(raw.replace("_", ""));
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidDataException(where + ": must be a number, got \"" + raw + "\"");
        }
    }

    /** A number, true/false, or else a string — for free-form model fields. */
    static JsonNode json(String raw) {
        if (raw.equals("true") || raw.equals("false")) {
            return NODES.booleanNode(Boolean.parseBoolean(raw));
        }
        try {
            return NODES.numberNode(Double.parseDouble(raw.replace("_", "")));
        } catch (NumberFormatException e) {
            return NODES.textNode(raw);
        }
    }
}
