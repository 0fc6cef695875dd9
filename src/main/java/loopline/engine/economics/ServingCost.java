package loopline.engine.economics;

import java.util.List;
import loopline.engine.Units;
import loopline.engine.serving.InferenceSetup;
import loopline.engine.serving.ServingModel;
import loopline.engine.serving.ServingPlan;
import loopline.engine.serving.ShapeOption;

/**
 * What serving costs at the scenario's traffic, with the shape options it was chosen from, and how
 * training's one-time cost amortises against it. A setup that does not fit in memory has no bill:
 * {@code servable} is false and the money figures are 0, never a price for something that cannot run. The monthly cost is
 * the GPUs' ({@code monthlyGpuCostUsd}: rented, or owned before electricity) plus, for owned GPUs, the electricity they
 * draw ({@code monthlyElectricityUsd}, 0 when renting, whose price includes it).
 */
public record ServingCost(
        double peakRequestsPerSecond,
        long replicas,
        long gpus,
        double monthlyCostUsd,
        double monthlyGpuCostUsd,
        double monthlyElectricityUsd,
        double costPerRequestUsd,
        double costPerMillionOutputTokensUsd,
        double trainingCostPerRequestUsd,
        double breakEvenMonths,
        boolean servable,
        double autoscaledGpuHoursPerMonth,
        double autoscaledMonthlyCostUsd,
        List<ShapeOption> options,
        ShapeOption unpinnedBest,
        ShapeOption alternative) {

    public static final String REPLICAS_FORMULA = "⌈peak requests/s ÷ requests/s one replica takes at the targets⌉ (at least 1)";
    public static final String MONTHLY_FORMULA = "replicas × GPUs per replica × $/GPU-hour × 720 h";
    public static final String OWNED_MONTHLY_FORMULA = MONTHLY_FORMULA + " + the month's kWh × $/kWh";
    public static final String PER_REQUEST_FORMULA = "monthly cost ÷ (requests/day × 30)";
    public static final String AMORTISED_FORMULA = "training cost ÷ (requests/day × 30 × horizon months)";
    public static final String BREAK_EVEN_FORMULA = "training cost ÷ monthly serving cost";
    public static final String AUTOSCALED_FORMULA = loopline.engine.serving.DailyTraffic.AUTOSCALED_FORMULA;
    public static final String SHAPE_FORMULA = "for each replica shape (TP 1…64, EP for MoE): replicas × GPUs × $/GPU-hour; the cheapest that meets the targets";

    /** The essay's arithmetic: a monthly bill is the cost per use × uses per day × 30 days. */
    public static double monthlyBill(double costPerRequestUsd, double requestsPerDay) {
        return costPerRequestUsd * requestsPerDay * Units.DAYS_PER_MONTH;
    }

    /** Training cost spread over every request the model serves in its lifetime. */
    public static double amortisedPerRequest(double trainingCostUsd, double lifetimeRequests) {
        return trainingCostUsd / lifetimeRequests;
    }

    /** The chosen option (first of {@code options}). */
    public ShapeOption chosen() {
        return options.get(0);
    }

    /** The cheapest other shape, pinned or not (what choosing differently would cost), or null when there is none. */
    public ShapeOption nextBest() {
        return alternative;
    }

    /**
     * GPU-hours a month of a fleet that follows the day ({@link DailyTraffic}): each hour as many replicas of the chosen
     * shape as that hour's rate needs (at least one), never more than the fixed fleet sized for the peak.
     */
    static double autoscaledGpuHoursPerMonth(InferenceSetup setup, ShapeOption chosen, double peakRps) {
        return java.util.Arrays.stream(autoscaledReplicasByHour(setup, chosen, peakRps)).sum() * chosen.shape().gpus() * Units.DAYS_PER_MONTH;
    }

    /** The replicas of the chosen shape an autoscaled fleet runs in each hour of the day, hour 0 first. */
    static long[] autoscaledReplicasByHour(InferenceSetup setup, ShapeOption chosen, double peakRps) {
        return java.util.Arrays.stream(setup.dailyTraffic().hourlyOverPeak(setup.peakToAverage()))
                .mapToLong(share -> Math.min(chosen.replicas(), ServingPlan.replicasFor(peakRps * share, chosen.capacityRequestsPerSecond())))
                .toArray();
    }

    /**
     * The bill for the chosen shape. {@code monthlyElectricityUsd} is what the fleet's power costs a month at the
     * scenario's traffic (ServingEnergy); it is added only for owned GPUs. An owned fleet is paid for every hour whether
     * it works or not: scaling down at night would save only power, which the average traffic's draw already reflects, so its
     * autoscaled bill is the fixed one.
     */
    public static ServingCost of(InferenceSetup setup, ServingModel.Result serving, double trainingCostUsd, Economics economics,
                                 double monthlyElectricityUsd) {
        double peakRps = ServingModel.peakRequestsPerSecond(setup);
        ShapeOption chosen = serving.options().get(0);
        boolean servable = serving.memory().fits();
        double gpuCost = servable ? chosen.monthlyCostUsd() : 0;
        double electricity = servable && economics.electricityBilledApart() ? monthlyElectricityUsd : 0;
        double monthly = gpuCost + electricity;
        double monthlyRequests = setup.requestsPerDay() * Units.DAYS_PER_MONTH;
        double perRequest = monthly / monthlyRequests;
        double autoscaledGpuHours = servable ? autoscaledGpuHoursPerMonth(setup, chosen, peakRps) : 0;
        double autoscaledCost = economics.owned() ? monthly : autoscaledGpuHours * setup.pricePerGpuHourUsd();
        return new ServingCost(peakRps, servable ? chosen.replicas() : 0, servable ? chosen.gpus() : 0, monthly, gpuCost, electricity,
                perRequest, perRequest / setup.outputTokens() * 1e6,
                amortisedPerRequest(trainingCostUsd, monthlyRequests * economics.horizonMonths()),
                servable ? trainingCostUsd / monthly : Double.POSITIVE_INFINITY, servable, autoscaledGpuHours,
                autoscaledCost, serving.options(), serving.unpinnedBest(), serving.alternative());
    }
}
