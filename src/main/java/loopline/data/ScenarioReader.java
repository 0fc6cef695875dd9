package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import loopline.engine.Scenario;
import loopline.engine.ScenarioField;
import loopline.engine.ScenarioFields;
import loopline.engine.model.DerivedArchitecture;
import loopline.engine.model.ModelArchitecture;

/**
 * Binds a scenario document to engine types: the model, then every declared field in order, each the
 * document's value or its default. Errors name the source and the field: {@code presets/x.json: training.gpuCount: ...}.
 */
public final class ScenarioReader {
    private ScenarioReader() {
    }

    public static Scenario read(Path file, Catalogs catalogs) {
        return bind(ScenarioDocument.read(file, catalogs), catalogs, file.toString());
    }

    public static Scenario bind(ScenarioDocument doc, Catalogs catalogs, String source) {
        Scenario s = ScenarioFields.blankScenario().withModel(modelOf(doc, catalogs, source));
        for (ScenarioField<?> f : ScenarioFields.ALL) {
            s = bindField(s, f, doc, catalogs);
        }
        String problem = ScenarioFields.gpuCountProblem(s);
        if (problem != null) {
            throw new InvalidDataException(source + ": " + ScenarioFields.TRAINING_GPU_COUNT.path() + ": " + problem);
        }
        String split = ScenarioFields.tensorParallelProblem(s);
        if (split != null) {
            throw new InvalidDataException(source + ": " + split);
        }
        String chunks = ScenarioFields.contextParallelProblem(s);
        if (chunks != null) {
            throw new InvalidDataException(source + ": " + ScenarioFields.CONTEXT_PARALLEL.path() + ": " + chunks);
        }
        return s;
    }

    private static <T> Scenario bindField(Scenario s, ScenarioField<T> f, ScenarioDocument doc, Catalogs catalogs) {
        T value = doc.isSet(f) ? doc.get(f) : f.defaultFor(s);
        if (value == null && f.kind() == ScenarioField.Kind.GPU) {
            value = f.type().cast(catalogs.gpu(f.defaultText(), "default of " + f.path()));
        }
        return f.with(s, value);
    }

    /** The document's model alone (a catalog id, a size, an inline architecture), without binding its other fields. */
    static ModelArchitecture modelOf(ScenarioDocument doc, Catalogs catalogs, String source) {
        return model(doc.model(), catalogs, source);
    }

    private static ModelArchitecture model(JsonNode m, Catalogs catalogs, String source) {
        if (m == null) {
            throw new InvalidDataException(source + ": model: missing: give a catalog id, {\"parameters\": N}, or an inline architecture");
        }
        if (m.isTextual()) {
            return catalogs.model(m.asText(), source + ": model");
        }
        if (!m.isObject()) {
            throw new InvalidDataException(source + ": model: must be a catalog id or an object, got " + m);
        }
        if (m.has("parameters")) {
            if (m.size() > 1) {
                throw new InvalidDataException(source + ": model: a size-only model takes just \"parameters\"");
            }
            JsonNode p = m.get("parameters");
            if (!p.isNumber() || !(p.asDouble() >= DerivedArchitecture.MIN_PARAMETERS && p.asDouble() <= DerivedArchitecture.MAX_PARAMETERS)) {
                throw new InvalidDataException(source + ": model.parameters: must be a number from 1e7 to 1e13, got " + p);
            }
            return DerivedArchitecture.ofParameters(p.asDouble());
        }
        return ModelCatalog.parse(new JsonFields(m, source + ": model"), "custom");
    }
}
