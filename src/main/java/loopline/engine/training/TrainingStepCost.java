package loopline.engine.training;

import loopline.engine.hardware.Collective;
import loopline.engine.hardware.CollectiveLink;
import loopline.engine.hardware.Gpu;
import loopline.engine.hardware.KernelTable;
import loopline.engine.hardware.MoeFormat;
import loopline.engine.hardware.Precision;
import loopline.engine.model.AttentionShape;
import loopline.engine.model.ModelArchitecture;
import loopline.engine.model.Moe;

/**
 * What one token costs a GPU in a 16-bit training step, from the GPU's measured kernels at the shapes the step runs
 * (the same tables serving is costed with): the utilisation a run reaches is an output, not a typed-in figure.
 *
 * <ul>
 * <li><b>Matmuls</b>: 6 FLOPs per weight per token (forward, input gradient, weight gradient) at the measured GEMM's
 * share of peak for a micro-batch of b·s token rows; routed experts at the grouped GEMM's share for the tokens each
 * expert gets. A small model's short rows and a 70B's reach different shares, and A100's shares are not H100's.</li>
 * <li><b>Attention core</b>: FlashAttention's causal forward at the measured prefill share for s tokens, its backward
 * (2.5 × the forward's FLOPs: five matmuls for two) at {@link #FLASH_BACKWARD_RELATIVE_EFFICIENCY} of that share.</li>
 * <li><b>Memory-bound ops</b>: norms, residual adds, rotary embeddings, activation functions, MoE permutes and the
 * loss read and write their tensors at the GEMM table's measured streaming share of HBM bandwidth, the backward twice
 * the forward's bytes.</li>
 * <li><b>The rest of a step</b> — kernel launch gaps, the optimizer, data loading, synchronisation — is
 * {@link #FRAMEWORK_EFFICIENCY}: the share of wall-clock a well-tuned framework keeps its GPUs in those kernels.</li>
 * </ul>
 * Recompute adds its share of a forward pass of every term. Times are GPU-seconds per token: t·p GPUs split the work
 * of their tokens, so the figure does not depend on them.
 */
public record TrainingStepCost(
        double matmulSecondsPerToken,
        double attentionSecondsPerToken,
        double memoryBoundSecondsPerToken,
        double tensorParallelSecondsPerToken,
        double expertParallelSecondsPerToken,
        double contextParallelSecondsPerToken,
        double secondsPerToken,
        double hardwareFlopsPerToken,
        double matmulShareOfPeak,
        double utilisation,
        double matmulShareOfStep) {

    /**
     * FlashAttention's backward reaches this share of its forward's FLOP rate: FlashAttention-2 (Dao 2023, §4) measured
     * up to 73% of A100 peak forward and 63% backward.
     */
    static final double FLASH_BACKWARD_RELATIVE_EFFICIENCY = 63.0 / 73.0;
    /** FlashAttention's backward does 2.5 × its forward's matmul FLOPs (it recomputes the scores: 5 matmuls for 2). */
    static final double FLASH_BACKWARD_FLOPS_RATIO = 2.5;
    /** All-to-alls an expert-parallel MoE layer runs per micro-batch: dispatch and combine, forward and backward. */
    static final int EP_ALL_TO_ALLS_PER_LAYER = 4;
    /** Ring transfers per c − 1 a context-parallel layer makes: keys and values forward; keys, values and their gradients backward. */
    static final int RING_TRANSFERS_PER_LAYER = 3;
    /** All-reduce equivalents a tensor-parallel layer moves per micro-batch: attention and MLP, forward and backward. */
    static final int TP_ALL_REDUCES_PER_LAYER = 4;
    /** The backward reads the saved inputs and the output gradient and writes the input gradient: twice the forward's bytes. */
    static final double BACKWARD_BYTES_RATIO = 2;
    /**
     * Share of a step's wall-clock in the kernels above: the one fitted constant of the training speed. It is the median,
     * over 14 published runs, of published throughput ÷ the kernel-bound throughput this class gives the same run (NeMo
     * 24.09 Llama 3.1 8B/70B/405B on H100, NVIDIA dgxc-benchmarking v25.01; MosaicML llm-foundry MPT 7B–70B on A100 and
     * H100; Meta's Llama 3.1 405B on 16,384 H100s at 400 TFLOP/s; Llama 2 7B/13B/70B model-card GPU-hours at 92% goodput),
     * so that the median run lands on its published figure (a test keeps it there). The ratios run from 0.55 to 0.92;
     * leaving any one run out moves the median by under 1%. CalibrationReport lists each run's error.
     */
    public static final double FRAMEWORK_EFFICIENCY = 0.77;

    public static final String FORMULA = "GPU-s per token = [6·N_matmul ÷ (GEMM share(b·s) × peak) + experts' 6·N_routed,active ÷ "
            + "(grouped share(tokens per expert) × peak) + attention (1 + 2.5) × causal forward ÷ (prefill share(s) × peak)"
            + " + memory-bound bytes ÷ (streaming share × HBM)] × (1 + recompute share of a forward) ÷ framework efficiency";

    public static TrainingStepCost of(ModelArchitecture m, TrainingSetup setup) {
        Gpu gpu = setup.gpu();
        KernelTable kernels = gpu.kernels();
        Precision format = setup.precision() == Precision.FP32 ? Precision.FP32 : Precision.BF16;
        // the kernels' shares multiply the peak they were measured against; the utilisation is of the datasheet peak
        // TrainingRun divides by, so that its time is exactly this class's
        double peak = kernels.flopsPerSecond(gpu, format);
        // context parallelism gives each rank a c-th of the micro-batch's tokens: its GEMMs have that many rows
        double rows = setup.microBatchSize() * setup.sequenceLength() / setup.contextParallel();
        double t = setup.tensorParallel();
        double recompute = setup.activationRecompute().recomputedForwardShare();
        boolean adapters = setup.method().trainsAdapters();
        // a frozen base computes no weight gradients: 4 FLOPs per weight instead of 6; its adapters train in full
        double flopsPerWeight = adapters ? TrainingRun.FROZEN_FLOPS_PER_PARAMETER : TrainingRun.TRAINED_FLOPS_PER_PARAMETER;
        double withRecompute = flopsPerWeight + 2 * recompute;
        double adapterFlops = adapters ? (TrainingRun.TRAINED_FLOPS_PER_PARAMETER + 2 * recompute)
                * LoraAdapters.activeParameters(m, setup.loraRank(), setup.loraTargets()) : 0;

        Moe moe = m.moe();
        double routedActive = moe == null ? 0 : m.routedExpertParameters() * moe.activeExperts() / moe.experts();
        double lookup = m.tiedEmbeddings() ? 0 : m.inputEmbeddingParameters();
        double denseWeights = m.activeParameters() - routedActive - lookup;
        double gemmShare = kernels.gemmFor(format).computeShareByTokens().at(rows);
        double matmul = (withRecompute * denseWeights + adapterFlops) / (gemmShare * peak);
        double expertShare = 1;
        int e = setup.expertParallel(m);
        if (moe != null) {
            // expert parallelism gathers the tokens of e ranks on each expert: larger grouped GEMMs
            double tokensPerExpert = rows * e * moe.activeExperts() / moe.experts();
            expertShare = kernels.moeFor(MoeFormat.BF16).forShape(m.hiddenSize(), moe.expertFfnSize() / t).at(tokensPerExpert);
            matmul += withRecompute * routedActive / (expertShare * peak);
        }

        double s = setup.sequenceLength();
        double causalForward = m.causalAttentionForwardFlopsPerToken(s);
        // ring attention computes the same causal FLOPs in blocks of s ÷ c queries against s ÷ c keys
        double attentionShare = kernels.prefillAttentionComputeShareByPromptTokens().at(s / setup.contextParallel());
        double attention = causalForward * (1 + recompute) / (attentionShare * peak)
                + causalForward * FLASH_BACKWARD_FLOPS_RATIO / (attentionShare * FLASH_BACKWARD_RELATIVE_EFFICIENCY * peak);

        double streaming = kernels.gemmFor(format).bandwidthShare() * kernels.bytesPerSecond(gpu);
        double bytesPerValue = format == Precision.FP32 ? 4 : 2;
        double layerBytes = forwardBytesPerToken(m) * bytesPerValue / 2 * (1 + BACKWARD_BYTES_RATIO + recompute);
        double lossBytes = m.vocabSize() * setup.loss().bytesMovedPerLogit();
        double memoryBound = (layerBytes + lossBytes) / streaming;

        double exposed = setup.overlapCommunication() ? 0 : 1;
        double tensorParallel = exposed * tensorParallelSeconds(m, setup, rows, rows * m.hiddenSize() * bytesPerValue, recompute);
        double expertParallel = exposed * allToAllSeconds(m, setup, rows, e, bytesPerValue, recompute);
        double ring = ringAttentionSeconds(m, setup, bytesPerValue, recompute);
        // ring attention overlaps each step's transfer with the attention of the block before it by design (Megatron /
        // Transformer Engine and torchtitan alike): only what outlasts the attention waits
        double contextParallel = Math.max(0, ring - attention);

        double kernelSeconds = matmul + attention + memoryBound + tensorParallel + expertParallel + contextParallel;
        double seconds = kernelSeconds / FRAMEWORK_EFFICIENCY;
        // the same work TrainingRun divides by the utilisation, so that its time is this class's
        double hardwareFlops = withRecompute * m.activeParameters() + adapterFlops + (TrainingRun.ATTENTION_PASSES + recompute)
                * m.attentionForwardFlopsPerToken(s);
        double shareOfPeak = moe == null ? gemmShare : Math.min(gemmShare, expertShare);
        return new TrainingStepCost(matmul / FRAMEWORK_EFFICIENCY, attention / FRAMEWORK_EFFICIENCY, memoryBound / FRAMEWORK_EFFICIENCY,
                tensorParallel / FRAMEWORK_EFFICIENCY, expertParallel / FRAMEWORK_EFFICIENCY, contextParallel / FRAMEWORK_EFFICIENCY,
                seconds, hardwareFlops, shareOfPeak,
                hardwareFlops / (seconds * gpu.trainingPeakFlopsPerSecond(format)), matmul / kernelSeconds);
    }

    /**
     * GPU-seconds per token the tensor-parallel collectives hold a layer up when nothing overlaps them: with sequence
     * parallelism each layer all-gathers its input and reduce-scatters its output around attention and around the MLP,
     * forward and backward (the bytes of four all-reduces of the micro-batch's b·s × h activations), and again for each
     * recomputed forward; t GPUs wait for each.
     */
    static double tensorParallelSeconds(ModelArchitecture m, TrainingSetup setup, double rows, double bufferBytes, double recompute) {
        int t = setup.tensorParallel();
        if (t <= 1) {
            return 0;
        }
        Gpu gpu = setup.gpu();
        Collective allReduce = gpu.kernels().allReduce();
        double each = CollectiveLink.floorSeconds(gpu, allReduce, t, 0)
                + bufferBytes * 2.0 * (t - 1) / t / CollectiveLink.busBytesPerSecond(gpu, allReduce, t);
        double perLayer = TP_ALL_REDUCES_PER_LAYER + 2 * recompute;
        return t * m.layers() * perLayer * each / rows;
    }

    /**
     * GPU-seconds per token context parallelism's ring passes keys and values for, before any overlap: each of c ranks
     * sends its s ÷ c tokens' keys and values on to the next, c − 1 times a layer forward, and the keys, values and their
     * gradients backward (3 × (c − 1) transfers, another c − 1 per recomputed forward), each rank its t-th of the heads,
     * GPU to GPU over NVLink inside the domain (the ring spans t·c GPUs), over its NIC beyond. Per token the c·t GPUs that
     * share it each wait: 3 (c − 1) (1 + recompute) × Σ_layers key and value widths × bytes ÷ link bandwidth.
     */
    static double ringAttentionSeconds(ModelArchitecture m, TrainingSetup setup, double bytesPerValue, double recompute) {
        int c = setup.contextParallel();
        if (c <= 1) {
            return 0;
        }
        int span = c * setup.tensorParallel();
        double keysAndValues = m.sumOverAttentionLayers(AttentionShape::keyValueWidth) * bytesPerValue;
        double transfers = RING_TRANSFERS_PER_LAYER * (c - 1) + (c - 1) * recompute;
        double latency = CollectiveLink.pointToPointLatencySeconds(setup.gpu(), span) * m.attentionLayers() * transfers * c * setup.tensorParallel()
                / (setup.microBatchSize() * setup.sequenceLength());
        return transfers * keysAndValues / CollectiveLink.pointToPointBytesPerSecond(setup.gpu(), span) + latency;
    }

    /**
     * GPU-seconds per token the expert-parallel all-to-alls hold an MoE layer up when nothing overlaps them: each GPU sends
     * its tokens' k copies of h to the experts' ranks and takes the results back, forward and backward (four all-to-alls,
     * (e − 1)/e of the bytes remote; sequence parallelism gives each of t ranks 1/t of the tokens), at the measured
     * all-to-all inside the NVLink domain, the network's beyond it.
     */
    static double allToAllSeconds(ModelArchitecture m, TrainingSetup setup, double rows, int e, double bytesPerValue, double recompute) {
        if (e <= 1) {
            return 0;
        }
        Gpu gpu = setup.gpu();
        Collective allToAll = gpu.kernels().allToAll();
        double t = setup.tensorParallel();
        double bytes = rows / t * m.moe().activeExperts() * m.hiddenSize() * bytesPerValue * (e - 1.0) / e;
        double each = CollectiveLink.floorSeconds(gpu, allToAll, e, 0) + bytes / CollectiveLink.busBytesPerSecond(gpu, allToAll, e);
        double perLayer = EP_ALL_TO_ALLS_PER_LAYER + 2 * recompute;
        return t * m.moeLayers() * perLayer * each / rows;
    }

    /**
     * 16-bit bytes the memory-bound ops of one token's forward read and write, over all layers: each norm reads and
     * writes h (4h), each residual add reads 2h and writes h (6h), twice a layer; rotary embeddings read and write the
     * queries and keys; a SwiGLU reads gate and up and writes their product (6f), a GeLU reads and writes f (4f); an
     * MoE layer permutes each token to its experts and back (k copies of h, read and written, twice).
     */
    static double forwardBytesPerToken(ModelArchitecture m) {
        double h = m.hiddenSize();
        double keys = m.mla() != null ? m.mla().qkRopeHeadDim() : m.perAttentionLayer(AttentionShape::keyWidth);
        double perLayer = 2 * (4 * h + 6 * h);
        double rotary = 2 * 2 * (m.perAttentionLayer(AttentionShape::queryWidth) + keys);
        double activation = m.gatedMlp() ? 6 : 4;
        double dense = activation * m.ffnSize();
        double moeLayer = 0;
        if (m.moe() != null) {
            Moe moe = m.moe();
            moeLayer = (moe.activeExperts() + moe.sharedExperts()) * activation * moe.expertFfnSize() + 2 * 2 * 2 * moe.activeExperts() * h;
        }
        return m.layers() * perLayer + m.mixerLayers() * rotary + m.denseMlpLayers() * dense + m.moeLayers() * moeLayer;
    }
}
