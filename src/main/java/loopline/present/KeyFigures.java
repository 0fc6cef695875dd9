package loopline.present;

import static loopline.present.Format.formatCount;
import static loopline.present.Format.formatDuration;
import static loopline.present.Format.formatNumber;
import static loopline.present.Format.formatUsd;
import static loopline.present.Format.formatWhole;

import java.util.List;
import loopline.engine.ApiComparison;
import loopline.engine.Estimate;
import loopline.engine.InferenceMemory;
import loopline.engine.InferenceSpeed;
import loopline.engine.ServingCost;
import loopline.engine.TrainingMemory;
import loopline.present.Figure;

/** The key-figure cards, in reading order, for the window and the report alike. */
public final class KeyFigures {
    private KeyFigures() {
    }

    public static List<KeyFigure> of(Estimate e) {
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
                new KeyFigure("Serving GPUs", im.fits() ? formatWhole(sc.gpus()) : "—",
                        im.fits() ? formatCount(sc.replicas()) + " × " + sp.shape().label() : "does not fit in memory",
                        Side.INFERENCE, Figure.SERVING_GPUS, !im.fits()),
                new KeyFigure("Days to train", formatNumber(e.trainingRun().wallClockDays()),
                        formatCount(e.trainingRun().gpuHours()) + " GPU-hours", Side.TRAINING, Figure.TRAINING_DAYS, false),
                new KeyFigure("Time to first token", formatDuration(sp.latency().ttftP50Seconds()),
                        "p50 at peak · p99 " + formatDuration(sp.latency().ttftP99Seconds()), Side.INFERENCE,
                        Figure.TIME_TO_FIRST_TOKEN, im.fits() && !sp.firstTokenTargetMet()),
                new KeyFigure("Tokens/s per user", formatNumber(sp.tokensPerSecondPerUser()),
                        (sp.speedTargetMet() ? "target " : "misses ") + formatNumber(target) + " · " + formatCount(sp.concurrentRequests())
                                + " in flight",
                        Side.INFERENCE, Figure.TOKENS_PER_SECOND_PER_USER, im.fits() && !sp.speedTargetMet()),
                new KeyFigure(TrainingMethodText.costNoun(e.scenario().training().method()) + " cost", formatUsd(e.trainingRun().costUsd()), "one-time", Side.TRAINING,
                        Figure.TRAINING_COST, false),
                new KeyFigure("Serving / month", sc.servable() ? formatUsd(sc.monthlyCostUsd()) : "—",
                        sc.servable() ? formatUsd(sc.costPerRequestUsd()) + " per request" : "no bill: does not fit",
                        Side.INFERENCE, Figure.MONTHLY_SERVING_COST, !sc.servable()),
                new KeyFigure("Training $/request", formatUsd(sc.trainingCostPerRequestUsd()),
                        "over " + formatNumber(horizon) + " months", Side.BOTH, Figure.TRAINING_COST_PER_REQUEST, false),
                new KeyFigure("Break-even", sc.breakEvenMonths() > 1200 ? "> 100 years"
                                : sc.breakEvenMonths() > 120 ? formatNumber(sc.breakEvenMonths() / 12) + " yr" : formatNumber(sc.breakEvenMonths()) + " mo",
                        "serving passes training", Side.BOTH, Figure.BREAK_EVEN, false),
                apiCard(e));
    }

    /** The API price to beat, when the model is listed and can be self-hosted. */
    private static KeyFigure apiCard(Estimate e) {
        ApiComparison api = e.api();
        if (api == null) {
            return new KeyFigure("API instead", "—", "no listed price", Side.INFERENCE, Figure.API_COMPARISON, false);
        }
        double ratio = api.selfHostingMonthlyCostUsd() / api.monthlyCostUsd();
        String detail = ratio > 1 ? api.cheapest().provider() + " · " + formatNumber(ratio) + "× less"
                : "self-host " + formatNumber(1 / ratio) + "× less";
        return new KeyFigure("API instead / month", formatUsd(api.monthlyCostUsd()), detail, Side.INFERENCE, Figure.API_COMPARISON, false);
    }
}
