package loopline.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import loopline.engine.model.ModelArchitecture;

/**
 * A model brought in from its Hugging Face {@code config.json}: the catalog-format entry a scenario saves
 * inline (so the file stands alone), the architecture it gives, and warnings worth showing: a parameter count
 * that disagrees with the size the name states, or weights shipped in a quantised format.
 */
public record ModelConfigImport(ObjectNode entry, ModelArchitecture architecture, List<String> warnings) {
    /** How far the count computed from the shape may stray from the name's before LoopLine says so. */
    static final double STATED_SIZE_TOLERANCE = 0.10;
    /** quant_method values of transformers' quantizers (its QuantizationMethod enum); another is named as unknown. */
    private static final Set<String> KNOWN_QUANT_METHODS = Set.of("awq", "gptq", "bitsandbytes", "fp8", "fbgemm_fp8", "mxfp4",
            "compressed-tensors", "modelopt", "hqq", "aqlm", "quanto", "eetq", "torchao", "bitnet", "vptq", "higgs", "spqr",
            "quark", "fp_quant", "auto-round", "gguf");

    /**
     * Reads a config.json, or a folder holding one. An architecture LoopLine cannot model faithfully, an
     * unknown family or a missing field is refused with one line naming it.
     */
    public static ModelConfigImport read(Path path) {
        HfConfig read = HfConfig.read(path);
        HfConfig c = read.withDefaults(HfModelMapping.defaults(read.modelType()));
        HfConfigRefusals.check(c);
        String name = c.declaredName().isEmpty() ? nameFromPath(path) : c.declaredName();
        ObjectNode entry = HfModelMapping.entry(c, name, "imported from " + path.toAbsolutePath().normalize()
                + (name.contains("/") ? " (https://huggingface.co/" + name + ")" : ""));
        // the weights an engine loads: the Hub repository the config names, else the folder it was read from
        Path folder = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        entry.put("checkpoint", name.contains("/") ? name : folder.toAbsolutePath().normalize().toString());
        ModelArchitecture m = ModelCatalog.parse(new JsonFields(entry, c.where()), "custom");
        List<String> warnings = new ArrayList<>(disagreements(m, StatedSize.of(name)));
        checkpointFormat(c, name).ifPresent(warnings::add);
        warnings.addAll(HfModelMapping.ignoredFields(c, name));
        warnings.addAll(HfModelMapping.readByStructure(c, name));
        return new ModelConfigImport(entry, m, List.copyOf(warnings));
    }

    /**
     * A checkpoint stored quantised (gpt-oss's MXFP4 experts, DeepSeek's block fp8) says so in quantization_config;
     * LoopLine sizes weights by the scenario's serving precision, so the user should know which one matches.
     */
    private static Optional<String> checkpointFormat(HfConfig c, String name) {
        if (!c.has("quantization_config")) {
            return Optional.empty();
        }
        String method = c.get("quantization_config").path("quant_method").asText("");
        String sizing = "LoopLine sizes weights by the serving precision chosen (inference.precision)";
        if (KNOWN_QUANT_METHODS.contains(method)) {
            return Optional.of(name + " ships " + method + " weights (quantization_config); " + sizing);
        }
        return Optional.of(name + ": quantization_config " + (method.isEmpty() ? "names no quant_method"
                : "has quant_method \"" + method + "\", not one LoopLine knows") + ", so the checkpoint's weight format is unknown; "
                + sizing);
    }

    /** "Qwen--Qwen3-8B.json" → "Qwen/Qwen3-8B"; ".../Qwen3-8B/config.json" → "Qwen3-8B". */
    static String nameFromPath(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(p) && p.getFileName().toString().equals("config.json") && p.getParent() != null) {
            p = p.getParent();
        }
        return p.getFileName().toString().replaceFirst("(?i)\\.json$", "").replace("--", "/");
    }

    private static List<String> disagreements(ModelArchitecture m, StatedSize stated) {
        List<String> w = new ArrayList<>();
        compare(w, "total", m.totalParameters(), stated.total(), m.name());
        // vendors differ on counting the input embedding as active; only a gap beyond it is a disagreement
        double active = m.activeParameters();
        double withoutLookup = active - m.inputEmbeddingParameters();
        double closer = Math.abs(withoutLookup - stated.active()) < Math.abs(active - stated.active()) ? withoutLookup : active;
        compare(w, "active", closer, stated.active(), m.name());
        return w;
    }

    private static void compare(List<String> w, String which, double computed, double stated, String name) {
        if (!Double.isNaN(stated) && Math.abs(computed / stated - 1) > STATED_SIZE_TOLERANCE) {
            w.add(String.format(Locale.ROOT, "%s: the shape gives %.1fB %s parameters, the name states %.1fB (%+.0f%%)",
                    name, computed / 1e9, which, stated / 1e9, 100 * (computed / stated - 1)));
        }
    }
}
