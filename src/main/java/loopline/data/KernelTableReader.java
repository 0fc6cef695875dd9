package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import loopline.engine.hardware.Collective;
import loopline.engine.hardware.ExpertShape;
import loopline.engine.hardware.GemmEfficiency;
import loopline.engine.hardware.GroupedGemmEfficiency;
import loopline.engine.hardware.KernelTable;
import loopline.engine.hardware.LogCurve;
import loopline.engine.hardware.MoeFormat;
import loopline.engine.hardware.Precision;

/**
 * Reads {@code assets/kernels/*.json}, one measured GPU per file (written by {@code tools/derive_kernel_tables.py}
 * from NVIDIA AIConfigurator's Apache-2.0 timings), into the engine's {@link KernelTable}s by GPU id. Every error names
 * the file and field.
 */
public final class KernelTableReader {
    private static final Set<String> FIELDS = Set.of("_about", "measuredOn", "peaks", "gemm", "moe", "decodeAttention",
            "prefillAttention", "allReduce", "allToAll");
    private static final Set<String> PEAK_FIELDS = Set.of("bf16Tflops", "fp8Tflops", "fp4Tflops", "int8Tops", "memoryBandwidthTBps");
    private static final Set<String> GEMM_FIELDS = Set.of("floorMicroseconds", "bandwidthShare", "computeShareByTokens", "shapes");
    private static final Set<String> MOE_FIELDS = Set.of("floorMicroseconds", "bandwidthShare", "router", "shapes");
    private static final Set<String> SHAPE_FIELDS = Set.of("measuredOn", "hidden", "expertFfn", "experts", "topK",
            "computeShareByTokensPerExpert");
    private static final Set<String> COLLECTIVE_FIELDS = Set.of("floorMicroseconds", "busGBps");
    /** A share of a datasheet peak; L2 reuse can show a little over 1, never more than this. */
    private static final double MAX_SHARE = 1.2;
    private static final double MICRO = 1e-6;
    private static final double TERA = 1e12;

    private KernelTableReader() {
    }

    /** Every table in {@code dir}, by the id of the GPU it was measured on (which must be the file's name). */
    public static Map<String, KernelTable> readAll(Path dir) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new InvalidDataException(dir + ": cannot list the measured kernel tables (" + e.getMessage() + ")", e);
        }
        if (files.isEmpty()) {
            throw new InvalidDataException(dir + ": no measured kernel tables (*.json)");
        }
        Map<String, KernelTable> tables = new TreeMap<>();
        for (Path file : files) {
            KernelTable table = read(file);
            String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
            if (!stem.equals(table.measuredOn())) {
                throw new InvalidDataException(file + ": measuredOn: must match the file name \"" + stem + "\", got \"" + table.measuredOn() + "\"");
            }
            tables.put(stem, table);
        }
        return Collections.unmodifiableMap(tables);
    }

    public static KernelTable read(Path file) {
        JsonFields f = new JsonFields(Json.read(file), file + ": " + file.getFileName().toString().replaceFirst("\\.json$", ""));
        f.onlyKnown(FIELDS);
        try {
            JsonFields p = f.object("peaks");
            p.onlyKnown(PEAK_FIELDS);
            p.optionalBetween("int8Tops", 0, 1e6, 0); // the datasheet's, for readers: int8 serving uses the GPU catalog's rate
            KernelTable.Peaks peaks = new KernelTable.Peaks(p.positiveUpTo("bf16Tflops", 1e6) * TERA,
                    p.between("fp8Tflops", 0, 1e6) * TERA, p.between("fp4Tflops", 0, 1e6) * TERA,
                    p.positiveUpTo("memoryBandwidthTBps", 1000) * TERA);
            JsonFields decode = f.object("decodeAttention");
            decode.onlyKnown(Set.of("floorMicroseconds", "bandwidthShareByBytesPerCall"));
            JsonFields prefill = f.object("prefillAttention");
            prefill.onlyKnown(Set.of("computeShareByPromptTokens"));
            return new KernelTable(f.id("measuredOn"), peaks, gemm(f.object("gemm")), moe(f.object("moe")),
                    decode.between("floorMicroseconds", 0, 1e4) * MICRO, curve(decode, "bandwidthShareByBytesPerCall"),
                    curve(prefill, "computeShareByPromptTokens"), collective(f.object("allReduce")), collective(f.object("allToAll")));
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException(file + ": " + e.getMessage(), e);
        }
    }

    private static Map<Precision, GemmEfficiency> gemm(JsonFields g) {
        Map<Precision, GemmEfficiency> out = new EnumMap<>(Precision.class);
        if (!g.has("bf16")) {
            throw g.error("bf16", "missing: every lookup falls back to the bf16 measurements");
        }
        for (String format : names(g)) {
            JsonFields e = g.object(format);
            e.onlyKnown(GEMM_FIELDS);
            e.optionalWholeBetween("shapes", 1, 1e6, 1); // how many measured shapes the curve summarises, for readers
            out.put(format(g, format, () -> Precision.fromId(format)), new GemmEfficiency(e.between("floorMicroseconds", 0, 1e4) * MICRO,
                    e.positiveUpTo("bandwidthShare", MAX_SHARE), curve(e, "computeShareByTokens")));
        }
        return out;
    }

    private static Map<MoeFormat, GroupedGemmEfficiency> moe(JsonFields m) {
        Map<MoeFormat, GroupedGemmEfficiency> out = new EnumMap<>(MoeFormat.class);
        if (!m.has("bf16")) {
            throw m.error("bf16", "missing: every lookup falls back to the bf16 measurements");
        }
        for (String format : names(m)) {
            JsonFields e = m.object(format);
            e.onlyKnown(MOE_FIELDS);
            e.text("router");
            JsonNode list = e.node().get("shapes");
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw e.error("shapes", "must be a non-empty array of measured MoE layer shapes");
            }
            List<ExpertShape> shapes = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonFields s = new JsonFields(list.get(i), e.where() + ".shapes[" + i + "]");
                s.onlyKnown(SHAPE_FIELDS);
                s.positiveUpTo("experts", 1e5);
                s.positiveUpTo("topK", 1e3);
                shapes.add(new ExpertShape(s.text("measuredOn"), s.positiveUpTo("hidden", 1e6), s.positiveUpTo("expertFfn", 1e6),
                        curve(s, "computeShareByTokensPerExpert")));
            }
            out.put(format(m, format, () -> MoeFormat.fromId(format)), new GroupedGemmEfficiency(
                    e.between("floorMicroseconds", 0, 1e4) * MICRO, e.positiveUpTo("bandwidthShare", MAX_SHARE), shapes));
        }
        return out;
    }

    private static Collective collective(JsonFields c) {
        List<double[]> rows = new ArrayList<>();
        for (String gpus : names(c)) {
            JsonFields row = c.object(gpus);
            row.onlyKnown(COLLECTIVE_FIELDS);
            double n;
            try {
                n = Integer.parseInt(gpus);
            } catch (NumberFormatException e) {
                throw c.error(gpus, "keys are GPU counts (2, 4, 8 …)");
            }
            rows.add(new double[] {n, row.between("floorMicroseconds", 0, 1e5) * MICRO, row.positiveUpTo("busGBps", 1e5) * 1e9});
        }
        rows.sort((a, b) -> Double.compare(a[0], b[0]));
        try {
            return new Collective(rows.toArray(double[][]::new));
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException(c.where() + ": " + e.getMessage(), e);
        }
    }

    /** {@code [[size, share], …]} in increasing size, every share in (0, {@link #MAX_SHARE}]. */
    private static LogCurve curve(JsonFields f, String field) {
        JsonNode list = f.node().get(field);
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw f.error(field, "must be a non-empty array of [size, share] pairs");
        }
        double[][] points = new double[list.size()][];
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw f.error(field, "point " + (i + 1) + " must be [size, share], got " + p);
            }
            double share = p.get(1).asDouble();
            if (!(share > 0 && share <= MAX_SHARE)) {
                throw f.error(field, "point " + (i + 1) + ": a share must be above 0 and at most " + MAX_SHARE + ", got " + share);
            }
            points[i] = new double[] {p.get(0).asDouble(), share};
        }
        neverFasterForMore(points);
        try {
            return new LogCurve(points);
        } catch (IllegalArgumentException e) {
            throw f.error(field, e.getMessage());
        }
    }

    /**
     * A share of peak by size prices work as size ÷ share, so a share that grows faster than its size would make more
     * work take less time. That happens only where a kernel is floor-bound and the timings are noise around the floor
     * (the smallest KV reads and prompts); there each point's time is held to at least the one before it, a running
     * maximum. Larger points, where the kernels are priced, are left as measured.
     */
    static void neverFasterForMore(double[][] points) {
        for (int i = 1; i < points.length; i++) {
            double cap = points[i - 1][1] * (points[i][0] / points[i - 1][0]);
            points[i][1] = Math.min(points[i][1], cap);
        }
    }

    private static List<String> names(JsonFields f) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = f.node().fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        if (names.isEmpty()) {
            throw new InvalidDataException(f.where() + ": must not be empty");
        }
        return names;
    }

    private static <T> T format(JsonFields f, String name, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw f.error(name, e.getMessage());
        }
    }
}
