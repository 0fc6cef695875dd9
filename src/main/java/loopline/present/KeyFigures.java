package loopline.present;

import static loopline.present.Format.formatCount;
import static loopline.present.Format.formatDuration;
import static loopline.present.Format.formatNumber;
import static loopline.present.Format.formatUsd;
import static loopline.present.Format.formatWhole;

import java.util.List;
import loopline.engine.ApiComparison;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;
import loopline.engine.Estimate;
import loopline.engine.EstimateRange;
import loopline.engine.InferenceMemory;
import loopline.engine.InferenceSpeed;
import loopline.engine.ServingCost;
import loopline.engine.TrainingMemory;
import loopline.present.Figure;

/** The key-figure cards, in reading order, for the window and the report alike. */
public final class KeyFigures {
    private KeyFigures() {
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
        double horizon = e.scenario().horizonMonths();
        Ranged servingGpus = ranged(range, x -> x.serving().gpus(), Format::formatWhole);
        Ranged days = ranged(range, x -> x.trainingRun().wallClockDays(), Format::formatNumber);
        Ranged firstToken = ranged(range, x -> x.inferenceSpeed().latency().ttftP50Seconds(), Format::formatDuration);
        Ranged speed = ranged(range, x -> x.inferenceSpeed().tokensPerSecondPerUser(), Format::formatNumber);
        Ranged trainingCost = ranged(range, x -> x.trainingRun().costUsd(), Format::formatUsd);
        Ranged monthly = ranged(range, x -> x.serving().monthlyCostUsd(), Format::formatUsd);
        Ranged perRequest = ranged(range, x -> x.serving().trainingCostPerRequestUsd(), Format::formatUsd);
        Ranged breakEven = ranged(range, x -> x.serving().breakEvenMonths(), KeyFigures::months);
        return List.of(
                new KeyFigure("Training B/param", formatNumber(tm.bytesPerParameter()) + " B",
                        e.scenario().training().method().trainsAdapters()
                                ? "adapters: " + Format.formatPercent(tm.trainableParameters() / e.totalParameters())
                                : "model states only", Side.TRAINING, Figure.TRAINING_BYTES_PER_PARAMETER, false),
                new KeyFigure("Serving B/param", formatNumber(im.bytesPerParameter()) + " B",
                        "weights, + KV cache", Side.INFERENCE, Figure.INFERENCE_BYTES_PER_PARAMETER, false),
                new KeyFigure("Training GPUs", formatWhole(gpus),
                        tm.fitsOnGpu() ? "fits; min " + formatWhole(tm.minGpusToFit())
                                : tm.minGpusToFit() > 0 ? "too few: needs " + formatWhole(tm.minGpusToFit()) : "no GPU count fits",
                        Side.TRAINING, Figure.TRAINING_MIN_GPUS, !tm.fitsOnGpu()),
                new KeyFigure("Serving GPUs", im.fits() ? servingGpus.value() : "—", im.fits() ? servingGpus.range() : "",
                        im.fits() ? formatCount(sc.replicas()) + " × " + sp.shape().label() : "does not fit in memory",
                        Side.INFERENCE, Figure.SERVING_GPUS, !im.fits()),
                new KeyFigure("Days to train", days.value(), days.range(),
                        formatCount(e.trainingRun().gpuHours()) + " GPU-hours", Side.TRAINING, Figure.TRAINING_DAYS, false),
                new KeyFigure("Time to first token", firstToken.value(), firstToken.range(),
                        "p50 at peak · p99 " + formatDuration(sp.latency().ttftP99Seconds()), Side.INFERENCE,
                        Figure.TIME_TO_FIRST_TOKEN, im.fits() && !sp.firstTokenTargetMet()),
                new KeyFigure("Tokens/s per user", speed.value(), speed.range(),
                        (sp.speedTargetMet() ? "target " : "misses ") + formatNumber(target) + " · " + formatCount(sp.concurrentRequests())
                                + " in flight",
                        Side.INFERENCE, Figure.TOKENS_PER_SECOND_PER_USER, im.fits() && !sp.speedTargetMet()),
                new KeyFigure(TrainingMethodText.costNoun(e.scenario().training().method()) + " cost", trainingCost.value(), trainingCost.range(), "one-time", Side.TRAINING,
                        Figure.TRAINING_COST, false),
                new KeyFigure("Serving / month", sc.servable() ? monthly.value() : "—", sc.servable() ? monthly.range() : "",
                        sc.servable() ? formatUsd(sc.costPerRequestUsd()) + " per request" : "no bill: does not fit",
                        Side.INFERENCE, Figure.MONTHLY_SERVING_COST, !sc.servable()),
                new KeyFigure("Training $/request", perRequest.value(), perRequest.range(),
                        "over " + formatNumber(horizon) + " months", Side.BOTH, Figure.TRAINING_COST_PER_REQUEST, false),
                new KeyFigure("Break-even", breakEven.value(), breakEven.range(),
                        "serving passes training", Side.BOTH, Figure.BREAK_EVEN, false),
                apiCard(e));
    }

    /** The API price to beat, when the model is listed and can be self-hosted. */
    private static KeyFigure apiCard(Estimate e) {
        ApiComparison api = e.api();
        if (api == null) {
            return new KeyFigure("API instead", "—", "", "no listed price", Side.INFERENCE, Figure.API_COMPARISON, false);
        }
        double ratio = api.selfHostingMonthlyCostUsd() / api.monthlyCostUsd();
        String detail = ratio > 1 ? api.cheapest().provider() + " · " + formatNumber(ratio) + "× less"
                : "self-host " + formatNumber(1 / ratio) + "× less";
        return new KeyFigure("API instead / month", formatUsd(api.monthlyCostUsd()), "", detail, Side.INFERENCE,
                Figure.API_COMPARISON, false);
    }

    /** How long a break-even takes, in months, years past ten years, or "> 100 years". */
    static String months(double m) {
        return m > 1200 ? "> 100 years" : m > 120 ? formatNumber(m / 12) + " yr" : formatNumber(m) + " mo";
    }

    /** A figure's likely value and its range, both formatted for a card. */
    private record Ranged(String value, String range) {
    }

    /** The likely figure and its range when the uncertain inputs move it, "(86–140)"; an empty range when they do not. */
    private static Ranged ranged(EstimateRange range, ToDoubleFunction<Estimate> figure, DoubleFunction<String> format) {
        double[] lowHigh = range.of(figure);
        String low = format.apply(lowHigh[0]);
        String high = format.apply(lowHigh[1]);
        return new Ranged(format.apply(figure.applyAsDouble(range.likely())), low.equals(high) ? "" : "(" + low + "–" + high + ")");
    }
}
