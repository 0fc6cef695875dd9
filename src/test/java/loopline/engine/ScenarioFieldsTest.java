package loopline.engine;

import static loopline.Fixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import loopline.engine.hardware.Gpu;
import loopline.engine.hardware.Precision;
import loopline.engine.model.ModelArchitecture;
import org.junit.jupiter.api.Test;

/** The declarations cover the setup records exactly, and each reads and writes the component it names. */
class ScenarioFieldsTest {
    /** Every leaf component under Scenario but the model, as a dotted path. */
    private static List<String> leaves(Class<?> type, String prefix) {
        List<String> paths = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getType() == ModelArchitecture.class) {
                continue; // the model is a catalog entry or an architecture, not a field
            }
            if (c.getType().isRecord() && c.getType() != Gpu.class) {
                paths.addAll(leaves(c.getType(), prefix + c.getName() + "."));
            } else {
                paths.add(prefix + c.getName());
            }
        }
        return paths;
    }

    @Test
    void everySetupComponentHasExactlyOneDeclaration() {
        assertThat(ScenarioFields.ALL).extracting(ScenarioField::recordPath)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(leaves(Scenario.class, ""));
    }

    @Test
    void aFieldWritesTheComponentItReadsAndNothingElse() {
        Scenario s = scenario("llama-3.1-8b");
        Scenario changed = s.with(ScenarioFields.ZERO_STAGE, 3.0).with(ScenarioFields.TARGET_TTFT, 0.5)
                .with(ScenarioFields.ACCEPTANCE_RATE, 0.5).with(ScenarioFields.HORIZON_MONTHS, 12.0);
        assertThat(changed.training().zeroStage()).isEqualTo(3);
        assertThat(changed.inference().targetTimeToFirstTokenSeconds()).isEqualTo(0.5);
        assertThat(changed.inference().speculativeDecoding().acceptanceRate()).isEqualTo(0.5);
        assertThat(changed.economics().horizonMonths()).isEqualTo(12);
        assertThat(changed.with(ScenarioFields.ZERO_STAGE, (double) s.training().zeroStage())
                .with(ScenarioFields.TARGET_TTFT, s.inference().targetTimeToFirstTokenSeconds())
                .with(ScenarioFields.ACCEPTANCE_RATE, s.inference().speculativeDecoding().acceptanceRate())
                .with(ScenarioFields.HORIZON_MONTHS, s.economics().horizonMonths())).isEqualTo(s);
    }

    @Test
    void rangesPrintWholeNumbersPlainly() {
        assertThat(ScenarioFields.TRAINING_GPU_COUNT.problem(0.0)).isEqualTo("must be between 1 and 1000000, got 0");
        assertThat(ScenarioFields.ZERO_STAGE.problem(1.5)).isEqualTo("must be a whole number, got 1.5");
        assertThat(ScenarioFields.REQUESTS_PER_DAY.rangeText()).isEqualTo("1 – 10000000000000");
        assertThat(ScenarioFields.TRAINING_PRECISION.problem(Precision.INT4)).isEqualTo("must be one of fp32, bf16, fp16, fp8, got \"int4\"");
    }
}
