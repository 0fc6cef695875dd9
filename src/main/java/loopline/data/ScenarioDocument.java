package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import loopline.engine.ScenarioField;
import loopline.engine.ScenarioFields;
import loopline.engine.model.DerivedArchitecture;

/**
 * A scenario as its file holds it: the model (a catalog id, a size, or an inline architecture) and the
 * fields the user set, each already checked against its declaration. Fields left out take their defaults
 * when the document is bound ({@link ScenarioReader}). Immutable: an edit that fails leaves the document
 * as it was, so a rejected value can never be saved.
 */
public final class ScenarioDocument {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode model;
    private final Map<ScenarioField<?>, Object> values;

    private ScenarioDocument(JsonNode model, Map<ScenarioField<?>, Object> values) {
        this.model = model;
        this.values = Collections.unmodifiableMap(values);
    }

    /** A document naming only a model: every field takes its default. */
    public static ScenarioDocument ofModel(String modelId) {
        return new ScenarioDocument(NODES.textNode(modelId), new LinkedHashMap<>());
    }

    public static ScenarioDocument read(Path file, Catalogs catalogs) {
        return ScenarioJson.read(Json.read(file), catalogs, file.toString());
    }

    static ScenarioDocument of(JsonNode model, Map<ScenarioField<?>, Object> values) {
        return new ScenarioDocument(model, new LinkedHashMap<>(values));
    }

    /** Model fields that describe rather than shape it: editing them keeps the checkpoint the model loads. */
    private static final Set<String> WORDS_ONLY = Set.of("checkpoint", "name", "notes", "source", "maxContext");

    /**
     * The weights a launch configuration loads: a catalog model's {@code checkpoint}, an inline model's own (an imported
     * config's repository or folder); null for a size-only or edited model, or an entry that names none.
     */
    public String checkpoint(Catalogs catalogs) {
        if (model != null && model.isTextual()) {
            return catalogs.checkpointFor(model.asText());
        }
        JsonNode own = model == null ? null : model.get("checkpoint");
        return own == null || own.asText().isBlank() ? null : own.asText();
    }

    /** The model as written: a catalog id, {"parameters": N}, an inline architecture, or null when missing. */
    public JsonNode model() {
        return model == null ? null : model.deepCopy();
    }

    /** The value the document sets, or null when the field takes its default. */
    public <T> T get(ScenarioField<T> field) {
        return field.type().cast(values.get(field));
    }

    public boolean isSet(ScenarioField<?> field) {
        return values.containsKey(field);
    }

    /** This document with one field set; a value outside the field's range is refused, naming the field. */
    public <T> ScenarioDocument with(ScenarioField<T> field, T value) {
        FieldCodec.checked(field, value, field.path());
        Map<ScenarioField<?>, Object> copy = new LinkedHashMap<>(values);
        copy.put(field, value);
        return new ScenarioDocument(model, copy);
    }

    /** This document with a field left out, so it takes its default again. */
    public ScenarioDocument without(ScenarioField<?> field) {
        Map<ScenarioField<?>, Object> copy = new LinkedHashMap<>(values);
        copy.remove(field);
        return new ScenarioDocument(model, copy);
    }

    /** Picks a catalog model by id, dropping any inline or size-only model. */
    public ScenarioDocument withModelId(String id) {
        return new ScenarioDocument(NODES.textNode(id), new LinkedHashMap<>(values));
    }

    /** Replaces the model with an inline architecture in the catalog's entry format (an imported config.json). */
    public ScenarioDocument withInlineModel(ObjectNode entry) {
        ModelCatalog.parse(new JsonFields(entry, "model"), "custom");
        return new ScenarioDocument(entry.deepCopy(), new LinkedHashMap<>(values));
    }

    /** Replaces the model with a derived dense model of {@code parameters} weights. */
    public ScenarioDocument withModelParameters(double parameters) {
        ObjectNode m = NODES.objectNode();
        m.put("parameters", parameters);
        return new ScenarioDocument(m, new LinkedHashMap<>(values));
    }

    /**
     * Applies one {@code path=value} from the command line. The value is read by the field's type; a
     * {@code model.X} path edits an inline copy of the current catalog model. Errors start "--set path:".
     */
    public ScenarioDocument apply(String assignment, Catalogs catalogs) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new InvalidDataException("--set " + assignment + ": expected path=value");
        }
        String path = assignment.substring(0, eq).trim();
        String raw = assignment.substring(eq + 1).trim();
        String where = "--set " + path;
        if (path.equals("model")) {
            catalogs.model(raw, where);
            return withModelId(raw);
        }
        if (path.equals("model.parameters")) {
            double parameters = FieldCodec.number(raw, where);
            if (!(parameters >= DerivedArchitecture.MIN_PARAMETERS && parameters <= DerivedArchitecture.MAX_PARAMETERS)) {
                throw new InvalidDataException(where + ": must be between 1e7 and 1e13, got " + raw);
            }
            return withModelParameters(parameters);
        }
        if (path.startsWith("model.")) {
            return withInlineModelField(path.substring("model.".length()), raw, catalogs);
        }
        ScenarioField<?> field = ScenarioFields.byPath(path);
        if (field == null) {
            throw new InvalidDataException(where + ": unknown setting (see README: Scenario fields)");
        }
        return withText(field, raw, catalogs, where);
    }

    /** This document with a field set from typed-in text (the Advanced form, {@code --set}). */
    public <T> ScenarioDocument withText(ScenarioField<T> field, String raw, Catalogs catalogs, String where) {
        return with(field, FieldCodec.fromText(field, raw, catalogs, where));
    }

    private ScenarioDocument withInlineModelField(String field, String raw, Catalogs catalogs) {
        String where = "--set model." + field;
        if (!ModelCatalog.FIELDS.contains(field.split("\\.")[0])) {
            throw new InvalidDataException(where + ": unknown model field (known: " + String.join(", ", new TreeSet<>(ModelCatalog.FIELDS)) + ")");
        }
        ObjectNode inline;
        if (model != null && model.isTextual()) {
            inline = catalogs.modelEntries().containsKey(model.asText())
                    ? (ObjectNode) catalogs.modelEntries().get(model.asText()).deepCopy()
                    : NODES.objectNode();
            inline.remove("id");
        } else if (model != null && model.isObject() && !model.has("parameters")) {
            inline = (ObjectNode) model.deepCopy();
        } else {
            throw new InvalidDataException(where + ": set model=ID first; a size-only model has no " + field + " to edit");
        }
        if (!WORDS_ONLY.contains(field)) {
            inline.remove("checkpoint"); // an edited architecture is no longer the one those weights were trained as
        }
        String[] parts = field.split("\\.");
        ObjectNode parent = inline;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.get(parts[i]) instanceof ObjectNode o ? o : parent.putObject(parts[i]);
        }
        parent.set(parts[parts.length - 1], FieldCodec.guessJson(raw));
        ModelCatalog.parse(new JsonFields(inline, "--set model"), "custom"); // refused here, not when the scenario is bound
        return new ScenarioDocument(inline, new LinkedHashMap<>(values));
    }

    /** Writes the file atomically (see {@link AtomicFile}); saving over a file keeps its permissions. */
    public void write(Path file) {
        AtomicFile.write(file, true, out -> out.write((toString() + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    public ObjectNode toJson() {
        return ScenarioJson.write(this);
    }

    @Override
    public String toString() {
        return toJson().toPrettyString();
    }
}
