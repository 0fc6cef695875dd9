package loopline.engine.economics;

import static loopline.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import loopline.Fixtures;
import loopline.engine.Estimate;
import loopline.engine.hardware.Gpu;
import loopline.engine.hardware.PowerDraw;
import org.junit.jupiter.api.Test;

/** Energy and emissions, worked by hand from the power model and the facility around it. */
class EnergyTest {
    private static final Gpu H100 = Fixtures.CATALOGS.gpus().get("h100-sxm");
    private static final Gpu B200 = Fixtures.CATALOGS.gpus().get("b200");

    @Test
    void aBusyGpuDrawsItsFloorPlusItsTensorCoresUpToTdp() {
        assertThat(PowerDraw.busyWatts(H100, 0)).isCloseTo(0.69 * 700, within(1e-9)); // 483 W
        assertThat(PowerDraw.busyWatts(H100, 0.45)).isCloseTo(700 * (0.69 + 0.52 * 0.45), within(1e-9)); // 646.8 W
        assertThat(PowerDraw.busyWatts(H100, 1)).isEqualTo(700);
        assertThat(PowerDraw.busyWatts(B200, 0.1)).isCloseTo(1000 * 0.742, within(1e-9));
        assertThat(PowerDraw.idleWatts(H100)).isCloseTo(70, within(1e-9));
    }

    @Test
    void trainingEnergyIsGpuHoursAtTheAverageDrawThroughServerAndFacility() {
        Estimate e = estimate("llama-3.1-8b", "training.gpu=h100-sxm", "training.gpuCount=64", "energy.pue=1.25",
                "energy.serverOverhead=0.5", "energy.gridCarbonGramsPerKwh=400", "energy.electricityUsdPerKwh=0.1");
        TrainingEnergy te = e.trainingEnergy();
        double kwh = e.trainingRun().gpuHours() * te.gpuWattsAverage() * 1.5 * 1.25 / 1000;
        assertThat(te.energyKwh()).isCloseTo(kwh, withinPercentage(1e-9));
        assertThat(te.emissionsKgCo2e()).isCloseTo(kwh * 0.4, withinPercentage(1e-9));
        assertThat(te.electricityUsd()).isCloseTo(kwh * 0.1, withinPercentage(1e-9));
        // the average sits between idle and busy, weighted by the share of wall-clock in kernels (goodput included)
        double average = te.computingShare() * te.gpuWattsComputing() + (1 - te.computingShare()) * 70;
        assertThat(te.gpuWattsAverage()).isCloseTo(average, within(1e-9));
        assertThat(te.computingShare()).isLessThanOrEqualTo(e.scenario().training().goodput());
    }

    @Test
    void aFleetWithAlmostNoTrafficDrawsIdlePowerAndABusyOneItsBusyPower() {
        Estimate quiet = estimate("llama-3.1-8b", "inference.gpu=h100-sxm", "inference.requestsPerDay=10");
        assertThat(quiet.servingEnergy().busyShareAverage()).isLessThan(0.01);
        assertThat(quiet.servingEnergy().gpuWattsAverage()).isBetween(70.0, 75.0);
        Estimate busy = estimate("llama-3.1-8b", "inference.gpu=h100-sxm", "inference.requestsPerDay=5e7");
        assertThat(busy.servingEnergy().busyShareAverage()).isGreaterThan(0.99);
        assertThat(busy.servingEnergy().gpuWattsAverage()).isGreaterThan(0.69 * 700 - 1e-9);
    }

    @Test
    void perRequestAndPerTokenAreTheMonthsEnergyOverItsRequestsAndTokens() {
        Estimate e = estimate("llama-3.1-70b", "inference.requestsPerDay=1e6", "inference.outputTokens=500");
        ServingEnergy se = e.servingEnergy();
        assertThat(se.fleetKilowatts()).isCloseTo(e.serving().gpus() * se.gpuWattsAverage() * 1.43 * 1.2 / 1000, withinPercentage(1e-9));
        assertThat(se.monthlyKwh()).isCloseTo(se.fleetKilowatts() * 720, withinPercentage(1e-9));
        assertThat(se.whPerRequest() * 1e6 * 30).isCloseTo(se.monthlyKwh() * 1000, withinPercentage(1e-9));
        assertThat(se.joulesPerOutputToken()).isCloseTo(se.whPerRequest() * 3600 / 500, withinPercentage(1e-9));
        assertThat(se.kwhPerMillionOutputTokens()).isCloseTo(se.joulesPerOutputToken() / 3.6, withinPercentage(1e-9));
        assertThat(se.monthlyEmissionsKgCo2e()).isCloseTo(se.monthlyKwh() * 0.369, withinPercentage(1e-9));
        // the GPUs alone at the point shown: their watts over the tokens they make there
        assertThat(se.gpuJoulesPerOutputToken()).isCloseTo(se.gpuWattsAtPoint() * e.inferenceMemory().gpusPerReplica()
                / e.inferenceSpeed().tokensPerSecondPerReplica(), withinPercentage(1e-9));
        // training's energy spread over the horizon's requests, as its dollars are
        assertThat(se.trainingWhPerRequest()).isCloseTo(e.trainingEnergy().energyKwh() * 1000 / (1e6 * 30 * 24), withinPercentage(1e-9));
    }

    @Test
    void thePowerOverrideScalesBothSidesEnergyAndNothingElse() {
        Estimate a = estimate("llama-3.1-8b");
        Estimate b = estimate("llama-3.1-8b", "energy.gpuPowerVsModelled=0.5");
        assertThat(b.trainingEnergy().energyKwh()).isCloseTo(a.trainingEnergy().energyKwh() / 2, withinPercentage(1e-9));
        assertThat(b.servingEnergy().monthlyKwh()).isCloseTo(a.servingEnergy().monthlyKwh() / 2, withinPercentage(1e-9));
        assertThat(b.serving().monthlyCostUsd()).isEqualTo(a.serving().monthlyCostUsd());
        assertThat(b.trainingRun().costUsd()).isEqualTo(a.trainingRun().costUsd());
    }

    @Test
    void aFleetThatDoesNotFitDrawsNothingAndHasNoEnergyPerRequest() {
        Estimate e = estimate("llama-3.1-405b", "inference.gpu=l4", "inference.tensorParallel=1");
        assertThat(e.serving().servable()).isFalse();
        assertThat(e.servingEnergy().monthlyKwh()).isZero();
        assertThat(e.servingEnergy().whPerRequest()).isZero();
    }
}
