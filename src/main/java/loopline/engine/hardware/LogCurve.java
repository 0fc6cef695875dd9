package loopline.engine.hardware;

import java.util.Arrays;

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

    /** {@code points} are {x, y} pairs with x &gt; 0, in increasing x. */
    public LogCurve(double[][] points) {
        if (points.length == 0) {
            throw new IllegalArgumentException("a curve needs at least one point");
        }
        logX = new double[points.length];
        logY = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            if (!(points[i][0] > 0) || (i > 0 && points[i][0] <= points[i - 1][0])) {
                throw new IllegalArgumentException("curve sizes must be positive and increasing, at point " + (i + 1));
            }
            if (!(points[i][1] > 0)) {
                throw new IllegalArgumentException("curve values must be positive, at point " + (i + 1));
            }
            logX[i] = Math.log(points[i][0]);
            logY[i] = Math.log(points[i][1]);
        }
    }

    public double at(double x) {
        int n = logX.length;
        if (!(x > 0)) {
            return Math.exp(logY[0]);
        }
        double lx = Math.log(x);
        if (lx <= logX[0]) {
            return Math.exp(logY[0]);
        }
        if (lx >= logX[n - 1]) {
            return Math.exp(logY[n - 1]);
        }
        int i = Arrays.binarySearch(logX, lx);
        if (i >= 0) {
            return Math.exp(logY[i]);
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double f = (lx - logX[lo]) / (logX[hi] - logX[lo]);
        return Math.exp(logY[lo] + f * (logY[hi] - logY[lo]));
    }

    /** The last (largest-size) value: what the kernel reaches when it is fed all it can take. */
    public double last() {
        return Math.exp(logY[logY.length - 1]);
    }

    public double smallestSize() {
        return Math.exp(logX[0]);
    }
}
