package loopline.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import loopline.Fixtures;
import loopline.engine.Estimator;
import loopline.engine.Scenario;
import loopline.engine.ScenarioFields;
import org.junit.jupiter.api.Test;

/** Choosing any catalog model on any preset gives a valid scenario; --set keeps refusing what breaks a rule. */
class ModelSwitchTest {
    private static ScenarioDocument preset(String name) {
        return ScenarioDocument.read(Fixtures.preset(name), Fixtures.CATALOGS);
    }

    @Test
    void aPinnedDegreeTheHeadsDoNotSplitBecomesItsLargestDivisorThatDoes() {
        ModelSwitch s = ModelSwitch.fitting(preset("default.json").withModelId("phi-4"), Fixtures.CATALOGS, "test");
        assertThat(s.document().get(ScenarioFields.TRAINING_TP)).isEqualTo(2.0); // 4 splits the 40 heads, not the 10 KV heads
        assertThat(s.document().get(ScenarioFields.SERVING_TP)).isEqualTo(2.0);
        assertThat(s.notes()).containsExactly(
                "Tensor parallel fitted to Phi-4's 40 attention heads and 10 KV heads: training 8 → 2, serving 4 → 2");
        Scenario bound = ScenarioReader.bind(s.document(), Fixtures.CATALOGS, "test");
        assertThat(bound.training().gpuCount() % (bound.training().tensorParallel() * bound.training().pipelineParallel())).isZero();
    }

    @Test
    void aModelTheDegreesAlreadySplitChangesNothing() {
        ScenarioDocument next = preset("default.json").withModelId("llama-3.1-8b");
        ModelSwitch s = ModelSwitch.fitting(next, Fixtures.CATALOGS, "test");
        assertThat(s.notes()).isEmpty();
        assertThat(s.document().toJson()).isEqualTo(next.toJson());
    }

    @Test
    void setStillRefusesADegreeTheHeadsDoNotSplit() {
        assertThatThrownBy(() -> ScenarioReader.bind(preset("default.json").apply("model=phi-4", Fixtures.CATALOGS),
                Fixtures.CATALOGS, "test")).hasMessageContaining("training.tensorParallel").hasMessageContaining("10 KV heads");
    }

    @Test
    void everyCatalogModelOpensOnEveryPresetAndEstimates() {
        List<String> failures = new ArrayList<>();
        for (Path preset : Fixtures.presetFiles()) {
            ScenarioDocument doc = ScenarioDocument.read(preset, Fixtures.CATALOGS);
            for (String id : Fixtures.CATALOGS.models().keySet()) {
                try {
                    ModelSwitch s = ModelSwitch.fitting(doc.withModelId(id), Fixtures.CATALOGS, "test");
                    Estimator.estimate(ScenarioReader.bind(s.document(), Fixtures.CATALOGS, "test"));
                } catch (RuntimeException e) {
                    failures.add(preset.getFileName() + " + " + id + ": " + e.getMessage());
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
