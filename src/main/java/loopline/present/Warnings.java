package loopline.present;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loopline.engine.Estimate;
import loopline.engine.Gpu;
import loopline.engine.InferenceMemory;
import loopline.engine.InferenceSpeed;
import loopline.engine.Precision;
import loopline.engine.Scenario;
import loopline.engine.TrainingMemory;
import loopline.engine.TrainingSetup;
import loopline.engine.Units;

/** The sentences an estimate owes its reader when something does not work as set up. */
public final class Warnings {
    private Warnings() {
    }

    public static List<String> of(Estimate e) {
        Scenario s = e.scenario();
        TrainingMemory tm = e.trainingMemory();
        InferenceMemory im = e.inferenceMemory();
        InferenceSpeed speed = e.inferenceSpeed();

        List<String> w = new ArrayList<>(2);
        TrainingSetup t = s.training();
        if (!tm.fitsOnGpu()) {
            w.add(tm.minGpusToFit() > 0
                    ? String.format(Locale.ROOT, "Training does not fit: %s per GPU on a %s GB %s; needs at least %d GPUs at this ZeRO stage and parallelism.",
                            Format.formatBytes(tm.perGpuBytes()), Format.formatNumber(tm.capacityBytes() / Units.GB), t.gpu().name(), tm.minGpusToFit())
                    : String.format(Locale.ROOT, "Training cannot fit on %s at any GPU count with ZeRO stage %d, TP %d, PP %d: raise the ZeRO stage, parallelism or recompute.",
                            t.gpu().name(), t.zeroStage(), t.tensorParallel(), t.pipelineParallel()));
        }
        Gpu tg = t.gpu();
        if (t.precision() == Precision.FP8 && tg.fp8FlopsPerSecond() <= 0) {
            w.add(tg.name() + " has no fp8 tensor cores: fp8 training runs at its 16-bit rate.");
        }
        if (t.precision() == Precision.BF16 && tg.bf16FlopsPerSecond() <= 0) {
            w.add(tg.name() + " has no bf16 tensor cores: bf16 is counted at its fp16 rate.");
        }
        if (!im.fits()) {
            w.add(im.maxBatchByMemory() == 0
                    ? String.format(Locale.ROOT, "Serving does not fit: %s of weights per GPU leave no room for a request's KV cache on %d × %s.",
                            Format.formatBytes(im.weightsPerGpuBytes()), im.gpusPerReplica(), s.inference().gpu().name())
                    : String.format(Locale.ROOT, "Serving batch %d does not fit: memory holds at most %d sequences.",
                            speed.batchSize(), im.maxBatchByMemory()));
        }
        if (!speed.latencyTargetMet()) {
            w.add(String.format(Locale.ROOT, "Latency target missed: %s tokens/s per user at best, target %s.",
                    Format.formatNumber(speed.tokensPerSecondPerUser()), Format.formatNumber(s.inference().targetTokensPerSecondPerUser())));
        }
        return w;
    }
}
