package loopline.engine.serving;

import static loopline.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import loopline.Fixtures;
import loopline.engine.Estimate;
import loopline.engine.hardware.Gpu;
import org.junit.jupiter.api.Test;

/** Prefill and decode on separate pools, priced against the same targets as co-located serving. */
class DisaggregationTest {
    private static final Gpu H100 = Fixtures.CATALOGS.gpus().get("h100-sxm");

    /** Llama 3.1 70B's 1,500-token prompt: 80 layers × 8 KV heads × 128 × K and V × 2 B = 327,680 B a token, 491.5 MB. */
    @Test
    void theKvCrossesOverNvLinkInsideADomainAndOverOneNicPerGpuBeyondIt() {
        double bytes = 1500 * 327_680.0;
        // 4 + 4 GPUs fit one 8-GPU NVLink board: 4 senders × 450 GB/s one way × 0.8
        assertThat(Disaggregation.transferSeconds(H100, bytes, 4, 8)).isCloseTo(bytes / (4 * 450e9 * 0.8), withinPercentage(1e-9));
        // 8 + 8 GPUs do not: 8 NICs of 50 GB/s × 0.8, plus the wire's 25 µs
        assertThat(Disaggregation.transferSeconds(H100, bytes, 8, 16)).isCloseTo(bytes / (8 * 50e9 * 0.8) + 25e-6, withinPercentage(1e-9));
        assertThat(Disaggregation.transferSeconds(H100, bytes, 8, 16) * 1e3).isCloseTo(1.561, within(0.001));
    }

    @Test
    void theSplitIsTwoPoolsSizedForThePeakWithTheFirstTokenBudgetSharedOut() {
        Estimate e = estimate("llama-3.1-70b", "inference.requestsPerDay=2e7", "inference.promptTokens=1500", "inference.outputTokens=300");
        Disaggregation d = e.disaggregation();
        assertThat(d.feasible()).isTrue();
        assertThat(d.gpus()).isEqualTo(d.prefill().gpus() + d.decode().gpus());
        assertThat(d.monthlyCostUsd()).isCloseTo(d.gpus() * e.scenario().inference().pricePerGpuHourUsd() * 720, withinPercentage(1e-9));
        double peak = e.serving().peakRequestsPerSecond();
        assertThat(d.prefill().replicas()).isEqualTo(ServingPlan.replicasFor(peak, d.prefill().capacityRequestsPerSecond()));
        assertThat(d.decode().replicas()).isEqualTo(ServingPlan.replicasFor(peak, d.decode().capacityRequestsPerSecond()));
        double target = e.scenario().inference().targetTimeToFirstTokenSeconds();
        assertThat(d.decodeFirstTokenP99Seconds()).isLessThanOrEqualTo(target * Disaggregation.DECODE_WAIT_SHARE * (1 + 1e-6));
        assertThat(d.prefillFirstTokenTargetSeconds()).isCloseTo(target - d.kvTransferSeconds() - d.decodeFirstTokenP99Seconds(),
                within(1e-12));
    }

    /** A decode pool only decodes: the same model and GPU decode more sequences per replica than a co-located one. */
    @Test
    void aDecodeReplicaWithoutPromptsTakesMoreRequestsThanACoLocatedOneOfTheSameShape() {
        Estimate e = estimate("llama-3.1-70b", "inference.requestsPerDay=2e7", "inference.tensorParallel=8");
        Disaggregation d = e.disaggregation();
        ReplicaShape shape = d.decode().shape();
        double colocated = ServingPlan.of(e.scenario().model(), e.scenario().inference().withTensorParallel(shape.tensorParallel()))
                .capacity(shape).requestsPerSecond();
        assertThat(d.decode().capacityRequestsPerSecond()).isGreaterThan(colocated);
    }

    /**
     * Where the split has nothing to split (a one-token prompt: no prefill to speak of, a KV hand-over of one token) and the
     * first-token target is loose enough that decode's quarter of it does not bind, the decode pool is the co-located
     * fleet: the same shape, replicas and speed; the two modes differ only by the mechanisms the split adds.
     */
    @Test
    void withNothingToPrefillTheDecodePoolIsTheCoLocatedFleet() {
        for (String model : new String[] {"llama-3.1-8b", "llama-3.1-70b", "qwen3-30b-a3b"}) {
            Estimate e = estimate(model, "inference.promptTokens=1", "inference.outputTokens=300", "inference.requestsPerDay=2e7",
                    "inference.tensorParallel=0", "inference.targetTimeToFirstTokenSeconds=100");
            Disaggregation d = e.disaggregation();
            assertThat(d.kvTransferSeconds()).as(model).isLessThan(1e-4);
            assertThat(d.decode().shape()).as(model).isEqualTo(e.serving().chosen().shape());
            assertThat(d.decode().replicas()).as(model).isEqualTo(e.serving().replicas());
            assertThat(d.decode().capacityRequestsPerSecond()).as(model)
                    .isCloseTo(e.serving().chosen().capacityRequestsPerSecond(), withinPercentage(1));
        }
    }

    @Test
    void aClosedLoopIsOneReplicaAndHasNoSplitToCompare() {
        assertThat(estimate("llama-3.1-70b", "inference.batchSize=64").disaggregation()).isNull();
    }

    /** The ranges' corners leave the split out: it is worked out once, for the likely estimate. */
    @Test
    void theSplitIsWorkedOutForTheLikelyEstimateOnly() {
        Estimate e = estimate("llama-3.1-8b");
        assertThat(e.disaggregation()).isNotNull();
        assertThat(loopline.engine.economics.EstimateRange.of(e).corners()).allSatisfy(c -> assertThat(c.disaggregation()).isNull());
    }
}
