package loopline.data;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameter counts a model's name states: "Qwen3-235B-A22B" (total and active), "gpt-oss-120b" (total),
 * "Llama-4-Scout-17B-16E" (active, with 16 experts). "Mixtral-8x7B" states neither: 8 × 7B is not its size.
 * NaN where the name says nothing.
 */
record StatedSize(double total, double active) {
    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern TOTAL_AND_ACTIVE = Pattern.compile("(?i)(?<![\\w.])" + NUMBER + "([BT])-A" + NUMBER + "B(?![a-z])");
    private static final Pattern ACTIVE_AND_EXPERTS = Pattern.compile("(?i)(?<![\\w.])" + NUMBER + "B-\\d+E(?![a-z])");
    private static final Pattern EXPERTS_TIMES_SIZE = Pattern.compile("(?i)\\d+x" + NUMBER + "B");
    private static final Pattern TOTAL = Pattern.compile("(?i)(?<![\\w.])" + NUMBER + "([BT])(?![a-z])");

    static StatedSize of(String name) {
        Matcher m = TOTAL_AND_ACTIVE.matcher(name);
        if (m.find()) {
            return new StatedSize(count(m.group(1), m.group(2)), count(m.group(3), "B"));
        }
        m = ACTIVE_AND_EXPERTS.matcher(name);
        if (m.find()) {
            return new StatedSize(Double.NaN, count(m.group(1), "B"));
        }
        if (EXPERTS_TIMES_SIZE.matcher(name).find()) {
            return new StatedSize(Double.NaN, Double.NaN);
        }
        m = TOTAL.matcher(name);
        return m.find() ? new StatedSize(count(m.group(1), m.group(2)), Double.NaN) : new StatedSize(Double.NaN, Double.NaN);
    }

    private static double count(String number, String unit) {
        return Double.parseDouble(number) * (unit.equalsIgnoreCase("T") ? 1e12 : 1e9);
    }
}
