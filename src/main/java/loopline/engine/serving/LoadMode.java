package loopline.engine.serving;

/** Where a replica's figures are read: which traffic its operating point describes. */
public enum LoadMode {
    /** Requests arrive at the scenario's peak rate, each replica its share, whatever is in flight (a live service). */
    OPEN_LOOP,
    /**
     * A fixed number of clients, each sending its next request when the last one is answered (AIPerf, genai-perf,
     * {@code vllm bench --max-concurrency}): the figures are at that many requests in flight.
     */
    CLOSED_LOOP
}
