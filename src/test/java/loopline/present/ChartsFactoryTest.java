package loopline.present;

import static loopline.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import loopline.engine.Estimate;
import org.junit.jupiter.api.Test;

class ChartsFactoryTest {

    @Test
    void splittingACurveKeepsItContinuous() {
        List<Series> s = ChartsFactory.splitAt(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 40},
                new boolean[] {false, false, true, true}, "second", "b", "first", "a");
        assertThat(s).extracting(Series::name).containsExactly("first", "second");
        assertThat(s.get(0).x()).containsExactly(1, 2);
        assertThat(s.get(1).x()).containsExactly(2, 3, 4); // the boundary point starts the second line too
    }

    @Test
    void daysToTrainBendWhereTheBatchRunsOutAndCarryTheTrainingSpeedBand() {
        // Llama 2 7B: 4M tokens ÷ 4,096 = 976.6 sequences, so past 977 GPUs days stay flat
        Estimate e = estimate("llama-2-7b", "training.gpuCount=512", "training.sequenceLength=4096");
        LineChartData d = ChartsFactory.trainingThroughput(e);
        assertThat(d.markers()).anyMatch(m -> m.label().startsWith("batch feeds 977") && m.value() == 976.5625);
        Band band = d.band();
        for (int i = 0; i < band.x().length; i++) {
            assertThat(band.low()[i]).isLessThan(band.high()[i]);
        }
        // at the fewest GPUs (many micro-batches, the all-reduce mostly hidden) days ∝ 1 ÷ MFU, which spans the training
        // speed band ×0.71–1.27
        assertThat(band.high()[0] / band.low()[0]).isCloseTo(1.27 / 0.71, within(0.05)); // the all-reduce shows ~2%
    }

    @Test
    void trainingThroughputShowsWhereTheRunStopsFittingAndTheCurrentCount() {
        Estimate e = estimate("llama-3.1-405b", "training.gpuCount=16384", "training.tensorParallel=8",
                "training.pipelineParallel=16", "training.zeroStage=2", "training.sequenceLength=8192");
        LineChartData d = ChartsFactory.trainingThroughput(e);
        assertThat(d.series()).extracting(Series::styleClass).containsExactly("no-fit", "fits");
        assertThat(d.markers()).extracting(Marker::value).contains(16384.0, (double) e.trainingMemory().minGpusToFit());
        // every GPU count on the curve is a whole multiple of TP × PP
        for (Series s : d.series()) {
            for (double x : s.x()) {
                assertThat(x % 128).isZero();
            }
        }
    }

    @Test
    void latencyStaysFlatThenTurnsUpWhereTheReplicaSaturates() {
        Estimate e = estimate("llama-3.1-8b", "inference.requestsPerDay=1e6");
        LineChartData d = ChartsFactory.servingLatency(e);
        assertThat(d.series()).extracting(Series::styleClass).containsExactly("tpot", "ttft");
        double[] tpot = d.series().get(0).y();
        double[] ttft = d.series().get(1).y();
        assertThat(tpot[tpot.length / 2]).as("bends, but stays within 3× the light-load step at half load").isLessThan(3 * tpot[0]);
        assertThat(tpot[tpot.length - 1]).as("the knee").isGreaterThan(2 * tpot[tpot.length / 2]);
        assertThat(ttft[ttft.length - 1]).as("prompts queue near saturation").isGreaterThan(3 * ttft[0]);
        assertThat(d.markers()).anyMatch(m -> !m.vertical() && m.styleClass().equals("target"));
        assertThat(d.markers()).anyMatch(m -> m.vertical() && m.styleClass().equals("current")
                && Math.abs(m.value() - e.inferenceSpeed().requestsPerSecondPerReplica()) < 1e-9);
    }

    @Test
    void servingCostChartShowsTheNextBestShape() {
        Estimate e = estimate("llama-3.1-70b", "inference.requestsPerDay=2e7");
        LineChartData d = ChartsFactory.servingCost(e);
        assertThat(d.series()).extracting(Series::styleClass).containsExactly("serving-cost", "next-best", "api");
        assertThat(d.series().get(1).name()).contains(e.serving().nextBest().shape().label());
        assertThat(d.series().get(2).name()).isEqualTo("API: " + e.api().cheapest().provider());
        double[] api = d.series().get(2).y();
        assertThat(api[api.length - 1] / api[0]).isCloseTo(d.series().get(2).x()[api.length - 1] / d.series().get(2).x()[0],
                org.assertj.core.api.Assertions.withinPercentage(1e-6)); // an API bill is proportional to traffic
        double[] chosen = d.series().get(0).y();
        double[] next = d.series().get(1).y();
        for (int i = 0; i < chosen.length; i++) {
            assertThat(chosen[i]).isLessThanOrEqualTo(next[i] * (1 + 1e-9));
        }
    }

    @Test
    void lifetimeLinesCrossAtTheBreakEvenMonth() {
        Estimate e = estimate("llama-3.1-70b", "inference.requestsPerDay=2e7", "training.tokens=15e12", "economics.horizonMonths=120");
        LineChartData d = ChartsFactory.lifetime(e);
        double breakEven = e.serving().breakEvenMonths();
        assertThat(breakEven).isLessThan(120);
        assertThat(d.markers().get(0).value()).isEqualTo(breakEven);
        double monthly = e.serving().monthlyCostUsd();
        assertThat(monthly * breakEven).isCloseTo(e.trainingRun().costUsd(), within(1.0));
        double[] months = d.series().get(0).x();
        assertThat(months[months.length - 1]).as("the axis ends at the horizon, where the end labels are read").isEqualTo(120);
        // a shorter horizon ends the chart before the crossing: no marker, and the subtitle says when it comes
        LineChartData shorter = ChartsFactory.lifetime(estimate("llama-3.1-70b", "inference.requestsPerDay=2e7", "training.tokens=15e12",
                "economics.horizonMonths=" + Math.floor(breakEven / 2)));
        assertThat(shorter.markers()).isEmpty();
        assertThat(shorter.subtitle()).contains("serving passes training after " + Format.formatMonths(breakEven));
    }

    @Test
    void mfuWordsSayWhichMfuIsWhichSoAnFp8RunDoesNotReadAsAContradiction() {
        assertThat(ChartsFactory.mfuWords(0.45, 0.45, 1)).isEqualTo("MFU 45% busy, 45% overall");
        assertThat(ChartsFactory.mfuWords(0.45, 0.557, 1.4)).isEqualTo("MFU 45% busy, 55.7% of bf16 peak");
    }

    @Test
    void memoryBarsAddUpToTheEnginesPerGpuFigure() {
        Estimate e = estimate("deepseek-v3", "inference.gpu=h200", "inference.precision=fp8");
        BarData b = ChartsFactory.inferenceMemory(e);
        assertThat(b.rows().get(0).total()).isCloseTo(e.inferenceMemory().perGpuBytes(), within(1.0));
        assertThat(b.limit()).isEqualTo(141e9);
    }

    @Test
    void lifetimeNamesEachLineAtItsEndAndSaysHowTheCostSplitsAtTheHorizon() {
        Estimate e = estimate("llama-3.1-70b", "inference.requestsPerDay=2e5", "training.tokens=15e12", "economics.horizonMonths=24");
        LineChartData d = ChartsFactory.lifetime(e);
        double training = e.trainingRun().costUsd();
        double serving = e.serving().monthlyCostUsd() * 24;
        assertThat(e.serving().breakEvenMonths()).as("training dominates: the lines run together").isGreaterThan(120);
        assertThat(d.subtitle()).isEqualTo("24 months: " + Format.formatUsd(training + serving) + ", "
                + Format.formatPercent(serving / (training + serving)) + " serving · serving passes training after "
                + Format.formatMonths(e.serving().breakEvenMonths()));
        assertThat(d.series()).extracting(Series::endLabel).containsExactly("Training " + Format.formatUsd(training),
                "Serving " + Format.formatUsd(serving), "Total " + Format.formatUsd(training + serving));
        assertThat(d.markers()).as("the horizon is the axis's end: its values are the end labels").isEmpty();
    }

    @Test
    void theSameEstimateGivesEqualChartsSoAViewCanSkipRedrawingThem() {
        // the window redraws only the charts an edit changed: that needs equality by value (arrays included)
        loopline.engine.Estimate e = loopline.Fixtures.estimate("llama-3.1-70b");
        Charts a = ChartsFactory.of(e);
        Charts b = ChartsFactory.of(e);
        assertThat(b).isNotSameAs(a).isEqualTo(a);
        Charts moreTraffic = ChartsFactory.of(loopline.Fixtures.estimate("llama-3.1-70b", "inference.requestsPerDay=4e7"));
        assertThat(moreTraffic.servingCost()).isNotEqualTo(a.servingCost());
        assertThat(moreTraffic.trainingThroughput()).as("traffic does not move training").isEqualTo(a.trainingThroughput());
    }
}
