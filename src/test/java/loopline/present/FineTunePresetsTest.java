package loopline.present;

import static org.assertj.core.api.Assertions.assertThat;

import loopline.Fixtures;
import loopline.data.ScenarioReader;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import loopline.engine.training.TrainingMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two fine-tuning presets do what their names promise, and their reports say which method they show. */
class FineTunePresetsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"lora-8b-one-gpu.json, LORA, LoRA fine-tune, 80e9", "qlora-70b-one-gpu.json, QLORA, QLoRA fine-tune, 48e9"})
    void aFineTuneOnOneGpuThenServed(String preset, TrainingMethod method, String name, double gpuMemory) {
        Estimate e = Estimator.estimate(ScenarioReader.read(Fixtures.preset(preset), Fixtures.CATALOGS));
        assertThat(e.scenario().training().method()).isEqualTo(method);
        assertThat(e.scenario().training().gpuCount()).isEqualTo(1);
        assertThat(e.trainingMemory().capacityBytes()).isEqualTo(gpuMemory);
        assertThat(e.trainingMemory().fitsOnGpu()).isTrue();
        assertThat(e.serving().servable()).isTrue();
        assertThat(Warnings.of(e)).isEmpty();
        assertThat(ChartsFactory.of(e).trainingHeading().title()).endsWith(name);
        assertThat(KeyFigures.of(e)).extracting(KeyFigure::label).contains("Fine-tune cost").doesNotContain("Training cost");
        assertThat(ChartsFactory.of(e).lifetime().series().get(0).name()).isEqualTo("Fine-tune (one-time)");
        assertThat(ReportText.inputs(e.scenario()).get(1).rows()).extracting(ReportText.Row::label)
                .contains("Method", "LoRA rank", "LoRA targets");
        // a fine-tune is a one-time cost next to serving's monthly bill: paid back within the first month
        assertThat(e.serving().breakEvenMonths()).isLessThan(1);
    }

    @Test
    void aPretrainingReportKeepsItsRowsWithoutFineTuningFields() {
        Estimate e = Estimator.estimate(ScenarioReader.read(Fixtures.preset("default.json"), Fixtures.CATALOGS));
        assertThat(ReportText.inputs(e.scenario()).get(1).rows()).extracting(ReportText.Row::label)
                .doesNotContain("Method", "LoRA rank", "LoRA targets", "Epochs");
    }
}
