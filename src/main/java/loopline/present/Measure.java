package loopline.present;

import java.util.function.DoubleFunction;

/** What a key figure's amount counts, and so how an amount or a difference of two is written. */
public enum Measure {
    USD(Format::formatUsd),
    /** An amount per request: "$0.0010", or "$0.32 per 1M" when tiny. */
    USD_PER_REQUEST(Format::formatUsdPerRequest),
    SECONDS(Format::formatDuration),
    MONTHS(Format::formatMonths),
    COUNT(Format::formatCount),
    WHOLE(Format::formatWhole),
    NUMBER(Format::formatNumber),
    BYTES_PER_PARAMETER(v -> Format.formatNumber(v) + " B"),
    WATT_HOURS(Format::formatWattHours),
    WATTS(Format::formatWatts);

    private final DoubleFunction<String> format;

    Measure(DoubleFunction<String> format) {
        this.format = format;
    }

    public String format(double amount) {
        return format.apply(amount);
    }
}
