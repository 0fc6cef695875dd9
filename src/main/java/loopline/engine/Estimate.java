package loopline.engine;

/** Everything the engine says about one scenario. */
public record Estimate(
        Scenario scenario,
        double totalParameters,
        double activeParameters,
        TrainingMemory trainingMemory,
        TrainingRun trainingRun,
        InferenceMemory inferenceMemory,
        InferenceSpeed inferenceSpeed,
        ServingCost serving) {

    /**
     * The same estimate at another traffic level. Only the serving bill depends on traffic, so only it is
     * recomputed: the charts sweep traffic without re-running training and the replica's roofline.
     */
    public Estimate atTraffic(double requestsPerDay) {
        Scenario s = scenario.withInference(scenario.inference().withRequestsPerDay(requestsPerDay));
        return new Estimate(s, totalParameters, activeParameters, trainingMemory, trainingRun, inferenceMemory,
                inferenceSpeed, ServingCost.of(s.inference(), inferenceSpeed, inferenceMemory, trainingRun.costUsd(),
                        s.horizonMonths()));
    }
}
