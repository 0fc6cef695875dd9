package loopline.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import loopline.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every field of every kind of file LoopLine reads (scenarios, the GPU and model catalogs, API prices, kernel
 * tables), replaced by a value of each other JSON type, is refused in one line that names the file and the field;
 * the file itself is left as it was. (config.json has its own, {@link ConfigFieldTypesTest}.)
 */
class WrongTypedFieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One value of each JSON type but null (which a reader may take as "left out"). */
    static final List<String> VALUES = List.of("\"text\"", "7", "true", "[\"a\", 1]", "{\"x\": 1}");

    @TempDir
    Path dir;

    static Stream<String> fileKinds() {
        return Stream.of("scenario", "gpus.json", "models.json", "api-prices.json", "kernels/h100-sxm.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileKinds")
    void everyFieldOfTheWrongTypeIsRefusedNamingTheFileAndTheField(String kind) throws IOException {
        Path assets = copyOfAssets();
        List<Path> originals = kind.equals("scenario") ? Fixtures.presetFiles() : List.of(assets.resolve(kind));
        Path file = kind.equals("scenario") ? dir.resolve("scenario.json") : assets.resolve(kind);
        Consumer<Path> read = kind.equals("scenario")
                ? p -> ScenarioReader.read(p, Fixtures.CATALOGS)
                : p -> Catalogs.load(assets);
        List<String> accepted = new ArrayList<>();
        int tried = 0;
        for (Map.Entry<String, Original> field : distinctFields(originals).entrySet()) {
            Original o = field.getValue();
            for (String wrong : VALUES) {
                if (JSON.readTree(wrong).getNodeType() == o.tree().at(o.pointer()).getNodeType()) {
                    continue;
                }
                byte[] bytes = JSON.writeValueAsBytes(replaced(o.tree(), o.pointer(), JSON.readTree(wrong)));
                Files.write(file, bytes);
                Throwable refused = catchThrowable(() -> read.accept(file));
                tried++;
                assertThat(Files.readAllBytes(file)).as("the file is left as it was").isEqualTo(bytes);
                if (refused == null) {
                    accepted.add(o.pointer() + " = " + wrong);
                    continue;
                }
                assertThat(refused).as(o.pointer() + " = " + wrong).isInstanceOf(InvalidDataException.class)
                        .hasMessageContaining(file.getFileName().toString()).hasMessageContaining(fieldName(o.pointer()));
                assertThat(refused.getMessage()).as(o.pointer() + " = " + wrong).doesNotContain("\n");
            }
            Files.copy(o.file(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(accepted).as("wrong-typed values read without a word").isEmpty();
        assertThat(tried).isGreaterThan(20);
    }

    /** A field as found in one of the original files. */
    private record Original(Path file, JsonNode tree, JsonPointer pointer) {
    }

    /**
     * Each field once, by its path with array positions left out (the first GPU's "memoryGb" stands for all of
     * them), from whichever original file has it first; documentation ("_about") is not read, so not tried.
     */
    private static Map<String, Original> distinctFields(List<Path> files) throws IOException {
        Map<String, Original> fields = new LinkedHashMap<>();
        for (Path f : files) {
            JsonNode tree = JSON.readTree(f.toFile());
            walk(tree, JsonPointer.empty(), p -> fields.putIfAbsent(p.toString().replaceAll("/\\d+", "/*"), new Original(f, tree, p)));
        }
        return fields;
    }

    private static void walk(JsonNode node, JsonPointer at, Consumer<JsonPointer> visit) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().startsWith("_")) {
                    JsonPointer child = at.appendProperty(e.getKey());
                    visit.accept(child);
                    walk(e.getValue(), child, visit);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonPointer child = at.appendIndex(i);
                visit.accept(child);
                walk(node.get(i), child, visit);
            }
        }
    }

    private static JsonNode replaced(JsonNode tree, JsonPointer at, JsonNode value) {
        JsonNode copy = tree.deepCopy();
        JsonNode parent = copy.at(at.head());
        String last = at.last().getMatchingProperty();
        if (parent instanceof ArrayNode a) {
            a.set(at.last().getMatchingIndex(), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return copy;
    }

    /** The nearest named field of a path ("/gpus/3/memoryGb" → "memoryGb", "/rows/2" → "rows"). */
    private static String fieldName(JsonPointer p) {
        List<String> parts = new ArrayList<>(Arrays.asList(p.toString().substring(1).split("/")));
        parts.removeIf(s -> s.matches("\\d+"));
        return parts.get(parts.size() - 1);
    }

    private Path copyOfAssets() throws IOException {
        Path assets = dir.resolve("assets");
        Path kernels = Files.createDirectories(assets.resolve("kernels"));
        Path from = Fixtures.home().resolve("assets");
        for (String f : List.of("gpus.json", "models.json", "api-prices.json")) {
            Files.copy(from.resolve(f), assets.resolve(f));
        }
        try (Stream<Path> tables = Files.list(from.resolve("kernels"))) {
            tables.forEach(k -> {
                try {
                    Files.copy(k, kernels.resolve(k.getFileName()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return assets;
    }
}
