package loopline.engine.serving;

/** What users see at a replica's operating point: time to first token and time per output token, p50 and p99. */
public record Latency(double ttftP50Seconds, double ttftP99Seconds, double tpotP50Seconds, double tpotP99Seconds) {
}
