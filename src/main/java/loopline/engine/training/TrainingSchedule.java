package loopline.engine.training;

import loopline.engine.hardware.CollectiveLink;
import loopline.engine.hardware.Gpu;

/**
 * One optimizer step across the cluster: how the global batch spreads over data-parallel replicas, the
 * pipeline's bubble, and the gradient all-reduce that the backward pass cannot hide. It is why training
 * time stops falling with GPU count: once every replica gets a single micro-batch, more GPUs sit idle
 * (and are still billed), the bubble grows as micro-batches per step shrink, and the all-reduce is left
 * with only one micro-batch's backward to hide behind.
 *
 * <p>Time is for one data-parallel replica of t·p GPUs (they work in lock-step, so a replica's step is the
 * cluster's step).
 */
public record TrainingSchedule(
        double sequencesPerStep,
        double replicas,
        double busyReplicas,
        double microBatchesPerReplica,
        double microBatchSeconds,
        double bubbleShare,
        double allReduceSeconds,
        double exposedAllReduceSeconds,
        double stepSeconds,
        double tokensPerStep) {

    /**
     * Scale-out bandwidth one GPU has to the rest of the cluster: one 400 Gb/s NIC per GPU (NDR InfiniBand or
     * RoCE, as in DGX H100 pods and Llama 3's 24k-GPU clusters). A100-era clusters had 200 Gb/s; an assumption.
     */
    static final double NETWORK_BYTES_PER_SECOND_PER_GPU = 400e9 / 8;
    /**
     * Share of a micro-batch's time the gradient all-reduce can hide behind: the backward pass of the last
     * micro-batch (4 of the 6 FLOPs per parameter). Earlier micro-batches only accumulate gradients locally.
     */
    static final double BACKWARD_SHARE = 4.0 / 6.0;

    public static final String BATCH_FORMULA =
            "sequences per step = global batch ÷ s; replicas fed = min(N_d, sequences ÷ b); m = sequences ÷ (replicas fed × b)";
    public static final String BUBBLE_FORMULA = "bubble = (p − 1) ÷ (v·m + p − 1) of the pipeline's time (interleaved 1F1B)";
    public static final String ALL_REDUCE_FORMULA = "all-reduce = 2·(R − 1)/R × gradient bytes ÷ (t·p) ÷ bus bandwidth (NVLink's"
            + " measured inside a node; across nodes " + (int) (NETWORK_BYTES_PER_SECOND_PER_GPU / 1e9) + " GB/s × the data-parallel"
            + " peers per node); exposed = max(0, all-reduce − backward of the last micro-batch)";
    public static final String STEP_FORMULA = "step = m · t_micro-batch × (1 + (p − 1) ÷ (v·m)) + exposed all-reduce; t_micro-batch ×"
            + " (1 + (p − 1) × the head's share of the work) when the layers split evenly and the last stage also runs the head";

    /**
     * @param gpuSecondsPerToken compute time one token costs one GPU at the run's utilisation
     * @param gradientBytes bytes of gradients the replicas must average: trainable parameters × bytes each
     */
    public static TrainingSchedule of(TrainingSetup setup, double gpuSecondsPerToken, double gradientBytes) {
        return of(setup, gpuSecondsPerToken, gradientBytes, 0);
    }

    /**
     * @param headShare share of a token's work in the output head: with layers split evenly over p stages the last stage
     *        also runs the head, so every stage waits for it, (1 + (p − 1) × head share) of an even split; none when the
     *        scenario balances its stages ({@code training.balancedPipeline})
     */
    public static TrainingSchedule of(TrainingSetup setup, double gpuSecondsPerToken, double gradientBytes, double headShare) {
        double s = setup.sequenceLength();
        double b = setup.microBatchSize();
        double modelSplit = setup.tensorParallel() * (double) setup.pipelineParallel();
        double split = setup.gpusPerReplica(); // a micro-batch's tokens are the work of its replica's t·p·c GPUs
        double c = setup.contextParallel();
        double p = setup.pipelineParallel();

        double sequences = Math.max(1, setup.globalBatchTokens() / s);
        double replicas = setup.dataParallel();
        double busy = Math.min(replicas, Math.max(1, sequences / b));
        double m = sequences / (busy * b);
        double slowestStage = p > 1 && !setup.balancedPipeline() ? 1 + (p - 1) * headShare : 1;
        double microBatchSeconds = b * s * gpuSecondsPerToken / split * slowestStage;
        double bubble = (p - 1) / (setup.virtualStages() * m + p - 1);
        double pipelineSeconds = m * microBatchSeconds / (1 - bubble);

        // the gradients average over every replica's context-parallel ranks too: each saw a c-th of the sequences
        double reducing = busy * c;
        double allReduce = reducing <= 1 ? 0
                : 2 * (reducing - 1) / reducing * gradientBytes / modelSplit / dataParallelBusBytesPerSecond(setup, reducing, modelSplit);
        double exposed = Math.max(0, allReduce - BACKWARD_SHARE * microBatchSeconds);
        return new TrainingSchedule(sequences, replicas, busy, m, microBatchSeconds, bubble, allReduce, exposed,
                pipelineSeconds + exposed, sequences * s);
    }

    /**
     * Bus bandwidth of the gradient all-reduce per GPU. Inside one NVLink domain, the measured all-reduce. Across nodes,
     * NCCL first reduces among the data-parallel peers on a node over NVLink, then each GPU's own NIC carries its slice
     * (rail-optimised rings, one NIC per GPU): the replicas' slices cross the network over as many NICs as a node has
     * peers, so pure data parallelism on 8-GPU nodes sees 8 NICs' bandwidth, TP 8 one.
     */
    static double dataParallelBusBytesPerSecond(TrainingSetup setup, double replicas, double split) {
        Gpu gpu = setup.gpu();
        int domain = gpu.nvlinkDomainGpus();
        if (replicas * split <= domain) {
            return CollectiveLink.busBytesPerSecond(gpu, gpu.kernels().allReduce(), (int) Math.max(2, replicas));
        }
        double peersPerNode = Math.max(1, Math.min(replicas, Math.floor(domain / Math.min(domain, split))));
        return NETWORK_BYTES_PER_SECOND_PER_GPU * peersPerNode;
    }

    /** Tokens per second the whole cluster trains, idle GPUs included. */
    public double tokensPerSecond() {
        return tokensPerStep / stepSeconds;
    }

    /** Share of the cluster's GPUs the batch leaves without work: billed, idle. */
    public double idleShare() {
        return 1 - busyReplicas / replicas;
    }

    /** GPUs the global batch can keep busy at this t, p and micro-batch: beyond it, days stop falling. */
    public static double gpusTheBatchFeeds(TrainingSetup setup) {
        double sequences = Math.max(1, setup.globalBatchTokens() / setup.sequenceLength());
        return Math.max(1, sequences / setup.microBatchSize()) * setup.gpusPerReplica();
    }
}
