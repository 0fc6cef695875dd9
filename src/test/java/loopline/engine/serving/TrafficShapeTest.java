package loopline.engine.serving;

import static loopline.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import loopline.engine.Estimate;
import org.junit.jupiter.api.Test;

/** Traffic as it arrives: bursts beyond Poisson, and a day whose quiet hours an autoscaled fleet follows. */
class TrafficShapeTest {

    @Test
    void burstsScaleTheWaitsAsKingmansTwoMomentFormSays() {
        assertThat(Queueing.burstyWaitFactor(1, 0)).isEqualTo(1);
        assertThat(Queueing.burstyWaitFactor(2, 0)).isEqualTo(4); // G/D/1: c_a²
        assertThat(Queueing.burstyWaitFactor(2, 1)).isEqualTo(2.5); // G/M/c: (c_a² + 1) ÷ 2
        assertThat(Queueing.burstyWaitFactor(0.5, 1)).isEqualTo(0.625); // smoother than Poisson waits less
        // counts: the spread about the mean widens by c_a; Poisson's own quantiles at c_a = 1
        assertThat(Queueing.countQuantile(100, 1, 0.99)).isEqualTo(Queueing.poissonQuantile(100, 0.99));
        assertThat(Queueing.countQuantile(100, 3, 0.99)).isCloseTo(100 + 3 * 2.326 * 10, within(1e-9));
        assertThat(Queueing.countQuantile(100, 3, 0.5)).isCloseTo(100, within(1e-9));
    }

    @Test
    void burstierArrivalsNeverShortenTheWaitOrShrinkTheFleetAndLeaveAClosedLoopAlone() {
        Estimate poisson = estimate("llama-3.1-70b", "inference.requestsPerDay=2e7");
        Estimate bursty = estimate("llama-3.1-70b", "inference.requestsPerDay=2e7", "inference.arrivalCv=3");
        // a shape that meets the targets under bursts meets them without: the cheapest can only get dearer
        assertThat(bursty.serving().monthlyCostUsd()).isGreaterThanOrEqualTo(poisson.serving().monthlyCostUsd());
        var shape = poisson.inferenceSpeed().shape();
        double rate = poisson.inferenceSpeed().requestsPerSecondPerReplica();
        OperatingPoint calm = ServingModel.at(poisson.scenario().model(), poisson.scenario().inference(), shape, rate);
        OperatingPoint bursts = ServingModel.at(bursty.scenario().model(), bursty.scenario().inference(), shape, rate);
        assertThat(bursts.latency().ttftP99Seconds()).isGreaterThan(calm.latency().ttftP99Seconds());
        assertThat(bursts.timePerOutputTokenSeconds()).isEqualTo(calm.timePerOutputTokenSeconds()); // the steps are the same work
        // Little's law holds with the longer waits
        assertThat(bursts.concurrentRequests()).isCloseTo(rate * (bursts.timeToFirstTokenSeconds()
                + bursty.scenario().inference().outputTokens() * bursts.timePerOutputTokenSeconds()), within(1e-6));
        Estimate closedPoisson = estimate("llama-3.1-70b", "inference.batchSize=64");
        Estimate closedBursty = estimate("llama-3.1-70b", "inference.batchSize=64", "inference.arrivalCv=3");
        assertThat(closedBursty.inferenceSpeed().latency()).isEqualTo(closedPoisson.inferenceSpeed().latency());
    }

    @Test
    void eachHourIsSizedForItsMeanTimesTheBurstsTheScenariosPeakLeavesWithinAnHour() {
        assertThat(DailyTraffic.FLAT.hourlyOverPeak(2)).containsOnly(1.0);
        double[] conversation = DailyTraffic.CONVERSATION.hourlyOverPeak(2);
        assertThat(conversation[14]).isCloseTo(1, within(1e-12)); // the busiest hour gets the fixed fleet
        assertThat(conversation[22]).isCloseTo(0.735 / 1.319, within(1e-12));
        // coding's busiest hour is 2.17 × its mean, above a peak-to-average of 2: no bursts left within the hour
        double[] coding = DailyTraffic.CODING.hourlyOverPeak(2);
        assertThat(coding[19]).isEqualTo(1);
        assertThat(coding[8]).isCloseTo(0.247 / 2, within(1e-12));
    }

    @Test
    void anAutoscaledFleetPaysForTheHoursItServesAndAFlatDayPaysTheFixedFleet() {
        Estimate flat = estimate("llama-3.1-70b", "inference.requestsPerDay=2e7", "inference.dailyTraffic=flat");
        assertThat(flat.serving().autoscaledMonthlyCostUsd()).isCloseTo(flat.serving().monthlyCostUsd(), within(1e-6));
        Estimate coding = estimate("llama-3.1-70b", "inference.requestsPerDay=2e7", "inference.dailyTraffic=coding");
        long fixed = coding.serving().replicas();
        double capacity = coding.serving().chosen().capacityRequestsPerSecond();
        double replicaHours = 0;
        for (double share : DailyTraffic.CODING.hourlyOverPeak(2)) {
            replicaHours += Math.min(fixed, Math.max(1, Math.ceil(coding.serving().peakRequestsPerSecond() * share / capacity)));
        }
        assertThat(coding.serving().autoscaledGpuHoursPerMonth())
                .isEqualTo(replicaHours * coding.inferenceSpeed().shape().gpus() * 30);
        assertThat(coding.serving().autoscaledMonthlyCostUsd()).isLessThan(0.6 * coding.serving().monthlyCostUsd());
    }

    /**
     * The autoscaled fleet's energy: a flat day is the fixed fleet's month; a working day's quiet hours release GPUs,
     * so less energy, but the GPUs kept are busier, so more watts per GPU-hour than the fixed fleet's; and every
     * GPU-hour lies between idle and TDP.
     */
    @Test
    void anAutoscaledFleetDrawsForTheHoursItServesEachGpuBusierThanInTheFixedFleet() {
        Estimate flat = estimate("llama-3.1-70b", "inference.requestsPerDay=2e7", "inference.dailyTraffic=flat");
        assertThat(flat.servingEnergy().autoscaledMonthlyKwh()).isCloseTo(flat.servingEnergy().monthlyKwh(), within(1e-6));
        for (String day : new String[] {"conversation", "coding"}) {
            Estimate e = estimate("llama-3.1-70b", "inference.requestsPerDay=2e7", "inference.dailyTraffic=" + day);
            var energy = e.servingEnergy();
            double facility = e.scenario().energy().facilityWattsPerGpuWatt() * e.scenario().energy().gpuPowerVsModelled();
            double fixedKwhPerGpuHour = energy.monthlyKwh() / (e.serving().gpus() * 720.0);
            double autoscaledKwhPerGpuHour = energy.autoscaledMonthlyKwh() / e.serving().autoscaledGpuHoursPerMonth();
            assertThat(energy.autoscaledMonthlyKwh()).as(day).isLessThan(energy.monthlyKwh());
            assertThat(autoscaledKwhPerGpuHour).as(day + ": the GPUs kept are busier").isGreaterThan(fixedKwhPerGpuHour);
            double tdpKwh = e.scenario().inference().gpu().tdpWatts() * facility / 1000;
            assertThat(autoscaledKwhPerGpuHour).as(day).isBetween(0.1 * tdpKwh, tdpKwh);
            assertThat(energy.autoscaledMonthlyEmissionsKgCo2e())
                    .isCloseTo(energy.autoscaledMonthlyKwh() * e.scenario().energy().gridCarbonGramsPerKwh() / 1000, within(1e-6));
        }
    }

    @Test
    void lengthsSpreadAsALognormalOfTheirMeanAndCv() {
        assertThat(Queueing.lognormalQuantileOverMean(0, 0.99)).isEqualTo(1);
        // cv 1: σ² = ln 2; the median e^(−σ²/2) = 1/√2, the p99 e^(−σ²/2 + 2.326σ) ≈ 4.90 × the mean
        assertThat(Queueing.lognormalQuantileOverMean(1, 0.5)).isCloseTo(1 / Math.sqrt(2), within(1e-12));
        assertThat(Queueing.lognormalQuantileOverMean(1, 0.99)).isCloseTo(Math.exp(-Math.log(2) / 2 + 2.326 * Math.sqrt(Math.log(2))),
                within(1e-12)).isCloseTo(4.90, within(0.01));
    }

    /** A long prompt's own prefill sets the p99 first token; the median prompt is shorter than the mean. */
    @Test
    void aSpreadOfPromptsLengthensTheP99FirstTokenAndShortensTheMedian() {
        Estimate fixed = estimate("llama-3.1-70b", "inference.tensorParallel=4", "inference.promptTokens=1500");
        Estimate spread = estimate("llama-3.1-70b", "inference.tensorParallel=4", "inference.promptTokens=1500", "inference.promptTokensCv=1");
        var shape = fixed.inferenceSpeed().shape();
        OperatingPoint a = ServingModel.at(fixed.scenario().model(), fixed.scenario().inference(), shape, 1);
        OperatingPoint b = ServingModel.at(spread.scenario().model(), spread.scenario().inference(), shape, 1);
        assertThat(b.latency().ttftP99Seconds()).isGreaterThan(2.5 * a.latency().ttftP99Seconds());
        assertThat(b.latency().ttftP50Seconds()).isLessThan(a.latency().ttftP50Seconds());
        assertThat(b.timeToFirstTokenSeconds()).isGreaterThanOrEqualTo(a.timeToFirstTokenSeconds()); // the queue only lengthens
    }

    /**
     * The prompts prefilled while a request decodes add their tokens, not their count: prompts of spread 1 with Poisson
     * arrivals spread the added time √(1 + 1) times as wide as prompts of one length, so the p99 time per token sits √2
     * as far above the mean (the mean itself unmoved).
     */
    @Test
    void aSpreadOfPromptsWidensTheP99TimePerToken() {
        String[] base = {"inference.gpu=h100-sxm", "inference.tensorParallel=4", "inference.promptTokens=1500"};
        Estimate fixed = estimate("llama-3.1-70b", base);
        Estimate spread = estimate("llama-3.1-70b", base[0], base[1], base[2], "inference.promptTokensCv=1");
        var shape = fixed.inferenceSpeed().shape();
        OperatingPoint a = ServingModel.at(fixed.scenario().model(), fixed.scenario().inference(), shape, 2);
        OperatingPoint b = ServingModel.at(spread.scenario().model(), spread.scenario().inference(), shape, 2);
        assertThat(b.timePerOutputTokenSeconds()).isEqualTo(a.timePerOutputTokenSeconds());
        double fixedTail = a.latency().tpotP99Seconds() - a.timePerOutputTokenSeconds();
        assertThat(fixedTail).isPositive();
        assertThat(b.latency().tpotP99Seconds() - b.timePerOutputTokenSeconds()).isCloseTo(Math.sqrt(2) * fixedTail, within(1e-12));
    }

    /** Long answers stay longer: time-averaged, a sequence holds P + O(1 + cv²)/2 of KV, not P + O/2. */
    @Test
    void aSpreadOfAnswersFillsTheKvCacheWithTheLongOnes() {
        String[] base = {"inference.gpu=h100-sxm", "inference.promptTokens=1500", "inference.outputTokens=300"};
        Estimate fixed = estimate("llama-3.1-70b", base);
        Estimate spread = estimate("llama-3.1-70b", base[0], base[1], base[2], "inference.outputTokensCv=1");
        ReplicaShape tp4 = ReplicaShape.tensorParallel(4);
        long a = ServingModel.sequencesByMemory(fixed.scenario().model(), fixed.scenario().inference(), tp4);
        long b = ServingModel.sequencesByMemory(spread.scenario().model(), spread.scenario().inference(), tp4);
        assertThat((double) b).isCloseTo(a * (1500 + 150.0) / (1500 + 300), within(1.0));
    }
}
