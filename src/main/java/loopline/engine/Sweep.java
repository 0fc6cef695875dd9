package loopline.engine;

import java.util.function.ToDoubleFunction;
import loopline.engine.model.DerivedArchitecture;

/** One output as a function of one input: the series behind every chart. */
public final class Sweep {

    /** An input the charts sweep: how to put a value into a scenario. */
    @FunctionalInterface
    public interface Variable {
        Scenario apply(Scenario s, double value);
    }

    public static final Variable MODEL_PARAMETERS = (s, v) -> s.withModel(DerivedArchitecture.ofParameters(v));
    public static final Variable REQUESTS_PER_DAY = (s, v) -> s.withInference(s.inference().withRequestsPerDay(v));

    private Sweep() {
    }

    /** The full estimate at every point, for charts that read several outputs from one sweep. */
    public static Estimate[] estimates(Scenario base, Variable x, double[] xs) {
        Estimate[] es = new Estimate[xs.length];
        for (int i = 0; i < xs.length; i++) {
            es[i] = Estimator.estimate(x.apply(base, xs[i]));
        }
        return es;
    }

    public static double[] evaluate(Scenario base, Variable x, double[] xs, ToDoubleFunction<Estimate> output) {
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = output.applyAsDouble(Estimator.estimate(x.apply(base, xs[i])));
        }
        return ys;
    }

    /** {@code points} values from {@code from} to {@code to}, evenly spaced on a log scale. */
    public static double[] logSpace(double from, double to, int points) {
        double[] xs = new double[points];
        double a = Math.log(from);
        double step = (Math.log(to) - a) / (points - 1);
        for (int i = 0; i < points; i++) {
            xs[i] = Math.exp(a + step * i);
        }
        xs[points - 1] = to;
        return xs;
    }
}
