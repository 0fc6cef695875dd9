package loopline.engine.training;

import loopline.engine.model.ModelArchitecture;

/**
 * QLoRA's frozen base (Dettmers et al. 2023, arXiv:2305.14314, §3): every linear weight of the blocks in 4-bit
 * NormalFloat, one absmax scale per block of 64 weights, and those scales double-quantised to 8 bits in blocks
 * of 256 with one 32-bit constant per block. The embedding table and the output head stay in 16-bit, as
 * bitsandbytes leaves them.
 */
public final class Nf4Quantisation {
    static final int WEIGHT_BITS = 4;
    static final int BLOCK = 64;
    static final int SCALE_BITS = 8;
    static final int SCALE_BLOCK = 256;
    static final int SECOND_SCALE_BITS = 32;
    /** 4 + 8/64 + 32/(64·256) = 4.127 bits: the paper's 0.127 bits of constants per parameter, down from 32/64 = 0.5. */
    public static final double BITS_PER_PARAMETER =
            WEIGHT_BITS + (double) SCALE_BITS / BLOCK + (double) SECOND_SCALE_BITS / (BLOCK * SCALE_BLOCK);
    public static final double BYTES_PER_PARAMETER = BITS_PER_PARAMETER / 8;
    /** Bytes moved to dequantise one weight for a matmul: read its 4-bit block, write the bf16 copy the kernel uses. */
    static final double DEQUANTISE_BYTES_PER_PARAMETER = BYTES_PER_PARAMETER + 2;
    /** Share of datasheet bandwidth a dequantisation kernel reaches: the same 0.7 decode achieves (gpt-fast). */
    static final double DEQUANTISE_BANDWIDTH_EFFICIENCY = 0.7;

    public static final String BASE_FORMULA = "N_linear × (" + WEIGHT_BITS + " + " + SCALE_BITS + "/" + BLOCK + " + "
            + SECOND_SCALE_BITS + "/(" + BLOCK + "·" + SCALE_BLOCK + ")) bits + (embeddings + output head) × 2 B";

    private Nf4Quantisation() {
    }

    /** Weights stored in NF4: everything but the embedding table and an untied output head (norms are rounding error). */
    public static double quantisedParameters(ModelArchitecture m) {
        return m.totalParameters() - m.inputEmbeddingParameters() * (m.tiedEmbeddings() ? 1 : 2);
    }

    /** Bytes of the whole frozen base in QLoRA's format. */
    public static double baseBytes(ModelArchitecture m) {
        double quantised = quantisedParameters(m);
        return quantised * BYTES_PER_PARAMETER + (m.totalParameters() - quantised) * 2;
    }
}
