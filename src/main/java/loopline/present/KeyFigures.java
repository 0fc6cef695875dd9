package loopline.present;

import static loopline.engine.Units.SECONDS_PER_DAY;
import static loopline.present.Format.formatCount;
import static loopline.present.Format.formatDuration;
import static loopline.present.Format.formatNumber;
import static loopline.present.Format.formatUsd;
import static loopline.present.Format.formatWhole;

import java.util.List;
import java.util.function.ToDoubleFunction;
import loopline.engine.Estimate;
import loopline.engine.economics.ApiComparison;
import loopline.engine.economics.EstimateRange;
import loopline.engine.economics.ServingCost;
import loopline.engine.economics.ServingEnergy;
import loopline.engine.serving.Disaggregation;
import loopline.engine.serving.InferenceMemory;
import loopline.engine.serving.InferenceSpeed;
import loopline.engine.training.TrainingMemory;
import loopline.present.KeyFigure.Better;

/** The key-figure cards, in reading order, for the window and the report alike. */
public final class KeyFigures {
    private KeyFigures() {
    }

    /**
     * The baseline's card for the same figure (by label: two scenarios may show different sets of cards, e.g. only
     * one has an API price), or null when the baseline has none or there is no baseline.
     */
    public static KeyFigure counterpart(KeyFigure k, List<KeyFigure> baseline) {
        if (baseline != null) {
            for (KeyFigure b : baseline) {
                if (b.label().equals(k.label())) {
                    return b;
                }
            }
        }
        return null;
    }

    /** The cards with each uncertain figure's range, "101 days (86–140)" (see {@link EstimateRange}). */
    public static List<KeyFigure> of(Estimate e) {
        return of(e, EstimateRange.of(e));
    }

    public static List<KeyFigure> of(Estimate e, EstimateRange range) {
        TrainingMemory tm = e.trainingMemory();
        InferenceMemory im = e.inferenceMemory();
        InferenceSpeed sp = e.inferenceSpeed();
        ServingCost sc = e.serving();
        int gpus = e.scenario().training().gpuCount();
        double target = e.scenario().inference().targetTokensPerSecondPerUser();
        double horizon = e.scenario().economics().horizonMonths();
        Ranged servingGpus = ranged(range, x -> x.serving().gpus(), Measure.WHOLE);
        Ranged time = ranged(range, x -> x.trainingRun().wallClockDays() * SECONDS_PER_DAY, Measure.SECONDS);
        Ranged firstToken = ranged(range, x -> x.inferenceSpeed().latency().ttftP50Seconds(), Measure.SECONDS);
        Ranged speed = ranged(range, x -> x.inferenceSpeed().tokensPerSecondPerUser(), Measure.NUMBER);
        Ranged trainingCost = ranged(range, Estimate::trainingCostUsd, Measure.USD);
        Ranged monthly = ranged(range, x -> x.serving().monthlyCostUsd(), Measure.USD);
        Ranged perRequest = ranged(range, x -> x.serving().trainingCostPerRequestUsd(), Measure.USD_PER_REQUEST);
        Ranged breakEven = ranged(range, x -> x.serving().breakEvenMonths(), Measure.MONTHS);
        Ranged trainingEnergy = ranged(range, x -> x.trainingEnergy().energyKwh() * 1000, Measure.WATT_HOURS);
        Ranged servingEnergy = ranged(range, x -> x.servingEnergy().monthlyKwh() * 1000, Measure.WATT_HOURS);
        Ranged perRequestEnergy = ranged(range, x -> x.servingEnergy().whPerRequest(), Measure.WATT_HOURS);
        ServingEnergy se = e.servingEnergy();
        Ranged none = new Ranged(Format.NONE, "", Double.NaN);
        return List.of(
                new KeyFigure("Training B/param", Measure.BYTES_PER_PARAMETER.format(tm.bytesPerParameter()),
                        e.scenario().training().method().trainsAdapters()
                                ? "adapters: " + Format.formatPercent(tm.trainableParameters() / e.totalParameters())
                                : "model states only", Side.TRAINING, Figure.TRAINING_BYTES_PER_PARAMETER, false,
                        tm.bytesPerParameter(), Measure.BYTES_PER_PARAMETER, Better.LOWER),
                new KeyFigure("Serving B/param", Measure.BYTES_PER_PARAMETER.format(im.bytesPerParameter()),
                        "weights, + KV cache", Side.INFERENCE, Figure.INFERENCE_BYTES_PER_PARAMETER, false,
                        im.bytesPerParameter(), Measure.BYTES_PER_PARAMETER, Better.LOWER),
                new KeyFigure("Training GPUs", formatWhole(gpus),
                        tm.fitsOnGpu() ? "fits; min " + formatWhole(tm.minGpusToFit())
                                : tm.minGpusToFit() > 0 ? "too few: needs " + formatWhole(tm.minGpusToFit()) : "no GPU count fits",
                        Side.TRAINING, Figure.TRAINING_MIN_GPUS, !tm.fitsOnGpu(), gpus, Measure.WHOLE, Better.NEITHER),
                card("Serving GPUs", im.fits() ? servingGpus : none,
                        im.fits() ? formatCount(sc.replicas(), "replica", "replicas") + " × " + sp.shape().label() + " · "
                                + CapacityText.bound(sp, e.scenario().inference()) : "does not fit in memory",
                        Side.INFERENCE, Figure.SERVING_GPUS, !im.fits(), Measure.WHOLE, Better.LOWER),
                card("Time to train", time, formatCount(e.trainingRun().gpuHours()) + " GPU-hours", Side.TRAINING,
                        Figure.TRAINING_DAYS, false, Measure.SECONDS, Better.LOWER),
                card("Time to first token", firstToken, "p50 " + CapacityText.whereShort(sp, e.scenario().inference()) + " · p99 "
                        + formatDuration(sp.latency().ttftP99Seconds()),
                        Side.INFERENCE, Figure.TIME_TO_FIRST_TOKEN, im.fits() && !sp.firstTokenTargetMet(), Measure.SECONDS, Better.LOWER),
                card("Tokens/s per user", speed,
                        (sp.speedTargetMet() ? "target " : "misses ") + formatNumber(target) + " · " + formatCount(sp.concurrentRequests())
                                + " in flight",
                        Side.INFERENCE, Figure.TOKENS_PER_SECOND_PER_USER, im.fits() && !sp.speedTargetMet(), Measure.NUMBER, Better.HIGHER),
                card(TrainingMethodText.costNoun(e.scenario().training().method()) + " cost", trainingCost, "one-time" + (e.scenario().economics().owned()
                        ? OwnedCostText.cardSuffix(e.trainingEnergy().electricityUsd()) : ""), Side.TRAINING,
                        Figure.TRAINING_COST, false, Measure.USD, Better.LOWER),
                card("Serving / month", sc.servable() ? monthly : none,
                        sc.servable() ? Format.formatUsdPerRequestPhrase(sc.costPerRequestUsd()) + autoscaled(e)
                                + (e.scenario().economics().owned() ? OwnedCostText.cardSuffix(sc.monthlyElectricityUsd()) : "") : "no bill: does not fit",
                        Side.INFERENCE, Figure.MONTHLY_SERVING_COST, !sc.servable(), Measure.USD, Better.LOWER),
                card("Training $/request", perRequest, "over " + Format.formatMonths(horizon), Side.BOTH,
                        Figure.TRAINING_COST_PER_REQUEST, false, Measure.USD_PER_REQUEST, Better.LOWER),
                card("Break-even", breakEven, "serving passes training", Side.BOTH, Figure.BREAK_EVEN, false, Measure.MONTHS,
                        Better.NEITHER),
                apiCard(e),
                card("Training energy", trainingEnergy, Format.formatCo2e(e.trainingEnergy().emissionsKgCo2e()), Side.TRAINING,
                        Figure.TRAINING_ENERGY, false, Measure.WATT_HOURS, Better.LOWER),
                card("Serving energy", sc.servable() ? servingEnergy : none,
                        sc.servable() ? "a month · " + Format.formatCo2e(se.monthlyEmissionsKgCo2e()) + autoscaledEnergy(e) : "does not fit",
                        Side.INFERENCE, Figure.SERVING_ENERGY, !sc.servable(), Measure.WATT_HOURS, Better.LOWER),
                card("Energy per request", sc.servable() ? perRequestEnergy : none,
                        sc.servable() ? Format.formatNumber(se.joulesPerOutputToken()) + " J per output token" : "does not fit",
                        Side.INFERENCE, Figure.ENERGY_PER_REQUEST, !sc.servable(), Measure.WATT_HOURS, Better.LOWER),
                disaggregatedCard(e));
    }

    /** What separate prefill and decode pools would pay for the same targets, beside the co-located bill. */
    private static KeyFigure disaggregatedCard(Estimate e) {
        Disaggregation d = e.disaggregation();
        if (d == null || !d.feasible()) {
            String why = d == null ? (e.serving().servable() ? "a set batch: one replica" : "does not fit")
                    : d.prefill() == null && d.decode().targetsMet() ? "no time left to prefill" : "misses the targets";
            return new KeyFigure("Split prefill / decode", Format.NONE, "", why, Side.INFERENCE, Figure.DISAGGREGATED_SERVING, false,
                    Double.NaN, Measure.USD, Better.NEITHER);
        }
        double split = e.withElectricity(d.monthlyCostUsd());
        double ratio = e.serving().monthlyCostUsd() / split;
        String verdict = ratio > 1.005 ? formatNumber(ratio) + "× less" : ratio < 0.995 ? formatNumber(1 / ratio) + "× more" : "the same";
        return new KeyFigure("Split prefill / decode", formatUsd(split), "", formatWhole(d.gpus()) + " GPUs · " + verdict,
                Side.INFERENCE, Figure.DISAGGREGATED_SERVING, false, split, Measure.USD, Better.LOWER);
    }

    private static KeyFigure card(String label, Ranged r, String detail, Side side, Figure figure, boolean problem, Measure measure,
                                  Better better) {
        return new KeyFigure(label, r.value(), r.range(), detail, side, figure, problem, r.amount(), measure, better);
    }

    /** " · autoscaled $447k" when a fleet that follows the day would pay less than the fixed one. */
    private static String autoscaled(Estimate e) {
        ServingCost sc = e.serving();
        return sc.autoscaledMonthlyCostUsd() < sc.monthlyCostUsd() * (1 - 1e-9) ? " · autoscaled " + formatUsd(sc.autoscaledMonthlyCostUsd()) : "";
    }

    /** " · autoscaled 150 MWh" beside the autoscaled bill: the energy of the fleet that follows the day, when it pays less. */
    private static String autoscaledEnergy(Estimate e) {
        return autoscaled(e).isEmpty() ? "" : " · autoscaled " + Format.formatWattHours(e.servingEnergy().autoscaledMonthlyKwh() * 1000);
    }

    /** The API price to beat, when the model is listed and can be self-hosted. */
    private static KeyFigure apiCard(Estimate e) {
        ApiComparison api = e.api();
        if (api == null) {
            return new KeyFigure("API instead", Format.NONE, "", "no listed price", Side.INFERENCE, Figure.API_COMPARISON, false,
                    Double.NaN, Measure.USD, Better.NEITHER);
        }
        double ratio = api.selfHostingMonthlyCostUsd() / api.monthlyCostUsd();
        String detail = ratio > 1 ? api.cheapest().provider() + " · " + formatNumber(ratio) + "× less"
                : "self-host " + formatNumber(1 / ratio) + "× less";
        return new KeyFigure("API instead / month", formatUsd(api.monthlyCostUsd()), "", detail, Side.INFERENCE,
                Figure.API_COMPARISON, false, api.monthlyCostUsd(), Measure.USD, Better.NEITHER);
    }

    /** A figure's likely value and its range, both formatted for a card, and the likely amount. */
    private record Ranged(String value, String range, double amount) {
    }

    /** The likely figure and its range when the uncertain inputs move it, "(86–140 days)"; an empty range when they do not. */
    private static Ranged ranged(EstimateRange range, ToDoubleFunction<Estimate> figure, Measure measure) {
        double[] lowHigh = range.of(figure);
        String low = measure.format(lowHigh[0]);
        String high = measure.format(lowHigh[1]);
        double likely = figure.applyAsDouble(range.likely());
        return new Ranged(measure.format(likely), low.equals(high) ? "" : "(" + Format.formatRange(low, high) + ")", likely);
    }
}
