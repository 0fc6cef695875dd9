package loopline.engine.training;

import static loopline.Fixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The methods' order at one and the same setup: QLoRA never needs more GPU memory than LoRA, nor LoRA more than a
 * full fine-tune; a frozen base is never slower to train than a trained one, and QLoRA never faster than LoRA.
 * Stated where fine-tunes run, on one node of up to 8 GPUs, with ranks to 256 on models of 1B and up. Outside it the
 * order can turn, by arithmetic rather than by a bug: at rank 4096 on a small model the adapters outnumber the
 * weights, and over hundreds of ZeRO-2 ranks a full fine-tune's states shard to almost nothing while the adapters'
 * own weights stay whole on every GPU on top of the same base.
 */
class FineTuneProperties {
    private static final List<String> GPUS = List.copyOf(loopline.Fixtures.CATALOGS.gpus().keySet());

    /** The same setup, as --set lines, without the method. */
    @Provide
    Arbitrary<String[]> anySetup() {
        List<Arbitrary<String>> settings = List.of(
                Arbitraries.doubles().between(9, 12.3).map(e -> "model.parameters=" + Math.pow(10, e)),
                Arbitraries.of(GPUS).map(g -> "training.gpu=" + g),
                Arbitraries.of("fp32", "bf16", "fp16", "fp8").map(p -> "training.precision=" + p),
                Arbitraries.of("adamw", "sgd-momentum", "adamw-8bit").map(o -> "training.optimizer=" + o),
                Arbitraries.integers().between(1, 8).map(n -> "training.gpuCount=" + n),
                Arbitraries.integers().between(0, 3).map(z -> "training.zeroStage=" + z),
                Arbitraries.of("none", "selective", "full").map(r -> "training.activationRecompute=" + r),
                Arbitraries.of("flash", "eager").map(k -> "training.attention=" + k),
                Arbitraries.doubles().between(7, 17).map(e -> "training.sequenceLength=" + (int) Math.pow(2, e)),
                Arbitraries.integers().between(1, 64).map(b -> "training.microBatchSize=" + b),
                Arbitraries.integers().between(1, 256).map(r -> "training.loraRank=" + r),
                Arbitraries.of("query-value", "attention", "all-linear").map(t -> "training.loraTargets=" + t),
                Arbitraries.doubles().between(0.01, 100).map(x -> "training.epochs=" + x));
        return Combinators.combine(settings).as(v -> v.toArray(new String[0]));
    }

    private static Estimate withMethod(String method, String[] setup) {
        String[] sets = java.util.Arrays.copyOf(setup, setup.length + 1);
        sets[setup.length] = "training.method=" + method;
        return Estimator.estimate(scenario(sets[0], java.util.Arrays.copyOfRange(sets, 1, sets.length)));
    }

    @Property(tries = 300)
    void quantisingAndFreezingNeverCostMemory(@ForAll("anySetup") String[] setup) {
        TrainingMemory full = withMethod("full", setup).trainingMemory();
        TrainingMemory lora = withMethod("lora", setup).trainingMemory();
        TrainingMemory qlora = withMethod("qlora", setup).trainingMemory();
        assertThat(lora.perGpuBytes()).isLessThanOrEqualTo(full.perGpuBytes());
        assertThat(qlora.perGpuBytes()).isLessThanOrEqualTo(lora.perGpuBytes());
        assertThat(lora.modelStatesTotalBytes()).isLessThanOrEqualTo(full.modelStatesTotalBytes());
        assertThat(qlora.modelStatesTotalBytes()).isLessThanOrEqualTo(lora.modelStatesTotalBytes());
        if (full.fitsOnGpu()) {
            assertThat(lora.fitsOnGpu()).isTrue();
        }
        if (lora.fitsOnGpu()) {
            assertThat(qlora.fitsOnGpu()).isTrue();
        }
        for (TrainingMemory m : List.of(full, lora, qlora)) {
            assertThat(m.perGpuBytes()).isFinite().isPositive();
            assertThat(m.bytesPerParameter()).isFinite().isPositive();
            assertThat(m.trainableParameters()).isFinite().isPositive();
        }
    }

    @Property(tries = 300)
    void aFrozenBaseTrainsNoSlowerAndDequantisingNoFaster(@ForAll("anySetup") String[] setup) {
        TrainingRun full = withMethod("full", setup).trainingRun();
        TrainingRun lora = withMethod("lora", setup).trainingRun();
        TrainingRun qlora = withMethod("qlora", setup).trainingRun();
        assertThat(lora.wallClockSeconds()).isLessThanOrEqualTo(full.wallClockSeconds());
        assertThat(qlora.wallClockSeconds()).isGreaterThanOrEqualTo(lora.wallClockSeconds());
        assertThat(qlora.dequantisationShare()).isBetween(0.0, 1.0);
        for (TrainingRun r : List.of(full, lora, qlora)) {
            assertThat(r.costUsd()).isFinite().isPositive();
            assertThat(r.flops()).isFinite().isPositive();
        }
    }
}
