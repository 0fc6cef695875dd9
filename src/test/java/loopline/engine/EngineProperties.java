package loopline.engine;

import static loopline.Fixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties over the whole slider domain: model size 0.1B–2T, every precision and GPU, 1–100k GPUs,
 * batch 1–4096, context 128–1M, traffic 1–1e10 requests/day.
 */
class EngineProperties {

    private static final List<String> GPUS = List.copyOf(loopline.Fixtures.CATALOGS.gpus().keySet());

    @Provide
    Arbitrary<Scenario> anyScenario() {
        Arbitrary<Integer> context = Arbitraries.doubles().between(7, 20).map(e -> (int) Math.pow(2, e));
        List<Arbitrary<String>> settings = List.of(
                Arbitraries.doubles().between(8, 12.3).map(e -> "model.parameters=" + Math.pow(10, e)),
                Arbitraries.of(GPUS).map(g -> "training.gpu=" + g),
                Arbitraries.of(GPUS).map(g -> "inference.gpu=" + g),
                Arbitraries.of("fp32", "bf16", "fp16", "fp8").map(p -> "training.precision=" + p),
                Arbitraries.of("fp32", "bf16", "fp16", "fp8", "int8", "int4").map(p -> "inference.precision=" + p),
                Arbitraries.integers().between(1, 100_000).map(n -> "training.gpuCount=" + n),
                Arbitraries.integers().between(0, 4096).map(b -> "inference.batchSize=" + b),
                context.map(c -> "training.sequenceLength=" + c),
                context.map(c -> "inference.promptTokens=" + c),
                Arbitraries.doubles().between(0, 10).map(e -> "inference.requestsPerDay=" + Math.pow(10, e)),
                Arbitraries.of("none", "selective", "full").map(r -> "training.activationRecompute=" + r),
                Arbitraries.integers().between(0, 3).map(z -> "training.zeroStage=" + z),
                Arbitraries.of(true, false).map(b -> "inference.speculativeDecoding.enabled=" + b));
        return Combinators.combine(settings).as(v -> {
            String[] sets = v.toArray(new String[0]);
            return scenario(sets[0], java.util.Arrays.copyOfRange(sets, 1, sets.length));
        });
    }

    @Property(tries = 400)
    void everyOutputIsFiniteAndNonNegative(@ForAll("anyScenario") Scenario s) {
        Estimate e = Estimator.estimate(s);
        List<String> bad = new ArrayList<>();
        collectBadNumbers("estimate", e, bad);
        assertThat(bad).isEmpty();
        assertThat(e.inferenceSpeed().batchSize()).isPositive();
        assertThat(e.inferenceMemory().gpusPerReplica()).isPositive();
    }

    @Property(tries = 200)
    void trainingMemoryGrowsWithModelSize(@ForAll @DoubleRange(min = 8, max = 12.2) double log10Size,
                                          @ForAll @DoubleRange(min = 1.01, max = 1.5) double factor) {
        double n = Math.pow(10, log10Size);
        Estimate small = Estimator.estimate(scenario("model.parameters=" + n));
        Estimate large = Estimator.estimate(scenario("model.parameters=" + n * factor));
        assertThat(large.trainingMemory().perGpuBytes()).isGreaterThan(small.trainingMemory().perGpuBytes());
        assertThat(large.trainingMemory().activationsBytes()).isGreaterThanOrEqualTo(small.trainingMemory().activationsBytes());
        assertThat(large.inferenceMemory().weightsBytes()).isGreaterThan(small.inferenceMemory().weightsBytes());
        assertThat(large.inferenceMemory().kvCacheBytesPerSequence()).isGreaterThanOrEqualTo(small.inferenceMemory().kvCacheBytesPerSequence());
        assertThat(large.inferenceMemory().gpusPerReplica()).isGreaterThanOrEqualTo(small.inferenceMemory().gpusPerReplica());
        assertThat(large.trainingRun().wallClockSeconds()).isGreaterThan(small.trainingRun().wallClockSeconds());
    }

    @Property(tries = 200)
    void memoryGrowsWithContext(@ForAll @IntRange(min = 128, max = 1 << 20) int context,
                                @ForAll @IntRange(min = 1, max = 4096) int more,
                                @ForAll("catalogModel") String model) {
        int longer = Math.min(1 << 20, context + more);
        Estimate a = Estimator.estimate(scenario(model, "training.sequenceLength=" + context, "inference.promptTokens=" + context,
                "inference.batchSize=4", "inference.tensorParallel=8"));
        Estimate b = Estimator.estimate(scenario(model, "training.sequenceLength=" + longer, "inference.promptTokens=" + longer,
                "inference.batchSize=4", "inference.tensorParallel=8"));
        assertThat(b.trainingMemory().perGpuBytes()).isGreaterThanOrEqualTo(a.trainingMemory().perGpuBytes());
        assertThat(b.inferenceMemory().perGpuBytes()).isGreaterThanOrEqualTo(a.inferenceMemory().perGpuBytes());
    }

    @Property(tries = 300)
    void timePerTokenNeverFallsAsTheBatchGrows(@ForAll("catalogModel") String model, @ForAll("gpu") String gpu,
                                               @ForAll @IntRange(min = 1, max = 4095) int batch,
                                               @ForAll @IntRange(min = 1, max = 512) int more,
                                               @ForAll boolean speculative) {
        String[] common = {"inference.gpu=" + gpu, "inference.tensorParallel=8",
                "inference.speculativeDecoding.enabled=" + speculative};
        double t1 = Estimator.estimate(scenario(model, with(common, "inference.batchSize=" + batch))).inferenceSpeed().timePerOutputTokenSeconds();
        double t2 = Estimator.estimate(scenario(model, with(common, "inference.batchSize=" + Math.min(4096, batch + more))))
                .inferenceSpeed().timePerOutputTokenSeconds();
        assertThat(t2).isGreaterThanOrEqualTo(t1);
    }

    @Property(tries = 300)
    void monthlyCostNeverFallsAsTrafficGrows(@ForAll("catalogModel") String model,
                                             @ForAll @DoubleRange(min = 0, max = 10) double log10Traffic,
                                             @ForAll @DoubleRange(min = 1, max = 3) double factor) {
        double r = Math.pow(10, log10Traffic);
        Estimate a = Estimator.estimate(scenario(model, "inference.requestsPerDay=" + r));
        Estimate b = Estimator.estimate(scenario(model, "inference.requestsPerDay=" + r * factor));
        assertThat(b.serving().monthlyCostUsd()).isGreaterThanOrEqualTo(a.serving().monthlyCostUsd());
    }

    @Provide
    Arbitrary<String> catalogModel() {
        return Arbitraries.of(List.copyOf(loopline.Fixtures.CATALOGS.models().keySet()));
    }

    @Provide
    Arbitrary<String> gpu() {
        return Arbitraries.of(GPUS);
    }

    private static String[] with(String[] a, String b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }

    /** Every double in the estimate's records must be a finite, non-negative number. */
    private static void collectBadNumbers(String path, Object value, List<String> bad) {
        if (value instanceof Double d) {
            if (!Double.isFinite(d) || d < 0) {
                bad.add(path + " = " + d);
            }
        } else if (value instanceof Integer i) {
            if (i < 0) {
                bad.add(path + " = " + i);
            }
        } else if (value instanceof Record r && !(value instanceof Scenario)) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    collectBadNumbers(path + "." + c.getName(), c.getAccessor().invoke(r), bad);
                } catch (ReflectiveOperationException ex) {
                    throw new AssertionError(ex);
                }
            }
        }
    }
}
