package loopline.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A config.json field of the wrong JSON type is refused in one line naming the file, the field and the type it
 * must have, never read as something it is not ("yes" as false, a number as a class name); a field the family's
 * model ignores but that would change the estimate is a warning.
 */
class ConfigFieldTypesTest {
    /** Python writes Infinity and NaN into config.json (Nemotron-H's time_step_limit); the import reads them, so must the test. */
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    @TempDir
    Path dir;

    private Path withField(String config, String field, String json) throws IOException {
        ObjectNode c = (ObjectNode) JSON.readTree(ModelConfigImportTest.config(config).toFile());
        c.set(field, JSON.readTree(json));
        return write(config + ".json", c);
    }

    private Path write(String name, JsonNode c) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, JSON.writeValueAsString(c));
        return p;
    }

    @Test
    void theWrongTypesAnAuditFoundAreRefusedNamingFieldTypeAndFile() throws IOException {
        String llama = "meta-llama--Meta-Llama-3.1-70B";
        String[][] cases = {
            {"architectures", "5", "a list of strings"},
            {"text_config", "\"llama\"", "an object"},
            {"text_config", "[1, 2]", "an object"},
            {"tie_word_embeddings", "\"yes\"", "true or false"},
            {"layer_types", "\"full_attention\"", "a list of strings"},
            {"quantization_config", "\"fp8\"", "an object"},
        };
        for (String[] c : cases) {
            Path file = withField(llama, c[0], c[1]);
            assertThatThrownBy(() -> ModelConfigImport.read(file)).as(c[0] + " = " + c[1])
                    .hasMessageStartingWith(file + ": " + c[0] + ": must be " + c[2] + ", got " + c[1].replace(" ", ""));
        }
    }

    @Test
    void aFieldInsideTextConfigIsNamedByItsPath() throws IOException {
        ObjectNode c = (ObjectNode) JSON.readTree(ModelConfigImportTest.config("meta-llama--Llama-4-Scout-17B-16E-Instruct").toFile());
        ((ObjectNode) c.get("text_config")).put("attention_bias", "no");
        Path file = write("scout.json", c);
        assertThatThrownBy(() -> ModelConfigImport.read(file))
                .hasMessage(file + ": text_config.attention_bias: must be true or false, got \"no\"");
    }

    @Test
    void expertsOnADenseFamilyAreIgnoredAsTransformersIgnoresThemAndSaidSo() throws IOException {
        ModelConfigImport dense = ModelConfigImport.read(ModelConfigImportTest.config("meta-llama--Meta-Llama-3.1-70B"));
        Path file = withField("meta-llama--Meta-Llama-3.1-70B", "num_local_experts", "8");
        ModelConfigImport withExperts = ModelConfigImport.read(file);
        assertThat(withExperts.architecture().totalParameters()).isEqualTo(dense.architecture().totalParameters());
        assertThat(withExperts.architecture().moe()).isNull();
        assertThat(withExperts.warnings()).singleElement().asString()
                .contains("num_local_experts", "llama", "no experts", "ignores it", "dense");
        assertThat(dense.warnings()).isEmpty();
    }

    /** Qwen3-Coder-480B-A35B writes "shared_expert_intermediate_size": 0 for "no shared expert". */
    @Test
    void aZeroSharedExpertWidthMeansNone() throws IOException {
        Path file = withField("Qwen--Qwen3-235B-A22B", "shared_expert_intermediate_size", "0");
        ModelConfigImport imported = ModelConfigImport.read(file);
        assertThat(imported.architecture().moe().sharedExperts()).isZero();
        assertThat(imported.architecture().totalParameters())
                .isEqualTo(ModelConfigImport.read(ModelConfigImportTest.config("Qwen--Qwen3-235B-A22B")).architecture().totalParameters());
    }

    @Test
    void anUnknownOrUnnamedQuantisationIsAWarningNamingIt() throws IOException {
        Path unknown = withField("Qwen--Qwen3-8B", "quantization_config", "{\"quant_method\": \"zebra4\", \"bits\": 4}");
        assertThat(ModelConfigImport.read(unknown).warnings()).singleElement().asString()
                .contains("quantization_config", "\"zebra4\"", "not one LoopLine knows", "inference.precision");
        Path unnamed = withField("Qwen--Qwen3-8B", "quantization_config", "{\"bits\": 4}");
        assertThat(ModelConfigImport.read(unnamed).warnings()).singleElement().asString()
                .contains("names no quant_method", "inference.precision");
        Path known = withField("Qwen--Qwen3-8B", "quantization_config", "{\"quant_method\": \"awq\", \"bits\": 4}");
        assertThat(ModelConfigImport.read(known).warnings()).singleElement().asString().contains("ships awq weights");
    }

    static List<String> importableConfigs() {
        return ModelConfigImportTest.publishedCounts().map(a -> (String) a.get()[0]).toList();
    }

    /**
     * Every field of every importable published config, at the top and inside text_config, replaced by each value
     * of another JSON type: the import is refused in one line naming the file and the field, or the field is one
     * the import does not read and the entry is exactly what it was.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("importableConfigs")
    void everyFieldOfTheWrongTypeIsRefusedByNameOrChangesNothing(String config) throws IOException {
        ObjectNode original = (ObjectNode) JSON.readTree(ModelConfigImportTest.config(config).toFile());
        Path file = dir.resolve(config + ".json");
        Files.writeString(file, JSON.writeValueAsString(original));
        ObjectNode expected = withoutSource(ModelConfigImport.read(file).entry());
        List<String> tried = new ArrayList<>();
        for (String path : fieldPaths(original)) {
            JsonNode value = at(original, path);
            for (String wrong : wrongTypesFor(value)) {
                ObjectNode mutated = original.deepCopy();
                String field = path.substring(path.lastIndexOf('.') + 1);
                parentOf(mutated, path).set(field, JSON.readTree(wrong));
                Files.writeString(file, JSON.writeValueAsString(mutated));
                Throwable refused = catchThrowable(() -> ModelConfigImport.read(file));
                if (refused == null) {
                    assertThat(withoutSource(ModelConfigImport.read(file).entry())).as(path + " = " + wrong + " was read")
                            .isEqualTo(expected);
                } else {
                    assertThat(refused).as(path + " = " + wrong).isInstanceOf(InvalidDataException.class)
                            .hasMessageStartingWith(file + ": ").hasMessageContaining(field);
                    assertThat(refused.getMessage()).doesNotContain("\n");
                }
                tried.add(path);
            }
        }
        assertThat(tried).hasSizeGreaterThan(40);
    }

    private static List<String> fieldPaths(ObjectNode config) {
        List<String> paths = new ArrayList<>();
        config.fieldNames().forEachRemaining(paths::add);
        if (config.path("text_config").isObject()) {
            config.get("text_config").fieldNames().forEachRemaining(f -> paths.add("text_config." + f));
        }
        return paths;
    }

    private static JsonNode at(ObjectNode config, String path) {
        return path.startsWith("text_config.") ? config.get("text_config").get(path.substring("text_config.".length())) : config.get(path);
    }

    private static ObjectNode parentOf(ObjectNode config, String path) {
        return path.startsWith("text_config.") ? (ObjectNode) config.get("text_config") : config;
    }

    /**
     * JSON values of every type but the field's own, and not null, which means "absent"; a field that is null has
     * no type of its own (any value sets it), so it gets none.
     */
    private static List<String> wrongTypesFor(JsonNode v) {
        if (v.isNull()) {
            return List.of();
        }
        List<String> all = new ArrayList<>(WrongTypedFieldsTest.VALUES);
        all.removeIf(w -> {
            try {
                return JSON.readTree(w).getNodeType() == v.getNodeType();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return all;
    }

    private static ObjectNode withoutSource(ObjectNode entry) {
        ObjectNode e = entry.deepCopy();
        e.remove("source");
        return e;
    }
}
