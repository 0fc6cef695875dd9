package loopline.present;

import static loopline.engine.Units.SECONDS_PER_DAY;
import static loopline.engine.Units.SECONDS_PER_HOUR;

import java.util.Locale;

/** The one place numbers are formatted for people: units, significant figures, ASCII digits in every locale. */
public final class Format {
    private Format() {
    }

    /** 1.2 KB, 140 GB, 1.12 TB (decimal units, as GPU datasheets use). */
    public static String formatBytes(double bytes) {
        return scaled(bytes, new String[] {"B", "KB", "MB", "GB", "TB", "PB"}, 1000);
    }

    /** 512 KiB — for figures that are powers of two, such as KV cache per token. */
    public static String formatBinaryBytes(double bytes) {
        return scaled(bytes, new String[] {"B", "KiB", "MiB", "GiB", "TiB"}, 1024);
    }

    public static String formatParameters(double parameters) {
        if (parameters >= 1e12) {
            return formatNumber(parameters / 1e12) + "T";
        }
        if (parameters >= 1e9) {
            return formatNumber(parameters / 1e9) + "B";
        }
        return formatNumber(parameters / 1e6) + "M";
    }

    /** $0.0042, $12.50, $1.2k, $3.4M, $1.1B */
    public static String formatUsd(double usd) {
        if (!Double.isFinite(usd)) {
            return "—";
        }
        double a = Math.abs(usd);
        if (a >= 1e9) {
            return "$" + formatNumber(usd / 1e9) + "B";
        }
        if (a >= 1e6) {
            return "$" + formatNumber(usd / 1e6) + "M";
        }
        if (a >= 1e3) {
            return "$" + formatNumber(usd / 1e3) + "k";
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "$%,.0f", usd);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "$%,.2f", usd);
        }
        if (a == 0) {
            return "$0";
        }
        return "$" + significant(usd, 2);
    }

    /** 36 ms, 1.4 s, 3.2 h, 12 days, 2.1 years */
    public static String formatDuration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "—";
        }
        if (seconds < 1e-3) {
            return formatNumber(seconds * 1e6) + " µs";
        }
        if (seconds < 1) {
            return formatNumber(seconds * 1e3) + " ms";
        }
        if (seconds < 120) {
            return formatNumber(seconds) + " s";
        }
        if (seconds < 2 * SECONDS_PER_HOUR) {
            return formatNumber(seconds / 60) + " min";
        }
        if (seconds < 2 * SECONDS_PER_DAY) {
            return formatNumber(seconds / SECONDS_PER_HOUR) + " h";
        }
        if (seconds < 730 * SECONDS_PER_DAY) {
            return formatNumber(seconds / SECONDS_PER_DAY) + " days";
        }
        return formatNumber(seconds / (365 * SECONDS_PER_DAY)) + " years";
    }

    /** 1,234 or 12.3k or 4.5M, for counts and rates. */
    public static String formatCount(double n) {
        if (!Double.isFinite(n)) {
            return "—";
        }
        double a = Math.abs(n);
        if (a >= 1e12) {
            return formatNumber(n / 1e12) + "T";
        }
        if (a >= 1e9) {
            return formatNumber(n / 1e9) + "B";
        }
        if (a >= 1e6) {
            return formatNumber(n / 1e6) + "M";
        }
        if (a >= 1e4) {
            return formatNumber(n / 1e3) + "k";
        }
        if (a >= 100 || n == Math.rint(n)) {
            return String.format(Locale.ROOT, "%,.0f", n);
        }
        return formatNumber(n);
    }

    /** Whole counts people compare exactly (GPUs): 16,384 up to a million, then 1.2M. */
    public static String formatWhole(double n) {
        return Math.abs(n) < 1e6 ? String.format(Locale.ROOT, "%,.0f", n) : formatCount(n);
    }

    /** 27.5 months, or years past ten years: 97 years. */
    public static String formatMonths(double months) {
        return months > 120 ? formatNumber(months / 12) + " years" : formatNumber(months) + " months";
    }

    /** 140 GFLOP, 2.9 PFLOP; past peta in powers of ten (7.32e24 FLOP), which people read more easily than ZFLOP. */
    public static String formatFlops(double flops) {
        if (flops >= 1e18 && Double.isFinite(flops)) {
            int exponent = (int) Math.floor(Math.log10(flops));
            return formatNumber(flops / Math.pow(10, exponent)) + "e" + exponent + " FLOP";
        }
        return scaled(flops, new String[] {"FLOP", "kFLOP", "MFLOP", "GFLOP", "TFLOP", "PFLOP"}, 1000);
    }

    public static String formatPercent(double share) {
        return formatNumber(share * 100) + "%";
    }

    private static String scaled(double value, String[] units, double base) {
        if (!Double.isFinite(value)) {
            return "—";
        }
        int i = 0;
        double v = value;
        while (Math.abs(v) >= base && i < units.length - 1) {
            v /= base;
            i++;
        }
        return formatNumber(v) + " " + units[i];
    }

    /** Three significant figures, no trailing zeros: 1.12, 16, 140, 0.0312. */
    public static String formatNumber(double v) {
        String s = significant(v, 3);
        if (s.contains(".") && !s.contains("E")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    private static String significant(double v, int digits) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        int magnitude = (int) Math.floor(Math.log10(a));
        int decimals = Math.max(0, digits - 1 - magnitude);
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }
}
