package loopline.engine;

import static loopline.Fixtures.estimate;

/** Prints how far each calibration case lands from its published value (for the issue note); not a test. */
public final class CalibrationReport {
    public static void main(String[] args) {
        row("Llama 2 7B GPU-hours", estimate("llama-2-7b", "training.gpu=a100-80gb", "training.tokens=2e12", "training.sequenceLength=4096", "training.gpuCount=512").trainingRun().gpuHours(), 184320);
        row("Llama 2 13B GPU-hours", estimate("llama-2-13b", "training.gpu=a100-80gb", "training.tokens=2e12", "training.sequenceLength=4096", "training.gpuCount=512").trainingRun().gpuHours(), 368640);
        row("Llama 2 70B GPU-hours", estimate("llama-2-70b", "training.gpu=a100-80gb", "training.tokens=2e12", "training.sequenceLength=4096", "training.gpuCount=512").trainingRun().gpuHours(), 1720320);
        row("Llama 3.1 405B GPU-hours (16,384 H100, TP 8 × PP 16)", CalibrationTest.llama405bAtFullScale().trainingRun().gpuHours(), 30.84e6);
        row("Llama 3.1 405B MFU on 16,384 H100 (38–43%)", CalibrationTest.llama405bAtFullScale().trainingRun().clusterMfu(16384), 0.405);
        row("Llama 3.1 8B GPU-hours (model card, not in CALIBRATION)", estimate("llama-3.1-8b", "training.gpu=h100-sxm", "training.tokens=15e12", "training.sequenceLength=8192").trainingRun().gpuHours(), 1.46e6);
        row("Llama 3.1 70B GPU-hours (model card, not in CALIBRATION)", estimate("llama-3.1-70b", "training.gpu=h100-sxm", "training.tokens=15e12", "training.sequenceLength=8192").trainingRun().gpuHours(), 7.0e6);
        row("DeepSeek-V3 H800 GPU-hours (tech report, not in CALIBRATION)", estimate("deepseek-v3", "training.gpu=h800", "training.precision=fp8", "training.tokens=14.8e12", "training.sequenceLength=4096").trainingRun().gpuHours(), 2.788e6);
        row("QLoRA: LLaMA-65B per GPU, Guanaco run (must fit 48 GB)", FineTuneCalibrationTest.guanaco65b("qlora").trainingMemory().perGpuBytes(), 48e9);
        row("QLoRA: LLaMA-65B full 16-bit fine-tune, model states (> 780 GB)", FineTuneCalibrationTest.guanaco65b("full").trainingMemory().modelStatesTotalBytes(), 780e9);
        Estimate gpt3 = FineTuneCalibrationTest.gpt3("lora");
        row("LoRA: GPT-3 175B trainable-parameter reduction, r 4 on q, v (~10,000×)", gpt3.totalParameters() / gpt3.trainingMemory().trainableParameters(), 1e4);
        row("LoRA: GPT-3 175B model states with LoRA (350 GB)", gpt3.trainingMemory().modelStatesTotalBytes(), 350e9);
        row("LoRA: GPT-3 175B full fine-tune model states (1.2 TB; not asserted)", FineTuneCalibrationTest.gpt3("full").trainingMemory().modelStatesTotalBytes(), 1.2e12);
        row("LoRA: GPT-3 175B training speed, LoRA ÷ full fine-tune (1.25)", FineTuneCalibrationTest.gpt3LoraSpeedup(), 1.25);
        row("PEFT: bloomz-7b1 LoRA peak on A100 80GB (32 GB)", FineTuneCalibrationTest.bloomz7b("lora").trainingMemory().perGpuBytes(), 32e9);
        row("PEFT: bloomz-7b1 full fine-tune (OOM on 80 GB)", FineTuneCalibrationTest.bloomz7b("full").trainingMemory().perGpuBytes(), 80e9);
        row("PEFT: Llama-2-7b adapters, r 8 on q, v (4,194,304)", estimate("llama-2-7b", "training.method=lora", "training.loraRank=8",
                "training.loraTargets=query-value").trainingMemory().trainableParameters(), 4_194_304);
        for (ServingCalibration.Row r : ServingCalibration.BATCH_ONE) {
            row(r.name(), r.estimate().getAsDouble(), r.published());
        }
        for (ServingCalibration.Row r : ServingCalibration.ROWS) {
            row(r.name() + (r.asserted() ? "" : " [outside ±35%]"), r.estimate().getAsDouble(), r.published());
        }
    }

    private static void row(String name, double estimate, double published) {
        System.out.printf("%-100s est %-14.4g published %-12.4g %+.1f%%%n", name, estimate, published, 100 * (estimate / published - 1));
    }
}
