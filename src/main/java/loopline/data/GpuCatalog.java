package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import loopline.engine.Gpu;

/** Reads {@code assets/gpus.json}: datasheet specs and a dated default price per accelerator. */
public final class GpuCatalog {
    private static final Set<String> FIELDS = Set.of("id", "name", "memoryGB", "memoryBandwidthTBps", "denseTflops",
            "measuredMatmulTflops", "interconnect", "interconnectGBps", "tdpWatts", "price", "specSource", "confidence", "notes");
    private static final Set<String> TFLOPS_FIELDS = Set.of("fp32", "tf32", "bf16", "fp16", "fp8", "int8", "fp4");
    private static final Set<String> MEASURED_FIELDS = Set.of("bf16", "fp8", "source");
    private static final Set<String> PRICE_FIELDS = Set.of("usdPerGpuHour", "date", "source", "rangeLow", "rangeHigh", "confidence");
    private static final double TERA = 1e12;

    private GpuCatalog() {
    }

    public static Map<String, Gpu> read(Path file) {
        JsonNode root = Json.read(file);
        JsonNode list = root.get("gpus");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new InvalidDataException(file + ": gpus: must be a non-empty array");
        }
        Map<String, Gpu> gpus = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String label = entry.hasNonNull("id") ? entry.get("id").asText() : "#" + i;
            Gpu gpu = parse(new JsonFields(entry, file + ": gpus[" + label + "]"));
            if (gpus.putIfAbsent(gpu.id(), gpu) != null) {
                throw new InvalidDataException(file + ": gpus[" + gpu.id() + "]: duplicate id");
            }
        }
        return Collections.unmodifiableMap(gpus);
    }

    static Gpu parse(JsonFields f) {
        f.onlyKnown(FIELDS);
        JsonFields tflops = f.object("denseTflops");
        tflops.onlyKnown(TFLOPS_FIELDS);
        double bf16 = tflops.optionalNonNegative("bf16", 0);
        double fp16 = tflops.optionalNonNegative("fp16", 0);
        if (bf16 == 0 && fp16 == 0) {
            throw tflops.error("bf16", "a GPU needs a 16-bit rate (bf16 or fp16)");
        }
        double measuredBf16 = 0;
        double measuredFp8 = 0;
        if (f.has("measuredMatmulTflops")) {
            JsonFields m = f.object("measuredMatmulTflops");
            m.onlyKnown(MEASURED_FIELDS);
            m.text("source");
            measuredBf16 = m.optionalNonNegative("bf16", 0);
            measuredFp8 = m.optionalNonNegative("fp8", 0);
        }
        JsonFields price = f.object("price");
        price.onlyKnown(PRICE_FIELDS);
        return new Gpu(
                f.text("id"),
                f.text("name"),
                f.positive("memoryGB") * 1e9,
                f.positive("memoryBandwidthTBps") * TERA,
                tflops.positive("fp32") * TERA,
                tflops.optionalNonNegative("tf32", 0) * TERA,
                bf16 * TERA,
                fp16 * TERA,
                tflops.optionalNonNegative("fp8", 0) * TERA,
                tflops.optionalNonNegative("int8", 0) * TERA,
                tflops.optionalNonNegative("fp4", 0) * TERA,
                measuredBf16 * TERA,
                measuredFp8 * TERA,
                f.positive("interconnectGBps") * 1e9,
                f.text("interconnect"),
                f.positive("tdpWatts"),
                price.positive("usdPerGpuHour"),
                price.text("date"),
                price.text("source"),
                f.text("specSource"));
    }
}
