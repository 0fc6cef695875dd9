package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A scenario as its JSON file holds it: what presets, {@code --set}, the window's controls and "Save" all
 * edit. Fields left out take the schema's defaults when the document is bound to engine types.
 */
public final class ScenarioDocument {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode root;

    public ScenarioDocument(ObjectNode root) {
        this.root = root;
    }

    public static ScenarioDocument read(Path file) {
        JsonNode node = Json.read(file);
        if (!node.isObject()) {
            throw new InvalidDataException(file + ": a scenario must be a JSON object");
        }
        return new ScenarioDocument((ObjectNode) node);
    }

    public ScenarioDocument copy() {
        return new ScenarioDocument(root.deepCopy());
    }

    public ObjectNode tree() {
        return root;
    }

    /** The value at a dotted path, or null when it is not set. */
    public JsonNode get(String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            if (n == null || !n.isObject()) {
                return null;
            }
            n = n.get(part);
        }
        return n == null || n.isNull() ? null : n;
    }

    public void set(String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode n = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = n.get(parts[i]);
            if (child == null || !child.isObject()) {
                child = n.putObject(parts[i]);
            }
            n = (ObjectNode) child;
        }
        n.set(parts[parts.length - 1], value);
    }

    public void set(String path, double value) {
        set(path, value == Math.rint(value) && Math.abs(value) < 1e15 ? NODES.numberNode((long) value) : NODES.numberNode(value));
    }

    public void set(String path, String value) {
        set(path, NODES.textNode(value));
    }

    public void set(String path, boolean value) {
        set(path, NODES.booleanNode(value));
    }

    public void remove(String path) {
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? root : get(path.substring(0, dot));
        if (parent instanceof ObjectNode o) {
            o.remove(path.substring(dot + 1));
        }
    }

    /** Picks a catalog model by id, dropping any inline or size-only model. */
    public void setModelId(String id) {
        set("model", id);
    }

    /** Replaces the model with a derived dense model of {@code parameters} weights. */
    public void setModelParameters(double parameters) {
        ObjectNode m = NODES.objectNode();
        m.put("parameters", parameters);
        root.set("model", m);
    }

    /**
     * Applies one {@code path=value} from the command line. The value is read by the field's type; a
     * {@code model.X} path edits an inline copy of the current catalog model.
     */
    public void apply(String assignment, Catalogs catalogs) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new InvalidDataException("--set " + assignment + ": expected path=value");
        }
        String path = assignment.substring(0, eq).trim();
        String raw = assignment.substring(eq + 1).trim();
        String where = "--set " + path;
        if (path.equals("model")) {
            catalogs.model(raw, where);
            setModelId(raw);
            return;
        }
        if (path.equals("model.parameters")) {
            setModelParameters(ValueParser.number(raw, where));
            return;
        }
        if (path.startsWith("model.")) {
            applyModelField(path.substring("model.".length()), raw, where, catalogs);
            return;
        }
        FieldSpec spec = ScenarioSchema.field(path);
        if (spec == null) {
            throw new InvalidDataException(where + ": unknown setting (see README: Scenario fields)");
        }
        set(path, ValueParser.parse(spec, raw, where));
    }

    private void applyModelField(String field, String raw, String where, Catalogs catalogs) {
        if (!ModelCatalog.FIELDS.contains(field.split("\\.")[0])) {
            throw new InvalidDataException(where + ": unknown model field (known: " + String.join(", ", new java.util.TreeSet<>(ModelCatalog.FIELDS)) + ")");
        }
        JsonNode model = root.get("model");
        if (model != null && model.isTextual()) {
            ObjectNode inline = catalogs.modelEntries().containsKey(model.asText())
                    ? (ObjectNode) catalogs.modelEntries().get(model.asText()).deepCopy()
                    : NODES.objectNode();
            inline.remove("id");
            root.set("model", inline);
        } else if (model == null || !model.isObject() || model.has("parameters")) {
            throw new InvalidDataException(where + ": set model=ID first; a size-only model has no " + field + " to edit");
        }
        set("model." + field, ValueParser.json(raw));
    }

    /** Writes the file atomically: a temporary file beside it, then a rename, so a crash never leaves half a file. */
    public void write(Path file) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        try {
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, Json.MAPPER.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new InvalidDataException(target + ": cannot be written: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return root.toPrettyString();
    }
}
