package loopline.present;

import static loopline.engine.Units.DAYS_PER_MONTH;
import static loopline.engine.Units.SECONDS_PER_DAY;
import static loopline.engine.Units.SECONDS_PER_HOUR;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The one place numbers are formatted for people: units, significant figures, ASCII digits in every locale.
 * A unit is chosen by the value as it will be shown (three significant figures), so a value just under a
 * boundary reads "$1T", never "$1,000B"; counted nouns agree with their number ("1 replica", "2 replicas");
 * nothing returns "NaN", "Infinity" or E notation (FLOP counts excepted, on purpose).
 */
public final class Format {
    /** What a figure that cannot be had (a model that does not fit) shows. */
    public static final String NONE = "—";
    /** Below a millionth of a dollar, the figure reads as "< $0.000001" rather than a run of zeros. */
    static final double SMALLEST_USD = 1e-6;
    /** Below this an amount per request is written per million requests. */
    static final double SMALL_PER_REQUEST_USD = 1e-4;
    private static final String PER_MILLION = "per 1M";
    /** Durations past a thousand years read "> 1,000 years": no one plans that far, and the text stays short. */
    static final double LONGEST_YEARS = 1000;
    private static final double SECONDS_PER_MONTH = DAYS_PER_MONTH * SECONDS_PER_DAY;

    private Format() {
    }

    /** 1.2 KB, 140 GB, 1.12 TB (decimal units, as GPU datasheets use). */
    public static String formatBytes(double bytes) {
        return scaled(bytes, new String[] {"B", "KB", "MB", "GB", "TB", "PB"}, 1000);
    }

    /** 0.283 Wh, 12 kWh, 170 MWh, 4.24 GWh: energy, decimal prefixes. */
    public static String formatWattHours(double wattHours) {
        return scaled(wattHours, new String[] {"Wh", "kWh", "MWh", "GWh", "TWh"}, 1000);
    }

    /** 494 W, 236 kW, 12.3 MW: power, decimal prefixes. */
    public static String formatWatts(double watts) {
        return scaled(watts, new String[] {"W", "kW", "MW", "GW"}, 1000);
    }

    /** 850 kg CO₂e below a tonne, then 62.7 t CO₂e, 1,570 t CO₂e (tonnes in thousands, never kt: people read tonnes). */
    public static String formatCo2e(double kilograms) {
        if (!Double.isFinite(kilograms)) {
            return NONE;
        }
        return shown(kilograms) < 1000 ? formatNumber(kilograms) + " kg CO₂e" : formatCount(kilograms / 1000) + " t CO₂e";
    }

    /** 512 KiB — for figures that are powers of two, such as KV cache per token. */
    public static String formatBinaryBytes(double bytes) {
        return scaled(bytes, new String[] {"B", "KiB", "MiB", "GiB", "TiB"}, 1024);
    }

    /** 125M, 70.6B, 1.2T parameters. */
    public static String formatParameters(double parameters) {
        if (!Double.isFinite(parameters)) {
            return NONE;
        }
        double shown = shown(parameters);
        if (shown >= 1e12) {
            return formatNumber(parameters / 1e12) + "T";
        }
        if (shown >= 1e9) {
            return formatNumber(parameters / 1e9) + "B";
        }
        return formatNumber(parameters / 1e6) + "M";
    }

    /** $0.0042, $12.50, $1.2k, $3.4M, $1.1B, $2.3T; "< $0.000001" for less than a millionth of a dollar. */
    public static String formatUsd(double usd) {
        if (!Double.isFinite(usd)) {
            return NONE;
        }
        if (usd < 0) {
            return "−" + formatUsd(-usd);
        }
        double shown = shown(usd);
        if (usd == 0) {
            return "$0";
        }
        if (usd < SMALLEST_USD) {
            return "< $0.000001";
        }
        if (shown >= 1e3) {
            return "$" + withSuffix(usd);
        }
        if (shown >= 100) {
            return String.format(Locale.ROOT, "$%,.0f", usd);
        }
        if (shown >= 1) {
            return String.format(Locale.ROOT, "$%,.2f", usd);
        }
        return "$" + significant(usd, 2);
    }

    /** Dollars on a chart axis: as {@link #formatUsd}, but a whole amount reads "$10", not "$10.00". */
    public static String formatUsdAxis(double usd) {
        String s = formatUsd(usd);
        return s.endsWith(".00") ? s.substring(0, s.length() - 3) : s;
    }

    /**
     * One rule for every duration, card and chart alike: 36 ms, 1.4 s, 10.4 minutes, 40 hours, 101 days, then
     * months from twelve (of {@value loopline.engine.Units#DAYS_PER_MONTH} days, as the engine counts them) up to three years,
     * then years, and "> 1,000 years" beyond.
     */
    public static String formatDuration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return NONE;
        }
        if (seconds < 0) {
            return "−" + formatDuration(-seconds);
        }
        double shown = shown(seconds);
        if (seconds == 0) {
            return "0 s";
        }
        if (shown < 1e-6) {
            return "< 1 µs";
        }
        if (shown < 1e-3) {
            return formatNumber(seconds * 1e6) + " µs";
        }
        if (shown < 1) {
            return formatNumber(seconds * 1e3) + " ms";
        }
        if (shown < 120) {
            return formatNumber(seconds) + " s";
        }
        if (shown < 2 * SECONDS_PER_HOUR) {
            return counted(seconds / 60, "minute", "minutes");
        }
        if (shown < 2 * SECONDS_PER_DAY) {
            return counted(seconds / SECONDS_PER_HOUR, "hour", "hours");
        }
        if (shown(seconds / SECONDS_PER_DAY) < 12 * DAYS_PER_MONTH) {
            return counted(seconds / SECONDS_PER_DAY, "day", "days");
        }
        double months = seconds / SECONDS_PER_MONTH;
        if (shown(months) < 36) {
            return counted(months, "month", "months");
        }
        return months / 12 >= LONGEST_YEARS ? "> 1,000 years" : counted(months / 12, "year", "years");
    }

    /** A span counted in months (break-even, horizon), by the same rule as {@link #formatDuration}: 40 hours, 27.5 months, 154 years. */
    public static String formatMonths(double months) {
        return formatDuration(months * SECONDS_PER_MONTH);
    }

    /** 1,234 or 12.3k or 4.5M, for counts and rates. */
    public static String formatCount(double n) {
        if (!Double.isFinite(n)) {
            return NONE;
        }
        double shown = shown(Math.abs(n));
        if (shown >= 1e4) {
            return withSuffix(n);
        }
        if (shown >= 100 || n == Math.rint(n)) {
            return String.format(Locale.ROOT, "%,.0f", n);
        }
        return formatNumber(n);
    }

    /** A count with its noun, agreeing in number: "1 replica", "3 replicas", "12.3k requests". */
    public static String formatCount(double n, String one, String many) {
        return counted(n, one, many, Format::formatCount);
    }

    /** Whole counts people compare exactly (GPUs): 16,384 up to a million, then 1.2M. */
    public static String formatWhole(double n) {
        if (!Double.isFinite(n)) {
            return NONE;
        }
        return Math.abs(n) < 1e6 ? String.format(Locale.ROOT, "%,.0f", n) : formatCount(n);
    }

    /** A whole count with its noun, agreeing in number: "1 GPU", "2,048 GPUs". */
    public static String formatWhole(double n, String one, String many) {
        return counted(n, one, many, Format::formatWhole);
    }

    /** 140 GFLOP, 2.9 PFLOP; past peta in powers of ten (7.32e24 FLOP), which people read more easily than ZFLOP. */
    public static String formatFlops(double flops) {
        if (flops >= 1e18 && Double.isFinite(flops)) {
            int exponent = (int) Math.floor(Math.log10(shown(flops)));
            return formatNumber(flops / Math.pow(10, exponent)) + "e" + exponent + " FLOP";
        }
        return scaled(flops, new String[] {"FLOP", "kFLOP", "MFLOP", "GFLOP", "TFLOP", "PFLOP"}, 1000);
    }

    public static String formatPercent(double share) {
        if (share < 1 && shown(share * 100) >= 100) {
            return "> 99.9%"; // 99.97% is not all of it
        }
        return Double.isFinite(share) ? formatNumber(share * 100) + "%" : NONE;
    }

    /**
     * An amount per request, as a card shows it: "$0.0010", but below a hundredth of a cent per million requests,
     * "$0.32 per 1M", so a small amount keeps its digits instead of reading "< $0.000001".
     */
    public static String formatUsdPerRequest(double usd) {
        if (Double.isFinite(usd) && usd != 0 && shown(Math.abs(usd)) < SMALL_PER_REQUEST_USD) {
            return formatUsd(usd * 1e6) + " " + PER_MILLION;
        }
        return formatUsd(usd);
    }

    /** The same amount in a sentence: "$0.0010 per request", "$0.32 per million requests". */
    public static String formatUsdPerRequestPhrase(double usd) {
        String s = formatUsdPerRequest(usd);
        return s.endsWith(PER_MILLION) ? s.substring(0, s.length() - PER_MILLION.length()) + "per million requests" : s + " per request";
    }

    /**
     * A range of two formatted values, the shared unit written once: "86–140 days", "209–299 ms", but
     * "$8.41M–$26.9M" and "20 hours–3 days", whose ends differ in unit.
     */
    public static String formatRange(String low, String high) {
        int lowSpace = unitStart(low);
        int highSpace = unitStart(high);
        boolean sameUnit = lowSpace > 0 && highSpace > 0 && low.substring(lowSpace).equals(high.substring(highSpace));
        return sameUnit ? low.substring(0, lowSpace) + "–" + high : low + "–" + high;
    }

    /** Where the unit after a number starts: the first space after a digit ("85.9 days", "$0.32 per 1M"), or -1. */
    private static int unitStart(String s) {
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) == ' ' && Character.isDigit(s.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }

    private static String counted(double n, String one, String many) {
        return counted(n, one, many, Format::formatNumber);
    }

    private static String counted(double n, String one, String many, DoubleFunction<String> number) {
        String text = number.apply(n);
        return text + " " + (text.equals("1") ? one : many);
    }

    /** 12.3k, 4.5M, 1.1B, 2.3T: the suffix chosen by the value as shown, so 999,999 reads "1M". */
    private static String withSuffix(double n) {
        double shown = shown(Math.abs(n));
        if (shown >= 1e12) {
            return formatNumber(n / 1e12) + "T";
        }
        if (shown >= 1e9) {
            return formatNumber(n / 1e9) + "B";
        }
        if (shown >= 1e6) {
            return formatNumber(n / 1e6) + "M";
        }
        return formatNumber(n / 1e3) + "k";
    }

    private static String scaled(double value, String[] units, double base) {
        if (!Double.isFinite(value)) {
            return NONE;
        }
        int i = 0;
        double v = value;
        while (shown(Math.abs(v)) >= base && i < units.length - 1) {
            v /= base;
            i++;
        }
        return formatNumber(v) + " " + units[i];
    }

    /** Three significant figures, no trailing zeros: 1.12, 16, 140, 0.0312. */
    public static String formatNumber(double v) {
        if (!Double.isFinite(v)) {
            return NONE;
        }
        String s = significant(v, 3);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /** The value as three significant figures show it: what decides the unit. */
    private static double shown(double v) {
        return v == 0 || !Double.isFinite(v) ? v : new BigDecimal(v).round(new MathContext(3)).doubleValue();
    }

    private static String significant(double v, int digits) {
        if (v == 0) {
            return "0";
        }
        double rounded = new BigDecimal(v).round(new MathContext(digits)).doubleValue();
        int magnitude = (int) Math.floor(Math.log10(Math.abs(rounded)));
        int decimals = Math.max(0, digits - 1 - magnitude);
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }
}
