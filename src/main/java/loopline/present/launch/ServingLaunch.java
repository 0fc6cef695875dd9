package loopline.present.launch;

import loopline.engine.Estimate;
import loopline.engine.hardware.Precision;
import loopline.engine.serving.ContinuousBatching;
import loopline.engine.serving.InferenceSetup;
import loopline.engine.serving.InferenceSpeed;
import loopline.engine.serving.ReplicaShape;

/**
 * What one serving replica is launched with, read off the estimate: the shape it chose, the scheduler limits and memory
 * share it assumed, the formats it costed, and what it expects the replica to do at peak, for the header a user compares a
 * benchmark with. One record for every engine, so no two writers read the estimate differently.
 */
record ServingLaunch(
        String checkpoint,
        String modelName,
        String gpuName,
        ReplicaShape shape,
        long replicas,
        long totalGpus,
        int maxSequencesPerRank,
        int maxTokensPerStep,
        int contextLength,
        Precision weights,
        boolean checkpointFp4,
        Precision kvCache,
        double gpuMemoryUtilization,
        boolean reserveKv,
        boolean continuousBatching,
        int draftTokens,
        double promptTokens,
        double outputTokens,
        boolean closedLoop,
        int concurrency,
        double peakRequestsPerSecondPerReplica,
        double ttftP50Seconds,
        double ttftP99Seconds,
        double tokensPerSecondPerUser,
        double inFlight) {

    static ServingLaunch of(Estimate e, String checkpoint) {
        return of(e, checkpoint, e.inferenceSpeed().shape(), e.serving().replicas(), e.serving().gpus());
    }

    /** The same, for one pool of a prefill/decode split: its own shape and replica count. */
    static ServingLaunch ofPool(Estimate e, String checkpoint, loopline.engine.serving.ShapeOption pool) {
        return of(e, checkpoint, pool.shape(), pool.replicas(), e.disaggregation().gpus());
    }

    private static ServingLaunch of(Estimate e, String checkpoint, ReplicaShape shape, long replicas, long totalGpus) {
        InferenceSetup i = e.scenario().inference();
        InferenceSpeed sp = e.inferenceSpeed();
        return new ServingLaunch(checkpoint, e.scenario().model().name(), i.gpu().name(), shape, replicas,
                totalGpus, i.maxConcurrentSequences(), (int) ContinuousBatching.PREFILL_CHUNK_TOKENS,
                (int) Math.ceil(i.promptTokens() + i.outputTokens()), i.precision(),
                e.scenario().model().moe() != null && e.scenario().model().moe().mxfp4Experts(), i.kvCachePrecision(), i.gpuMemoryUtilization(),
                i.kvAdmission() == loopline.engine.serving.KvAdmission.RESERVE, i.continuousBatching(),
                i.speculativeDecoding().enabled() ? i.speculativeDecoding().draftTokens() : 0, i.promptTokens(), i.outputTokens(),
                i.batchSize() > 0, i.batchSize(), sp.requestsPerSecondPerReplica(), sp.latency().ttftP50Seconds(),
                sp.latency().ttftP99Seconds(), sp.tokensPerSecondPerUser(), sp.concurrentRequests());
    }

    /** Expert parallelism spreads the routed experts; attention then runs data-parallel in groups of TP. */
    boolean expertParallel() {
        return shape.spreadsExperts();
    }
}
