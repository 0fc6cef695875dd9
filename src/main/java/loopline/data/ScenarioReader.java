package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import loopline.engine.ActivationRecompute;
import loopline.engine.DerivedArchitecture;
import loopline.engine.Gpu;
import loopline.engine.InferenceSetup;
import loopline.engine.ModelArchitecture;
import loopline.engine.Optimizer;
import loopline.engine.Precision;
import loopline.engine.Scenario;
import loopline.engine.SpeculativeDecoding;
import loopline.engine.TrainingSetup;

/**
 * Turns a scenario document into engine types, validating every field against {@link ScenarioSchema}.
 * Errors name the source and the field: {@code presets/x.json: training.gpuCount: must be ...}.
 */
public final class ScenarioReader {
    private static final Set<String> SECTIONS = Set.of("name", "description", "model", "training", "inference", "economics");
    /** Chinchilla (Hoffmann et al. 2022): compute-optimal training uses about 20 tokens per parameter. */
    static final double CHINCHILLA_TOKENS_PER_PARAMETER = 20;

    private final ScenarioDocument doc;
    private final Catalogs catalogs;
    private final String source;

    private ScenarioReader(ScenarioDocument doc, Catalogs catalogs, String source) {
        this.doc = doc;
        this.catalogs = catalogs;
        this.source = source;
    }

    public static Scenario read(Path file, Catalogs catalogs) {
        return bind(ScenarioDocument.read(file), catalogs, file.toString());
    }

    public static Scenario bind(ScenarioDocument doc, Catalogs catalogs, String source) {
        return new ScenarioReader(doc, catalogs, source).bind();
    }

    private InvalidDataException error(String path, String problem) {
        return new InvalidDataException(source + ": " + path + ": " + problem);
    }

    private Scenario bind() {
        checkNoUnknownFields();
        ModelArchitecture model = model();
        Gpu trainingGpu = gpu("training.gpu", null);
        Precision trainingPrecision = Precision.fromId(choice("training.precision"));
        int tp = (int) number("training.tensorParallel");
        int pp = (int) number("training.pipelineParallel");
        int gpuCount = (int) number("training.gpuCount");
        if (gpuCount < tp * pp) {
            throw error("training.gpuCount", "must be at least tensorParallel × pipelineParallel = " + (tp * pp) + ", got " + gpuCount);
        }
        double tokens = doc.get("training.tokens") != null
                ? number("training.tokens")
                : CHINCHILLA_TOKENS_PER_PARAMETER * model.totalParameters();
        TrainingSetup training = new TrainingSetup(trainingGpu, gpuCount, trainingPrecision,
                Optimizer.fromId(choice("training.optimizer")), tokens, number("training.sequenceLength"),
                number("training.microBatchSize"), ActivationRecompute.fromId(choice("training.activationRecompute")),
                (int) number("training.zeroStage"), tp, pp, number("training.mfu"), number("training.goodput"),
                price("training.pricePerGpuHourUsd", trainingGpu));

        Gpu servingGpu = gpu("inference.gpu", trainingGpu);
        Precision weights = Precision.fromId(choice("inference.precision"));
        Precision kv = doc.get("inference.kvCachePrecision") != null
                ? Precision.fromId(choice("inference.kvCachePrecision"))
                : weights.defaultKvCache();
        SpeculativeDecoding spec = new SpeculativeDecoding(bool("inference.speculativeDecoding.enabled"),
                (int) number("inference.speculativeDecoding.draftTokens"),
                number("inference.speculativeDecoding.acceptanceRate"),
                number("inference.speculativeDecoding.draftCostRatio"));
        InferenceSetup inference = new InferenceSetup(servingGpu, weights, kv, (int) number("inference.tensorParallel"),
                number("inference.promptTokens"), number("inference.outputTokens"), (int) number("inference.batchSize"),
                number("inference.targetTokensPerSecondPerUser"), number("inference.requestsPerDay"),
                number("inference.peakToAverage"), price("inference.pricePerGpuHourUsd", servingGpu),
                number("inference.memoryBandwidthEfficiency"), number("inference.computeEfficiency"),
                number("inference.gpuMemoryUtilization"), bool("inference.pagedKvCache"),
                number("inference.prefixCacheHitRate"), spec, number("inference.targetTimeToFirstTokenSeconds"),
                bool("inference.continuousBatching"), (int) number("inference.expertParallel"),
                (int) number("inference.maxConcurrentSequences"));
        return new Scenario(text("name"), text("description"), model, training, inference, number("economics.horizonMonths"));
    }

    // ---- the model ----------------------------------------------------------------------------

    private ModelArchitecture model() {
        JsonNode m = doc.get("model");
        if (m == null) {
            throw error("model", "missing: give a catalog id, {\"parameters\": N}, or an inline architecture");
        }
        if (m.isTextual()) {
            return catalogs.model(m.asText(), source + ": model");
        }
        if (!m.isObject()) {
            throw error("model", "must be a catalog id or an object, got " + m);
        }
        if (m.has("parameters")) {
            if (m.size() > 1) {
                throw error("model", "a size-only model takes just \"parameters\"; found " + fieldNames(m));
            }
            JsonNode p = m.get("parameters");
            if (!p.isNumber() || !(p.asDouble() >= DerivedArchitecture.MIN_PARAMETERS && p.asDouble() <= DerivedArchitecture.MAX_PARAMETERS)) {
                throw error("model.parameters", "must be a number from 1e7 to 1e13, got " + p);
            }
            return DerivedArchitecture.ofParameters(p.asDouble());
        }
        return ModelCatalog.parse(new JsonFields(m, source + ": model"), "custom");
    }

    // ---- typed fields -------------------------------------------------------------------------

    private void checkNoUnknownFields() {
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.tree().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!SECTIONS.contains(e.getKey())) {
                throw error(e.getKey(), "unknown field (known: " + String.join(", ", new java.util.TreeSet<>(SECTIONS)) + ")");
            }
            if (!e.getKey().equals("model") && e.getValue().isObject()) {
                checkLeaves(e.getKey(), e.getValue());
            }
        }
    }

    private void checkLeaves(String path, JsonNode node) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String child = path + "." + e.getKey();
            if (e.getValue().isObject() && ScenarioSchema.field(child) == null) {
                checkLeaves(child, e.getValue());
            } else if (ScenarioSchema.field(child) == null) {
                throw error(child, "unknown field");
            }
        }
    }

    private JsonNode valueOrDefault(FieldSpec spec) {
        JsonNode v = doc.get(spec.path());
        if (v != null) {
            return v;
        }
        Object d = spec.defaultValue();
        if (d == null) {
            throw new IllegalStateException(spec.path() + " has a derived default; read it with its own rule");
        }
        return Json.MAPPER.valueToTree(d);
    }

    private double number(String path) {
        FieldSpec spec = ScenarioSchema.field(path);
        JsonNode v = valueOrDefault(spec);
        if (!v.isNumber()) {
            throw error(path, "must be a number, got " + v);
        }
        double d = v.asDouble();
        if (!(d >= spec.min() && d <= spec.max())) {
            throw error(path, "must be between " + FieldSpec.format(spec.min()) + " and " + FieldSpec.format(spec.max()) + ", got " + v);
        }
        if (spec.kind() == FieldSpec.Kind.WHOLE && d != Math.rint(d)) {
            throw error(path, "must be a whole number, got " + v);
        }
        return d;
    }

    private boolean bool(String path) {
        JsonNode v = valueOrDefault(ScenarioSchema.field(path));
        if (!v.isBoolean()) {
            throw error(path, "must be true or false, got " + v);
        }
        return v.asBoolean();
    }

    private String text(String path) {
        JsonNode v = valueOrDefault(ScenarioSchema.field(path));
        if (!v.isTextual()) {
            throw error(path, "must be a string, got " + v);
        }
        return v.asText();
    }

    private String choice(String path) {
        FieldSpec spec = ScenarioSchema.field(path);
        String v = text(path);
        if (!spec.choices().contains(v)) {
            throw error(path, "must be one of " + String.join(", ", spec.choices()) + ", got \"" + v + "\"");
        }
        return v;
    }

    private Gpu gpu(String path, Gpu fallback) {
        if (doc.get(path) == null && fallback != null) {
            return fallback;
        }
        return catalogs.gpu(text(path), source + ": " + path);
    }

    private double price(String path, Gpu gpu) {
        return doc.get(path) != null ? number(path) : gpu.pricePerGpuHourUsd();
    }

    private static String fieldNames(JsonNode n) {
        StringBuilder b = new StringBuilder();
        n.fieldNames().forEachRemaining(f -> b.append(b.length() == 0 ? "" : ", ").append(f));
        return b.toString();
    }
}
