package loopline.present;

import static org.assertj.core.api.Assertions.assertThat;

import loopline.Fixtures;
import loopline.engine.ScenarioFields;
import org.junit.jupiter.api.Test;

class GpuSummaryTest {
    private static String label(String id) {
        return GpuSummary.pickerLabel(Fixtures.CATALOGS.gpus().get(id));
    }

    @Test
    void aPickerShowsMemoryBandwidthAndPriceBesideTheName() {
        assertThat(label("h100-sxm")).isEqualTo("NVIDIA H100 SXM5 80GB · 80 GB · 3.35 TB/s · $2.99/h");
        assertThat(label("l40s")).contains(" · 48 GB · 864 GB/s · $");
    }

    @Test
    void anEstimatedPriceIsMarkedAndAnAcceleratorIsNotCalledAGpu() {
        assertThat(label("mi355x")).isEqualTo("AMD Instinct MI355X · 288 GB · 8 TB/s · $3.70/h est.");
        assertThat(label("trainium2")).isEqualTo("AWS Trainium2 · accelerator · 103 GB · 2.9 TB/s · $2.10/h est.");
        assertThat(label("tpu-v6e")).contains("· accelerator ·").endsWith("$2.70/h"); // Google's list price, not an estimate
        assertThat(label("gaudi3")).contains("· accelerator ·").endsWith(" est.");
        assertThat(label("gb300")).doesNotContain("accelerator").endsWith(" est.");
    }

    @Test
    void theCaptionAboveAPickerSaysGpuOrAccelerator() {
        assertThat(GpuSummary.caption("Serving", Fixtures.CATALOGS.gpus().get("h100-sxm"))).isEqualTo("Serving GPU · 80 GB · 3.35 TB/s · $2.99/h");
        assertThat(GpuSummary.caption("Training", Fixtures.CATALOGS.gpus().get("tpu-v6e")))
                .isEqualTo("Training accelerator · 32 GB · 1.64 TB/s · $2.70/h");
    }

    @Test
    void aReportRowSaysAnAcceleratorIsNotAGpu() {
        assertThat(FieldText.value(ScenarioFields.SERVING_GPU, Fixtures.scenario("llama-3.1-8b", "inference.gpu=gaudi3")))
                .isEqualTo("Intel Gaudi 3 (an accelerator, not a GPU)");
        assertThat(FieldText.value(ScenarioFields.SERVING_GPU, Fixtures.scenario("llama-3.1-8b", "inference.gpu=b200"))).isEqualTo("NVIDIA B200");
    }

    @Test
    void aReportRowSaysOneGpuNotOneGpus() {
        assertThat(FieldText.value(ScenarioFields.TRAINING_GPU_COUNT, Fixtures.scenario("llama-3.1-8b", "training.gpuCount=1"))).isEqualTo("1 GPU");
        assertThat(FieldText.value(ScenarioFields.TRAINING_GPU_COUNT, Fixtures.scenario("llama-3.1-8b", "training.gpuCount=2048")))
                .isEqualTo("2,048 GPUs");
    }
}
