package loopline.engine;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import loopline.engine.hardware.Gpu;

/**
 * One scenario field, declared once: where it sits in a file and on the {@link Scenario} records, its type,
 * allowed values, default, unit and a line of help. Files, {@code --set}, the window's controls, the
 * Advanced form, the report and the README table all work from these declarations (see {@link ScenarioFields}).
 *
 * @param <T> the value's type: {@code Double} for numbers (whole or not), {@code Boolean}, {@code String},
 *            an engine enum for choices, {@link Gpu} for accelerators
 */
public final class ScenarioField<T> {
    public enum Kind { TEXT, NUMBER, WHOLE, BOOLEAN, CHOICE, GPU }

    private final String path;
    private final String property;
    private final Kind kind;
    private final Class<T> type;
    private final String label;
    private final String unit;
    private final String help;
    private final double min;
    private final double max;
    private final List<T> choices;
    private final Function<T, String> idOf;
    private final T defaultValue;
    private final Function<Scenario, T> derivedDefault;
    private final String defaultText;

    /** The declaration's parts; only {@link ScenarioFields} declares fields. */
    ScenarioField(String path, Kind kind, Class<T> type, String label, String unit, String help,
                  double min, double max, List<T> choices, Function<T, String> idOf, T defaultValue,
                  Function<Scenario, T> derivedDefault, String defaultText) {
        this.path = path;
        this.property = path;
        this.kind = kind;
        this.type = type;
        this.label = label;
        this.unit = unit;
        this.help = help;
        this.min = min;
        this.max = max;
        this.choices = choices;
        this.idOf = idOf;
        this.defaultValue = defaultValue;
        this.derivedDefault = derivedDefault;
        this.defaultText = defaultText;
    }

    /** Dotted path in the JSON file and in {@code --set}, e.g. {@code training.gpuCount}. */
    public String path() {
        return path;
    }

    /** Where the value sits on the records, the same dotted path, e.g. {@code training.gpuCount}. */
    public String recordPath() {
        return property;
    }

    public Kind kind() {
        return kind;
    }

    public Class<T> type() {
        return type;
    }

    /** A few words for people, e.g. "ZeRO stage". */
    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public String help() {
        return help;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** The values a choice may take (empty for other kinds; GPUs come from the catalog). */
    public List<T> choices() {
        return choices;
    }

    /** How the value is written in a file or typed: a number without a needless ".0", an id, true/false. */
    public String id(T value) {
        return idOf.apply(value);
    }

    /** The default, or what it is derived from, in words: "64", "same as training.gpu". */
    public String defaultText() {
        return defaultText;
    }

    /** True when the default follows other fields (the GPU's price, 20 tokens per parameter). */
    public boolean hasDerivedDefault() {
        return derivedDefault != null;
    }

    /**
     * The value a scenario takes when the file leaves this field out, given the fields declared before it.
     * Null only for a GPU whose default is a catalog id ({@link #defaultText()}), which the catalog resolves.
     */
    public T defaultFor(Scenario soFar) {
        return derivedDefault != null ? derivedDefault.apply(soFar) : defaultValue;
    }

    public T get(Scenario s) {
        Object v = RecordPaths.get(s, property);
        return type == Double.class ? type.cast(((Number) v).doubleValue()) : type.cast(v);
    }

    public Scenario with(Scenario s, T value) {
        return RecordPaths.with(s, property, value);
    }

    /** Why {@code value} is not allowed here, or null when it is. */
    public String problem(T value) {
        if (value == null) {
            return "missing";
        }
        return switch (kind) {
            case NUMBER, WHOLE -> numberProblem((Double) value);
            case CHOICE -> choices.contains(value) ? null
                    : "must be one of " + choices.stream().map(idOf).collect(Collectors.joining(", ")) + ", got \"" + idOf.apply(value) + "\"";
            case TEXT, BOOLEAN, GPU -> null;
        };
    }

    private String numberProblem(double v) {
        if (!(v >= min && v <= max)) {
            return "must be between " + plain(min) + " and " + plain(max) + ", got " + plain(v);
        }
        return kind == Kind.WHOLE && v != Math.rint(v) ? "must be a whole number, got " + plain(v) : null;
    }

    /** A number as a file or message shows it: "1000000", "0.42", never "1.0E6" or a needless ".0". */
    public static String plain(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        String s = java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return s.length() <= 20 ? s : Double.toString(v);
    }

    /** The allowed values in words, for tooltips and the README: "1 – 1000000", "fp32 | bf16". */
    public String rangeText() {
        return switch (kind) {
            case NUMBER, WHOLE -> plain(min) + " – " + plain(max);
            case CHOICE -> choices.stream().map(idOf).collect(Collectors.joining(" | "));
            case BOOLEAN -> "true | false";
            case GPU -> "a GPU id from assets/gpus.json";
            case TEXT -> "text";
        };
    }

    @Override
    public String toString() {
        return path;
    }
}
