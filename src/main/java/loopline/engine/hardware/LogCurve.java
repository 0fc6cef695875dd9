package loopline.engine.hardware;

import java.util.Arrays;

/**
 * A measured curve y(x) over sizes that span decades (tokens, bytes): linear in log x between the measured
 * points and held at the end values beyond them, since a kernel's share of peak levels off at both ends.
 * The logarithms are taken once, when the table is read, so a lookup on the slider path is a short search.
 */
public final class LogCurve {
    private final double[] logX;
    private final double[] y;

    /** {@code points} are {x, y} pairs with x &gt; 0, in increasing x. */
    public LogCurve(double[][] points) {
        if (points.length == 0) {
            throw new IllegalArgumentException("a curve needs at least one point");
        }
        logX = new double[points.length];
        y = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            if (!(points[i][0] > 0) || (i > 0 && points[i][0] <= points[i - 1][0])) {
                throw new IllegalArgumentException("curve sizes must be positive and increasing, at point " + (i + 1));
            }
            logX[i] = Math.log(points[i][0]);
            y[i] = points[i][1];
        }
    }

    public double at(double x) {
        if (!(x > 0)) {
            return y[0];
        }
        double lx = Math.log(x);
        int n = logX.length;
        if (lx <= logX[0]) {
            return y[0];
        }
        if (lx >= logX[n - 1]) {
            return y[n - 1];
        }
        int i = Arrays.binarySearch(logX, lx);
        if (i >= 0) {
            return y[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double f = (lx - logX[lo]) / (logX[hi] - logX[lo]);
        return y[lo] + f * (y[hi] - y[lo]);
    }

    /** The last (largest-size) value: what the kernel reaches when it is fed all it can take. */
    public double last() {
        return y[y.length - 1];
    }

    public double smallestSize() {
        return Math.exp(logX[0]);
    }
}
