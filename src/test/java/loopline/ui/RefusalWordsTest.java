package loopline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import loopline.Fixtures;
import loopline.data.InvalidDataException;
import loopline.data.ScenarioReader;
import loopline.engine.ScenarioFields;
import org.junit.jupiter.api.Test;

class RefusalWordsTest {
    @Test
    void aRuleAcrossFieldsNamesTheOthersByTheirLabelsOnScreen() {
        String refusal = "";
        try {
            ScenarioReader.bind(Fixtures.document("llama-3.1-70b", "training.tensorParallel=8", "training.pipelineParallel=4",
                    "training.gpuCount=50"), Fixtures.CATALOGS, "test");
        } catch (InvalidDataException e) {
            refusal = e.getMessage().replaceFirst("^test: ", "");
        }
        assertThat(refusal).as("the file's and --set's message keep the paths")
                .isEqualTo("training.gpuCount: must be a multiple of training.tensorParallel × training.pipelineParallel = 32, got 50");
        assertThat(RefusalWords.atField(refusal, ScenarioFields.TRAINING_GPU_COUNT))
                .isEqualTo("Must be a multiple of Tensor parallel (training) × Pipeline stages = 32, got 50");
        assertThat(RefusalWords.atField(refusal, ScenarioFields.TRAINING_TP)).as("said at another field's box, it names the one refused")
                .isEqualTo("Training GPUs: must be a multiple of Tensor parallel (training) × Pipeline stages = 32, got 50");
    }
}
