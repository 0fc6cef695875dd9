package loopline.engine.training;

import java.util.Locale;
import loopline.engine.Ids;

/**
 * How the output head's logits and the cross-entropy loss are computed, which decides how many bytes each of the
 * b·s·V logit values holds at the step's peak (the turn from forward to backward, every activation still stored).
 */
public enum LossKernel {
    /**
     * Plain PyTorch: the forward holds the 16-bit logits, their fp32 upcast for a stable softmax and the fp32
     * log-softmax kept for the backward (2 + 4 + 4 B); the backward's first two nodes hold more: nll_loss's backward
     * writes a dense fp32 gradient of the log-softmax (4 B) and log-softmax's backward reads it with its saved output to
     * write the fp32 gradient of the logits (4 B), three fp32 tensors at once (4 + 4 + 4 B; the 16-bit logits are freed
     * with the model's outputs before the backward). The peak is the larger: 12 B.
     */
    FP32(Math.max(2 + 4 + 4, 4 + 4 + 4), 28),
    /** A compiled or fused cross-entropy (torch.compile, Transformer Engine): 16-bit logits and their 16-bit gradient. */
    FUSED(2 + 2, 6),
    /**
     * Chunked: the head and the loss run over {@link #CHUNKS} slices of the tokens and each slice's gradient is taken at
     * once (torchtune's chunked output, Liger's fused linear cross-entropy), so one slice's fp32 set is alive at a time.
     */
    CHUNKED(Math.max(2 + 4 + 4, 4 + 4 + 4) / 8.0, 28); // 8 = CHUNKS (an enum constant cannot read a static field)

    /** Slices of the tokens a chunked loss computes one at a time (torchtune's {@code num_output_chunks} default). */
    public static final int CHUNKS = 8;

    private final double bytesPerLogit;
    private final double bytesMovedPerLogit;

    /**
     * @param bytesMovedPerLogit HBM traffic per logit over the forward and backward: fp32 reads the 16-bit logits (2),
     *        writes their upcast (4), the log-softmax reads and writes it (8), its backward reads and writes (8), and the
     *        gradient is cast back to 16-bit (6): 28; a fused kernel reads the logits, then reads them and writes the gradient: 6
     */
    LossKernel(double bytesPerLogit, double bytesMovedPerLogit) {
        this.bytesPerLogit = bytesPerLogit;
        this.bytesMovedPerLogit = bytesMovedPerLogit;
    }

    /** Bytes of HBM traffic per logit value over the loss's forward and backward. */
    public double bytesMovedPerLogit() {
        return bytesMovedPerLogit;
    }

    /** Bytes per logit value of the whole micro-batch held at the peak. */
    public double bytesPerLogit() {
        return bytesPerLogit;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LossKernel fromId(String id) {
        return Ids.fromId(values(), LossKernel::id, id, "loss kernel");
    }
}
