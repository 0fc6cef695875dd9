package loopline.present;

import static org.assertj.core.api.Assertions.assertThat;

import loopline.Fixtures;
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
}
