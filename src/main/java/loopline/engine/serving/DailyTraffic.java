package loopline.engine.serving;

import java.util.Locale;
import loopline.engine.Ids;

/**
 * How traffic moves over a day, as measured: the mean request rate of each hour of the day over its daily mean, from
 * Azure's week-long LLM inference traces of May 2024 (Azure/AzurePublicDataset, analysis/AzureLLMInferenceDataset2024.ipynb
 * at b469a113: the per-minute request counts its plots show, read back to numbers within 1% of the traces' true means;
 * UTC hours, all seven days). The curve says how the hours differ; the scenario's peak-to-average, what the fixed fleet
 * is sized for, includes the bursts within the busiest hour too. Replicas sized hour by hour give the GPU-hours an
 * autoscaled fleet would pay.
 */
public enum DailyTraffic {
    /** The same traffic every hour: an autoscaled fleet is the fixed one. */
    FLAT(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}),
    /** Azure's 2024 conversation trace (27.3M requests): flat-ish, busiest at 14 UTC, 1.32× the mean; quietest 0.73×. */
    CONVERSATION(new double[] {0.899, 0.961, 0.957, 0.790, 0.795, 0.864, 0.967, 1.058, 1.077, 1.037, 0.969, 1.023, 1.137, 1.265,
            1.319, 1.244, 1.144, 1.097, 1.095, 1.016, 0.946, 0.820, 0.735, 0.785}),
    /** Azure's 2024 coding trace (16.8M requests): a working day, busiest at 19 UTC, 2.17× the mean; quietest 0.25×. */
    CODING(new double[] {0.778, 0.753, 0.703, 0.598, 0.482, 0.394, 0.337, 0.273, 0.247, 0.250, 0.261, 0.390, 0.683, 1.158, 1.607,
            1.717, 1.690, 1.895, 2.089, 2.174, 1.981, 1.509, 1.148, 0.883});

    public static final String AUTOSCALED_FORMULA = "Σ over the day's 24 hours of ⌈average requests/s × shape(hour) × max(1, "
            + "peak-to-average ÷ busiest hour's shape) ÷ requests/s one replica takes⌉ (at most the fixed fleet) × GPUs per replica"
            + " × $/GPU-hour × 30 days";

    private final double[] hourly;

    DailyTraffic(double[] hourly) {
        this.hourly = hourly;
    }

    /** Each hour's mean rate over the day's mean rate: the measured shape, hour 0 (UTC) first. */
    public double[] hourlyOverAverage() {
        return hourly.clone();
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DailyTraffic fromId(String id) {
        return Ids.fromId(values(), DailyTraffic::id, id, "daily traffic");
    }

    /**
     * What each hour's fleet is sized for, as a share of the peak the fixed fleet is sized for: the hour's mean (the
     * measured shape × the day's average) times the bursts within an hour, which the scenario's peak-to-average leaves
     * above the busiest hour's mean (peak-to-average ÷ that hour's shape, at least 1) and which come in every hour alike.
     * Capped at 1: an hour busier than the scenario's peak gets the fixed fleet, as the fixed fleet would give it.
     */
    public double[] hourlyOverPeak(double peakToAverage) {
        double busiest = java.util.Arrays.stream(hourly).max().orElse(1);
        double withinHour = Math.max(1, peakToAverage / busiest);
        return java.util.Arrays.stream(hourly).map(h -> Math.min(1, h * withinHour / peakToAverage)).toArray();
    }
}
