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

    static OperatingPoint unstable(double requestsPerSecond) {
        double inf = Double.POSITIVE_INFINITY;
        return new OperatingPoint(requestsPerSecond, inf, inf, inf, inf, new Latency(inf, inf, inf, inf), 0, 1, false);
    }
}
