package loopline.engine.hardware;

import java.util.Arrays;

/**
 * A measured collective (all-reduce or all-to-all) inside one NVLink domain, by how many GPUs take part: a
 * latency floor and a bus bandwidth as nccl-tests count it. More GPUs than measured hold the largest count's
 * figures; fewer hold the smallest's.
 */
public final class Collective {
    private final int[] gpuCounts;
    private final double[] floorSeconds;
    private final double[] busBytesPerSecond;

    /** Rows of {gpus, floor seconds, bus bytes per second}, in increasing gpus. */
    public Collective(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("a collective needs at least one measured GPU count");
        }
        gpuCounts = new int[rows.length];
        floorSeconds = new double[rows.length];
        busBytesPerSecond = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            gpuCounts[i] = (int) rows[i][0];
            floorSeconds[i] = rows[i][1];
            busBytesPerSecond[i] = rows[i][2];
            if (gpuCounts[i] < 2 || (i > 0 && gpuCounts[i] <= gpuCounts[i - 1]) || !(busBytesPerSecond[i] > 0)) {
                throw new IllegalArgumentException("collective rows need increasing GPU counts from 2 and a positive bandwidth");
            }
        }
    }

    private int row(int gpus) {
        int i = Arrays.binarySearch(gpuCounts, gpus);
        if (i >= 0) {
            return i;
        }
        return Math.max(0, -i - 2);
    }

    public double floorSeconds(int gpus) {
        return floorSeconds[row(gpus)];
    }

    public double busBytesPerSecond(int gpus) {
        return busBytesPerSecond[row(gpus)];
    }
}
