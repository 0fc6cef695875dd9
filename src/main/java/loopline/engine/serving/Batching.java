package loopline.engine.serving;

/** How a replica schedules requests, solved for its steady state. */
interface Batching {

    /** Open loop: requests arrive at random at {@code requestsPerSecond}; at most {@code slots} hold KV at once. */
    OperatingPoint at(double requestsPerSecond, double slots);

    /** Closed loop, like a benchmark's concurrency setting: {@code concurrency} users, each sending again when answered. */
    OperatingPoint closedLoop(double concurrency);

    /** Largest rate the replica sustains at all with {@code slots}; an upper bound for searches. */
    double saturationRequestsPerSecond(double slots);
}
