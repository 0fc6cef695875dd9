package loopline.engine;

import static loopline.Fixtures.estimate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ML.ENERGY leaderboard v3.0's measured GPU power and energy per output token (resources calibration/ml-energy-v3-chat.csv,
 * its source in the file's header), each row run as the benchmark ran it: the checkpoint's precision, its TP and EP, a
 * closed loop at the measured average batch with max_num_seqs as the scheduler's limit. LMArena's prompts are not in the
 * data; first-turn chat prompts, taken as {@value #PROMPT_TOKENS} tokens (a stated assumption). Shared by the tests and
 * {@link CalibrationReport}; {@link #main} prints every row with the utilisations the power model reads.
 */
final class EnergyCalibration {

    static final int PROMPT_TOKENS = 200;

    /** One measured configuration and LoopLine's estimate of it. */
    record Row(String model, String precision, String gpu, int gpus, int tp, int ep, int maxNumSeqs, double batch,
               double outputTokens, double measuredWatts, double measuredJoulesPerToken, Estimate estimate) {

        String name() {
            return String.format(Locale.ROOT, "%s %s %d×%s TP%d%s batch %d", model, precision, gpus, gpu, tp, ep > 1 ? " EP" + ep : "",
                    maxNumSeqs);
        }

        /** The replica's GPUs' power LoopLine estimates, summed as the benchmark reports it. */
        double estimatedWatts() {
            return estimate.servingEnergy().gpuWattsAtPoint() * gpus;
        }

        double estimatedJoulesPerToken() {
            return estimate.servingEnergy().gpuJoulesPerOutputToken();
        }
    }

    private EnergyCalibration() {
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String[] f : csv()) {
            int tp = Integer.parseInt(f[5]);
            int ep = Integer.parseInt(f[6]);
            int max = Integer.parseInt(f[7]);
            double batch = Double.parseDouble(f[8]);
            double output = Double.parseDouble(f[9]);
            List<String> sets = new ArrayList<>(List.of("inference.gpu=" + f[3], "inference.precision=" + f[2],
                    "inference.tensorParallel=" + tp, "inference.batchSize=" + Math.round(batch),
                    "inference.maxConcurrentSequences=" + max, "inference.promptTokens=" + PROMPT_TOKENS,
                    "inference.outputTokens=" + Math.round(output)));
            if (ep > 1) {
                sets.add("inference.expertParallel=" + ep);
            }
            rows.add(new Row(f[0], f[2], f[3], Integer.parseInt(f[4]), tp, ep, max, batch, output, Double.parseDouble(f[10]),
                    Double.parseDouble(f[11]), estimate(f[0], sets.toArray(String[]::new))));
        }
        return rows;
    }

    private static List<String[]> csv() {
        var in = EnergyCalibration.class.getResourceAsStream("/calibration/ml-energy-v3-chat.csv");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.startsWith("#") && !l.startsWith("catalog,")).map(l -> l.split(",")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The runs the README's accuracy table names, by {@link Row#name()}: small and large batches, dense and MoE, H100 and B200. */
    static final List<String> NAMED = List.of("llama-3.1-8b bf16 1×h100-sxm TP1 batch 8", "llama-3.1-8b bf16 1×h100-sxm TP1 batch 128",
            "llama-3.1-70b bf16 4×h100-sxm TP4 batch 8", "llama-3.1-70b bf16 4×h100-sxm TP4 batch 128",
            "llama-3.1-405b fp8 8×h100-sxm TP8 batch 32", "llama-3.1-70b bf16 2×b200 TP2 batch 128",
            "deepseek-v3 fp8 8×b200 TP1 EP8 batch 128", "qwen3-30b-a3b bf16 1×h100-sxm TP1 batch 32");

    /**
     * The README's rows: the named runs' GPU power (asserted, like every fitted figure, within the serving tolerance) and
     * their GPU energy per output token (not asserted: it is power over LoopLine's throughput, which is calibrated on
     * TensorRT-LLM's kernels and runs ahead of vLLM 0.11 at large batch), then the median power over every run.
     */
    static List<ServingCalibration.Row> reportRows() {
        List<Row> all = rows();
        List<ServingCalibration.Row> out = new ArrayList<>();
        for (String name : NAMED) {
            Row r = all.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(() -> new IllegalStateException(name));
            out.add(new ServingCalibration.Row("ML.ENERGY " + name + ": GPU watts (vLLM)", r.measuredWatts(), true, r::estimatedWatts));
            out.add(new ServingCalibration.Row("ML.ENERGY " + name + ": GPU J per output token (not asserted)", r.measuredJoulesPerToken(),
                    false, r::estimatedJoulesPerToken));
        }
        long fitting = all.stream().filter(r -> r.estimatedWatts() > 0).count();
        out.add(new ServingCalibration.Row("ML.ENERGY, all " + fitting + " runs that fit: median GPU watts, estimated ÷ measured", 1, true,
                () -> medianPowerRatio(all)));
        return out;
    }

    static double medianPowerRatio(List<Row> rows) {
        double[] ratios = rows.stream().filter(r -> r.estimatedWatts() > 0).mapToDouble(r -> r.estimatedWatts() / r.measuredWatts())
                .sorted().toArray();
        int n = ratios.length;
        return n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
    }

    public static void main(String[] args) {
        System.out.println("name,measured_w,est_w,tdp_total,mem_util,compute_util,measured_j,est_j,speed_ratio");
        for (Row r : rows()) {
            var e = r.estimate();
            double tdp = e.scenario().inference().gpu().tdpWatts() * r.gpus();
            System.out.printf(Locale.ROOT, "%s,%.0f,%.0f,%.0f,%.3f,%.3f,%.4f,%.4f,%.2f%n", r.name(), r.measuredWatts(), r.estimatedWatts(),
                    tdp, e.servingEnergy() == null ? 0 : powerOf(e)[0], powerOf(e)[1], r.measuredJoulesPerToken(),
                    r.estimatedJoulesPerToken(), r.measuredJoulesPerToken() / r.estimatedJoulesPerToken() * r.estimatedWatts() / r.measuredWatts());
        }
    }

    private static double[] powerOf(Estimate e) {
        var p = loopline.engine.serving.ServingModel.evaluate(e.scenario().model(), e.scenario().inference()).power();
        return new double[] {p.memoryUtilisationAtPoint(), p.computeUtilisationAtPoint()};
    }
}
