package loopline.engine;

import static loopline.Fixtures.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loopline.present.Format;

/** How far each published figure LoopLine is checked against lands: printed by {@link #main}, and the README's accuracy table. */
public final class CalibrationReport {
    /** Every published figure LoopLine is checked against, with how it estimates it. */
    public static List<ServingCalibration.Row> rows() {
        List<ServingCalibration.Row> rows = new ArrayList<>();

        add(rows, "Llama 2 7B GPU-hours", estimate("llama-2-7b", "training.gpu=a100-80gb", "training.tokens=2e12", "training.sequenceLength=4096", "training.gpuCount=512").trainingRun().gpuHours(), 184320);
        add(rows, "Llama 2 13B GPU-hours", estimate("llama-2-13b", "training.gpu=a100-80gb", "training.tokens=2e12", "training.sequenceLength=4096", "training.gpuCount=512").trainingRun().gpuHours(), 368640);
        add(rows, "Llama 2 70B GPU-hours", estimate("llama-2-70b", "training.gpu=a100-80gb", "training.tokens=2e12", "training.sequenceLength=4096", "training.gpuCount=512").trainingRun().gpuHours(), 1720320);
        add(rows, "Llama 3.1 405B GPU-hours (16,384 H100, TP 8 × PP 16)", CalibrationTest.llama405bAtFullScale().trainingRun().gpuHours(), 30.84e6);
        add(rows, "Llama 3.1 405B MFU on 16,384 H100 (38–43%)", CalibrationTest.llama405bAtFullScale().trainingRun().clusterMfu(16384), 0.405);
        for (FrameworkRuns run : FrameworkRuns.values()) {
            add(rows, run + ": tokens/s per GPU", run.tokensPerSecondPerGpu(), run.published());
        }
        add(rows, "Llama 3.1 8B GPU-hours (model card, not in CALIBRATION)", estimate("llama-3.1-8b", "training.gpu=h100-sxm", "training.tokens=15e12", "training.sequenceLength=8192").trainingRun().gpuHours(), 1.46e6);
        add(rows, "Llama 3.1 70B GPU-hours (model card, not in CALIBRATION)", estimate("llama-3.1-70b", "training.gpu=h100-sxm", "training.tokens=15e12", "training.sequenceLength=8192").trainingRun().gpuHours(), 7.0e6);
        add(rows, "DeepSeek-V3 H800 GPU-hours, the report's PP 16 × EP 64 (tech report, not in CALIBRATION)", Estimator.estimate(
                loopline.data.ScenarioReader.read(loopline.Fixtures.preset("moe-deepseek-v3.json"), loopline.Fixtures.CATALOGS)).trainingRun().gpuHours(), 2.788e6);
        add(rows, "QLoRA: LLaMA-65B per GPU, Guanaco run (must fit 48 GB)", FineTuneCalibrationTest.guanaco65b("qlora").trainingMemory().perGpuBytes(), 48e9);
        add(rows, "QLoRA: LLaMA-65B full 16-bit fine-tune, model states (> 780 GB)", FineTuneCalibrationTest.guanaco65b("full").trainingMemory().modelStatesTotalBytes(), 780e9);
        Estimate gpt3 = FineTuneCalibrationTest.gpt3("lora");
        add(rows, "LoRA: GPT-3 175B trainable-parameter reduction, r 4 on q, v (~10,000×)", gpt3.totalParameters() / gpt3.trainingMemory().trainableParameters(), 1e4);
        add(rows, "LoRA: GPT-3 175B model states with LoRA (350 GB)", gpt3.trainingMemory().modelStatesTotalBytes(), 350e9);
        add(rows, "LoRA: GPT-3 175B full fine-tune model states (1.2 TB; not asserted)", FineTuneCalibrationTest.gpt3("full").trainingMemory().modelStatesTotalBytes(), 1.2e12);
        add(rows, "LoRA: GPT-3 175B training speed, LoRA ÷ full fine-tune (1.25)", FineTuneCalibrationTest.gpt3LoraSpeedup(), 1.25);
        add(rows, "PEFT: bloomz-7b1 LoRA peak on A100 80GB (32 GB)", FineTuneCalibrationTest.bloomz7b("lora").trainingMemory().perGpuBytes(), 32e9);
        add(rows, "PEFT: bloomz-7b1 full fine-tune (OOM on 80 GB)", FineTuneCalibrationTest.bloomz7b("full").trainingMemory().perGpuBytes(), 80e9);
        add(rows, "PEFT: Llama-2-7b adapters, r 8 on q, v (4,194,304)", estimate("llama-2-7b", "training.method=lora", "training.loraRank=8",
                "training.loraTargets=query-value").trainingMemory().trainableParameters(), 4_194_304);
        add(rows, "Llama 3.1 405B training emissions, t CO₂e, at the model card's boundary (GPUs only, 414 g/kWh)",
                EnergyCalibrationTest.llama405bCardBoundaryEmissionsTonnes(), 8930);
        rows.addAll(EnergyCalibration.reportRows());
        rows.addAll(ServingCalibration.BATCH_ONE);
        rows.addAll(ServingCalibration.ROWS);
        return rows;
    }

    public static void main(String[] args) {
        for (ServingCalibration.Row r : rows()) {
            double estimate = r.estimate().getAsDouble();
            System.out.printf("%-100s est %-14.4g published %-12.4g %+.1f%%%n", r.name(), estimate, r.published(),
                    100 * (estimate / r.published() - 1));
        }
        System.out.println();
        System.out.print(markdownTable());
    }

    /** The README's accuracy table: every row, misses included, as the tests compute it today. */
    public static String markdownTable() {
        StringBuilder b = new StringBuilder("| published figure | published | LoopLine | off by |\n|---|---|---|---|\n");
        for (ServingCalibration.Row r : rows()) {
            double estimate = r.estimate().getAsDouble();
            long offBy = Math.round(100 * (estimate / r.published() - 1));
            b.append("| ").append(r.name()).append(" | ").append(figure(r.published())).append(" | ").append(figure(estimate))
                    .append(" | ").append(offBy == 0 ? "0%" : String.format(Locale.ROOT, "%+d%%", offBy)).append(" |\n");
        }
        return b.toString();
    }

    /** Large figures as 48B, 2.79M; small ones with three significant digits. */
    private static String figure(double v) {
        return v >= 1e4 ? Format.formatCount(v) : Format.formatNumber(v);
    }

    /** A row computed once: the figure is a constant of the shipped defaults. */
    private static void add(List<ServingCalibration.Row> rows, String name, double estimate, double published) {
        rows.add(new ServingCalibration.Row(name, published, true, () -> estimate));
    }

}
