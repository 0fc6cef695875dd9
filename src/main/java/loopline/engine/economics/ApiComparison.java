package loopline.engine.economics;

import java.util.Comparator;
import java.util.List;
import loopline.engine.Estimate;
import loopline.engine.Sweep;
import loopline.engine.serving.InferenceSetup;

/**
 * The API price to beat: the scenario's traffic sent to the cheapest listed provider of its model instead
 * of self-hosted replicas, and the traffic above which self-hosting costs less. Self-hosting pays for whole
 * replicas, so it is dear at low traffic and falls towards its cost at full replicas as traffic grows; an
 * API costs the same per request at any traffic.
 */
public record ApiComparison(ApiOffer cheapest, double costPerRequestUsd, double monthlyCostUsd,
                            double selfHostingMonthlyCostUsd, double selfHostingBreakEvenRequestsPerDay) {

    public static final String API_FORMULA = "(prompt tokens × $ per M input + output tokens × $ per M output) ÷ 1M × requests/day × 30";
    public static final String BREAK_EVEN_FORMULA = "the lowest traffic from which the self-hosted bill stays at or under the API bill";

    /** Traffic searched for the break-even: one request a day to ten trillion. */
    static final double LOWEST_TRAFFIC = 1;
    static final double HIGHEST_TRAFFIC = 1e13;
    private static final int GRID = 160;
    private static final int BISECTIONS = 40;

    /** The comparison for {@code e}, or null when no provider lists the model or it cannot be self-hosted. */
    public static ApiComparison of(Estimate e, List<ApiOffer> offers) {
        if (offers == null || offers.isEmpty() || !e.serving().servable()) {
            return null;
        }
        InferenceSetup inf = e.scenario().inference();
        ApiOffer cheapest = offers.stream()
                .min(Comparator.comparingDouble(o -> o.costPerRequestUsd(inf.promptTokens(), inf.outputTokens()))).orElseThrow();
        double perRequest = cheapest.costPerRequestUsd(inf.promptTokens(), inf.outputTokens());
        return new ApiComparison(cheapest, perRequest, ServingCost.monthlyBill(perRequest, inf.requestsPerDay()),
                e.serving().monthlyCostUsd(), breakEven(e, perRequest));
    }

    /** The API's bill at another traffic level. */
    public double monthlyCostAt(double requestsPerDay) {
        return ServingCost.monthlyBill(costPerRequestUsd, requestsPerDay);
    }

    /**
     * The lowest traffic above which self-hosting never costs more than the API, or +∞ when it always
     * does. Rounding replicas up makes the self-hosted bill a staircase, so the last crossing on a fine log
     * grid is refined by bisection.
     */
    private static double breakEven(Estimate e, double apiPerRequest) {
        double[] traffic = Sweep.logSpace(LOWEST_TRAFFIC, HIGHEST_TRAFFIC, GRID);
        int lastDearer = -1;
        for (int i = 0; i < traffic.length; i++) {
            if (selfHostingExcess(e, apiPerRequest, traffic[i]) > 0) {
                lastDearer = i;
            }
        }
        if (lastDearer == traffic.length - 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (lastDearer < 0) {
            return LOWEST_TRAFFIC;
        }
        double lo = traffic[lastDearer];
        double hi = traffic[lastDearer + 1];
        for (int i = 0; i < BISECTIONS; i++) {
            double mid = Math.sqrt(lo * hi);
            if (selfHostingExcess(e, apiPerRequest, mid) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    private static double selfHostingExcess(Estimate e, double apiPerRequest, double requestsPerDay) {
        return e.monthlyServingCostAt(requestsPerDay) - ServingCost.monthlyBill(apiPerRequest, requestsPerDay);
    }
}
