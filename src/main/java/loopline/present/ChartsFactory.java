package loopline.present;

import static loopline.engine.Units.SECONDS_PER_DAY;
import static loopline.present.Format.formatBytes;
import static loopline.present.Format.formatCount;
import static loopline.present.Format.formatDuration;
import static loopline.present.Format.formatNumber;
import static loopline.present.Format.formatUsd;

import java.util.ArrayList;
import java.util.List;
import loopline.engine.Estimate;
import loopline.engine.Scenario;
import loopline.engine.Sweep;
import loopline.engine.economics.ApiComparison;
import loopline.engine.economics.Uncertainty;
import loopline.engine.hardware.Gpu;
import loopline.engine.serving.InferenceMemory;
import loopline.engine.serving.InferenceSetup;
import loopline.engine.serving.InferenceSpeed;
import loopline.engine.serving.OperatingPoint;
import loopline.engine.serving.ServingPlan;
import loopline.engine.serving.ShapeOption;
import loopline.engine.training.TrainingMemory;
import loopline.engine.training.TrainingMethod;
import loopline.engine.training.TrainingRun;
import loopline.engine.training.TrainingSchedule;
import loopline.engine.training.TrainingSetup;

/** Builds every chart's data from an estimate by sweeping the engine; the views only draw what it returns. */
public final class ChartsFactory {
    static final int POINTS = 48;
    static final double MAX_TRAINING_GPUS = 1_000_000;
    static final double MIN_TRAFFIC = 1e3;
    static final double MAX_TRAFFIC = 1e10;
    static final double MAX_BATCH_SWEEP = 4096;
    /** The serving-cost chart's second line and "why?" both call the engine's next-best shape (the cheapest other one) this. */
    static final String OTHER_SHAPE = "Other shape: ";

    private ChartsFactory() {
    }

    public static Charts of(Estimate e) {
        return new Charts(TrainingMethodText.heading(e), trainingMemory(e), inferenceMemory(e), trainingThroughput(e), servingLatency(e),
                trainingCost(e), servingCost(e), lifetime(e));
    }

    static BarData trainingMemory(Estimate e) {
        TrainingMemory m = e.trainingMemory();
        TrainingMethod method = e.scenario().training().method();
        List<Segment> parts = new ArrayList<>(method.trainsAdapters() ? List.of(
                new Segment(method.quantisedBase() ? "Frozen base (4-bit NF4)" : "Frozen base (16-bit)", m.frozenWeightsBytes(), "weights"),
                new Segment("Adapters + gradients", m.weightsBytes() - m.frozenWeightsBytes() + m.gradientsBytes(), "gradients"),
                new Segment(method.pagedOptimizer() ? "Optimizer states (paged: 0 held)" : "Optimizer states", m.optimizerStatesBytes(), "optimizer"))
                : List.of(
                new Segment("Weights", m.weightsBytes(), "weights"),
                new Segment("Gradients", m.gradientsBytes(), "gradients"),
                new Segment("Optimizer states", m.optimizerStatesBytes(), "optimizer")));
        parts.add(new Segment("Activations + logits", m.activationsBytes() + m.logitsBytes(), "activations"));
        if (m.workingCopiesBytes() > 0) {
            parts.add(new Segment(e.scenario().training().zeroStage() >= 3 ? "Gathered weights + gradient buffer" : "fp8 weight copies",
                    m.workingCopiesBytes(), "working"));
        }
        parts.add(new Segment("Overhead", m.overheadBytes(), "overhead"));
        String verdict = m.fitsOnGpu()
                ? "Fits: " + formatBytes(m.perGpuBytes()) + " of " + formatBytes(m.capacityBytes()) + "; fewest GPUs that fit: " + Format.formatWhole(m.minGpusToFit())
                : m.minGpusToFit() > 0 ? "Does not fit: needs at least " + Format.formatWhole(m.minGpusToFit()) + " GPUs"
                : "Does not fit at any GPU count: raise the ZeRO stage, TP/PP or recompute";
        return new BarData("Memory per training GPU", formatNumber(m.bytesPerParameter()) + " B per parameter of model state · "
                + formatBytes(m.modelStatesTotalBytes()) + " across the cluster",
                List.of(new BarData.Row("per GPU", parts)), m.capacityBytes(), gpuLabel(e.scenario().training().gpu(), m.capacityBytes()),
                Format::formatBytes, Side.TRAINING, Figure.TRAINING_MEMORY_PER_GPU, verdict, !m.fitsOnGpu());
    }

    static BarData inferenceMemory(Estimate e) {
        InferenceMemory m = e.inferenceMemory();
        List<Segment> parts = List.of(
                new Segment("Weights", m.weightsPerGpuBytes(), "weights"),
                new Segment("KV cache", m.kvCachePerGpuBytes(), "kv"),
                new Segment("Engine reserve", m.overheadPerGpuBytes(), "overhead"));
        InferenceSpeed sp = e.inferenceSpeed();
        String verdict = m.fits()
                ? Format.formatWhole(m.gpusPerReplica(), "GPU", "GPUs") + " per replica (" + sp.shape().label()
                        + (m.gpusPerReplica() == 1 ? ") holds " : ") hold ")
                        + formatCount(m.sequencesByMemory()) + " sequences; " + formatNumber(sp.atPeak().runningSequences()) + " in use at peak"
                : "Does not fit: the weights leave no room for a request's KV cache";
        return new BarData("Memory per serving GPU", formatNumber(m.bytesPerParameter()) + " B per parameter · KV cache "
                + Format.formatBinaryBytes(m.kvCacheBytesPerToken()) + " per token",
                List.of(new BarData.Row("per GPU", parts)), m.capacityBytes(),
                gpuLabel(e.scenario().inference().gpu(), m.capacityBytes()), Format::formatBytes, Side.INFERENCE,
                Figure.INFERENCE_MEMORY_PER_GPU, verdict, !m.fits());
    }

    private static String gpuLabel(Gpu gpu, double capacity) {
        return GpuSummary.shortName(gpu) + ": " + formatBytes(capacity);
    }

    static LineChartData trainingThroughput(Estimate e) {
        Scenario s = e.scenario();
        double step = s.training().gpusPerReplica();
        double current = s.training().gpuCount();
        double hi = Math.min(MAX_TRAINING_GPUS, Math.max(current * 16, step * 64));
        double lo = Math.max(step, Math.min(current / 16, hi / 256));
        double[] xs = distinctRounded(Sweep.logSpace(lo, hi, POINTS), step);
        double[] days = new double[xs.length]; // only training time depends on the GPU count
        TrainingSetup fast = Uncertainty.corner(s, Uncertainty.Side.TRAINING, true).training();
        TrainingSetup slow = Uncertainty.corner(s, Uncertainty.Side.TRAINING, false).training();
        double[] fewest = new double[xs.length];
        double[] most = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            days[i] = TrainingRun.of(s.model(), s.training().withGpuCount((int) xs[i])).wallClockDays();
            fewest[i] = Math.min(days[i], TrainingRun.of(s.model(), fast.withGpuCount((int) xs[i])).wallClockDays());
            most[i] = Math.max(days[i], TrainingRun.of(s.model(), slow.withGpuCount((int) xs[i])).wallClockDays());
        }
        int min = e.trainingMemory().minGpusToFit();
        boolean[] fits = new boolean[xs.length];
        for (int i = 0; i < xs.length; i++) {
            fits[i] = min > 0 && xs[i] >= min;
        }
        List<Series> series = splitAt(xs, days, fits, "Fits in memory", "fits", "Does not fit in memory", "no-fit");
        List<Marker> markers = new ArrayList<>();
        markers.add(new Marker(Format.formatWhole(current, "GPU", "GPUs") + ": " + formatDuration(e.trainingRun().wallClockDays() * SECONDS_PER_DAY),
                current, true, "current"));
        if (min > 0 && min != current && min >= lo && min <= hi) {
            markers.add(new Marker("fewest that fit: " + Format.formatWhole(min), min, true, "limit"));
        }
        double fed = TrainingSchedule.gpusTheBatchFeeds(s.training());
        if (fed >= lo && fed <= hi) {
            markers.add(new Marker("batch feeds " + Format.formatWhole(fed) + ": more GPUs idle", fed, true, "limit"));
        }
        return new LineChartData("Days to train vs GPUs",
                formatCount(e.trainingRun().tokensPerSecond()) + " tokens/s at " + Format.formatWhole(current, "GPU", "GPUs") + " · "
                        + mfuWords(s.training().mfu(), e.trainingRun().clusterMfu(s.training().gpuCount()), e.trainingRun().lowPrecisionSpeedup()),
                "GPUs in the cluster", "days", true, true, Format::formatCount, v -> formatNumber(v), series, markers,
                Side.TRAINING, Figure.TRAINING_DAYS, e.trainingMemory().fitsOnGpu() ? null : "Does not fit in GPU memory at this count",
                new Band("Training-speed range", xs, fewest, most));
    }

    /**
     * Latency against the traffic one replica gets: flat while the replica has room, then the knee where
     * prompts queue for the chunk budget or for memory. Marked: this scenario's peak share and the
     * capacity replicas are sized by.
     */
    static LineChartData servingLatency(Estimate e) {
        Scenario s = e.scenario();
        InferenceSpeed sp = e.inferenceSpeed();
        InferenceSetup inf = s.inference();
        double capacity = sp.capacityRequestsPerSecond();
        double current = sp.requestsPerSecondPerReplica();
        List<Marker> markers = new ArrayList<>();
        markers.add(new Marker(formatNumber(inf.targetTokensPerSecondPerUser()) + " tok/s target",
                1e3 / inf.targetTokensPerSecondPerUser(), false, "target"));
        markers.add(new Marker("TTFT p99 target", inf.targetTimeToFirstTokenSeconds() * 1e3, false, "target"));
        String title = "Latency vs traffic per replica";
        String axis = "requests/s per replica";
        if (!e.inferenceMemory().fits()) {
            return new LineChartData(title, "no replica shape fits in memory", axis, "ms", false, true, Format::formatNumber,
                    v -> formatNumber(v), List.of(), markers, Side.INFERENCE, Figure.TOKENS_PER_SECOND_PER_USER, "Does not fit in GPU memory");
        }
        ServingPlan plan = e.servingPlan();
        double saturation = plan.saturationRequestsPerSecond(sp.shape());
        double hi = saturation;
        double[] xs = new double[POINTS];
        double[] ttft = new double[POINTS];
        double[] tpot = new double[POINTS];
        int n = 0;
        for (int i = 0; i < POINTS; i++) {
            double u = (i + 1.0) / POINTS;
            double x = hi * (1 - (1 - u) * (1 - u)) * 0.998; // denser towards saturation, where the knee is
            OperatingPoint p = plan.at(sp.shape(), x);
            if (!p.stable()) {
                break;
            }
            xs[n] = x;
            ttft[n] = p.latency().ttftP99Seconds() * 1e3;
            tpot[n] = p.timePerOutputTokenSeconds() * 1e3;
            n++;
        }
        List<Series> series = List.of(
                new Series("Time per output token (mean)", "tpot", java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(tpot, n)),
                new Series("Time to first token (p99)", "ttft", java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ttft, n)));
        markers.add(new Marker("peak " + formatNumber(current) + "/s", current, true, "current"));
        if (Math.abs(capacity - current) > hi / 30) {
            markers.add(new Marker("sized for " + formatNumber(capacity) + "/s", capacity, true, "limit"));
        }
        String problem = !sp.speedTargetMet() ? "Misses the speed target even with one request at a time"
                : !sp.firstTokenTargetMet() ? "Misses the first-token target even when idle" : null;
        return new LineChartData(title,
                sp.shape().label() + " · first token p50 " + formatDuration(sp.latency().ttftP50Seconds()) + ", p99 "
                        + formatDuration(sp.latency().ttftP99Seconds()) + " · " + formatNumber(sp.concurrentRequests()) + " in flight",
                axis, "ms", false, true, Format::formatNumber, v -> formatNumber(v), series, markers, Side.INFERENCE,
                Figure.TOKENS_PER_SECOND_PER_USER, problem);
    }

    /** Values rounded to multiples of {@code step} (at least one step), each kept once. */
    static double[] distinctRounded(double[] xs, double step) {
        return java.util.Arrays.stream(xs).map(x -> Math.max(step, Math.round(x / step) * step)).distinct().toArray();
    }

    static BarData trainingCost(Estimate e) {
        double training = e.trainingCostUsd();
        double months = e.scenario().economics().horizonMonths();
        double serving = e.serving().monthlyCostUsd() * months;
        String noun = TrainingMethodText.costNoun(e.scenario().training().method()); // "Training" or "Fine-tune"
        List<BarData.Row> rows = List.of(
                new BarData.Row(noun + ", once", List.of(new Segment(noun, training, "training-cost"))),
                new BarData.Row("Serving " + formatNumber(months) + " mo", List.of(new Segment("Serving", serving, "serving-cost"))));
        String power = e.scenario().economics().electricityBilledApart()
                ? " + " + formatUsd(e.trainingEnergy().electricityUsd()) + " electricity" : "";
        return new BarData(noun + ": a one-time cost", formatUsd(training) + " = " + formatCount(e.trainingRun().gpuHours())
                + " GPU-hours × " + formatUsd(e.scenario().training().pricePerGpuHourUsd()) + power,
                rows, 0, null, Format::formatUsd, Side.TRAINING, Figure.TRAINING_COST,
                "Amortised: " + Format.formatUsdPerRequestPhrase(e.serving().trainingCostPerRequestUsd()) + " over " + Format.formatMonths(months),
                false);
    }

    /** The bill against traffic with the chosen shape at each level, and what the next-best shape here would cost. */
    static LineChartData servingCost(Estimate e) {
        Scenario s = e.scenario();
        double[] xs = Sweep.logSpace(MIN_TRAFFIC, MAX_TRAFFIC, POINTS + 12);
        double[] cost = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            cost[i] = e.monthlyServingCostAt(xs[i]);
        }
        double current = s.inference().requestsPerDay();
        List<Series> series = new ArrayList<>();
        series.add(new Series("Monthly serving cost", "serving-cost", xs, cost));
        ShapeOption next = e.serving().nextBest();
        ShapeOption chosen = e.serving().chosen();
        if (next != null && e.serving().servable()) {
            double[] alt = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                alt[i] = e.monthlyServingCostAt(next.shape(), xs[i]);
            }
            // one wording, pinned or not: what the line is (the engine's nextBest), not which way the user got here
            series.add(new Series(OTHER_SHAPE + next.shape().label(), "next-best", xs, alt));
        }
        ApiComparison api = e.api();
        List<Marker> markers = new ArrayList<>();
        markers.add(new Marker(formatCount(current) + "/day: " + formatUsd(e.serving().monthlyCostUsd()) + "/mo", current, true, "current"));
        if (api != null) {
            double[] apiCost = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                apiCost[i] = api.monthlyCostAt(xs[i]);
            }
            series.add(new Series("API: " + api.cheapest().provider(), "api", xs, apiCost));
            double breakEven = api.selfHostingBreakEvenRequestsPerDay();
            if (breakEven > MIN_TRAFFIC && breakEven < MAX_TRAFFIC && Math.abs(Math.log10(breakEven / current)) > 0.4) {
                markers.add(new Marker("self-host cheaper from " + formatCount(breakEven) + "/day", breakEven, true, "limit"));
            }
        }
        String subtitle = e.serving().servable()
                ? chosen.shape().label() + " · " + Format.formatUsdPerRequestPhrase(e.serving().costPerRequestUsd()) + " · "
                        + Format.formatWhole(e.serving().gpus(), "GPU", "GPUs") + " at " + formatCount(current) + " requests/day"
                : "does not fit in GPU memory: no bill";
        return new LineChartData("Serving cost per month vs traffic", subtitle,
                "requests per day", "$/month", true, true, Format::formatCount, Format::formatUsdAxis, series, markers,
                Side.INFERENCE, Figure.MONTHLY_SERVING_COST, e.serving().servable() ? null : "Does not fit in GPU memory");
    }

    /**
     * The set MFU (while computing) beside the one published runs report (over the whole cluster, of the 16-bit peak), said
     * so that the second may exceed the first on an fp8 run without reading as a contradiction: "MFU 45% busy, 55.7%
     * of bf16 peak" (over the cluster, as published runs count it).
     */
    static String mfuWords(double setMfu, double clusterMfu, double lowPrecisionSpeedup) {
        // short: a second line here squeezes the chart and its legend at 1280 (the fp8 speed-up is in "why?")
        return "MFU " + Format.formatPercent(setMfu) + " busy, " + Format.formatPercent(clusterMfu)
                + (lowPrecisionSpeedup > 1 ? " of bf16 peak" : " overall");
    }

    static LineChartData lifetime(Estimate e) {
        double training = e.trainingCostUsd();
        double monthly = e.serving().monthlyCostUsd();
        double breakEven = e.serving().breakEvenMonths();
        double horizon = e.scenario().economics().horizonMonths();
        // the axis ends at the horizon, so the lines' end labels, the subtitle's split and the horizon are one month; a
        // break-even past it is said in the subtitle instead of stretching the chart past what the scenario asks about
        double[] months = new double[POINTS];
        double[] trainingLine = new double[POINTS];
        double[] servingLine = new double[POINTS];
        double[] total = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            months[i] = horizon * i / (POINTS - 1);
            trainingLine[i] = training;
            servingLine[i] = monthly * months[i];
            total[i] = training + servingLine[i];
        }
        List<Marker> markers = new ArrayList<>();
        if (breakEven <= horizon) {
            markers.add(new Marker("break-even: " + Format.formatMonths(breakEven), breakEven, true, "current"));
        }
        String noun = TrainingMethodText.costNoun(e.scenario().training().method());
        int last = POINTS - 1;
        // Total is drawn wide and pale behind the other two (the stylesheet orders it), and each line is
        // named at its end with its value, so a line hidden under another is still read.
        return new LineChartData("Lifetime cost", lifetimeSentence(training, monthly, breakEven, horizon),
                "months of serving", "$ to date", false, false, v -> formatNumber(v), Format::formatUsdAxis,
                List.of(new Series(noun + " (one-time)", "training-cost", months, trainingLine, noun + " " + formatUsd(training)),
                        new Series("Serving (cumulative)", "serving-cost", months, servingLine, "Serving " + formatUsd(servingLine[last])),
                        new Series("Total", "total-cost", months, total, "Total " + formatUsd(total[last]))),
                markers, Side.BOTH, Figure.BREAK_EVEN, null);
    }

    /**
     * What the lifetime chart says in words: the split at the horizon, and when serving passes the
     * one-time cost if the chart's break-even marker cannot show it. "24 months: $105M, 3.55% serving · serving
     * passes training after 54.3 years".
     */
    static String lifetimeSentence(double training, double monthly, double breakEven, double horizon) {
        double serving = monthly * horizon;
        String split = Format.formatMonths(horizon) + ": " + formatUsd(training + serving) + ", "
                + Format.formatPercent(serving / (training + serving)) + " serving"; // short: the lifetime chart is narrow
        if (breakEven <= horizon) {
            return split; // the break-even marker shows the crossing
        }
        return split + " · " + (Double.isFinite(breakEven) && monthly > 0
                ? "serving passes training after " + Format.formatMonths(breakEven)
                : "serving never passes training");
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
