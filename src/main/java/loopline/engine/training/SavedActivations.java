package loopline.engine.training;

import loopline.engine.model.AttentionShape;
import loopline.engine.model.ModelArchitecture;
import loopline.engine.model.Moe;
import loopline.engine.model.MultiHeadLatentAttention;
import loopline.engine.model.RecurrentMixer;

/**
 * Bytes of activations one token leaves stored across all layers for the backward pass, by recompute policy.
 * Counted tensor by tensor in 16-bit: attention saves its input, Q, K, V, the output and fp32 softmax statistics
 * (FlashAttention); a SwiGLU MLP saves its input, the gate and up projections and their product (2h + 6f); a GeLU
 * MLP its input and the activation's input and output (2h + 4f); each norm its input (2h).
 *
 * <p>With fp8 training (Transformer Engine's recipe) every linear layer keeps its input for the weight gradient as the
 * fp8 copy it multiplied, 1 byte a value instead of 2: the inputs of the QKV, gate/up and down projections.
 */
final class SavedActivations {
    private SavedActivations() {
    }

    /** Bytes per token across all layers; {@code fp8GemmInputs} stores the linear layers' inputs in fp8. */
    static double perToken(ModelArchitecture m, double sequenceLength, ActivationRecompute recompute, AttentionKernel kernel,
                           boolean fp8GemmInputs) {
        double h = m.hiddenSize();
        double gemmInputBytes = fp8GemmInputs ? 1 : 2;
        double norms = 2 * 2 * h;
        double attention = gemmInputBytes * h + attentionTensors(m);
        // a hybrid's recurrent layers keep their own set (DeltaNet's or Mamba-2's kernel inputs), not an attention layer's
        RecurrentMixer mixer = m.hybrid() == null ? null : m.hybrid().mixer();
        double recurrentLayers = mixer == null ? 0 : m.hybrid().recurrentLayers();
        double recurrent = mixer == null ? 0 : gemmInputBytes * h + mixer.trainingBytesPerToken();
        double denseMlp = mlpActivations(m, m.ffnSize(), gemmInputBytes);
        double moeMlp = 0;
        if (m.moe() != null) {
            Moe moe = m.moe();
            moeMlp = 2 * h + 4 * moe.experts() + (moe.activeExperts() + moe.sharedExperts()) * mlpActivations(m, moe.expertFfnSize(), gemmInputBytes);
        }
        double layerSet = norms + Math.max(attention, recurrent);
        double allLayers = m.layers() * norms + m.attentionLayers() * attention + recurrentLayers * recurrent
                + m.denseMlpLayers() * denseMlp + m.moeLayers() * moeMlp;
        double layerInputs = m.layers() * 2 * h;
        // one layer's whole set, live while the backward recomputes that layer
        double oneLayer = layerSet + Math.max(denseMlp, moeMlp);
        // eager attention's 16-bit softmax output, s values per head per layer (its 4a bytes of statistics stay counted)
        double scores = kernel.storesScores(recompute) ? 2 * m.headLayerPositions(sequenceLength) : 0;
        return switch (recompute) {
            case SELECTIVE, NONE -> allLayers + scores;
            // the op policy keeps attention's output and statistics (SDPA's); a recurrent kernel's it recomputes
            case SELECTIVE_OP -> layerInputs + m.attentionLayers() * m.perAttentionLayer(s -> 2 * s.outputWidth() + 4 * s.heads())
                    + ActivationRecompute.OP_POLICY_KEPT_MATMUL_SHARE * linearOutputs(m) + oneLayer;
            case SELECTIVE_LAYER -> {
                double recomputed = Math.floor(m.layers() / ActivationRecompute.LAYER_POLICY_FREQUENCY);
                double kept = allLayers * (1 - recomputed / m.layers());
                yield recomputed * 2 * h + kept + (recomputed > 0 ? oneLayer : 0);
            }
            case FULL -> layerInputs + oneLayer;
        };
    }

    /**
     * Bytes per token, across all layers, of the attention's and the MLP's inputs that the policy keeps (already in
     * {@link #perToken}): the sequence a tensor-parallel layer gathers from its ranks. Under DTensor's TP these stay
     * whole on every rank ({@link TpSavedInputs#GATHERED}). Kept by every layer without recompute and by the layers
     * selective-layer keeps; selective-op recomputes them with the all-gather (it saves matmul outputs, not collectives'),
     * and full recompute keeps none: each then holds one layer's while that layer is recomputed.
     */
    static double gatheredInputsPerToken(ModelArchitecture m, ActivationRecompute recompute, boolean fp8GemmInputs) {
        double oneLayer = 2 * (fp8GemmInputs ? 1 : 2) * m.hiddenSize(); // the attention's input and the MLP's
        return switch (recompute) {
            case SELECTIVE, NONE -> m.layers() * oneLayer;
            case SELECTIVE_LAYER -> {
                double recomputed = Math.floor(m.layers() / ActivationRecompute.LAYER_POLICY_FREQUENCY);
                yield (m.layers() - recomputed) * oneLayer + (recomputed > 0 ? oneLayer : 0);
            }
            case SELECTIVE_OP, FULL -> oneLayer;
        };
    }

    /**
     * Q, K, V (or MLA's latents and up-projections), the attention output and its fp32 log-sum-exp; for a model whose
     * local layers have their own heads, what an attention layer holds on average.
     */
    private static double attentionTensors(ModelArchitecture m) {
        double tensors = m.perAttentionLayer(s -> 2 * s.queryWidth() + 2 * s.outputWidth() + 4 * s.heads());
        if (m.mla() != null) {
            MultiHeadLatentAttention mla = m.mla();
            double a = m.attentionHeads();
            return tensors + 2 * mla.qLoraRank() + 2 * (mla.kvLoraRank() + mla.qkRopeHeadDim())
                    + 2 * a * m.queryKeyHeadDim() + 2 * a * m.valueHeadDim();
        }
        return tensors + 2 * m.perAttentionLayer(AttentionShape::keyValueWidth);
    }

    private static double mlpActivations(ModelArchitecture m, double width, double gemmInputBytes) {
        // the MLP's input and, gated, the product that feeds the down projection are linear-layer inputs
        return m.gatedMlp() ? gemmInputBytes * m.hiddenSize() + 4 * width + gemmInputBytes * width
                : gemmInputBytes * m.hiddenSize() + 4 * width;
    }

    /**
     * Every linear layer's 16-bit output in all layers, of which the op policy keeps a share: Q, K, V (MLA: the two latents
     * and the up-projected q and k, v), the output projection; per MLP the gate and up outputs (or the up output) and the
     * down output; per MoE layer the router's logits and each chosen expert's.
     */
    static double linearOutputs(ModelArchitecture m) {
        double h = m.hiddenSize();
        double attention = 2 * m.perAttentionLayer(AttentionShape::queryWidth) + 2 * h;
        if (m.mla() != null) {
            MultiHeadLatentAttention mla = m.mla();
            attention += 2 * mla.qLoraRank() + 2 * (mla.kvLoraRank() + mla.qkRopeHeadDim())
                    + 2 * m.attentionHeads() * (mla.qkNopeHeadDim() + m.valueHeadDim());
        } else {
            attention += 2 * m.perAttentionLayer(AttentionShape::keyValueProjectionWidth);
        }
        double dense = mlpOutputs(m, m.ffnSize());
        double moeLayer = 0;
        if (m.moe() != null) {
            Moe moe = m.moe();
            moeLayer = 4 * moe.experts() + (moe.activeExperts() + moe.sharedExperts()) * mlpOutputs(m, moe.expertFfnSize());
        }
        RecurrentMixer mixer = m.hybrid() == null ? null : m.hybrid().mixer();
        // a recurrent layer's matmuls: its in-projection's outputs and its out-projection's
        double recurrent = mixer == null ? 0 : m.hybrid().recurrentLayers() * (2 * mixer.inProjectionWidth() + 2 * h);
        return m.attentionLayers() * attention + recurrent + m.denseMlpLayers() * dense + m.moeLayers() * moeLayer;
    }

    private static double mlpOutputs(ModelArchitecture m, double width) {
        return (m.gatedMlp() ? 2 : 1) * 2 * width + 2 * m.hiddenSize();
    }
}
