package loopline.engine.economics;

import loopline.engine.Units;
import loopline.engine.serving.InferenceSetup;
import loopline.engine.serving.ServingModel;
import loopline.engine.serving.ServingPower;
import loopline.engine.serving.ShapeOption;

/**
 * The energy serving draws and what it emits. The fleet is sized for the peak and runs all month at the average
 * traffic ({@link ServingPower}): its GPUs' average draw, the servers around them and the facility, over 720 hours.
 * Per request and per token it is that month's energy over that month's requests and tokens, idle headroom included,
 * as the cost per request is. {@code gpuJoulesPerOutputToken} is the GPUs' own draw at the operating point shown, over the
 * tokens they produce there: what a benchmark that reads the GPUs' power (ML.ENERGY, Zeus/NVML) measures. The
 * autoscaled figures are the month of the fleet that follows the day's traffic hour by hour, as its autoscaled bill does.
 */
public record ServingEnergy(
        double gpuWattsAtPoint,
        double computeUtilisationAtPoint,
        double gpuWattsAverage,
        double busyShareAverage,
        double gpuJoulesPerOutputToken,
        double fleetKilowatts,
        double monthlyKwh,
        double whPerRequest,
        double joulesPerOutputToken,
        double kwhPerMillionOutputTokens,
        double monthlyEmissionsKgCo2e,
        double monthlyElectricityUsd,
        double trainingWhPerRequest,
        double autoscaledMonthlyKwh,
        double autoscaledMonthlyEmissionsKgCo2e) {

    public static final String FORMULA = "kWh a month = GPUs × W per GPU at the average traffic × (1 + server overhead) × PUE × 720 h ÷ 1000";
    public static final String AUTOSCALED_FORMULA = "autoscaled kWh a month = Σ over the day's hours of replicas(hour) × GPUs per replica"
            + " × W per GPU at (the day's average requests/s × the hour's shape ÷ replicas(hour)) × (1 + server overhead) × PUE × 30 ÷ 1000";
    public static final String PER_REQUEST_FORMULA = "Wh per request = kWh a month × 1000 ÷ (requests/day × 30)";
    public static final String GPU_PER_TOKEN_FORMULA = "J per output token (GPUs) = W per GPU × GPUs per replica ÷ output tokens/s per replica";

    public static ServingEnergy of(InferenceSetup setup, ServingModel.Result serving, TrainingEnergy training, double horizonMonths,
                                   EnergySetup energy) {
        double monthlyRequests = setup.requestsPerDay() * Units.DAYS_PER_MONTH;
        double trainingWhPerRequest = training.energyKwh() * 1000 / (monthlyRequests * horizonMonths);
        if (!serving.memory().fits()) {
            return new ServingEnergy(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, trainingWhPerRequest, 0, 0);
        }
        ServingPower power = serving.power();
        double gpusPerReplica = serving.memory().gpusPerReplica();
        double outputTokensPerSecondPerReplica = serving.speed().tokensPerSecondPerReplica();
        double scale = energy.gpuPowerVsModelled();
        double fleetKw = serving.options().get(0).gpus() * power.wattsPerGpuAverage() * scale * energy.facilityWattsPerGpuWatt() / 1000;
        double monthlyKwh = fleetKw * Units.HOURS_PER_MONTH;
        double whPerRequest = monthlyKwh * 1000 / monthlyRequests;
        double joulesPerToken = whPerRequest * Units.SECONDS_PER_HOUR / setup.outputTokens();
        double autoscaledKwh = autoscaledKwh(setup, serving, energy);
        double gpuJoulesPerToken = outputTokensPerSecondPerReplica > 0
                ? power.wattsPerGpuAtPoint() * scale * gpusPerReplica / outputTokensPerSecondPerReplica : 0;
        return new ServingEnergy(power.wattsPerGpuAtPoint() * scale, power.computeUtilisationAtPoint(), power.wattsPerGpuAverage() * scale,
                power.busyShareAverage(), gpuJoulesPerToken, fleetKw, monthlyKwh,
                whPerRequest, joulesPerToken, joulesPerToken * 1e6 / (Units.SECONDS_PER_HOUR * 1000),
                monthlyKwh * energy.gridCarbonGramsPerKwh() / 1000, monthlyKwh * energy.electricityUsdPerKwh(), trainingWhPerRequest,
                autoscaledKwh, autoscaledKwh * energy.gridCarbonGramsPerKwh() / 1000);
    }

    /**
     * A month's energy of the fleet that follows the day (the replicas {@link ServingCost} pays for each hour): each hour
     * its replicas share that hour's mean traffic (the day's average × the hour's measured shape), each GPU drawing
     * what its replica's share asks; the replicas it releases draw nothing of this bill.
     */
    private static double autoscaledKwh(InferenceSetup setup, ServingModel.Result serving, EnergySetup energy) {
        ShapeOption chosen = serving.options().get(0);
        long[] replicas = ServingCost.autoscaledReplicasByHour(setup, chosen, ServingModel.peakRequestsPerSecond(setup));
        double[] shape = setup.dailyTraffic().hourlyOverAverage();
        double averageRps = setup.requestsPerDay() / Units.SECONDS_PER_DAY;
        double gpuWattHoursPerDay = 0;
        for (int hour = 0; hour < replicas.length; hour++) {
            double perReplica = averageRps * shape[hour] / replicas[hour];
            gpuWattHoursPerDay += replicas[hour] * chosen.shape().gpus() * ServingModel.wattsPerGpuAt(serving, setup, perReplica);
        }
        return gpuWattHoursPerDay * energy.gpuPowerVsModelled() * energy.facilityWattsPerGpuWatt() * Units.DAYS_PER_MONTH / 1000;
    }
}
