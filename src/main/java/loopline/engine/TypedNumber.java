package loopline.engine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number as a person types it, read the one way the Advanced form, a slider's typed value and {@code --set}
 * all share: the window's own way of writing numbers ("1,000", "40M", "2k", "1.5B", "2T") as well as a
 * file's ("1000000", "1.5e6", "1_000_000"). Suffixes are decimal, as the window writes counts and sizes, and
 * "45%" is the share 0.45, as the window writes shares.
 */
public final class TypedNumber {
    /** Digits with optional thousands separators or underscores, a fraction, an exponent, then an optional suffix. */
    private static final Pattern NUMBER = Pattern.compile(
            "([+-]?(?:\\d{1,3}(?:,\\d{3})+|[\\d_]+)?(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)\\s*([kKmMbBtT%]?)");

    private TypedNumber() {
    }

    /** The value typed, or NaN when the text is not a number (callers say which field refused it). */
    public static double parse(String raw) {
        if (raw == null) {
            return Double.NaN;
        }
        String text = raw.trim().replace('\u2212', '-'); // the window writes minus signs as "−"
        Matcher m = NUMBER.matcher(text);
        if (text.isEmpty() || !m.matches() || m.group(1).isEmpty() || !m.group(1).matches(".*\\d.*")) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(m.group(1).replace(",", "").replace("_", "")) * multiplier(m.group(2));
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double multiplier(String suffix) {
        return switch (suffix.toLowerCase(Locale.ROOT)) {
            case "k" -> 1e3;
            case "m" -> 1e6;
            case "b" -> 1e9;
            case "t" -> 1e12;
            case "%" -> 0.01;
            default -> 1;
        };
    }
}
