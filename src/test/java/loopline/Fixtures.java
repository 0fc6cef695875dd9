package loopline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import loopline.data.Catalogs;
import loopline.data.ScenarioDocument;
import loopline.data.ScenarioReader;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import loopline.engine.Scenario;
import loopline.engine.ScenarioFields;
import loopline.engine.serving.OperatingPoint;
import loopline.engine.serving.ServingModel;

/** Shared test setup: the real catalogs and scenarios built from --set style assignments over the defaults. */
public final class Fixtures {
    public static final Catalogs CATALOGS = Catalogs.load(home().resolve("assets"));

    private Fixtures() {
    }

    public static Path home() {
        return Catalogs.home();
    }

    public static Path preset(String name) {
        return home().resolve("presets").resolve(name);
    }

    /** Every preset file, in name order. */
    public static List<Path> presetFiles() {
        try (Stream<Path> files = Files.list(home().resolve("presets"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scenario of the schema's defaults for {@code model}, with {@code path=value} assignments applied. */
    public static Scenario scenario(String model, String... sets) {
        return ScenarioReader.bind(document(model, sets), CATALOGS, "test");
    }

    public static ScenarioDocument document(String model, String... sets) {
        ScenarioDocument doc = ScenarioDocument.ofModel("llama-3.1-8b").with(ScenarioFields.NAME, "test")
                .apply(model.startsWith("model") ? model : "model=" + model, CATALOGS);
        for (String s : sets) {
            doc = doc.apply(s, CATALOGS);
        }
        return doc;
    }

    /** The estimate as the window and the CLI make it: with the model's listed API prices. */
    public static Estimate estimate(String model, String... sets) {
        Scenario s = scenario(model, sets);
        return Estimator.estimate(s, CATALOGS.apiOffersFor(s.model().id()));
    }

    /**
     * The scenario's chosen replica with {@code concurrency} users in a closed loop: what a serving
     * benchmark run at that concurrency measures.
     */
    public static OperatingPoint closedLoop(double concurrency, String model, String... sets) {
        Estimate e = estimate(model, sets);
        return ServingModel.closedLoop(e.scenario().model(), e.scenario().inference(), e.inferenceSpeed().shape(), concurrency);
    }

    /**
     * An MoE entry's active parameters counted as its model card counts them, and how, for the catalog's tests and the
     * README table: LoopLine's count includes every weight a token passes through; OpenAI leaves out the input embedding
     * (a lookup), and a non-embedding count (Kaplan et al.'s convention) leaves out the head as well.
     */
    public record CardActive(double parameters, String convention) {
    }

    public static CardActive activeAsTheCardCounts(loopline.engine.model.ModelArchitecture m,
                                                   com.fasterxml.jackson.databind.JsonNode entry) {
        if (entry.path("publishedActiveExcludesEmbeddings").asBoolean(false)) {
            return new CardActive(m.activeParameters() - m.embeddingAndHeadParameters(), ", without the embedding and head");
        }
        if (entry.path("publishedActiveExcludesInputEmbedding").asBoolean(false)) {
            return new CardActive(m.activeParameters() - m.inputEmbeddingParameters(), ", without the input embedding");
        }
        return new CardActive(m.activeParameters(), "");
    }
}
