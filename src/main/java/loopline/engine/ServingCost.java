package loopline.engine;

/** What serving costs at the scenario's traffic, and how training's one-time cost amortises against it. */
public record ServingCost(
        double peakRequestsPerSecond,
        int replicas,
        int gpus,
        double monthlyCostUsd,
        double costPerRequestUsd,
        double costPerMillionOutputTokensUsd,
        double trainingCostPerRequestUsd,
        double breakEvenMonths) {

    public static final String REPLICAS_FORMULA = "⌈requests/day ÷ 86,400 × peak-to-average ÷ requests/s per replica⌉ (at least 1)";
    public static final String MONTHLY_FORMULA = "replicas × GPUs per replica × $/GPU-hour × 720 h";
    public static final String PER_REQUEST_FORMULA = "monthly cost ÷ (requests/day × 30)";
    public static final String AMORTISED_FORMULA = "training cost ÷ (requests/day × 30 × horizon months)";
    public static final String BREAK_EVEN_FORMULA = "training cost ÷ monthly serving cost";

    /** The essay's arithmetic: a monthly bill is the cost per use × uses per day × 30 days. */
    public static double monthlyBill(double costPerRequestUsd, double requestsPerDay) {
        return costPerRequestUsd * requestsPerDay * Units.DAYS_PER_MONTH;
    }

    /** Training cost spread over every request the model serves in its lifetime. */
    public static double amortisedPerRequest(double trainingCostUsd, double lifetimeRequests) {
        return trainingCostUsd / lifetimeRequests;
    }

    static ServingCost of(InferenceSetup setup, InferenceSpeed speed, InferenceMemory memory, double trainingCostUsd,
                          double horizonMonths) {
        double peakRps = setup.requestsPerDay() / Units.SECONDS_PER_DAY * setup.peakToAverage();
        double perReplica = speed.requestsPerSecondPerReplica();
        int replicas = (int) Math.min(Integer.MAX_VALUE / 64, Math.max(1, Math.ceil(peakRps / perReplica)));
        int gpus = replicas * memory.gpusPerReplica();
        double monthly = gpus * setup.pricePerGpuHourUsd() * Units.HOURS_PER_MONTH;
        double monthlyRequests = setup.requestsPerDay() * Units.DAYS_PER_MONTH;
        double perRequest = monthly / monthlyRequests;
        return new ServingCost(peakRps, replicas, gpus, monthly, perRequest, perRequest / setup.outputTokens() * 1e6,
                amortisedPerRequest(trainingCostUsd, monthlyRequests * horizonMonths),
                trainingCostUsd / monthly);
    }
}
