package loopline.engine.serving;

import static loopline.Fixtures.estimate;
import static loopline.Fixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import loopline.Fixtures;
import loopline.data.ScenarioReader;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import loopline.engine.Scenario;
import loopline.engine.hardware.Precision;
import loopline.present.Warnings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Serving as a loaded system: the figures agree with each other, and the bill follows the physics. */
class ServingLoadTest {

    static Stream<Path> presets() throws Exception {
        return Fixtures.presetFiles().stream();
    }

    private static Estimate preset(Path p) {
        return Estimator.estimate(ScenarioReader.read(p, Fixtures.CATALOGS));
    }

    @ParameterizedTest
    @MethodSource("presets")
    void littlesLawHoldsOnEveryPreset(Path p) {
        Estimate e = preset(p);
        InferenceSpeed sp = e.inferenceSpeed();
        double residence = sp.timeToFirstTokenSeconds() + e.scenario().inference().outputTokens() * sp.timePerOutputTokenSeconds();
        assertThat(sp.concurrentRequests()).isCloseTo(sp.requestsPerSecondPerReplica() * residence, withinPercentage(1));
        assertThat(sp.tokensPerSecondPerUser()).isCloseTo(1 / sp.timePerOutputTokenSeconds(), withinPercentage(1e-9));
        assertThat(sp.requestsPerSecondPerReplica() * e.serving().replicas()).isCloseTo(e.serving().peakRequestsPerSecond(),
                withinPercentage(0.01));
    }

    @Test
    void choosingTheShapeOnTheDefaultPresetCostsNoMoreThanAnyFixedTensorParallelism() {
        Path p = Fixtures.preset("default.json");
        Scenario s = ScenarioReader.read(p, Fixtures.CATALOGS);
        double chosen = Estimator.estimate(s.withInference(s.inference().withTensorParallel(0))).serving().monthlyCostUsd();
        for (int t : new int[] {1, 2, 4, 8, 16, 32, 64}) {
            Estimate fixed = Estimator.estimate(s.withInference(s.inference().withTensorParallel(t)));
            if (fixed.serving().servable()) {
                assertThat(chosen).as("TP %d", t).isLessThanOrEqualTo(fixed.serving().monthlyCostUsd());
            }
        }
    }

    @Test
    void aTensorParallelismThatBarelyFitsIsNotChosenWhenALargerOneIsCheaper() {
        // The old rule, "fewest GPUs that fit", picked TP 2 for a 70B model in 16-bit on 80 GB GPUs: almost no room for KV.
        Estimate e = estimate("llama-3.1-70b", "inference.gpu=h100-sxm", "inference.requestsPerDay=2e7");
        assertThat(e.inferenceSpeed().shape().gpus()).isGreaterThanOrEqualTo(4);
        ShapeOption tp2 = e.serving().options().stream().filter(o -> o.shape().equals(ReplicaShape.tensorParallel(2)))
                .findFirst().orElseThrow();
        assertThat(tp2.monthlyCostUsd()).isGreaterThan(3 * e.serving().monthlyCostUsd());
    }

    @Test
    void aNearlyIdleReplicaSaysSo() {
        Estimate e = estimate("llama-3.1-70b", "inference.requestsPerDay=1000");
        assertThat(e.serving().replicas()).isEqualTo(1);
        assertThat(e.inferenceSpeed().concurrentRequests()).as("requests in flight").isLessThan(0.5);
        assertThat(e.inferenceMemory().kvCachePerGpuBytes()).isLessThan(1e9);
        assertThat(e.serving().costPerRequestUsd()).isGreaterThan(0.1); // a whole replica for 1,000 requests a day is dear
    }

    @Test
    void continuousBatchingServesTheSameTrafficForLess() {
        String[] traffic = {"inference.requestsPerDay=5e7", "inference.tensorParallel=1"};
        Estimate continuous = estimate("llama-3.1-8b", traffic);
        Estimate stat = estimate("llama-3.1-8b", traffic[0], traffic[1], "inference.continuousBatching=false");
        assertThat(stat.serving().monthlyCostUsd()).isGreaterThan(1.5 * continuous.serving().monthlyCostUsd());
        assertThat(stat.inferenceSpeed().timeToFirstTokenSeconds()).isGreaterThan(continuous.inferenceSpeed().timeToFirstTokenSeconds());
    }

    @Test
    void aStaticBatchWaitsForItsLongestAnswer() {
        Scenario s = scenario("llama-3.1-8b", "inference.continuousBatching=false", "inference.tensorParallel=1");
        OperatingPoint one = ServingModel.closedLoop(s.model(), s.inference(), ReplicaShape.tensorParallel(1), 1);
        OperatingPoint many = ServingModel.closedLoop(s.model(), s.inference(), ReplicaShape.tensorParallel(1), 64);
        // 64 answers spread from 0 to 2× the mean: the batch runs 2·64/65 of the mean length, not 1×.
        double cycleAtMany = 64 / many.requestsPerSecond();
        assertThat(cycleAtMany).isGreaterThan(1.9 * s.inference().outputTokens() * many.timePerOutputTokenSeconds());
        assertThat(one.requestsPerSecond()).isLessThan(many.requestsPerSecond());
    }

    @Test
    void theDeepSeekPresetServesWithExpertParallelism() {
        Estimate e = preset(Fixtures.preset("moe-deepseek-v3.json"));
        assertThat(e.inferenceSpeed().shape().spreadsExperts()).isTrue();
        assertThat(Warnings.of(e)).noneMatch(w -> w.contains("pinned"));
    }

    @Test
    void expertParallelismPaysForItsAllToAll() {
        Scenario s = scenario("deepseek-v3", "inference.gpu=h200", "inference.precision=fp8");
        StepCost ep8 = new StepCost(s.model(), s.inference(), new ReplicaShape(1, 8));
        StepCost ep16 = new StepCost(s.model(), s.inference(), new ReplicaShape(1, 16));
        assertThat(ep8.communicationSeconds(256)).isPositive();
        // Past one node the dispatch crosses the network: slower per token, though each GPU holds fewer experts.
        assertThat(ep16.communicationSeconds(256)).isGreaterThan(ep8.communicationSeconds(256));
        assertThat(new StepCost(s.model(), s.inference(), ReplicaShape.tensorParallel(8)).communicationSeconds(256))
                .as("TP's all-reduces").isPositive();
    }

    @Test
    void anNvl72RackKeepsExpertAndTensorParallelCollectivesOnNvlinkPastEightGpus() {
        Scenario rack = scenario("deepseek-v3", "inference.gpu=gb200", "inference.precision=fp8");
        Scenario boards = scenario("deepseek-v3", "inference.gpu=b200", "inference.precision=fp8");
        double tokens = 256;
        for (ReplicaShape wide : new ReplicaShape[] {new ReplicaShape(1, 16), new ReplicaShape(1, 64), ReplicaShape.tensorParallel(16)}) {
            double inRack = new StepCost(rack.model(), rack.inference(), wide).communicationSeconds(tokens);
            double acrossBoards = new StepCost(boards.model(), boards.inference(), wide).communicationSeconds(tokens);
            assertThat(inRack).as(wide + ": NVLink (1.8 TB/s) instead of the network (50 GB/s)").isLessThan(acrossBoards / 3); // latency (15 µs vs 40 µs per collective) and bytes (720 vs 40 GB/s each way)
        }
        // up to 8 GPUs both are one NVLink 5 domain: each at its own measured all-to-all, within a quarter of each other
        ReplicaShape ep8 = new ReplicaShape(1, 8);
        assertThat(new StepCost(rack.model(), rack.inference(), ep8).communicationSeconds(tokens))
                .isCloseTo(new StepCost(boards.model(), boards.inference(), ep8).communicationSeconds(tokens), withinPercentage(25));
    }

    @Test
    void moeAtBatchOneIsNoFasterThanTheStepFloorAllows() {
        Scenario s = scenario("deepseek-v3", "inference.gpu=h200", "inference.precision=fp8");
        OperatingPoint p = ServingModel.closedLoop(s.model(), s.inference(), new ReplicaShape(1, 8), 1);
        StepCost cost = new StepCost(s.model(), s.inference(), new ReplicaShape(1, 8));
        assertThat(p.timePerOutputTokenSeconds()).isGreaterThan(cost.floorSeconds() + cost.communicationSeconds(1));
        assertThat(p.tokensPerSecondPerUser()).isLessThan(200);
    }

    @Test
    void aSetupThatDoesNotFitHasNoBill() {
        Estimate e = estimate("llama-3.1-405b", "inference.gpu=l4", "inference.tensorParallel=1");
        assertThat(e.inferenceMemory().fits()).isFalse();
        assertThat(e.serving().servable()).isFalse();
        assertThat(e.serving().monthlyCostUsd()).isZero();
        assertThat(Warnings.of(e)).anyMatch(w -> w.startsWith("Serving does not fit") && w.contains("no bill"));
    }

    @Test
    void replicaCountsAreNeverWrappedOrCapped() {
        Estimate e = estimate("llama-3.1-405b", "inference.requestsPerDay=1e13", "inference.peakToAverage=100");
        assertThat(e.serving().replicas()).isGreaterThan(Integer.MAX_VALUE);
        assertThat(e.serving().gpus()).isEqualTo(e.serving().replicas() * e.inferenceSpeed().shape().gpus());
    }

    @Test
    void memoryReportsWhatItHoldsPastTheSchedulersLimit() {
        Estimate e = estimate("llama-3.2-1b", "inference.gpu=h200", "inference.promptTokens=100", "inference.outputTokens=100");
        assertThat(e.inferenceMemory().sequencesByMemory()).isGreaterThan(1024);
    }

    @Test
    void theSchedulersLimitCapsConcurrency() {
        Scenario s = scenario("llama-3.2-1b", "inference.gpu=h200", "inference.promptTokens=100", "inference.outputTokens=100",
                "inference.maxConcurrentSequences=64");
        OperatingPoint p = ServingModel.closedLoop(s.model(), s.inference(), ReplicaShape.tensorParallel(1), 10_000);
        OperatingPoint held = ServingModel.closedLoop(s.model(), s.inference(), ReplicaShape.tensorParallel(1), 64);
        assertThat(p.runningSequences()).isLessThanOrEqualTo(64.001);
        // the other 9,936 clients wait their turn: the same rate, all of them counted, each waiting (10,000 − 64) ÷ rate
        assertThat(p.requestsPerSecond()).isCloseTo(held.requestsPerSecond(), withinPercentage(1e-6));
        assertThat(p.concurrentRequests()).isCloseTo(10_000, withinPercentage(1e-9));
        assertThat(p.timeToFirstTokenSeconds() - held.timeToFirstTokenSeconds())
                .isCloseTo((10_000 - held.concurrentRequests()) / held.requestsPerSecond(), withinPercentage(1e-6));
    }

    @Test
    void whatSetsTheReplicaCountIsNamed() {
        String[] lax = {"inference.targetTimeToFirstTokenSeconds=1000", "inference.targetTokensPerSecondPerUser=1"};
        assertThat(limit("llama-3.1-70b", "inference.tensorParallel=4", "inference.requestsPerDay=2e7"))
                .isEqualTo(CapacityLimit.SPEED_TARGET);
        assertThat(limit("llama-3.1-70b", "inference.tensorParallel=4", "inference.targetTimeToFirstTokenSeconds=0.3"))
                .isEqualTo(CapacityLimit.FIRST_TOKEN_TARGET);
        assertThat(limit("llama-3.1-8b", concat(lax, "inference.tensorParallel=1", "inference.maxConcurrentSequences=8")))
                .isEqualTo(CapacityLimit.BATCH_FULL);
        assertThat(limit("llama-3.1-8b", concat(lax, "inference.tensorParallel=1", "inference.promptTokens=200", "inference.outputTokens=20")))
                .isEqualTo(CapacityLimit.THROUGHPUT);
        assertThat(limit("llama-3.1-70b", "inference.batchSize=32")).isEqualTo(CapacityLimit.SET_CONCURRENCY);
        assertThat(limit("llama-3.1-70b", "inference.gpu=t4", "inference.targetTokensPerSecondPerUser=200"))
                .isEqualTo(CapacityLimit.NO_LOAD_MEETS_TARGETS);
    }

    /**
     * int4 weights on top of int8 buy the default preset nothing: past its capacity the replica's users would decode
     * below 20 tokens/s, and there the step's matmuls are compute-bound, which weight-only int4 leaves 16-bit.
     */
    @Test
    void int4OverInt8BuysNothingWhereTheMatmulsComputeAndTheWindowSaysWhy() {
        Estimate int8 = preset(Path.of("presets/default.json"), "inference.precision=int8");
        Estimate int4 = preset(Path.of("presets/default.json"), "inference.precision=int4");
        assertThat(int4.serving().gpus()).isEqualTo(int8.serving().gpus());
        assertThat(int4.inferenceSpeed().capacityLimit()).isEqualTo(CapacityLimit.SPEED_TARGET);
        assertThat(int4.inferenceSpeed().stepAtCapacity().denseComputeBound()).isTrue();
        assertThat(loopline.present.Explanations.explain(loopline.present.Figure.SERVING_GPUS, int4).note())
                .contains("decode slower than the 20 tokens/s target", "the dense matmuls' FLOPs");
    }

    /** A set batch of N is N clients in a closed loop: every figure is read at N in flight, and the flags agree with them. */
    @Test
    void aSetBatchIsReadAtThatManyInFlight() {
        Estimate e = estimate("llama-3.1-70b", "inference.batchSize=32", "inference.tensorParallel=4");
        InferenceSpeed sp = e.inferenceSpeed();
        assertThat(sp.loadMode()).isEqualTo(LoadMode.CLOSED_LOOP);
        assertThat(sp.concurrentRequests()).isCloseTo(32, withinPercentage(0.01));
        assertThat(sp.requestsPerSecondPerReplica()).isCloseTo(sp.capacityRequestsPerSecond(), withinPercentage(0.2));
        assertThat(sp.speedTargetMet()).isEqualTo(sp.tokensPerSecondPerUser() >= 20);
        assertThat(estimate("llama-3.1-70b", "inference.tensorParallel=4").inferenceSpeed().loadMode()).isEqualTo(LoadMode.OPEN_LOOP);
    }

    private static CapacityLimit limit(String model, String... sets) {
        return estimate(model, sets).inferenceSpeed().capacityLimit();
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    private static Estimate preset(Path p, String... sets) {
        loopline.data.ScenarioDocument doc = loopline.data.ScenarioDocument.read(p, Fixtures.CATALOGS);
        for (String set : sets) {
            doc = doc.apply(set, Fixtures.CATALOGS);
        }
        return Estimator.estimate(ScenarioReader.bind(doc, Fixtures.CATALOGS, p.toString()));
    }

    @Test
    void whatDoesNotHoldIsSaid() {
        List<String> context = Warnings.of(estimate("llama-2-7b", "inference.promptTokens=8000"));
        assertThat(context).anyMatch(w -> w.contains("context window of 4,096"));
        List<String> fp8 = Warnings.of(estimate("llama-3.1-8b", "inference.gpu=a100-80gb", "inference.precision=fp8"));
        assertThat(fp8).anyMatch(w -> w.contains("no fp8 tensor cores"));
        List<String> fp4 = Warnings.of(estimate("llama-3.1-8b", "inference.gpu=h100-sxm", "inference.precision=fp4"));
        assertThat(fp4).anyMatch(w -> w.contains("no fp4 tensor cores"));
        List<String> pinned = Warnings.of(estimate("llama-3.1-70b", "inference.tensorParallel=2", "inference.requestsPerDay=2e7"));
        assertThat(pinned).anyMatch(w -> w.contains("TP 2 is pinned"));
    }

    @Test
    void aTargetThatIsBarelyReachableSaysWhatMissingItWouldSave() {
        // A 10k-token prompt on Llama 2 70B: only TP 8 keeps p99 first token under 2 s, and only just.
        Estimate e = estimate("llama-2-70b", "inference.gpu=a100-80gb", "inference.requestsPerDay=3e7",
                "inference.promptTokens=10038", "inference.outputTokens=19");
        assertThat(e.serving().chosen().targetsMet()).isTrue();
        assertThat(Warnings.of(e)).anyMatch(w -> w.startsWith("The targets are barely reachable") && w.contains(" would cost ")
                && w.contains("but miss them"));
        assertThat(Warnings.of(estimate("llama-3.1-70b", "inference.requestsPerDay=2e7"))).noneMatch(w -> w.contains("barely"));
    }

    @Test
    void latencyUnderTrafficHasAKnee() {
        Scenario s = scenario("llama-3.1-8b");
        ReplicaShape shape = ReplicaShape.tensorParallel(1);
        double saturation = ServingModel.saturationRequestsPerSecond(s.model(), s.inference(), shape);
        OperatingPoint light = ServingModel.at(s.model(), s.inference(), shape, saturation * 0.1);
        OperatingPoint half = ServingModel.at(s.model(), s.inference(), shape, saturation * 0.5);
        OperatingPoint edge = ServingModel.at(s.model(), s.inference(), shape, saturation * 0.995);
        // the step bends as the batch grows (its matmuls turn compute-bound, attention reads more KV), but the knee is in the queue
        assertThat(half.timePerOutputTokenSeconds()).isLessThan(2 * light.timePerOutputTokenSeconds());
        assertThat(edge.latency().ttftP99Seconds()).isGreaterThan(3 * light.latency().ttftP99Seconds());
        assertThat(ServingModel.at(s.model(), s.inference(), shape, saturation * 1.01).stable()).isFalse();
    }

    @Test
    void fp4HalvesWeightBytesOnBlackwellWithBlockScales() {
        Estimate e = estimate("llama-3.1-70b", "inference.gpu=b200", "inference.precision=fp4");
        assertThat(e.inferenceMemory().bytesPerParameter()).isEqualTo(0.5 + 1.0 / 16);
        assertThat(e.scenario().inference().kvCachePrecision()).isEqualTo(Precision.FP8);
        assertThat(e.scenario().inference().gpu().inferenceComputeFormat(Precision.FP4)).isEqualTo(Precision.FP4);
    }
}
