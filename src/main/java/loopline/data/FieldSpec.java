package loopline.data;

import java.util.List;

/**
 * One scenario field: its dotted path (as in the JSON file and {@code --set}), type, allowed range, default
 * and a one-line explanation. {@code defaultValue} is null when the default is derived (see {@code defaultText}).
 */
public record FieldSpec(String path, Kind kind, List<String> choices, double min, double max, Object defaultValue,
                        String defaultText, String unit, String help) {

    public enum Kind { TEXT, NUMBER, WHOLE, BOOLEAN, CHOICE, GPU }

    static FieldSpec number(String path, double min, double max, double def, String unit, String help) {
        return new FieldSpec(path, Kind.NUMBER, List.of(), min, max, def, format(def), unit, help);
    }

    static FieldSpec derivedNumber(String path, double min, double max, String defaultText, String unit, String help) {
        return new FieldSpec(path, Kind.NUMBER, List.of(), min, max, null, defaultText, unit, help);
    }

    static FieldSpec whole(String path, double min, double max, long def, String unit, String help) {
        return new FieldSpec(path, Kind.WHOLE, List.of(), min, max, (double) def, Long.toString(def), unit, help);
    }

    static FieldSpec bool(String path, boolean def, String help) {
        return new FieldSpec(path, Kind.BOOLEAN, List.of(), 0, 0, def, Boolean.toString(def), "", help);
    }

    static FieldSpec choice(String path, List<String> choices, String def, String defaultText, String help) {
        return new FieldSpec(path, Kind.CHOICE, choices, 0, 0, def, defaultText == null ? def : defaultText, "", help);
    }

    static FieldSpec gpu(String path, String def, String defaultText, String help) {
        return new FieldSpec(path, Kind.GPU, List.of(), 0, 0, def, defaultText == null ? def : defaultText, "", help);
    }

    static FieldSpec text(String path, String def, String help) {
        return new FieldSpec(path, Kind.TEXT, List.of(), 0, 0, def, def.isEmpty() ? "(empty)" : def, "", help);
    }

    /** The last part of the path, e.g. "gpuCount". */
    public String name() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    public String rangeText() {
        return switch (kind) {
            case NUMBER, WHOLE -> format(min) + " – " + format(max);
            case CHOICE -> String.join(" | ", choices);
            case BOOLEAN -> "true | false";
            case GPU -> "a GPU id from assets/gpus.json";
            case TEXT -> "text";
        };
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
