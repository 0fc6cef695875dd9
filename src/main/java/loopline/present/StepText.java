package loopline.present;

import static loopline.present.Format.formatNumber;
import static loopline.present.Format.formatPercent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loopline.engine.hardware.Gpu;
import loopline.engine.hardware.MoeFormat;
import loopline.engine.hardware.Precision;
import loopline.engine.model.ModelArchitecture;
import loopline.engine.serving.InferenceSetup;
import loopline.engine.serving.StepTerms;

/** Words for what an engine step is made of and whose kernel measurements priced it. */
public final class StepText {
    private StepText() {
    }

    /** "dense matmuls 46% (compute-bound) · routed experts 30% at 128 tokens/expert · attention 15% · …", largest first as run. */
    public static String terms(StepTerms t) {
        double total = t.totalSeconds();
        List<String> parts = new ArrayList<>();
        add(parts, "dense matmuls", t.denseMatmulSeconds(), total, t.denseComputeBound() ? " (compute-bound)" : " (weight reads)");
        add(parts, "routed experts' grouped GEMM", t.expertMatmulSeconds(), total, " at " + formatNumber(t.tokensPerExpert())
                + " tokens/expert" + (t.expertsComputeBound() ? " (compute-bound)" : " (weight reads)"));
        add(parts, "attention", t.attentionSeconds(), total, t.attentionComputeBound() ? " (compute-bound)" : " (KV reads)");
        add(parts, "all-reduce", t.allReduceSeconds(), total, "");
        add(parts, "all-to-all", t.allToAllSeconds(), total, "");
        add(parts, "launch and scheduling floor", t.floorSeconds(), total, "");
        return String.join(" · ", parts);
    }

    private static void add(List<String> parts, String name, double seconds, double total, String detail) {
        if (seconds > 0) {
            parts.add(name + " " + formatPercent(seconds / total) + detail);
        }
    }

    /** The term that takes longest, in words: what limits the step. */
    public static String largest(StepTerms t) {
        double[] s = {t.denseMatmulSeconds(), t.expertMatmulSeconds(), t.attentionSeconds(), t.allReduceSeconds() + t.allToAllSeconds(),
                t.floorSeconds()};
        String[] bound = {
            t.denseComputeBound() ? "the dense matmuls' FLOPs" : "reading the dense weights",
            t.expertsComputeBound() ? "the routed experts' grouped GEMMs at " + formatNumber(t.tokensPerExpert()) + " tokens per expert"
                    : "reading the experts the batch reaches",
            t.attentionComputeBound() ? "attention's FLOPs" : "reading the running sequences' KV cache",
            "communication between the replica's GPUs",
            "the fixed cost of launching a step"};
        int max = 0;
        for (int i = 1; i < s.length; i++) {
            if (s[i] > s[max]) {
                max = i;
            }
        }
        return bound[max];
    }

    /**
     * The fused-MoE kernel the routed experts run on, by what it quantises: "W4A8: 4-bit weights, 8-bit activations (the
     * experts ship in MXFP4)"; "none" for a dense model.
     */
    public static String expertKernel(ModelArchitecture model, InferenceSetup setup) {
        if (model.moe() == null) {
            return "none (no experts)";
        }
        boolean mxfp4 = model.moe().mxfp4Experts();
        String kernel = switch (MoeFormat.servedAs(setup.precision(), setup.gpu(), mxfp4)) {
            case BF16 -> "16-bit weights and activations";
            case FP8 -> "W8A8: fp8 weights and activations";
            case FP4 -> "W4A4: NVFP4 weights and activations";
            case W4A16 -> "W4A16: 4-bit weights computed in 16 bit";
            case W4A8 -> "W4A8: 4-bit weights, 8-bit activations";
        };
        return kernel + (mxfp4 && setup.precision() == Precision.FP4 ? " (the experts ship in MXFP4)" : "");
    }

    /** Whose kernels were measured: this GPU's own, or the nearest measured generation's (an extrapolation). */
    public static String kernels(Gpu gpu) {
        return gpu.kernelsMeasured()
                ? "measured on this GPU (NVIDIA AIConfigurator's kernel timings)"
                : "borrowed from " + measuredName(gpu.kernels().measuredOn()) + "'s measured kernels: none were measured on this GPU,"
                        + " so its datasheet figures are scaled by them and the range is wider";
    }

    /** A measured table's GPU id as people write it: h100-sxm → H100 SXM, a100-80gb → A100 80GB. */
    static String measuredName(String id) {
        return id.replace('-', ' ').toUpperCase(Locale.ROOT);
    }
}
