package loopline.present;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loopline.engine.Estimate;
import loopline.engine.Scenario;
import loopline.engine.Units;
import loopline.engine.hardware.Gpu;
import loopline.engine.hardware.Precision;
import loopline.engine.serving.InferenceMemory;
import loopline.engine.serving.InferenceSetup;
import loopline.engine.serving.InferenceSpeed;
import loopline.engine.serving.ShapeOption;
import loopline.engine.training.TrainingMemory;
import loopline.engine.training.TrainingMethod;
import loopline.engine.training.TrainingSetup;

/** The sentences an estimate owes its reader when something does not work as set up. */
public final class Warnings {
    /** Adapters worth a word once they train this share of the weights: LoRA then saves little over a full fine-tune. */
    static final double LARGE_ADAPTER_SHARE = 0.1;
    /** A pinned replica shape is worth a word once the free choice would cost at most two thirds of it. */
    static final double PINNED_WARNING_RATIO = 0.67;
    /** Meeting the targets is worth a word when a shape that misses them would cost a third or less. */
    static final double BARELY_REACHABLE_RATIO = 3;

    private Warnings() {
    }

    /** The cheapest option that misses a target, if it costs at most a third of the chosen one that meets them. */
    private static ShapeOption cheapestMissingTheTargets(Estimate e) {
        ShapeOption chosen = e.serving().chosen();
        return e.serving().options().stream()
                .filter(o -> !o.targetsMet() && o.replicas() > 0 && o.monthlyCostUsd() * BARELY_REACHABLE_RATIO < chosen.monthlyCostUsd())
                .findFirst().orElse(null);
    }

    /** An owned cluster of a GPU the catalog has no purchase price for keeps its rental price, unless one was typed. */
    private static void ownedWithoutPurchasePrice(Scenario s, Gpu gpu, double price, String side, List<String> w) {
        if (s.economics().owned() && !gpu.hasPurchasePrice() && price == gpu.pricePerGpuHourUsd()) {
            w.add(side + " is costed as rented (" + Format.formatUsd(price) + "/GPU-hour): the catalog has no purchase price for "
                    + gpu.name() + ". Type the owned price in Advanced, or add a \"purchase\" to assets/gpus.json.");
        }
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
        if (t.method() != TrainingMethod.PRETRAIN && s.model().derived()) {
            w.add("A fine-tune starts from a checkpoint, and a derived model has none: pick a catalog model to fine-tune.");
        }
        double adapterShare = tm.trainableParameters() / e.totalParameters();
        if (t.method().trainsAdapters() && adapterShare > LARGE_ADAPTER_SHARE) {
            w.add(String.format(Locale.ROOT, "Rank %s adapters train %s of the weights: at this rank LoRA saves little over a full fine-tune.",
                    Format.formatNumber(t.loraRank()), Format.formatPercent(adapterShare)));
        }
        Gpu tg = t.gpu();
        if (t.precision() == Precision.FP8 && tg.fp8FlopsPerSecond() <= 0) {
            w.add(tg.name() + " has no fp8 tensor cores: fp8 training runs at its 16-bit rate.");
        }
        if (t.precision() == Precision.BF16 && tg.bf16FlopsPerSecond() <= 0) {
            w.add(tg.name() + " has no bf16 tensor cores: bf16 is counted at its fp16 rate.");
        }
        InferenceSetup inf = s.inference();
        ownedWithoutPurchasePrice(s, tg, t.pricePerGpuHourUsd(), "Training", w);
        ownedWithoutPurchasePrice(s, inf.gpu(), inf.pricePerGpuHourUsd(), "Serving", w);
        if (!im.fits()) {
            w.add(String.format(Locale.ROOT,
                    "Serving does not fit: %s of weights per GPU leave no room for a request's KV cache on %d × %s; no bill is shown.",
                    Format.formatBytes(im.weightsPerGpuBytes()), im.gpusPerReplica(), inf.gpu().name()));
        } else {
            if (!speed.speedTargetMet()) {
                w.add(String.format(Locale.ROOT, "Speed target missed: %s tokens/s per user at best on %s, target %s.",
                        Format.formatNumber(speed.tokensPerSecondPerUser()), speed.shape().label(),
                        Format.formatNumber(inf.targetTokensPerSecondPerUser())));
            }
            if (!speed.firstTokenTargetMet()) {
                w.add(String.format(Locale.ROOT, "First-token target missed: p99 %s at best, target %s.",
                        Format.formatDuration(speed.latency().ttftP99Seconds()), Format.formatDuration(inf.targetTimeToFirstTokenSeconds())));
            }
            long schedulable = Math.min(im.sequencesByMemory(), (long) inf.maxConcurrentSequences() * speed.shape().attentionGroups());
            if (inf.batchSize() > schedulable) {
                w.add(String.format(Locale.ROOT,
                        "Batch %d does not fit: memory holds %s sequences per replica and the scheduler runs at most %s; the rest wait.",
                        inf.batchSize(), Format.formatCount(im.sequencesByMemory()), Format.formatCount(inf.maxConcurrentSequences())));
            }
        }
        ShapeOption free = e.serving().unpinnedBest();
        ShapeOption chosen = e.serving().chosen();
        if (im.fits() && free != null && free.monthlyCostUsd() < PINNED_WARNING_RATIO * chosen.monthlyCostUsd()) {
            w.add(String.format(Locale.ROOT, "%s is pinned; %s would serve this traffic for %s/month instead of %s.",
                    chosen.shape().label(), free.shape().label(), Format.formatUsd(free.monthlyCostUsd()),
                    Format.formatUsd(chosen.monthlyCostUsd())));
        }
        ShapeOption missing = cheapestMissingTheTargets(e);
        if (im.fits() && chosen.targetsMet() && missing != null) {
            w.add(String.format(Locale.ROOT,
                    "The targets are barely reachable: meeting them takes %s/month; %s would cost %s/month but miss them "
                            + "(one replica takes %s requests/s at the targets).",
                    Format.formatUsd(chosen.monthlyCostUsd()), missing.shape().label(), Format.formatUsd(missing.monthlyCostUsd()),
                    Format.formatNumber(chosen.capacityRequestsPerSecond())));
        }
        if (inf.expertParallel() > 1 && s.model().moe() == null) {
            w.add("Expert parallelism is set but " + s.model().name() + " has no experts: it is ignored.");
        }
        double context = inf.promptTokens() + inf.outputTokens();
        if (s.model().maxContext() > 0 && context > s.model().maxContext()) {
            w.add(String.format(Locale.ROOT, "Prompt + answer (%s tokens) is longer than %s's context window of %s tokens.",
                    Format.formatCount(context), s.model().name(), Format.formatCount(s.model().maxContext())));
        }
        Gpu sg = inf.gpu();
        if (!sg.computesNatively(inf.precision())) {
            w.add(sg.name() + " has no " + inf.precision().id() + " tensor cores: the weights are stored in "
                    + inf.precision().id() + " but the matmuls run in " + sg.inferenceComputeFormat(inf.precision()).id() + ".");
        }
        return w;
    }
}
