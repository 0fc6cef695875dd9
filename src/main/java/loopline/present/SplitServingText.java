package loopline.present;

import static loopline.present.Explanation.in;
import static loopline.present.Format.formatCount;
import static loopline.present.Format.formatDuration;
import static loopline.present.Format.formatNumber;
import static loopline.present.Format.formatUsd;

import java.util.List;
import loopline.engine.Estimate;
import loopline.engine.serving.Disaggregation;
import loopline.engine.serving.InferenceSetup;
import loopline.engine.serving.ShapeOption;

/** The "why?" of disaggregated serving: the two pools, the KV transfer between them, and which way of serving wins and why. */
final class SplitServingText {
    private SplitServingText() {
    }

    static Explanation explain(Estimate e) {
        Disaggregation d = e.disaggregation();
        InferenceSetup i = e.scenario().inference();
        if (d == null) {
            return new Explanation("Prefill and decode on separate pools", Disaggregation.FORMULA, List.of(), "not compared",
                    e.serving().servable() ? "A set batch size measures one replica in a closed loop; a split is sized for a fleet's traffic."
                            : "The model does not fit, so there is nothing to split.");
        }
        ShapeOption decode = d.decode();
        List<Explanation.Input> inputs = new java.util.ArrayList<>(List.of(
                in("peak requests/s", formatNumber(e.serving().peakRequestsPerSecond())),
                in("decode pool", pool(decode) + ", at " + formatNumber(1 / i.targetTokensPerSecondPerUser() * 1000) + " ms per token"),
                in("decode's p99 wait for a KV slot", formatDuration(d.decodeFirstTokenP99Seconds())),
                in("KV transfer per request", formatDuration(d.kvTransferSeconds()) + " (" + Disaggregation.TRANSFER_FORMULA + ")"),
                in("left for prefill (p99)", formatDuration(Math.max(0, d.prefillFirstTokenTargetSeconds())) + " of the "
                        + formatDuration(i.targetTimeToFirstTokenSeconds()) + " target")));
        if (d.prefill() != null) {
            inputs.add(1, in("prefill pool", pool(d.prefill())));
        }
        inputs.add(in("co-located", formatCount(e.serving().replicas()) + " × " + e.inferenceSpeed().shape().label() + " = "
                + Format.formatWhole(e.serving().gpus()) + " GPUs, " + formatUsd(e.serving().monthlyCostUsd()) + " a month"));
        if (!d.feasible()) {
            return new Explanation("Prefill and decode on separate pools", Disaggregation.FORMULA, inputs, "no split meets the targets",
                    d.prefill() == null && decode.targetsMet()
                            ? "The decode pool's wait and the transfer leave prefill no time within the first-token target."
                            : "No pool shape meets its target at this traffic.");
        }
        return new Explanation("Prefill and decode on separate pools", Disaggregation.FORMULA, inputs,
                Format.formatWhole(d.gpus()) + " GPUs, " + formatUsd(e.withElectricity(d.monthlyCostUsd())) + " a month", verdict(e, d));
    }

    /** Which way of serving wins, and the mechanism that makes it win here. */
    private static String verdict(Estimate e, Disaggregation d) {
        double colocated = e.serving().monthlyCostUsd();
        double split = e.withElectricity(d.monthlyCostUsd());
        String shapes = d.prefill().shape().equals(d.decode().shape()) ? "both pools take " + d.prefill().shape().label()
                : "each pool takes its own shape (prefill " + d.prefill().shape().label() + ", decode " + d.decode().shape().label() + ")";
        if (split < colocated * 0.995) {
            return "The split is " + formatNumber(colocated / split) + "× cheaper: no prompt rides along a decode step, so "
                    + "decode keeps the speed target at larger batches, and " + shapes + ".";
        }
        if (split > colocated * 1.005) {
            return "Co-located is " + formatNumber(split / colocated) + "× cheaper: one fleet's headroom serves both phases, "
                    + "while split each pool rounds up on its own and prefill must meet the target with what the transfer and decode's "
                    + "wait leave (" + shapes + ").";
        }
        return "The two cost the same here (" + shapes + ").";
    }

    private static String pool(ShapeOption o) {
        return formatCount(o.replicas()) + " × " + o.shape().label() + " (" + formatNumber(o.capacityRequestsPerSecond())
                + " requests/s each) = " + Format.formatWhole(o.gpus()) + " GPUs";
    }

}
