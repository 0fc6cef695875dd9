package loopline.data;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import loopline.engine.hardware.Gpu;
import loopline.engine.hardware.KernelTable;

/** Reads {@code assets/gpus.json}: datasheet specs and a dated default price per accelerator. */
public final class GpuCatalog {
    private static final Set<String> FIELDS = Set.of("id", "name", "memoryGB", "memoryBandwidthTBps", "denseTflops",
            "measuredMatmulTflops", "interconnect", "interconnectGBps", "nvlinkDomainGpus", "tdpWatts", "price", "purchase", "specSource", "confidence", "notes", "kind", "kernels");
    /** An HGX/DGX board: 8 GPUs on NVLink, then the network. */
    static final int DEFAULT_NVLINK_DOMAIN_GPUS = 8;
    private static final Set<String> TFLOPS_FIELDS = Set.of("fp32", "tf32", "bf16", "fp16", "fp8", "int8", "fp4");
    private static final Set<String> MEASURED_FIELDS = Set.of("bf16", "fp8", "source");
    private static final Set<String> PRICE_FIELDS = Set.of("usdPerGpuHour", "date", "source", "rangeLow", "rangeHigh", "confidence",
            "estimate");
    /** What an estimated price's source must start with, so the file says so as plainly as the window. */
    static final String ESTIMATE_PREFIX = "LoopLine estimate";
    private static final Set<String> PURCHASE_FIELDS = Set.of("usdPerGpu", "date", "source", "notes");
    private static final Set<String> KINDS = Set.of("gpu", "accelerator");
    private static final double TERA = 1e12;
    /** Far above any accelerator (B200: 4.5 PFLOPS fp8 dense), so no entry can overflow the engine. */
    private static final double MAX_TFLOPS = 1_000_000;

    private GpuCatalog() {
    }

    /** The catalog, each GPU joined to the measured kernel table its {@code kernels} field names. */
    public static Map<String, Gpu> read(Path file, Map<String, KernelTable> kernelTables) {
        return CatalogArray.read(file, "gpus", (f, id) -> parse(f, id, kernelTables));
    }

    static Gpu parse(JsonFields f, String id, Map<String, KernelTable> kernelTables) {
        f.onlyKnown(FIELDS);
        JsonFields tflops = f.object("denseTflops");
        tflops.onlyKnown(TFLOPS_FIELDS);
        double bf16 = tflops.optionalBetween("bf16", 0, MAX_TFLOPS, 0);
        double fp16 = tflops.optionalBetween("fp16", 0, MAX_TFLOPS, 0);
        if (bf16 == 0 && fp16 == 0) {
            throw tflops.error("bf16", "a GPU needs a 16-bit rate (bf16 or fp16)");
        }
        double measuredBf16 = 0;
        double measuredFp8 = 0;
        if (f.has("measuredMatmulTflops")) {
            JsonFields m = f.object("measuredMatmulTflops");
            m.onlyKnown(MEASURED_FIELDS);
            m.text("source");
            measuredBf16 = m.optionalBetween("bf16", 0, MAX_TFLOPS, 0);
            measuredFp8 = m.optionalBetween("fp8", 0, MAX_TFLOPS, 0);
        }
        f.textsForReaders("confidence", "notes");
        JsonFields price = f.object("price");
        price.onlyKnown(PRICE_FIELDS);
        price.textsForReaders("confidence", "notes");
        double usd = price.positiveUpTo("usdPerGpuHour", 1000);
        boolean estimated = price.optionalBool("estimate", false);
        if (estimated != price.text("source").startsWith(ESTIMATE_PREFIX)) {
            throw price.error("estimate", "an estimated price (\"estimate\": true) and only one has a source starting \""
                    + ESTIMATE_PREFIX + ": …\" that says why");
        }
        // what one costs to buy, with its share of the server (optional: only the owned-cluster cost mode needs it)
        JsonFields purchase = f.has("purchase") ? f.object("purchase") : null;
        if (purchase != null) {
            purchase.onlyKnown(PURCHASE_FIELDS);
            purchase.textsForReaders("notes");
        }
        String kind = f.optionalText("kind", "gpu");
        if (!KINDS.contains(kind)) {
            throw f.error("kind", "must be \"gpu\" or \"accelerator\" (TPU, Trainium, Gaudi), got \"" + kind + "\"");
        }
        return new Gpu(
                id,
                f.text("name"),
                f.positiveUpTo("memoryGB", 100_000) * 1e9,
                f.positiveUpTo("memoryBandwidthTBps", 1000) * TERA,
                tflops.positiveUpTo("fp32", MAX_TFLOPS) * TERA,
                tflops.optionalBetween("tf32", 0, MAX_TFLOPS, 0) * TERA,
                bf16 * TERA,
                fp16 * TERA,
                tflops.optionalBetween("fp8", 0, MAX_TFLOPS, 0) * TERA,
                tflops.optionalBetween("int8", 0, MAX_TFLOPS, 0) * TERA,
                tflops.optionalBetween("fp4", 0, MAX_TFLOPS, 0) * TERA,
                measuredBf16 * TERA,
                measuredFp8 * TERA,
                f.positiveUpTo("interconnectGBps", 100_000) * 1e9,
                f.text("interconnect"),
                // GPUs one NVLink (or the card's own link) joins without the network: an HGX board's 8 unless stated
                (int) f.optionalWholeBetween("nvlinkDomainGpus", 1, 1024, DEFAULT_NVLINK_DOMAIN_GPUS),
                f.positiveUpTo("tdpWatts", 100_000), // the board power limit the energy estimate scales from
                usd,
                price.optionalBetween("rangeLow", 0.01, usd, usd),
                price.optionalBetween("rangeHigh", usd, 1000, usd),
                price.text("date"),
                price.text("source"),
                purchase == null ? 0 : purchase.positiveUpTo("usdPerGpu", 10_000_000),
                purchase == null ? "" : purchase.text("date") + ": " + purchase.text("source"),
                f.text("specSource"),
                estimated,
                kind.equals("gpu"),
                kernels(f, kernelTables));
    }

    private static KernelTable kernels(JsonFields f, Map<String, KernelTable> tables) {
        String measured = f.id("kernels");
        KernelTable table = tables.get(measured);
        if (table == null) {
            throw f.error("kernels", "no measured kernel table \"" + measured + "\" in assets/kernels (measured: "
                    + String.join(", ", tables.keySet()) + ")");
        }
        return table;
    }
}
