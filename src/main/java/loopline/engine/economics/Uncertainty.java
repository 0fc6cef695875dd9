package loopline.engine.economics;

import java.util.List;
import java.util.function.Function;
import loopline.engine.Scenario;
import loopline.engine.ScenarioField;
import loopline.engine.ScenarioFields;
import loopline.engine.hardware.Gpu;

/**
 * The inputs nobody knows exactly, each with a low and a high end around the scenario's own (likely) value.
 * Spreads are relative, so a value the user set gets the same spread as a default:
 * <ul>
 * <li>MFU ×0.8–1.15 around the figure the measured kernels give (the framework benchmarks land −19% to +36% of it;
 * large published runs compute at 38–52%: Llama 3, Megatron-LM,
 *     PaLM 46%) and smaller or less tuned ones lower;</li>
 * <li>goodput ×0.9–1.05 (0.83–0.97): Llama 3 lost under 10% of its time to 419 interruptions in 54 days;</li>
 * <li>fp8's GEMM share of a step ×0.71–1.21 (0.5–0.85 at 0.7: a 1.28–1.6× end-to-end gain on H100, NVIDIA reports
 *     1.3–1.5×); it moves only fp8 runs;</li>
 * <li>allocator fragmentation ×0.4–2 (2–10% at the 5% default), what PyTorch's caching allocator holds beyond live tensors;</li>
 * <li>serving bandwidth ×0.85–1.15 and compute ×0.8–1.2 of the measured kernels (engines and versions differ from the
 *     TensorRT-LLM kernels measured); ×0.7–1.3 and ×0.65–1.35 on a GPU that borrows another's measurements;</li>
 * <li>$/GPU-hour: the catalog's rangeLow–rangeHigh for the GPU, scaled to the scenario's price.</li>
 * </ul>
 * Which end is optimistic is fixed per input (higher MFU, goodput, efficiency: faster; higher fragmentation and price: dearer).
 */
public final class Uncertainty {

    /** Which half of the estimate an input moves. */
    public enum Side { TRAINING, SERVING }

    /**
     * One uncertain input: the factors its low and high ends apply to the scenario's value, and whether a higher value
     * makes the estimate better (faster, cheaper, smaller) or worse.
     */
    public record Spread(ScenarioField<Double> field, Side side, Function<Scenario, double[]> factors, boolean higherIsBetter) {
        /** The input's value at its optimistic or pessimistic end, kept inside the field's range. */
        double end(Scenario s, boolean optimistic) {
            double[] lowHigh = factors.apply(s);
            double factor = optimistic == higherIsBetter ? lowHigh[1] : lowHigh[0];
            return Math.max(field.min(), Math.min(field.max(), field.get(s) * factor));
        }

        /** The low and high values of this input for this scenario. */
        public double[] values(Scenario s) {
            double a = end(s, true);
            double b = end(s, false);
            return new double[] {Math.min(a, b), Math.max(a, b)};
        }
    }

    public static final List<Spread> INPUTS = List.of(
            new Spread(ScenarioFields.MFU, Side.TRAINING, fixed(0.8, 1.15), true),
            new Spread(ScenarioFields.GOODPUT, Side.TRAINING, fixed(0.9, 1.05), true),
            new Spread(ScenarioFields.FP8_GEMM_SHARE, Side.TRAINING, fixed(0.5 / 0.7, 0.85 / 0.7), true),
            new Spread(ScenarioFields.ALLOCATOR_FRAGMENTATION, Side.TRAINING, fixed(0.4, 2), false),
            new Spread(ScenarioFields.TRAINING_PRICE, Side.TRAINING, s -> priceFactors(s.training().gpu()), false),
            new Spread(ScenarioFields.BANDWIDTH_EFFICIENCY, Side.SERVING, kernels(fixed(0.85, 1.15), fixed(0.7, 1.3)), true),
            new Spread(ScenarioFields.COMPUTE_EFFICIENCY, Side.SERVING, kernels(fixed(0.8, 1.2), fixed(0.65, 1.35)), true),
            new Spread(ScenarioFields.SERVING_PRICE, Side.SERVING, s -> priceFactors(s.inference().gpu()), false));

    private Uncertainty() {
    }

    /** The scenario with one side's uncertain inputs all at their optimistic (or all at their pessimistic) end. */
    public static Scenario corner(Scenario s, Side side, boolean optimistic) {
        Scenario c = s;
        for (Spread spread : INPUTS) {
            if (spread.side() == side) {
                c = c.with(spread.field(), spread.end(s, optimistic));
            }
        }
        return c;
    }

    /** A GPU whose kernels were measured gets {@code measured}; one borrowing another GPU's tables is extrapolated, {@code borrowed}. */
    private static Function<Scenario, double[]> kernels(Function<Scenario, double[]> measured, Function<Scenario, double[]> borrowed) {
        return s -> s.inference().gpu().kernelsMeasured() ? measured.apply(s) : borrowed.apply(s);
    }

    private static Function<Scenario, double[]> fixed(double low, double high) {
        return s -> new double[] {low, high};
    }

    private static double[] priceFactors(Gpu gpu) {
        return new double[] {gpu.priceLowUsd() / gpu.pricePerGpuHourUsd(), gpu.priceHighUsd() / gpu.pricePerGpuHourUsd()};
    }
}
