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
 * <li>MFU ×{@value #TRAINING_SPEED_LOW}–{@value #TRAINING_SPEED_HIGH}: the band of the training-speed calibration
 *     residuals (framework benchmarks and published runs, 15 rows; see {@code RangeCoverage} under src/test), which
 *     holds 93% of them when each is left out of its own band. Goodput's uncertainty is inside it (the GPU-hour rows
 *     include each run's real goodput), so goodput has no spread of its own;</li>
 * <li>fp8's GEMM share of a step ×0.71–1.21 (0.5–0.85 at 0.7: a 1.28–1.6× end-to-end gain on H100, NVIDIA reports
 *     1.3–1.5×); it moves only fp8 runs;</li>
 * <li>allocator fragmentation ×0.4–2 (2–10% at the 5% default), what PyTorch's caching allocator holds beyond live tensors;</li>
 * <li>serving bandwidth and compute both ×{@value #SERVING_SPEED_LOW}–{@value #SERVING_SPEED_HIGH} of the measured
 *     kernels: the band of the serving-speed residuals (32 rows, 94% leave-one-out coverage); twice as wide in log
 *     terms on a GPU that borrows another's measurements (outside the calibrated region);</li>
 * <li>$/GPU-hour: the catalog's rangeLow–rangeHigh for the GPU, scaled to the scenario's price;</li>
 * <li>GPU power ×{@value #GPU_POWER_LOW}–{@value #GPU_POWER_HIGH} of the modelled draw: the band of measured over modelled
 *     power in ML.ENERGY's runs (it moves both sides' energy with the training corners).</li>
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

    /** Ends of the training-speed residual band (RangeCoverage; a test keeps them equal to it). */
    public static final double TRAINING_SPEED_LOW = 0.71, TRAINING_SPEED_HIGH = 1.27;
    /** Ends of the serving-speed residual band (RangeCoverage; a test keeps them equal to it). */
    public static final double SERVING_SPEED_LOW = 0.75, SERVING_SPEED_HIGH = 1.49;
    /**
     * Measured ÷ modelled GPU power over ML.ENERGY's 85 runs, 5th to 95th percentile (the reciprocal of PowerDraw's
     * residual band 0.81–1.42; EnergyCalibrationTest keeps them equal).
     */
    public static final double GPU_POWER_LOW = 0.70, GPU_POWER_HIGH = 1.23;

    public static final List<Spread> INPUTS = List.of(
            new Spread(ScenarioFields.MFU, Side.TRAINING, fixed(TRAINING_SPEED_LOW, TRAINING_SPEED_HIGH), true),
            new Spread(ScenarioFields.FP8_GEMM_SHARE, Side.TRAINING, fixed(0.5 / 0.7, 0.85 / 0.7), true),
            new Spread(ScenarioFields.ALLOCATOR_FRAGMENTATION, Side.TRAINING, fixed(0.4, 2), false),
            new Spread(ScenarioFields.TRAINING_PRICE, Side.TRAINING, s -> priceFactors(s, s.training().gpu()), false),
            // one field for both sides' GPUs; the corners carry the training side's energy setup into the whole estimate
            new Spread(ScenarioFields.GPU_POWER_VS_MODELLED, Side.TRAINING, fixed(GPU_POWER_LOW, GPU_POWER_HIGH), false),
            new Spread(ScenarioFields.BANDWIDTH_EFFICIENCY, Side.SERVING, kernels(SERVING_SPEED_LOW, SERVING_SPEED_HIGH), true),
            new Spread(ScenarioFields.COMPUTE_EFFICIENCY, Side.SERVING, kernels(SERVING_SPEED_LOW, SERVING_SPEED_HIGH), true),
            new Spread(ScenarioFields.SERVING_PRICE, Side.SERVING, s -> priceFactors(s, s.inference().gpu()), false));

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

    /** A GPU whose kernels were measured gets the band; one borrowing another GPU's tables is extrapolated: the band squared. */
    private static Function<Scenario, double[]> kernels(double low, double high) {
        return s -> s.inference().gpu().kernelsMeasured() ? new double[] {low, high} : new double[] {low * low, high * high};
    }

    private static Function<Scenario, double[]> fixed(double low, double high) {
        return s -> new double[] {low, high};
    }

    /**
     * The market's spread of a rented GPU-hour; an owned one is the user's own purchase, years and rent, with no market
     * spread to draw (rented again where the catalog has no purchase price).
     */
    private static double[] priceFactors(Scenario s, Gpu gpu) {
        if (s.economics().owned() && gpu.hasPurchasePrice()) {
            return new double[] {1, 1};
        }
        return new double[] {gpu.priceLowUsd() / gpu.pricePerGpuHourUsd(), gpu.priceHighUsd() / gpu.pricePerGpuHourUsd()};
    }
}
