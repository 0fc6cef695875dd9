package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.regex.Pattern;
import loopline.engine.ScenarioField;
import loopline.engine.TypedNumber;

/**
 * Turns a field's value to and from JSON and typed-in text, by the field's declared kind, and checks it
 * against the declaration. Every problem is an {@link InvalidDataException} saying {@code where: problem}.
 */
public final class FieldCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A number as JSON writes one (RFC 8259 §6), and nothing else. */
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");

    private FieldCodec() {
    }

    /** A value as a scenario file holds it: a JSON number, boolean or string, by the field's kind. */
    public static <T> T fromJson(ScenarioField<T> field, JsonNode v, Catalogs catalogs, String where) {
        return switch (field.kind()) {
            case NUMBER, WHOLE -> {
                if (v == null || !v.isNumber()) {
                    throw new InvalidDataException(where + ": must be a number, got " + v);
                }
                yield checked(field, field.type().cast(v.asDouble()), where);
            }
            case BOOLEAN -> {
                if (v == null || !v.isBoolean()) {
                    throw new InvalidDataException(where + ": must be true or false, got " + v);
                }
                yield field.type().cast(v.asBoolean());
            }
            case TEXT, CHOICE, GPU -> {
                if (v == null || !v.isTextual()) {
                    throw new InvalidDataException(where + ": must be a string, got " + v);
                }
                yield fromText(field, v.asText(), catalogs, where);
            }
        };
    }

    /** A value as typed in {@code --set path=value} or the Advanced form: 70e9, 1,000, 40M, 1_000_000, true, bf16, h100-sxm. */
    public static <T> T fromText(ScenarioField<T> field, String raw, Catalogs catalogs, String where) {
        Object value = switch (field.kind()) {
            case NUMBER, WHOLE -> number(raw, where);
            case BOOLEAN -> switch (raw) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new InvalidDataException(where + ": must be true or false, got \"" + raw + "\"");
            };
            case TEXT -> raw;
            case GPU -> catalogs.gpu(raw, where);
            case CHOICE -> field.choices().stream().filter(c -> field.id(c).equals(raw)).findFirst()
                    .orElseThrow(() -> new InvalidDataException(where + ": must be one of " + field.rangeText().replace(" | ", ", ")
                            + ", got \"" + raw + "\""));
        };
        return checked(field, field.type().cast(value), where);
    }

    public static <T> JsonNode toJson(ScenarioField<T> field, T value) {
        return switch (field.kind()) {
            case NUMBER, WHOLE -> {
                double d = (Double) value;
                yield d == Math.rint(d) && Math.abs(d) < 1e15 ? NODES.numberNode((long) d) : NODES.numberNode(d);
            }
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case TEXT, CHOICE, GPU -> NODES.textNode(field.id(value));
        };
    }

    public static <T> T checked(ScenarioField<T> field, T value, String where) {
        String problem = field.problem(value);
        if (problem != null) {
            throw new InvalidDataException(where + ": " + problem);
        }
        return value;
    }

    /** 70e9, 1.5e12, 4096, 1_000_000, 1,000 or 40M (see {@link TypedNumber}). */
    static double number(String raw, String where) {
        double d = TypedNumber.parse(raw);
        if (Double.isNaN(d)) {
            throw new InvalidDataException(where + ": must be a number, got \"" + raw + "\"");
        }
        return d;
    }

    /** A number, true/false, or else a string — for free-form inline-model fields. */
    static JsonNode guessJson(String raw) {
        if (raw.equals("true") || raw.equals("false")) {
            return NODES.booleanNode(Boolean.parseBoolean(raw));
        }
        // not TypedNumber: a model's name such as "70B" must stay text; and not Double.parseDouble, which would read
        // Java's "80f", "1d" and "0x1p3" as numbers
        String number = raw.strip().replace("_", "");
        return JSON_NUMBER.matcher(number).matches() ? NODES.numberNode(Double.parseDouble(number)) : NODES.textNode(raw);
    }

}
