package loopline.engine;

import java.util.ArrayList;
import java.util.List;

/** The engine's entry point: a scenario in, an estimate out. Pure, no I/O, safe from any thread. */
public final class Estimator {

    private Estimator() {
    }

    public static Estimate estimate(Scenario s) {
        ModelArchitecture model = s.model();
        TrainingMemory trainingMemory = TrainingMemory.of(model, s.training());
        TrainingRun run = TrainingRun.of(model, s.training());
        ServingModel.Result serving = ServingModel.evaluate(model, s.inference());
        ServingCost cost = ServingCost.of(s.inference(), serving.speed(), serving.memory(), run.costUsd(), s.horizonMonths());
        return new Estimate(s, model.totalParameters(), model.activeParameters(), trainingMemory, run,
                serving.memory(), serving.speed(), cost, warnings(s, trainingMemory, serving));
    }

    private static List<String> warnings(Scenario s, TrainingMemory tm, ServingModel.Result serving) {
        List<String> w = new ArrayList<>(2);
        TrainingSetup t = s.training();
        if (!tm.fitsOnGpu()) {
            w.add(tm.minGpusToFit() > 0
                    ? String.format("Training does not fit: %s per GPU on a %s GB %s; needs at least %d GPUs at this ZeRO stage and parallelism.",
                            Units.formatBytes(tm.perGpuBytes()), Units.formatNumber(tm.capacityBytes() / Units.GB), t.gpu().name(), tm.minGpusToFit())
                    : String.format("Training cannot fit on %s at any GPU count with ZeRO stage %d, TP %d, PP %d: raise the ZeRO stage, parallelism or recompute.",
                            t.gpu().name(), t.zeroStage(), t.tensorParallel(), t.pipelineParallel()));
        }
        Gpu tg = t.gpu();
        if (t.precision() == Precision.FP8 && tg.fp8FlopsPerSecond() <= 0) {
            w.add(tg.name() + " has no fp8 tensor cores: fp8 training runs at its 16-bit rate.");
        }
        if (t.precision() == Precision.BF16 && tg.bf16FlopsPerSecond() <= 0) {
            w.add(tg.name() + " has no bf16 tensor cores: bf16 is counted at its fp16 rate.");
        }
        InferenceMemory im = serving.memory();
        if (!im.fits()) {
            w.add(im.maxBatchByMemory() == 0
                    ? String.format("Serving does not fit: %s of weights per GPU leave no room for a request's KV cache on %d × %s.",
                            Units.formatBytes(im.weightsPerGpuBytes()), im.gpusPerReplica(), s.inference().gpu().name())
                    : String.format("Serving batch %d does not fit: memory holds at most %d sequences.",
                            serving.speed().batchSize(), im.maxBatchByMemory()));
        }
        if (!serving.speed().latencyTargetMet()) {
            w.add(String.format("Latency target missed: %s tokens/s per user at best, target %s.",
                    Units.formatNumber(serving.speed().tokensPerSecondPerUser()), Units.formatNumber(s.inference().targetTokensPerSecondPerUser())));
        }
        return w;
    }
}
