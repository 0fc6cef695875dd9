package loopline.engine.economics;

import static loopline.Fixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import loopline.Fixtures;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import org.junit.jupiter.api.Test;

/** The API price to beat: the same traffic through the cheapest listed provider, and where self-hosting wins. */
class ApiComparisonTest {
    private static final ApiOffer CHEAP_OUTPUT = new ApiOffer("a", 0.50, 1.00, "2025-09-01", "test");
    private static final ApiOffer CHEAP_INPUT = new ApiOffer("b", 0.10, 3.00, "2025-09-01", "test");

    @Test
    void aRequestCostsItsTokensAtTheListedRates() {
        assertThat(CHEAP_OUTPUT.costPerRequestUsd(1000, 250)).isCloseTo((1000 * 0.50 + 250 * 1.00) / 1e6, within(1e-15));
    }

    @Test
    void theCheapestOfferDependsOnTheRequestsMix() {
        Estimate longPrompt = Estimator.estimate(scenario("llama-3.1-70b", "inference.promptTokens=10000", "inference.outputTokens=100"),
                List.of(CHEAP_OUTPUT, CHEAP_INPUT));
        Estimate longAnswer = Estimator.estimate(scenario("llama-3.1-70b", "inference.promptTokens=100", "inference.outputTokens=2000"),
                List.of(CHEAP_OUTPUT, CHEAP_INPUT));
        assertThat(longPrompt.api().cheapest()).isEqualTo(CHEAP_INPUT);
        assertThat(longAnswer.api().cheapest()).isEqualTo(CHEAP_OUTPUT);
        assertThat(longAnswer.api().monthlyCostUsd()).isCloseTo((100 * 0.5 + 2000 * 1.0) / 1e6 * 100_000 * 30, withinPercentage(1e-9));
    }

    @Test
    void selfHostingWinsFromTheBreakEvenTrafficOn() {
        Estimate e = Estimator.estimate(scenario("llama-3.1-70b", "inference.requestsPerDay=1e6"), List.of(CHEAP_OUTPUT));
        double breakEven = e.api().selfHostingBreakEvenRequestsPerDay();
        assertThat(breakEven).isBetween(1e3, 1e9);
        double api = e.api().costPerRequestUsd();
        assertThat(e.monthlyServingCostAt(breakEven * 0.99)).isGreaterThan(ServingCost.monthlyBill(api, breakEven * 0.99));
        for (double r = breakEven; r < 1e13; r *= 3.7) {
            assertThat(e.monthlyServingCostAt(r)).as("at %s/day", r).isLessThanOrEqualTo(ServingCost.monthlyBill(api, r) * (1 + 1e-9));
        }
        assertThat(e.api().selfHostingMonthlyCostUsd()).isEqualTo(e.serving().monthlyCostUsd());
    }

    @Test
    void aNearlyFreeApiIsNeverBeatenAndAModelNobodyListsHasNoComparison() {
        Estimate e = Estimator.estimate(scenario("llama-3.1-70b"), List.of(new ApiOffer("free", 1e-6, 1e-6, "2025-09-01", "test")));
        assertThat(e.api().selfHostingBreakEvenRequestsPerDay()).isInfinite();
        assertThat(Estimator.estimate(scenario("llama-3.1-70b"), List.of()).api()).isNull();
        assertThat(Estimator.estimate(scenario("llama-3.1-405b", "inference.gpu=l4", "inference.tensorParallel=1"),
                List.of(CHEAP_OUTPUT)).api()).as("nothing to compare a setup that does not fit with").isNull();
    }

    @Test
    void theComparisonFollowsTheTraffic() {
        Estimate e = Estimator.estimate(scenario("llama-3.1-70b", "inference.requestsPerDay=1e6"), List.of(CHEAP_OUTPUT));
        Estimate doubled = Estimator.estimate(scenario("llama-3.1-70b", "inference.requestsPerDay=2e6"), List.of(CHEAP_OUTPUT));
        assertThat(doubled.api().monthlyCostUsd()).isCloseTo(2 * e.api().monthlyCostUsd(), withinPercentage(1e-9));
        assertThat(doubled.api().selfHostingMonthlyCostUsd()).isEqualTo(doubled.serving().monthlyCostUsd());
        assertThat(e.api().monthlyCostAt(2e6)).isCloseTo(doubled.api().monthlyCostUsd(), withinPercentage(1e-9));
        assertThat(doubled.api().selfHostingBreakEvenRequestsPerDay()).isEqualTo(e.api().selfHostingBreakEvenRequestsPerDay());
    }

    @Test
    void theCatalogListsPricesForItsModels() {
        List<ApiOffer> offers = Fixtures.CATALOGS.apiOffersFor("llama-3.1-70b");
        assertThat(offers).isNotEmpty().allMatch(o -> o.date().matches("\\d{4}-\\d{2}-\\d{2}") && !o.source().isBlank());
        assertThat(Fixtures.CATALOGS.apiOffersFor("derived")).isEmpty();
    }
}
