package loopline.engine.serving;

/**
 * One replica in steady state at a request rate. The figures obey Little's law by construction:
 * {@code concurrentRequests = requestsPerSecond × (timeToFirstTokenSeconds + outputTokens × timePerOutputTokenSeconds)},
 * and a user's decode speed is {@code 1 ÷ timePerOutputTokenSeconds}. Times are means; {@link #latency()} has the tails.
 */
public record OperatingPoint(
        double requestsPerSecond,
        double concurrentRequests,
        double runningSequences,
        double timeToFirstTokenSeconds,
        double timePerOutputTokenSeconds,
        Latency latency,
        double outputTokensPerSecond,
        double prefillUtilisation,
        boolean stable) {

    public static final String LITTLE_FORMULA = "concurrent requests = requests/s × (TTFT + output tokens × TPOT)";

    public double tokensPerSecondPerUser() {
        return 1 / timePerOutputTokenSeconds;
    }

    /**
     * The same replica with {@code clients} in a closed loop where it holds fewer: the rest wait their turn before
     * their prompt is taken, each for (clients − in flight) ÷ rate, so Little's law holds for all of them.
     */
    OperatingPoint withWaiting(double clients) {
        double extra = clients - concurrentRequests;
        if (!stable || extra <= 0) {
            return this;
        }
        double wait = extra / requestsPerSecond;
        Latency waited = new Latency(latency.ttftP50Seconds() + wait, latency.ttftP99Seconds() + wait, latency.tpotP50Seconds(),
                latency.tpotP99Seconds());
        return new OperatingPoint(requestsPerSecond, clients, runningSequences, timeToFirstTokenSeconds + wait,
                timePerOutputTokenSeconds, waited, outputTokensPerSecond, prefillUtilisation, true);
    }

    static OperatingPoint unstable(double requestsPerSecond) {
        double inf = Double.POSITIVE_INFINITY;
        return new OperatingPoint(requestsPerSecond, inf, inf, inf, inf, new Latency(inf, inf, inf, inf), 0, 1, false);
    }
}
