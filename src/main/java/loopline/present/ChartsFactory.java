package loopline.present;

import static loopline.present.Format.formatBytes;
import static loopline.present.Format.formatCount;
import static loopline.present.Format.formatDuration;
import static loopline.present.Format.formatNumber;
import static loopline.present.Format.formatUsd;

import java.util.ArrayList;
import java.util.List;
import loopline.engine.Estimate;
import loopline.engine.InferenceMemory;
import loopline.engine.InferenceSpeed;
import loopline.engine.Scenario;
import loopline.engine.Sweep;
import loopline.engine.TrainingMemory;
import loopline.engine.TrainingRun;
import loopline.present.Figure;

/** Builds every chart's data from an estimate by sweeping the engine; the views only draw what it returns. */
public final class ChartsFactory {
    static final int POINTS = 48;
    static final double MAX_TRAINING_GPUS = 1_000_000;
    static final double MIN_TRAFFIC = 1e3;
    static final double MAX_TRAFFIC = 1e10;
    static final double MAX_LIFETIME_MONTHS = 120;
    static final double MAX_BATCH_SWEEP = 4096;

    private ChartsFactory() {
    }

    public static Charts of(Estimate e) {
        return new Charts(trainingMemory(e), inferenceMemory(e), trainingThroughput(e), servingThroughput(e),
                trainingCost(e), servingCost(e), lifetime(e));
    }

    static BarData trainingMemory(Estimate e) {
        TrainingMemory m = e.trainingMemory();
        List<Segment> parts = List.of(
                new Segment("Weights", m.weightsBytes(), "weights"),
                new Segment("Gradients", m.gradientsBytes(), "gradients"),
                new Segment("Optimizer states", m.optimizerStatesBytes(), "optimizer"),
                new Segment("Activations + logits", m.activationsBytes() + m.logitsBytes(), "activations"),
                new Segment("Overhead", m.overheadBytes(), "overhead"));
        String verdict = m.fitsOnGpu()
                ? "Fits: " + formatBytes(m.perGpuBytes()) + " of " + formatBytes(m.capacityBytes()) + "; fewest GPUs that fit: " + Format.formatWhole(m.minGpusToFit())
                : m.minGpusToFit() > 0 ? "Does not fit: needs at least " + Format.formatWhole(m.minGpusToFit()) + " GPUs"
                : "Does not fit at any GPU count: raise the ZeRO stage, TP/PP or recompute";
        return new BarData("Memory per training GPU", formatNumber(m.bytesPerParameter()) + " B per parameter of model state · "
                + formatBytes(m.modelStatesTotalBytes()) + " across the cluster",
                List.of(new BarData.Row("per GPU", parts)), m.capacityBytes(), gpuLabel(e.scenario().training().gpu().name(), m.capacityBytes()),
                Format::formatBytes, Side.TRAINING, Figure.TRAINING_MEMORY_PER_GPU, verdict, !m.fitsOnGpu());
    }

    static BarData inferenceMemory(Estimate e) {
        InferenceMemory m = e.inferenceMemory();
        List<Segment> parts = List.of(
                new Segment("Weights", m.weightsPerGpuBytes(), "weights"),
                new Segment("KV cache", m.kvCachePerGpuBytes(), "kv"),
                new Segment("Engine reserve", m.overheadPerGpuBytes(), "overhead"));
        int batch = e.inferenceSpeed().batchSize();
        String verdict = m.fits()
                ? "Fits on " + m.gpusPerReplica() + (m.gpusPerReplica() == 1 ? " GPU" : " GPUs") + " per replica; room for "
                        + formatCount(m.maxBatchByMemory()) + " concurrent requests, running " + batch
                : m.maxBatchByMemory() == 0 ? "Does not fit: the weights leave no room for a request's KV cache"
                : "Batch " + batch + " does not fit: memory holds " + m.maxBatchByMemory() + " requests";
        return new BarData("Memory per serving GPU", formatNumber(m.bytesPerParameter()) + " B per parameter · KV cache "
                + Format.formatBinaryBytes(m.kvCacheBytesPerToken()) + " per token",
                List.of(new BarData.Row("per GPU", parts)), m.capacityBytes(),
                gpuLabel(e.scenario().inference().gpu().name(), m.capacityBytes()), Format::formatBytes, Side.INFERENCE,
                Figure.INFERENCE_MEMORY_PER_GPU, verdict, !m.fits());
    }

    private static String gpuLabel(String name, double capacity) {
        return name.replace("NVIDIA ", "").replace("AMD Instinct ", "") + ": " + formatBytes(capacity);
    }

    static LineChartData trainingThroughput(Estimate e) {
        Scenario s = e.scenario();
        double step = s.training().tensorParallel() * (double) s.training().pipelineParallel();
        double current = s.training().gpuCount();
        double hi = Math.min(MAX_TRAINING_GPUS, Math.max(current * 16, step * 64));
        double lo = Math.max(step, Math.min(current / 16, hi / 256));
        double[] xs = distinctRounded(Sweep.logSpace(lo, hi, POINTS), step);
        double[] days = new double[xs.length]; // only training time depends on the GPU count
        for (int i = 0; i < xs.length; i++) {
            days[i] = TrainingRun.of(s.model(), s.training().withGpuCount((int) xs[i])).wallClockDays();
        }
        int min = e.trainingMemory().minGpusToFit();
        boolean[] fits = new boolean[xs.length];
        for (int i = 0; i < xs.length; i++) {
            fits[i] = min > 0 && xs[i] >= min;
        }
        List<Series> series = splitAt(xs, days, fits, "Fits in memory", "fits", "Does not fit in memory", "no-fit");
        List<Marker> markers = new ArrayList<>();
        markers.add(new Marker(Format.formatWhole(current) + " GPUs: " + formatNumber(e.trainingRun().wallClockDays()) + " days", current, true, "current"));
        if (min > 0 && min != current && min >= lo && min <= hi) {
            markers.add(new Marker("fewest that fit: " + Format.formatWhole(min), min, true, "limit"));
        }
        return new LineChartData("Days to train vs GPUs",
                formatCount(e.trainingRun().tokensPerSecond()) + " tokens/s at " + Format.formatWhole(current) + " GPUs · MFU "
                        + Format.formatPercent(s.training().mfu()),
                "GPUs in the cluster", "days", true, true, Format::formatCount, v -> formatNumber(v), series, markers,
                Side.TRAINING, Figure.TRAINING_DAYS, e.trainingMemory().fitsOnGpu() ? null : "Does not fit in GPU memory at this count");
    }

    static LineChartData servingThroughput(Estimate e) {
        Scenario s = e.scenario();
        InferenceSpeed sp = e.inferenceSpeed();
        int maxByMemory = e.inferenceMemory().maxBatchByMemory();
        double hi = MAX_BATCH_SWEEP; // past what memory holds too, so the turn to compute-bound shows
        double[] xs = distinctRounded(Sweep.logSpace(1, hi, POINTS), 1);
        Estimate[] points = Sweep.estimates(s.withInference(s.inference().withTensorParallel(e.inferenceMemory().gpusPerReplica())),
                Sweep.SERVING_BATCH, xs);
        double[] ms = new double[xs.length];
        boolean[] computeBound = new boolean[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ms[i] = points[i].inferenceSpeed().timePerOutputTokenSeconds() * 1e3;
            computeBound[i] = !points[i].inferenceSpeed().decodeMemoryBound();
        }
        List<Series> series = splitAt(xs, ms, computeBound, "Compute-bound", "compute-bound",
                "Memory-bandwidth-bound", "memory-bound");
        List<Marker> markers = new ArrayList<>();
        markers.add(new Marker("batch " + sp.batchSize() + ": " + formatNumber(sp.tokensPerSecondPerUser()) + " tok/s per user",
                sp.batchSize(), true, "current"));
        if (maxByMemory > 0 && maxByMemory < hi && maxByMemory != sp.batchSize()) {
            markers.add(new Marker("memory holds " + maxByMemory, maxByMemory, true, "limit"));
        }
        markers.add(new Marker("target " + formatNumber(s.inference().targetTokensPerSecondPerUser()) + " tok/s",
                1e3 / s.inference().targetTokensPerSecondPerUser(), false, "target"));
        String problem = !e.inferenceMemory().fits() ? "Does not fit in GPU memory"
                : !sp.latencyTargetMet() ? "Misses the speed target even at batch 1" : null;
        return new LineChartData("Time per output token vs batch",
                "first token in " + formatDuration(sp.timeToFirstTokenSeconds()) + " · "
                        + formatCount(sp.tokensPerSecondPerReplica()) + " output tokens/s per replica",
                "concurrent requests (batch)", "ms per token", true, true, Format::formatCount, v -> formatNumber(v), series,
                markers, Side.INFERENCE, Figure.TOKENS_PER_SECOND_PER_USER, problem);
    }

    /** Values rounded to multiples of {@code step} (at least one step), each kept once. */
    static double[] distinctRounded(double[] xs, double step) {
        return java.util.Arrays.stream(xs).map(x -> Math.max(step, Math.round(x / step) * step)).distinct().toArray();
    }

    static BarData trainingCost(Estimate e) {
        double training = e.trainingRun().costUsd();
        double months = e.scenario().horizonMonths();
        double serving = e.serving().monthlyCostUsd() * months;
        List<BarData.Row> rows = List.of(
                new BarData.Row("Training, once", List.of(new Segment("Training", training, "training-cost"))),
                new BarData.Row("Serving " + formatNumber(months) + " mo", List.of(new Segment("Serving", serving, "serving-cost"))));
        return new BarData("Training: a one-time cost", formatUsd(training) + " = " + formatCount(e.trainingRun().gpuHours())
                + " GPU-hours × " + formatUsd(e.scenario().training().pricePerGpuHourUsd()),
                rows, 0, null, Format::formatUsd, Side.TRAINING, Figure.TRAINING_COST,
                "Amortised: " + formatUsd(e.serving().trainingCostPerRequestUsd()) + " per request over " + formatNumber(months) + " months",
                false);
    }

    static LineChartData servingCost(Estimate e) {
        Scenario s = e.scenario();
        double[] xs = Sweep.logSpace(MIN_TRAFFIC, MAX_TRAFFIC, POINTS + 12);
        double[] cost = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            cost[i] = e.atTraffic(xs[i]).serving().monthlyCostUsd();
        }
        double current = s.inference().requestsPerDay();
        return new LineChartData("Serving cost per month vs traffic",
                formatUsd(e.serving().costPerRequestUsd()) + " per request · " + Format.formatWhole(e.serving().gpus()) + " GPUs at "
                        + formatCount(current) + " requests/day",
                "requests per day", "$ per month", true, true, Format::formatCount, Format::formatUsd,
                List.of(new Series("Monthly serving cost", "serving-cost", xs, cost)),
                List.of(new Marker(formatCount(current) + "/day: " + formatUsd(e.serving().monthlyCostUsd()) + "/mo", current, true, "current")),
                Side.INFERENCE, Figure.MONTHLY_SERVING_COST, null);
    }

    static LineChartData lifetime(Estimate e) {
        double training = e.trainingRun().costUsd();
        double monthly = e.serving().monthlyCostUsd();
        double breakEven = e.serving().breakEvenMonths();
        double horizon = e.scenario().horizonMonths();
        double wanted = Math.max(horizon, breakEven <= MAX_LIFETIME_MONTHS / 1.25 ? breakEven * 1.25 : horizon);
        double end = Math.min(MAX_LIFETIME_MONTHS, Math.ceil(wanted / 6) * 6); // whole half-years, so the axis ends with the data
        double[] months = new double[POINTS];
        double[] trainingLine = new double[POINTS];
        double[] servingLine = new double[POINTS];
        double[] total = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            months[i] = end * i / (POINTS - 1);
            trainingLine[i] = training;
            servingLine[i] = monthly * months[i];
            total[i] = training + servingLine[i];
        }
        List<Marker> markers = new ArrayList<>();
        if (breakEven <= end) {
            markers.add(new Marker("break-even: month " + formatNumber(breakEven), breakEven, true, "current"));
        }
        if (Math.abs(horizon - breakEven) > end / 20) {
            markers.add(new Marker("horizon: " + formatNumber(horizon) + " months", horizon, true, "limit"));
        }
        return new LineChartData("Lifetime cost",
                breakEven <= end ? "training once, then serving every month" : "serving passes training after "
                        + Format.formatMonths(breakEven),
                "months of serving", "cumulative $", false, false, v -> formatNumber(v), Format::formatUsd,
                List.of(new Series("Training (one-time)", "training-cost", months, trainingLine),
                        new Series("Serving (cumulative)", "serving-cost", months, servingLine),
                        new Series("Total", "total-cost", months, total)),
                markers, Side.BOTH, Figure.BREAK_EVEN, null);
    }

    /**
     * Splits one curve into two series where {@code inSecond} changes, repeating the boundary point so the
     * line stays continuous (e.g. memory-bound then compute-bound).
     */
    static List<Series> splitAt(double[] xs, double[] ys, boolean[] inSecond,
                                String secondName, String secondStyle, String firstName, String firstStyle) {
        List<double[]> first = new ArrayList<>();
        List<double[]> second = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            boolean b = inSecond[i];
            (b ? second : first).add(new double[] {xs[i], ys[i]});
            if (i + 1 < xs.length && b != inSecond[i + 1]) {
                (b ? first : second).add(new double[] {xs[i], ys[i]});
            }
        }
        List<Series> out = new ArrayList<>(2);
        if (!first.isEmpty()) {
            out.add(toSeries(firstName, firstStyle, first));
        }
        if (!second.isEmpty()) {
            out.add(toSeries(secondName, secondStyle, second));
        }
        return out;
    }

    private static Series toSeries(String name, String style, List<double[]> points) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return new Series(name, style, x, y);
    }
}
