package loopline.engine.serving;

import loopline.engine.hardware.PowerDraw;

/**
 * What a serving replica's GPUs draw ({@link PowerDraw}), at the operating point shown and over a day of the scenario's
 * traffic. Replicas are sized for the peak, so on average each gets peak ÷ peak-to-average of its share; with continuous
 * batching it then runs smaller batches (less power per GPU, more energy per token) and, when no request is in flight,
 * draws only idle power. The chance a replica holds no request is e^(−L) with L the requests in it (Little's law:
 * rate × time in the system; Poisson arrivals, an M/G/∞ view of the slots).
 */
public record ServingPower(
        double wattsPerGpuAtPoint,
        double memoryUtilisationAtPoint,
        double computeUtilisationAtPoint,
        double wattsPerGpuAverage,
        double busyShareAverage,
        double outputTokensPerSecondPerReplicaAverage) {

    public static final String BUSY_FORMULA = "busy share = 1 − e^(−requests in the replica) at the average traffic";

    static final ServingPower NONE = new ServingPower(0, 0, 0, 0, 0, 0);

    /** Power at the point shown ({@code point}) and at the average traffic ({@code average}); each step from {@code cost}. */
    static ServingPower of(StepCost cost, InferenceSetup setup, OperatingPoint point, OperatingPoint average) {
        StepCost.Activity shown = activity(cost, setup, point);
        double watts = PowerDraw.busyWatts(setup.gpu(), shown.computeUtilisation());
        return new ServingPower(watts, shown.memoryUtilisation(), shown.computeUtilisation(), averageWatts(cost, setup, average),
                busyShare(average), average.stable() ? average.outputTokensPerSecond() : 0);
    }

    /** A GPU's draw over time at {@code p}: its busy draw while any request is in the replica, idle power the rest. */
    static double averageWatts(StepCost cost, InferenceSetup setup, OperatingPoint p) {
        double busyWatts = PowerDraw.busyWatts(setup.gpu(), activity(cost, setup, p).computeUtilisation());
        double busy = busyShare(p);
        return busy * busyWatts + (1 - busy) * PowerDraw.idleWatts(setup.gpu());
    }

    /** The chance a replica holds at least one request: 1 − e^(−L), L from Little's law (always busy when unstable). */
    private static double busyShare(OperatingPoint p) {
        return p.stable() ? 1 - Math.exp(-p.concurrentRequests()) : 1;
    }

    /**
     * The average step at {@code p}: λ·O·TPOT sequences decoding (at least one), each verifying k + 1 positions under
     * speculative decoding, while the prompt tokens that arrive during one step ride along.
     */
    private static StepCost.Activity activity(StepCost cost, InferenceSetup setup, OperatingPoint p) {
        SpeculativeDecoding spec = setup.speculativeDecoding();
        double tpot = p.stable() ? p.timePerOutputTokenSeconds() : 0;
        double stepSeconds = tpot * (spec.enabled() ? spec.expectedTokensPerStep() : 1);
        double decoding = ServingModel.decodingSequences(setup, p);
        double prefill = p.stable() ? p.requestsPerSecond() * setup.uncachedPromptTokens() * stepSeconds : 0;
        return cost.activity(decoding, spec.enabled() ? spec.draftTokens() + 1 : 1, prefill);
    }
}
