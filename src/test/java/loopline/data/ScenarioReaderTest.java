package loopline.data;

import static loopline.Fixtures.CATALOGS;
import static loopline.Fixtures.document;
import static loopline.Fixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import loopline.Fixtures;
import loopline.engine.Estimator;
import loopline.engine.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioReaderTest {
    @TempDir
    Path dir;

    static Stream<Path> presets() throws IOException {
        return Fixtures.presetFiles().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void everyPresetLoadsAndEstimatesWithoutWarningsOfMisuse(Path preset) {
        Scenario s = ScenarioReader.read(preset, CATALOGS);
        assertThat(s.name()).isNotBlank();
        assertThat(s.description()).isNotBlank();
        assertThat(Estimator.estimate(s).trainingMemory().fitsOnGpu()).as("training fits").isTrue();
        assertThat(Estimator.estimate(s).inferenceMemory().fits()).as("serving fits").isTrue();
    }

    @Test
    void thereAreAtLeastSixPresetsIncludingTheDefault() throws IOException {
        assertThat(presets().count()).isGreaterThanOrEqualTo(6);
        assertThat(Fixtures.preset("default.json")).exists();
    }

    @Test
    void leftOutFieldsTakeDocumentedDefaults() {
        Scenario s = scenario("llama-3.1-8b");
        assertThat(s.training().gpu().id()).isEqualTo("h100-sxm");
        assertThat(s.inference().gpu()).isSameAs(s.training().gpu());
        assertThat(s.training().tokens()).isEqualTo(20 * s.model().totalParameters());
        assertThat(s.training().pricePerGpuHourUsd()).isEqualTo(2.99);
        assertThat(s.inference().kvCachePrecision().id()).isEqualTo("bf16");
        assertThat(scenario("llama-3.1-8b", "inference.precision=int4").inference().kvCachePrecision().id()).isEqualTo("bf16");
    }

    @Test
    void setEditsAnInlineCopyOfACatalogModel() {
        Scenario s = scenario("llama-3.1-8b", "model.layers=40");
        assertThat(s.model().layers()).isEqualTo(40);
        assertThat(s.model().hiddenSize()).isEqualTo(4096);
        assertThat(scenario("model.parameters=3e10").model().derived()).isTrue();
    }

    @Test
    void tensorParallelMustSplitTheAttentionHeadsEvenly() {
        assertThatThrownBy(() -> scenario("llama-3.1-70b", "training.gpuCount=2048", "inference.tensorParallel=3"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("test: inference.tensorParallel: must divide the model's 64 attention heads, got 3");
        assertThatThrownBy(() -> scenario("qwen2.5-7b", "training.gpuCount=8", "training.tensorParallel=8"))
                .hasMessage("test: training.tensorParallel: must divide the model's 28 attention heads, got 8");
        assertThatThrownBy(() -> scenario("phi-4", "inference.tensorParallel=4"))
                .hasMessage("test: inference.tensorParallel: must divide the model's 10 KV heads (or be a multiple of them), got 4");
        // fewer KV heads than ranks: each is replicated, as vLLM and Megatron do; 0 lets the engine choose
        assertThat(scenario("llama-3.1-70b", "inference.tensorParallel=16").inference().tensorParallel()).isEqualTo(16);
        assertThat(scenario("qwen2.5-7b", "inference.tensorParallel=0").inference().tensorParallel()).isZero();
    }

    @Test
    void numbersMayBeTypedAsTheWindowWritesThem() {
        assertThat(scenario("llama-3.1-8b", "inference.requestsPerDay=1,000").inference().requestsPerDay()).isEqualTo(1000);
        assertThat(scenario("llama-3.1-8b", "inference.requestsPerDay=40M").inference().requestsPerDay()).isEqualTo(40e6);
        assertThat(scenario("llama-3.1-8b", "training.tokens=1.5e12").training().tokens()).isEqualTo(1.5e12);
        assertThatThrownBy(() -> document("llama-3.1-8b", "training.zeroStage=7"))
                .hasMessage("--set training.zeroStage: must be between 0 and 3, got 7");
        assertThatThrownBy(() -> document("llama-3.1-8b", "inference.requestsPerDay=1,00"))
                .hasMessage("--set inference.requestsPerDay: must be a number, got \"1,00\"");
    }

    @Test
    void badSetValuesAreBlamedOnTheirSetWithWholeNumbersPlain() {
        assertThatThrownBy(() -> document("llama-3.1-8b", "training.gpuCount=0"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("--set training.gpuCount: must be between 1 and 1000000, got 0");
        assertThatThrownBy(() -> document("llama-3.1-8b", "training.gpu=h900"))
                .hasMessageStartingWith("--set training.gpu: unknown GPU \"h900\"");
        assertThatThrownBy(() -> document("llama-3.1-8b", "inference.precision=int3"))
                .hasMessage("--set inference.precision: must be one of fp32, bf16, fp16, fp8, int8, int4, fp4, got \"int3\"");
        assertThatThrownBy(() -> document("llama-3.1-8b", "training.precision=int8"))
                .hasMessage("--set training.precision: must be one of fp32, bf16, fp16, fp8, got \"int8\"");
        assertThatThrownBy(() -> scenario("llama-3.1-8b", "training.gpuCount=12", "training.tensorParallel=8"))
                .hasMessage("test: training.gpuCount: must be a multiple of training.tensorParallel × training.pipelineParallel = 8, got 12");
        assertThatThrownBy(() -> document("llama-3.1-8b", "training.gpuCont=4"))
                .hasMessage("--set training.gpuCont: unknown setting (see README: Scenario fields)");
        assertThatThrownBy(() -> document("llama-3.1-8b", "training.gpuCount=many"))
                .hasMessage("--set training.gpuCount: must be a number, got \"many\"");
        assertThatThrownBy(() -> document("nonexistent-model"))
                .hasMessageStartingWith("--set model: unknown model \"nonexistent-model\"");
    }

    @Test
    void inlineArchitectureNumbersHaveUpperBounds() {
        assertThatThrownBy(() -> document("llama-3.1-8b", "model.layers=1e300"))
                .hasMessageStartingWith("--set model.layers: must be");
        assertThatThrownBy(() -> document("llama-3.1-8b", "model.vocabSize=1e12"))
                .hasMessageStartingWith("--set model.vocabSize: must be");
        assertThatThrownBy(() -> document("model.parameters=1e300"))
                .hasMessage("--set model.parameters: must be between 1e7 and 1e13, got 1e300");
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "{\"model\": \"llama-2-7b\", \"training\": 5}",
            "{\"model\": \"llama-2-7b\", \"inference\": []}",
            "{\"model\": \"llama-2-7b\", \"inference\": {\"speculativeDecoding\": true}}",
            "{\"model\": \"llama-2-7b\", \"economics\": null}"})
    void aWronglyTypedSectionIsAnErrorNamingTheSection(String json) throws IOException {
        Path f = dir.resolve("typed.json");
        Files.writeString(f, json);
        String section = json.contains("training") ? "training" : json.contains("speculative") ? "inference.speculativeDecoding"
                : json.contains("economics") ? "economics" : "inference";
        assertThatThrownBy(() -> ScenarioReader.read(f, CATALOGS))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith(f + ": " + section + ": must be an object of fields, got ");
    }

    @Test
    void unknownFieldsInAFileAreReported() throws IOException {
        Path f = dir.resolve("typo.json");
        Files.writeString(f, "{\"name\":\"x\",\"model\":\"llama-2-7b\",\"training\":{\"gpuCuont\":8}}");
        assertThatThrownBy(() -> ScenarioReader.read(f, CATALOGS)).hasMessage(f + ": training.gpuCuont: unknown field");
    }

    @Test
    void savingIsAtomicAndRoundTrips() throws IOException {
        Path f = dir.resolve("saved.json");
        ScenarioDocument doc = document("llama-3.1-70b", "inference.requestsPerDay=5e6");
        doc.write(f);
        Scenario back = ScenarioReader.read(f, CATALOGS);
        assertThat(back.inference().requestsPerDay()).isEqualTo(5e6);
        assertThat(back.model().id()).isEqualTo("llama-3.1-70b");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(f); // no temporary file left behind
        }
    }

    @Test
    void aFailedSaveLeavesTheExistingFileIntact() throws IOException {
        Path f = dir.resolve("keep.json");
        Files.writeString(f, "{\"original\": true}");
        ScenarioDocument doc = document("llama-3.1-8b");
        assertThatThrownBy(() -> doc.write(dir.resolve("missing-folder/keep.json"))).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("missing-folder");
        assertThat(Files.readString(f)).isEqualTo("{\"original\": true}");
    }
}
