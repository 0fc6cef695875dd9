package loopline.engine.hardware;

/**
 * A measured share of peak y(x) over sizes that span decades (tokens, bytes): a power law between the measured
 * points (linear in log y against log x) and held at the end values beyond them, since a kernel's share of peak
 * levels off at both ends. Between two points whose work-per-share (x ÷ y) does not fall, it never falls either,
 * so a curve measured that way never prices more work as less time. The logarithms are taken once, when the table
 * is read, so a lookup on the slider path is a short search.
 */
public final class LogCurve {
    private final double[] logX;
    private final double[] logY;
    /** The measured values themselves, returned without an exp at the ends and on the grid. */
    private final double[] y;
    private final double[] x;

    /** {@code points} are {x, y} pairs with x &gt; 0, in increasing x. */
    public LogCurve(double[][] points) {
        if (points.length == 0) {
            throw new IllegalArgumentException("a curve needs at least one point");
        }
        logX = new double[points.length];
        logY = new double[points.length];
        y = new double[points.length];
        x = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            if (!(points[i][0] > 0) || (i > 0 && points[i][0] <= points[i - 1][0])) {
                throw new IllegalArgumentException("curve sizes must be positive and increasing, at point " + (i + 1));
            }
            if (!(points[i][1] > 0)) {
                throw new IllegalArgumentException("curve values must be positive, at point " + (i + 1));
            }
            logX[i] = Math.log(points[i][0]);
            logY[i] = Math.log(points[i][1]);
            y[i] = points[i][1];
            x[i] = points[i][0];
        }
    }

    public double at(double size) {
        int n = x.length;
        if (!(size > x[0])) {
            return y[0];
        }
        if (size >= x[n - 1]) {
            return y[n - 1];
        }
        int hi = 1;
        while (x[hi] < size) {
            hi++; // a dozen or so points: a scan beats a binary search's bookkeeping
        }
        int lo = hi - 1;
        if (x[hi] == size || y[lo] == y[hi]) {
            return y[hi]; // on the grid, or a held stretch (a kernel floor-bound below its measured crossover): no logarithm
        }
        double f = (Math.log(size) - logX[lo]) / (logX[hi] - logX[lo]);
        return Math.exp(logY[lo] + f * (logY[hi] - logY[lo]));
    }

    /** The last (largest-size) value: what the kernel reaches when it is fed all it can take. */
    public double last() {
        return y[y.length - 1];
    }

    public double smallestSize() {
        return Math.exp(logX[0]);
    }
}
