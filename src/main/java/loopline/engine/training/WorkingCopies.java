package loopline.engine.training;

import loopline.engine.hardware.Precision;
import loopline.engine.model.ModelArchitecture;

/**
 * Copies of weights and gradients that exist only while a step runs, per GPU, on top of the sharded model states.
 *
 * <p><b>FSDP (ZeRO 3)</b> gathers each unit's full weights before it computes and frees them after: the unit computing
 * and the next one, prefetched so the all-gather hides behind compute, are whole at once; the unit just finished
 * backward holds its whole gradient until the reduce-scatter has sent it, in fp32 (PyTorch FSDP2 with the mixed
 * precision torchtitan and most recipes set: bf16 parameters, fp32 reduction). The units are the transformer layers
 * and the root (input embedding and output head), usually the largest unit of a small model with a large vocabulary.
 *
 * <p><b>fp8 training</b> multiplies fp8 casts of the weights. Transformer Engine keeps each weight's fp8 copy and its
 * transpose (the backward multiplies by Wᵀ) for every micro-batch of the step: 2 bytes per parameter of the matmul
 * weights a GPU holds whole, or of the gathered units under FSDP. Embeddings and the output head stay in 16-bit.
 */
final class WorkingCopies {
    /** fp32 gradient values the reduce-scatter sends (FSDP2 {@code reduce_dtype=torch.float32}). */
    static final double REDUCE_SCATTER_BYTES_PER_VALUE = 4;
    /** An fp8 weight and its fp8 transpose, both kept for the backward (Transformer Engine on Hopper and Blackwell). */
    static final double FP8_CAST_BYTES_PER_PARAMETER = 2;
    /** Units gathered at once under FSDP: the one computing and the one prefetched. */
    static final int GATHERED_UNITS = 2;

    private WorkingCopies() {
    }

    /**
     * @param weightBytesPerParameter bytes one gathered weight takes (16-bit, or the frozen base's format)
     * @param trainedShare share of the parameters that get gradients
     */
    static double bytes(ModelArchitecture m, TrainingSetup setup, double weightBytesPerParameter, double trainedShare) {
        double t = setup.tensorParallel();
        boolean fp8 = setup.precision() == Precision.FP8 && setup.gpu().computesNatively(Precision.FP8);
        if (setup.zeroStage() >= 3) {
            double root = rootUnitParameters(m);
            double layer = largestLayerParameters(m, setup.expertParallel(m));
            double gathered = (Math.max(root, layer) + layer) / t;
            double gradient = Math.max(root, layer) * trainedShare * REDUCE_SCATTER_BYTES_PER_VALUE / t;
            double casts = fp8 ? GATHERED_UNITS * layer / t * FP8_CAST_BYTES_PER_PARAMETER : 0;
            return gathered * weightBytesPerParameter + gradient + casts;
        }
        return fp8 ? matmulWeightParameters(m) / (t * setup.pipelineParallel()) * setup.expertParallelHoldingFactor(m)
                * FP8_CAST_BYTES_PER_PARAMETER : 0;
    }

    /** The input embedding and, when untied, the output head: FSDP's root unit. */
    static double rootUnitParameters(ModelArchitecture m) {
        return m.embeddingAndHeadParameters();
    }

    /** The largest transformer layer on one GPU: an MoE layer holds its share of the experts, all of them without expert parallelism. */
    static double largestLayerParameters(ModelArchitecture m, int expertParallel) {
        double routed = m.routedExpertParameters();
        double rest = m.totalParameters() - routed - rootUnitParameters(m);
        return rest / m.layers() + (m.moeLayers() > 0 ? routed / m.moeLayers() / expertParallel : 0);
    }

    /** Weights the transformer layers multiply by: everything but the embedding and the output head. */
    static double matmulWeightParameters(ModelArchitecture m) {
        return m.totalParameters() - rootUnitParameters(m);
    }
}
