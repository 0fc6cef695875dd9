package loopline.present;

import static loopline.Fixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import loopline.engine.Scenario;
import loopline.engine.ScenarioFields;
import org.junit.jupiter.api.Test;

/** The report's inputs come from the field declarations; its footnote states this scenario's settings. */
class ReportTextTest {
    private static List<ReportText.Row> rows(Scenario s, String section) {
        return ReportText.inputs(s).stream().filter(x -> x.title().equals(section)).findFirst().orElseThrow().rows();
    }

    @Test
    void aFieldMovedFromItsDefaultIsListedByItsLabelAndUnit() {
        Scenario defaults = scenario("llama-3.1-8b");
        assertThat(rows(defaults, "Serving")).extracting(ReportText.Row::label).doesNotContain(ScenarioFields.PEAK_TO_AVERAGE.label());
        Scenario moved = scenario("llama-3.1-8b", "inference.peakToAverage=3", "training.gpuCount=2048", "training.mfu=0.38");
        assertThat(rows(moved, "Serving")).contains(new ReportText.Row("Peak to average", "×3"));
        assertThat(rows(moved, "Training")).contains(new ReportText.Row("Training GPUs", "2,048 GPUs"), new ReportText.Row("MFU", "38%"));
    }

    @Test
    void choicesAndDerivedDefaultsAreAlwaysListed() {
        List<ReportText.Row> training = rows(scenario("llama-3.1-8b"), "Training");
        assertThat(training).contains(new ReportText.Row("Training precision", "bf16"),
                new ReportText.Row("Training GPU", "NVIDIA H100 SXM5 80GB"), new ReportText.Row("Training price", "$2.99/GPU-hour"));
    }

    @Test
    void theFootnoteStatesTheScenariosServingMemoryShare() {
        assertThat(ReportText.assumptions(scenario("llama-3.1-8b", "inference.gpuMemoryUtilization=0.8", "inference.pagedKvCache=false")))
                .contains("weights + unpaged KV cache in 80% of GPU memory");
        assertThat(ReportText.assumptions(scenario("llama-3.1-8b"))).contains("weights + paged KV cache in 90% of GPU memory");
    }

    @Test
    void theFootnoteSaysHowRequestsAreBatched() {
        assertThat(ReportText.assumptions(scenario("llama-3.1-8b"))).contains("continuous batching with chunked prefill");
        assertThat(ReportText.assumptions(scenario("llama-3.1-8b", "inference.continuousBatching=false")))
                .contains("static batches that wait for their longest answer");
    }
}
