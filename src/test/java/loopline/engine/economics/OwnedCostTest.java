package loopline.engine.economics;

import static loopline.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import loopline.Fixtures;
import loopline.engine.Estimate;
import loopline.engine.hardware.Gpu;
import loopline.present.Warnings;
import org.junit.jupiter.api.Test;

/** The owned-cluster cost mode, worked by hand: purchase over the years, colocation rent, electricity billed apart. */
class OwnedCostTest {
    private static final Gpu H100 = Fixtures.CATALOGS.gpus().get("h100-sxm");

    @Test
    void anOwnedH100HourIsItsPurchaseOverTheYearsPlusTheRentForItsPowerCapacity() {
        Economics owned = new Economics(24, CostMode.OWNED, 5, 0.19, 184);
        // $33,750 ÷ 0.81 ÷ (5 × 8,760 h) = $0.9513; $184 × 0.7 kW × 1.43 ÷ 720 h = $0.2558
        assertThat(owned.capexUsdPerGpuHour(H100)).isCloseTo(0.95129, within(1e-5));
        assertThat(owned.facilityUsdPerGpuHour(H100, 0.43)).isCloseTo(0.25581, within(1e-5));
        assertThat(owned.pricePerGpuHourUsd(H100, 0.43)).isCloseTo(1.20711, within(1e-5));
        assertThat(new Economics(24, CostMode.RENTED, 5, 0.19, 184).pricePerGpuHourUsd(H100, 0.43)).isEqualTo(2.99);
    }

    @Test
    void ownedTrainingPaysItsGpuHoursAtTheOwnedRateAndItsElectricityOnTop() {
        Estimate rented = estimate("llama-3.1-8b", "training.gpu=h100-sxm", "training.gpuCount=64");
        Estimate owned = estimate("llama-3.1-8b", "training.gpu=h100-sxm", "training.gpuCount=64", "economics.costMode=owned");
        assertThat(owned.scenario().training().pricePerGpuHourUsd()).isCloseTo(1.20711, within(1e-5));
        assertThat(owned.trainingCostUsd()).isCloseTo(owned.trainingRun().gpuHours() * owned.scenario().training().pricePerGpuHourUsd()
                + owned.trainingEnergy().electricityUsd(), withinPercentage(1e-9));
        // renting pays the power inside the GPU-hour: nothing on top
        assertThat(rented.trainingCostUsd()).isEqualTo(rented.trainingRun().costUsd());
        assertThat(owned.trainingRun().gpuHours()).isEqualTo(rented.trainingRun().gpuHours());
        assertThat(owned.trainingCostUsd()).isBetween(0.3 * rented.trainingCostUsd(), 0.5 * rented.trainingCostUsd());
    }

    @Test
    void anOwnedFleetPaysEveryHourOfItsGpusAndTheMonthsElectricity() {
        Estimate e = estimate("llama-3.1-70b", "inference.gpu=h100-sxm", "inference.requestsPerDay=1e6", "economics.costMode=owned");
        ServingCost sc = e.serving();
        double rate = e.scenario().inference().pricePerGpuHourUsd();
        assertThat(sc.monthlyGpuCostUsd()).isCloseTo(sc.gpus() * rate * 720, withinPercentage(1e-9));
        assertThat(sc.monthlyElectricityUsd()).isCloseTo(e.servingEnergy().monthlyKwh() * 0.08, withinPercentage(1e-9));
        assertThat(sc.monthlyCostUsd()).isCloseTo(sc.monthlyGpuCostUsd() + sc.monthlyElectricityUsd(), withinPercentage(1e-9));
        assertThat(sc.costPerRequestUsd()).isCloseTo(sc.monthlyCostUsd() / 3e7, withinPercentage(1e-9));
        // owned GPUs do not get cheaper at night: the autoscaled bill is the fixed one
        assertThat(sc.autoscaledMonthlyCostUsd()).isEqualTo(sc.monthlyCostUsd());
        // the traffic sweep agrees with the bill where the scenario stands
        assertThat(e.monthlyServingCostAt(1e6)).isCloseTo(sc.monthlyCostUsd(), withinPercentage(1e-9));
        Estimate rented = estimate("llama-3.1-70b", "inference.gpu=h100-sxm", "inference.requestsPerDay=1e6");
        assertThat(rented.serving().monthlyElectricityUsd()).isZero();
        assertThat(rented.serving().autoscaledMonthlyCostUsd()).isLessThan(rented.serving().monthlyCostUsd());
    }

    @Test
    void electricityMovesAnOwnedBillAndNotARentedOne() {
        String[] base = {"inference.gpu=h100-sxm", "inference.requestsPerDay=1e6"};
        double ownedCheap = estimate("llama-3.1-70b", with(base, "economics.costMode=owned", "energy.electricityUsdPerKwh=0.05")).serving().monthlyCostUsd();
        double ownedDear = estimate("llama-3.1-70b", with(base, "economics.costMode=owned", "energy.electricityUsdPerKwh=0.20")).serving().monthlyCostUsd();
        assertThat(ownedDear).isGreaterThan(ownedCheap);
        assertThat(estimate("llama-3.1-70b", with(base, "energy.electricityUsdPerKwh=0.05")).serving().monthlyCostUsd())
                .isEqualTo(estimate("llama-3.1-70b", with(base, "energy.electricityUsdPerKwh=0.20")).serving().monthlyCostUsd());
        // more years to spread the purchase over: cheaper hours
        double threeYears = estimate("llama-3.1-70b", with(base, "economics.costMode=owned", "economics.amortisationYears=3")).serving().monthlyCostUsd();
        assertThat(threeYears).isGreaterThan(estimate("llama-3.1-70b", with(base, "economics.costMode=owned")).serving().monthlyCostUsd());
    }

    @Test
    void aGpuWithNoPurchasePriceStaysRentedAndTheWarningsSaySo() {
        Gpu l40s = Fixtures.CATALOGS.gpus().get("l40s");
        assertThat(l40s.hasPurchasePrice()).isFalse();
        Estimate e = estimate("llama-3.1-8b", "inference.gpu=l40s", "economics.costMode=owned");
        assertThat(e.scenario().inference().pricePerGpuHourUsd()).isEqualTo(l40s.pricePerGpuHourUsd());
        assertThat(Warnings.of(e)).anySatisfy(w -> assertThat(w).startsWith("Serving is costed as rented").contains(l40s.name()));
        assertThat(Warnings.of(e)).noneSatisfy(w -> assertThat(w).startsWith("Training is costed as rented"));
        // a typed price is the user's answer: no warning
        Estimate typed = estimate("llama-3.1-8b", "inference.gpu=l40s", "economics.costMode=owned", "inference.pricePerGpuHourUsd=0.9");
        assertThat(Warnings.of(typed)).noneSatisfy(w -> assertThat(w).contains("costed as rented"));
    }

    @Test
    void anOwnedPriceHasNoMarketSpreadButARentedOneKeepsIt() {
        double[] owned = EstimateRange.of(estimate("llama-3.1-8b", "economics.costMode=owned")).of(Estimate::trainingCostUsd);
        double[] rented = EstimateRange.of(estimate("llama-3.1-8b")).of(Estimate::trainingCostUsd);
        assertThat(rented[1] / rented[0]).isGreaterThan(owned[1] / owned[0]);
    }

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
