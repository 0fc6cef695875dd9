package loopline.data;

import static org.assertj.core.api.Assertions.assertThat;

import loopline.Fixtures;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import loopline.engine.hardware.MoeFormat;
import loopline.engine.hardware.Precision;
import loopline.engine.Scenario;
import org.junit.jupiter.api.Test;

/** The 2026 workshop presets show what their descriptions say, with the API prices the window uses. */
class WorkshopPresetsTest {
    private static Estimate preset(String file) {
        Scenario s = ScenarioReader.read(Fixtures.preset(file), Fixtures.CATALOGS);
        return Estimator.estimate(s, Fixtures.CATALOGS.apiOffersFor(s.model().id()));
    }

    @Test
    void gptOssOnB200ServesIn4BitsWithItsMxfp4ExpertsAndItsWeightsFitOneGpu() {
        Estimate e = preset("gpt-oss-120b-b200-fp4.json");
        Scenario s = e.scenario();
        assertThat(s.model().moe()).isNotNull();
        assertThat(s.inference().precision()).isEqualTo(Precision.FP4);
        assertThat(s.inference().gpu().inferenceComputeFormat(Precision.FP4)).isEqualTo(Precision.FP4);
        // "B200 multiplies its MXFP4 experts with 8-bit activations (W4A8)"
        assertThat(MoeFormat.servedAs(Precision.FP4, s.inference().gpu(), s.model().moe().mxfp4Experts())).isEqualTo(MoeFormat.W4A8);
        // "its weights fit one B200 where bf16 would need two or more"
        assertThat(s.model().totalParameters() * Precision.FP4.weightBytesPerParameter()).isLessThan(s.inference().gpu().memoryBytes());
        assertThat(s.model().totalParameters() * Precision.BF16.weightBytesPerParameter()).isGreaterThan(s.inference().gpu().memoryBytes());
        assertThat(e.inferenceMemory().fits()).isTrue();
        assertThat(e.serving().servable()).isTrue();
    }

    @Test
    void theEssaysFeatureCostsAboutACentPerUseAndAbout300kAMonth() {
        Estimate e = preset("essay-feature-one-cent.json");
        assertThat(e.scenario().inference().requestsPerDay()).isEqualTo(1e6);
        // the essay: "a cent per use and a million daily users ... a three-hundred-thousand-dollar monthly inference bill"
        assertThat(e.serving().costPerRequestUsd()).isBetween(0.008, 0.012);
        assertThat(e.serving().monthlyCostUsd()).isBetween(240e3, 360e3);
    }

    @Test
    void selfHostOrApiSitsNearTheBreakEven() {
        Estimate e = preset("self-host-or-api-70b.json");
        assertThat(e.api()).as("a public API price for the model").isNotNull();
        double traffic = e.scenario().inference().requestsPerDay();
        // "near the break-even, where the two cost about the same": within a factor of 1.5 either way
        assertThat(e.api().selfHostingBreakEvenRequestsPerDay()).isBetween(traffic / 1.5, traffic * 1.5);
        assertThat(e.serving().monthlyCostUsd()).isBetween(e.api().monthlyCostUsd() / 1.5, e.api().monthlyCostUsd() * 1.5);
    }
}
