package loopline.present;

import static loopline.present.Format.formatCount;
import static loopline.present.Format.formatDuration;
import static loopline.present.Format.formatNumber;
import static loopline.present.Format.formatUsd;
import static loopline.present.Format.formatWhole;

import java.util.List;
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
                        "model states only", Side.TRAINING, Figure.TRAINING_BYTES_PER_PARAMETER, false),
                new KeyFigure("Serving B/param", formatNumber(im.bytesPerParameter()) + " B",
                        "weights, + KV cache", Side.INFERENCE, Figure.INFERENCE_BYTES_PER_PARAMETER, false),
                new KeyFigure("Training GPUs", formatWhole(gpus),
                        tm.fitsOnGpu() ? "fits; min " + formatWhole(tm.minGpusToFit())
                                : tm.minGpusToFit() > 0 ? "too few: needs " + formatWhole(tm.minGpusToFit()) : "no GPU count fits",
                        Side.TRAINING, Figure.TRAINING_MIN_GPUS, !tm.fitsOnGpu()),
                new KeyFigure("Serving GPUs", formatWhole(sc.gpus()),
                        im.fits() ? formatCount(sc.replicas()) + " replicas × " + im.gpusPerReplica() : "does not fit in memory",
                        Side.INFERENCE, Figure.SERVING_GPUS, !im.fits()),
                new KeyFigure("Days to train", formatNumber(e.trainingRun().wallClockDays()),
                        formatCount(e.trainingRun().gpuHours()) + " GPU-hours", Side.TRAINING, Figure.TRAINING_DAYS, false),
                new KeyFigure("Time to first token", formatDuration(sp.timeToFirstTokenSeconds()),
                        formatCount(e.scenario().inference().promptTokens()) + "-token prompt", Side.INFERENCE,
                        Figure.TIME_TO_FIRST_TOKEN, false),
                new KeyFigure("Tokens/s per user", formatNumber(sp.tokensPerSecondPerUser()),
                        (sp.latencyTargetMet() ? "target " : "misses ") + formatNumber(target) + " · batch " + sp.batchSize(),
                        Side.INFERENCE, Figure.TOKENS_PER_SECOND_PER_USER, !sp.latencyTargetMet()),
                new KeyFigure("Training cost", formatUsd(e.trainingRun().costUsd()), "one-time", Side.TRAINING,
                        Figure.TRAINING_COST, false),
                new KeyFigure("Serving / month", formatUsd(sc.monthlyCostUsd()),
                        formatUsd(sc.costPerRequestUsd()) + " per request", Side.INFERENCE, Figure.MONTHLY_SERVING_COST, false),
                new KeyFigure("Training $/request", formatUsd(sc.trainingCostPerRequestUsd()),
                        "over " + formatNumber(horizon) + " months", Side.BOTH, Figure.TRAINING_COST_PER_REQUEST, false),
                new KeyFigure("Break-even", sc.breakEvenMonths() > 1200 ? "> 100 years"
                                : sc.breakEvenMonths() > 120 ? formatNumber(sc.breakEvenMonths() / 12) + " yr" : formatNumber(sc.breakEvenMonths()) + " mo",
                        "serving passes training", Side.BOTH, Figure.BREAK_EVEN, false));
    }
}
