package loopline.engine.serving;

/** One replica shape considered for serving, with what it would take at the scenario's peak traffic. */
public record ShapeOption(ReplicaShape shape, double capacityRequestsPerSecond, boolean targetsMet, long replicas,
                          long gpus, double monthlyCostUsd) {
}
