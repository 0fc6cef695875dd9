package loopline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import loopline.engine.economics.Uncertainty;
import org.junit.jupiter.api.Test;

/** The ranges are the calibration residuals' bands: they hold ≥ 90% of published figures left out of them, at most ×2.2 wide. */
class RangeCoverageTest {
    @Test
    void theTrainingSpeedSpreadIsTheResidualBandAndHoldsNineInTenLeftOutRuns() {
        RangeCoverage.Band band = RangeCoverage.band("training", RangeCoverage.trainingSpeed());
        assertThat(band.coverage()).isGreaterThanOrEqualTo(0.9);
        assertThat(band.medianWidth()).isLessThanOrEqualTo(2.2);
        assertThat(Uncertainty.TRAINING_SPEED_LOW).isCloseTo(band.low(), within(0.006));
        assertThat(Uncertainty.TRAINING_SPEED_HIGH).isCloseTo(band.high(), within(0.006));
    }

    @Test
    void theServingSpeedSpreadIsTheResidualBandAndHoldsNineInTenLeftOutRows() {
        RangeCoverage.Band band = RangeCoverage.band("serving", RangeCoverage.serving());
        assertThat(band.coverage()).isGreaterThanOrEqualTo(0.9);
        assertThat(band.medianWidth()).isLessThanOrEqualTo(2.2);
        assertThat(Uncertainty.SERVING_SPEED_LOW).isCloseTo(band.low(), within(0.006));
        assertThat(Uncertainty.SERVING_SPEED_HIGH).isCloseTo(band.high(), within(0.006));
    }

    /** The framework efficiency is fitted so that the median of the 14 runs it is fitted on lands on its published figure. */
    @Test
    void theFrameworkEfficiencyPutsTheMedianFittedRunOnItsPublishedFigure() {
        double[] ratios = RangeCoverage.frameworkFit().stream().mapToDouble(r -> Math.exp(r.logSpeedRatio())).sorted().toArray();
        assertThat(ratios).hasSize(14);
        double median = (ratios[6] + ratios[7]) / 2;
        assertThat(median).isCloseTo(1, within(0.01));
    }

    @Test
    void aPredictionIntervalOfNormalResidualsWidensWithFewRowsAndNeverFallsInsideTheirSpan() {
        assertThat(RangeCoverage.studentT95(10)).isCloseTo(1.812, within(0.003));
        assertThat(RangeCoverage.studentT95(30)).isCloseTo(1.697, within(0.002));
        double[] band = RangeCoverage.interval(new double[] {-0.1, 0, 0.1, 0.5});
        assertThat(band[1]).isGreaterThanOrEqualTo(0.5);
        assertThat(band[0]).isLessThanOrEqualTo(-0.1);
    }
}
