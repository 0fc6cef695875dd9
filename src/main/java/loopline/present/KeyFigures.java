package loopline.present;

import static loopline.present.Format.formatCount;
import static loopline.present.Format.formatDuration;
import static loopline.present.Format.formatNumber;
import static loopline.present.Format.formatUsd;
import static loopline.present.Format.formatWhole;

import java.util.List;
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
                new KeyFigure("Serving GPUs", im.fits() ? ranged(range, x -> x.serving().gpus(), Format::formatWhole) : "—",
                        im.fits() ? formatCount(sc.replicas()) + " × " + sp.shape().label() : "does not fit in memory",
                        Side.INFERENCE, Figure.SERVING_GPUS, !im.fits()),
                new KeyFigure("Days to train", ranged(range, x -> x.trainingRun().wallClockDays(), Format::formatNumber),
                        formatCount(e.trainingRun().gpuHours()) + " GPU-hours", Side.TRAINING, Figure.TRAINING_DAYS, false),
                new KeyFigure("Time to first token", ranged(range, x -> x.inferenceSpeed().latency().ttftP50Seconds(), Format::formatDuration),
                        "p50 at peak · p99 " + formatDuration(sp.latency().ttftP99Seconds()), Side.INFERENCE,
                        Figure.TIME_TO_FIRST_TOKEN, im.fits() && !sp.firstTokenTargetMet()),
                new KeyFigure("Tokens/s per user", ranged(range, x -> x.inferenceSpeed().tokensPerSecondPerUser(), Format::formatNumber),
                        (sp.speedTargetMet() ? "target " : "misses ") + formatNumber(target) + " · " + formatCount(sp.concurrentRequests())
                                + " in flight",
                        Side.INFERENCE, Figure.TOKENS_PER_SECOND_PER_USER, im.fits() && !sp.speedTargetMet()),
                new KeyFigure(TrainingMethodText.costNoun(e.scenario().training().method()) + " cost", ranged(range, x -> x.trainingRun().costUsd(), Format::formatUsd), "one-time", Side.TRAINING,
                        Figure.TRAINING_COST, false),
                new KeyFigure("Serving / month", sc.servable() ? ranged(range, x -> x.serving().monthlyCostUsd(), Format::formatUsd) : "—",
                        sc.servable() ? formatUsd(sc.costPerRequestUsd()) + " per request" : "no bill: does not fit",
                        Side.INFERENCE, Figure.MONTHLY_SERVING_COST, !sc.servable()),
                new KeyFigure("Training $/request", ranged(range, x -> x.serving().trainingCostPerRequestUsd(), Format::formatUsd),
                        "over " + formatNumber(horizon) + " months", Side.BOTH, Figure.TRAINING_COST_PER_REQUEST, false),
                new KeyFigure("Break-even", ranged(range, x -> x.serving().breakEvenMonths(), KeyFigures::months),
                        "serving passes training", Side.BOTH, Figure.BREAK_EVEN, false));
    }

    /** How long a break-even takes, in months, years past ten years, or "> 100 years". */
    static String months(double m) {
        return m > 1200 ? "> 100 years" : m > 120 ? formatNumber(m / 12) + " yr" : formatNumber(m) + " mo";
    }

    /** The likely figure, then its range when the uncertain inputs move it: "101 (86–140)"; alone when it is exact. */
    static String ranged(EstimateRange range, ToDoubleFunction<Estimate> figure, DoubleFunction<String> format) {
        String likely = format.apply(figure.applyAsDouble(range.likely()));
        double[] lowHigh = range.of(figure);
        String low = format.apply(lowHigh[0]);
        String high = format.apply(lowHigh[1]);
        return low.equals(high) ? likely : likely + " (" + low + "–" + high + ")";
    }
}
