package loopline.present;

import static loopline.present.Format.formatCount;
import static loopline.present.Format.formatNumber;
import static loopline.present.Format.formatPercent;
import static loopline.present.Format.formatUsd;
import static loopline.present.Format.formatWhole;

import loopline.engine.hardware.Gpu;
import loopline.engine.Scenario;
import loopline.engine.ScenarioField;

/** A scenario field's value as a person reads it, by the field's declared kind and unit: "2,048 GPUs", "42%", "$2.99/GPU-hour". */
public final class FieldText {
    private FieldText() {
    }

    public static <T> String value(ScenarioField<T> field, Scenario s) {
        T v = field.get(s);
        return switch (field.kind()) {
            case GPU -> ((Gpu) v).name() + (((Gpu) v).isGpu() ? "" : " (an accelerator, not a GPU)"); // under a "… GPU" label
            case BOOLEAN -> (Boolean) v ? "on" : "off";
            case TEXT, CHOICE -> field.id(v);
            case NUMBER, WHOLE -> number(field, (Double) v);
        };
    }

    private static String number(ScenarioField<?> field, double v) {
        String unit = field.unit();
        if (unit.startsWith("$/")) {
            return formatUsd(v) + unit.substring(1);
        }
        if (unit.isEmpty()) {
            return field.max() <= 1 ? formatPercent(v) : formatNumber(v);
        }
        if (unit.equals("×")) {
            return "×" + formatNumber(v);
        }
        String n = field.kind() == ScenarioField.Kind.WHOLE && v < 1e6 ? formatWhole(v) : v >= 1e4 ? formatCount(v) : formatNumber(v);
        if (n.equals("1") && unit.matches("[A-Za-z]+s")) {
            unit = unit.substring(0, unit.length() - 1); // "1 GPU", "1 epoch": a plain noun agrees with its number
        }
        return n + " " + unit;
    }
}
