package loopline.engine.serving;

/**
 * What stops a replica from taking on more requests per second, and so what sets how many replicas the traffic
 * needs. A change that does not touch this bound buys no GPUs: int4 weights shrink the weight reads, but a
 * replica held back by the first-token target (prefill compute, which weight-only formats leave 16-bit) stays
 * where it was.
 */
public enum CapacityLimit {
    /** More traffic would push the p99 time to first token past its target. */
    FIRST_TOKEN_TARGET,
    /** More traffic would slow each user's decode below the tokens-per-second target. */
    SPEED_TARGET,
    /** The KV cache is full (or the scheduler's sequence limit reached): more traffic would queue without end. */
    BATCH_FULL,
    /** The steps themselves cannot keep up: prefill and decode work would grow faster than the replica runs it. */
    THROUGHPUT,
    /** The batch size is set: the replica runs that many concurrent requests (a closed loop), whatever the targets. */
    SET_CONCURRENCY,
    /** Not even one request at a time meets the targets: the replica serves one at a time, as fast as it can. */
    NO_LOAD_MEETS_TARGETS,
    /** The weights do not fit in the replica's memory. */
    DOES_NOT_FIT
}
