package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import loopline.engine.economics.ApiOffer;
import loopline.engine.hardware.Gpu;
import loopline.engine.model.ModelArchitecture;

/**
 * The GPU and model catalogs, read once from the assets folder. The raw model entries are kept so a
 * scenario can start from a catalog model and edit one field of it ({@code --set model.layers=40}).
 */
public record Catalogs(Map<String, Gpu> gpus, Map<String, ModelArchitecture> models, Map<String, JsonNode> modelEntries,
                       Map<String, List<ApiOffer>> apiOffers) {

    public static Catalogs load(Path assetsDir) {
        Path modelsFile = assetsDir.resolve("models.json");
        Map<String, JsonNode> entries = ModelCatalog.readEntries(modelsFile);
        Map<String, Gpu> gpus = GpuCatalog.read(assetsDir.resolve("gpus.json"), KernelTableReader.readAll(assetsDir.resolve("kernels")));
        return new Catalogs(gpus, ModelCatalog.parseAll(entries, modelsFile), entries,
                ApiPriceCatalog.read(assetsDir.resolve("api-prices.json"), entries.keySet()));
    }

    /** The public API prices listed for {@code modelId}; none for a model not listed, derived or imported. */
    public List<ApiOffer> apiOffersFor(String modelId) {
        return apiOffers.getOrDefault(modelId, List.of());
    }

    /**
     * The weights a launch configuration loads for a catalog model: its entry's {@code checkpoint} (a Hugging Face
     * repository), or null for a model with none (GPT-3, a derived size, an imported config: the caller knows its folder).
     */
    public String checkpointFor(String modelId) {
        JsonNode entry = modelEntries.get(modelId);
        JsonNode checkpoint = entry == null ? null : entry.get("checkpoint");
        return checkpoint == null || checkpoint.asText().isBlank() ? null : checkpoint.asText();
    }

    /** The catalogs of the project folder (see {@link #home()}). */
    public static Catalogs loadDefault() {
        return load(home().resolve("assets"));
    }

    public Gpu gpu(String id, String where) {
        Gpu g = gpus.get(id);
        if (g == null) {
            throw new InvalidDataException(where + ": unknown GPU \"" + id + "\" (known: " + String.join(", ", gpus.keySet()) + ")");
        }
        return g;
    }

    public ModelArchitecture model(String id, String where) {
        ModelArchitecture m = models.get(id);
        if (m == null) {
            throw new InvalidDataException(where + ": unknown model \"" + id + "\" (known: " + String.join(", ", models.keySet()) + ")");
        }
        return m;
    }

    /** Where the project's files live: -Dloopline.home, else the working folder or the folder above a running jar. */
    public static Path home() {
        String configured = System.getProperty("loopline.home");
        if (configured != null) {
            return Path.of(configured);
        }
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isRegularFile(cwd.resolve("assets/gpus.json"))) {
            return cwd;
        }
        try {
            Path jar = Path.of(Catalogs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("assets/gpus.json"))) {
                    return p;
                }
            }
        } catch (Exception ignored) {
            // fall back to the working folder; loading then names the missing file
        }
        return cwd;
    }
}
