package loopline.engine.model;

/**
 * A token mixer with a fixed-size recurrent state instead of a KV cache, as 2026's hybrids interleave with attention:
 * <b>Gated DeltaNet</b> linear attention (Qwen3-Next, Qwen3.5: {@code linear_*} fields) and <b>Mamba-2</b> state-space
 * layers (Nemotron-H: {@code mamba_*}, {@code ssm_state_size}). Each layer keeps, per sequence, a state that does not
 * grow with context — key heads × value width per value head (DeltaNet) or heads × head width × state size (Mamba-2) —
 * and the last {@code convKernel − 1} inputs of its short causal convolution.
 *
 * <p>DeltaNet: {@code heads} value heads of {@code headDim}, {@code keyHeads} key heads of {@code keyHeadDim}.
 * Mamba-2: {@code heads} heads of {@code headDim} (d_inner = heads × headDim), {@code groups} × {@code stateSize} for B and C.
 * {@code stateBytesPerValue} is the recurrent state's format (Qwen3.5 keeps it in fp32, {@code mamba_ssm_dtype}).
 */
public record RecurrentMixer(Kind kind, double heads, double headDim, double keyHeads, double keyHeadDim, double groups,
                             double stateSize, double convKernel, double stateBytesPerValue) {

    public enum Kind {
        GATED_DELTANET("Gated DeltaNet linear attention"), MAMBA2("Mamba-2 state-space");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** Bytes of the convolution's cached inputs: 16-bit, like the activations they are. */
    static final double CONV_STATE_BYTES_PER_VALUE = 2;

    /** Width of the channels the short convolution runs over: q, k, v (DeltaNet) or x, B, C (Mamba-2). */
    double convChannels() {
        return kind == Kind.GATED_DELTANET ? 2 * keyHeads * keyHeadDim + heads * headDim : heads * headDim + 2 * groups * stateSize;
    }

    /** Weights of one layer (its norms counted with the layer's): Hugging Face's Qwen3NextGatedDeltaNet and NemotronHMamba2Mixer. */
    public double parameters(double hidden) {
        double inner = heads * headDim;
        double conv = convChannels() * convKernel;
        if (kind == Kind.GATED_DELTANET) {
            // in_proj_qkvz (q, k, v and the output gate z), in_proj_ba (β, α per value head), conv, dt bias and A per
            // head, the gated RMSNorm over a head, out_proj
            return hidden * (2 * keyHeads * keyHeadDim + 2 * inner) + hidden * 2 * heads + conv + 2 * heads + headDim + inner * hidden;
        }
        // in_proj (x, z, B, C, dt), conv with bias, dt bias, A and D per head, the gated RMSNorm over d_inner, out_proj
        return hidden * (2 * inner + 2 * groups * stateSize + heads) + conv + convChannels() + 3 * heads + inner + inner * hidden;
    }

    /** Bytes one sequence holds in one layer, whatever its length: the recurrent state and the convolution's window. */
    public double stateBytesPerSequence() {
        double recurrent = kind == Kind.GATED_DELTANET ? heads * keyHeadDim * headDim : heads * headDim * stateSize;
        return recurrent * stateBytesPerValue + convChannels() * (convKernel - 1) * CONV_STATE_BYTES_PER_VALUE;
    }
}
