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
 * {@code chunkSize}: the tokens a prefill or training kernel processes as one block ({@link #DELTANET_CHUNK},
 * Nemotron-H's {@code chunk_size} 128).
 */
public record RecurrentMixer(Kind kind, double heads, double headDim, double keyHeads, double keyHeadDim, double groups,
                             double stateSize, double convKernel, double stateBytesPerValue, double chunkSize) {

    /** flash-linear-attention's chunked gated delta rule (what Qwen3-Next and Qwen3.5 run): 64-token chunks. */
    public static final double DELTANET_CHUNK = 64;
    /** mamba_ssm's mamba_chunk_scan_combined when the config names no chunk_size: 256. */
    public static final double MAMBA2_CHUNK = 256;

    public RecurrentMixer(Kind kind, double heads, double headDim, double keyHeads, double keyHeadDim, double groups,
                          double stateSize, double convKernel, double stateBytesPerValue) {
        this(kind, heads, headDim, keyHeads, keyHeadDim, groups, stateSize, convKernel, stateBytesPerValue,
                kind == Kind.GATED_DELTANET ? DELTANET_CHUNK : MAMBA2_CHUNK);
    }

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

    /**
     * FLOPs of one layer's recurrence (beyond its projections) for one decoded token: each head reads its state, updates
     * it and reads the output from it. Gated DeltaNet: S·k, the delta-rule update and Sᵀ·q, 2·d_k·d_v each, 6·d_k·d_v a
     * value head; Mamba-2: the state update B·xᵀ and the output C·S, 2·N·P each, 4·N·P a head.
     */
    public double decodeFlopsPerToken() {
        return heads * stateFlopsPerHead();
    }

    /**
     * The same per token of a prefill or a training forward, as the chunked kernels compute it: the state terms for the
     * chunk's tokens plus each chunk's own causal block. Gated DeltaNet (FLA): per value head the chunk's masked q·kᵀ and
     * its product with the values and the WY transform of keys and values, 4·C·(d_k + d_v) a token; Mamba-2 (SSD): per
     * group C·Bᵀ over the chunk, 2·C·N a token, and per head its product with x, 2·C·P.
     */
    public double chunkedFlopsPerToken() {
        double chunk = kind == Kind.GATED_DELTANET ? heads * 4 * chunkSize * (keyHeadDim + headDim)
                : 2 * chunkSize * (groups * stateSize + heads * headDim);
        return decodeFlopsPerToken() + chunk;
    }

    private double stateFlopsPerHead() {
        return kind == Kind.GATED_DELTANET ? 6 * keyHeadDim * headDim : 4 * stateSize * headDim;
    }

    /**
     * Bytes one layer keeps per token for its backward, 16-bit unless said, beyond the input it shares with attention
     * (the in-projection's input, counted by the caller at the GEMM input width).
     * <p>Gated DeltaNet as transformers' Qwen3-Next layer runs flash-linear-attention: the short convolution's input (q, k,
     * v: causal_conv1d recomputes its activation), the kernel's saved q and k (l2-normed) with their fp32 norms, v, the
     * fp32 gates and β per value head and the chunk's WY matrix A (C values per value head), the gate z and the output o
     * that the gated RMSNorm saves, and the out-projection's input.
     * <p>Mamba-2 as mamba_ssm's fused mamba_split_conv1d_scan_combined saves it (it recomputes the convolution and the
     * norm): the in-projection's whole output zxbcdt (z, x, B, C, dt) and the scan's output.
     */
    public double trainingBytesPerToken() {
        double inner = heads * headDim;
        if (kind == Kind.GATED_DELTANET) {
            double queriesAndKeys = 2 * keyHeads * keyHeadDim;
            return 2 * convChannels() + 2 * queriesAndKeys + 4 * 2 * keyHeads + 2 * inner + (4 + 2) * heads
                    + 2 * heads * chunkSize + 2 * 2 * inner + 2 * inner;
        }
        return 2 * inProjectionWidth() + 2 * inner;
    }

    /** The in-projection's outputs a token writes: q, k, v, z (and β, α) for DeltaNet; x, z, B, C and dt for Mamba-2. */
    public double inProjectionWidth() {
        double inner = heads * headDim;
        return kind == Kind.GATED_DELTANET ? 2 * keyHeads * keyHeadDim + 2 * inner + 2 * heads : 2 * inner + 2 * groups * stateSize + heads;
    }

    /** Bytes one sequence holds in one layer, whatever its length: the recurrent state and the convolution's window. */
    public double stateBytesPerSequence() {
        double recurrent = kind == Kind.GATED_DELTANET ? heads * keyHeadDim * headDim : heads * headDim * stateSize;
        return recurrent * stateBytesPerValue + convChannels() * (convKernel - 1) * CONV_STATE_BYTES_PER_VALUE;
    }
}
