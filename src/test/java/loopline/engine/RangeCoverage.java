package loopline.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the ranges' widths come from: the calibration residuals of each kind of figure, and how often a range derived
 * without a row holds that row's published figure (leave-one-out, so no row vouches for itself).
 *
 * <p>A residual is ln(published speed ÷ estimated speed): tokens/s, output tokens/s or MFU as published over as
 * estimated; for GPU-hours and time to first token, estimated over published (a longer time is a slower speed). A
 * kind's band is the wider of mean ± t₀.₉₅(n − 1) · sd · √(1 + 1/n), the 90% prediction interval of one more run if the
 * residuals were normal, and the span of the rows (they are not: a few architectures sit far out, and a new run falls
 * inside the span of n others with chance (n − 1)/(n + 1)). The spreads in {@code Uncertainty} are e^band. Not used: the Llama 3.1 8B and 70B model cards (they count time beyond pre-training
 * steps, README), ratios of two estimates (the LoRA speed-up, concurrency scaling) and memory (three numeric rows).
 */
public final class RangeCoverage {
    /** One calibration row as a speed residual. */
    public record Residual(String name, double logSpeedRatio) {
    }

    /** A kind's fitted band and its leave-one-out check. */
    public record Band(String kind, int rows, double low, double high, double coverage, double medianWidth) {
    }

    public static List<Residual> trainingSpeed() {
        List<Residual> r = frameworkRunsAndLlama2();
        r.add(hours("Llama 3.1 405B", CalibrationTest.llama405bAtFullScale().trainingRun().gpuHours(), 30.84e6));
        r.add(hours("DeepSeek-V3", Estimator.estimate(loopline.data.ScenarioReader.read(loopline.Fixtures.preset("moe-deepseek-v3.json"),
                loopline.Fixtures.CATALOGS)).trainingRun().gpuHours(), 2.788e6));
        return r;
    }

    /**
     * The 14 runs the framework efficiency is fitted on: the framework benchmarks, Meta's 405B MFU (400 TFLOP/s on
     * 16,384 H100s) and the Llama 2 model cards.
     */
    public static List<Residual> frameworkFit() {
        List<Residual> r = frameworkRunsAndLlama2();
        r.add(new Residual("Llama 3.1 405B MFU", Math.log(0.405 / CalibrationTest.llama405bAtFullScale().trainingRun().clusterMfu(16384))));
        return r;
    }

    /** The rows both the fit and the training band use: the framework benchmarks and the Llama 2 model cards. */
    private static List<Residual> frameworkRunsAndLlama2() {
        List<Residual> r = new ArrayList<>();
        for (FrameworkRuns run : FrameworkRuns.values()) {
            r.add(new Residual(run.toString(), Math.log(run.published() / run.tokensPerSecondPerGpu())));
        }
        r.add(hours("Llama 2 7B", Fixtures_.hours("llama-2-7b"), 184_320));
        r.add(hours("Llama 2 13B", Fixtures_.hours("llama-2-13b"), 368_640));
        r.add(hours("Llama 2 70B", Fixtures_.hours("llama-2-70b"), 1_720_320));
        return r;
    }

    public static List<Residual> serving() {
        List<Residual> r = new ArrayList<>();
        List<ServingCalibration.Row> rows = new ArrayList<>(ServingCalibration.BATCH_ONE);
        rows.addAll(ServingCalibration.ROWS);
        for (ServingCalibration.Row row : rows) {
            if (row.name().contains(" over ")) {
                continue; // a ratio of two estimates, not a speed
            }
            double ratio = row.published() / row.estimate().getAsDouble();
            r.add(new Residual(row.name(), Math.log(latency(row) ? 1 / ratio : ratio)));
        }
        return r;
    }

    /** Time to first token is a time: a longer one is slower. */
    private static boolean latency(ServingCalibration.Row row) {
        return row.name().contains("TTFT");
    }

    private static Residual hours(String name, double estimated, double published) {
        return new Residual(name + " GPU-hours", Math.log(estimated / published));
    }

    /** The band of all rows, and the share of rows inside the band of the others. */
    public static Band band(String kind, List<Residual> residuals) {
        double[] all = residuals.stream().mapToDouble(Residual::logSpeedRatio).toArray();
        double[] full = interval(all);
        int covered = 0;
        List<Double> widths = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            double[] others = new double[all.length - 1];
            for (int j = 0, k = 0; j < all.length; j++) {
                if (j != i) {
                    others[k++] = all[j];
                }
            }
            double[] band = interval(others);
            if (all[i] >= band[0] && all[i] <= band[1]) {
                covered++;
            }
            widths.add(Math.exp(band[1] - band[0]));
        }
        widths.sort(Double::compare);
        double median = widths.size() % 2 == 1 ? widths.get(widths.size() / 2)
                : (widths.get(widths.size() / 2 - 1) + widths.get(widths.size() / 2)) / 2;
        return new Band(kind, all.length, Math.exp(full[0]), Math.exp(full[1]), covered / (double) all.length, median);
    }

    /** The wider of mean ± t · sd · √(1 + 1/n) and the rows' span, in log space. */
    static double[] interval(double[] x) {
        int n = x.length;
        double mean = java.util.Arrays.stream(x).average().orElseThrow();
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double half = studentT95(n - 1) * sd * Math.sqrt(1 + 1.0 / n);
        double min = java.util.Arrays.stream(x).min().orElseThrow();
        double max = java.util.Arrays.stream(x).max().orElseThrow();
        return new double[] {Math.min(mean - half, min), Math.max(mean + half, max)};
    }

    /** Student's t 95th percentile by the Cornish–Fisher expansion (to 0.3% for 5 or more degrees of freedom). */
    static double studentT95(int dof) {
        double z = 1.6448536269514722;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        return z + (z3 + z) / (4 * dof) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * dof * dof);
    }

    public static String markdownTable() {
        StringBuilder b = new StringBuilder("| kind of figure | rows | range around the estimate | leave-one-out coverage | median width |\n|---|---|---|---|---|\n");
        for (Band band : List.of(band("training speed (tokens/s, GPU-hours, MFU)", trainingSpeed()), band("serving speed (output tokens/s, time to first token)", serving()))) {
            b.append(String.format(Locale.ROOT, "| %s | %d | ×%.2f – ×%.2f | %.0f%% | ×%.2f |%n", band.kind(), band.rows(), band.low(), band.high(),
                    100 * band.coverage(), band.medianWidth()));
        }
        return b.toString();
    }

    public static void main(String[] args) {
        for (Residual r : trainingSpeed()) {
            System.out.printf(Locale.ROOT, "T %-70s %+.3f%n", r.name(), r.logSpeedRatio());
        }
        for (Residual r : serving()) {
            System.out.printf(Locale.ROOT, "S %-70s %+.3f%n", r.name(), r.logSpeedRatio());
        }
        System.out.print(markdownTable());
    }

    /** The GPU-hour scenarios of CALIBRATION.md's Llama 2 rows: 512 A100s, 2T tokens at 4k. */
    private static final class Fixtures_ {
        static double hours(String model) {
            return loopline.Fixtures.estimate(model, "training.gpu=a100-80gb", "training.tokens=2e12", "training.sequenceLength=4096",
                    "training.gpuCount=512").trainingRun().gpuHours();
        }
    }

    private RangeCoverage() {
    }
}
