package loopline.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import loopline.data.Catalogs;
import loopline.data.InputFiles;
import loopline.data.InvalidDataException;
import loopline.data.ModelConfigImport;
import loopline.data.ScenarioDocument;
import loopline.data.ScenarioReader;
import loopline.engine.Scenario;

/**
 * The options {@code estimate} and {@code export} share: a scenario file, a model from its Hugging Face
 * config.json, and {@code --set} overrides.
 */
public final class CommandLine {
    private Path scenario;
    private Path baseline;
    private String layout;
    private String format;
    private String checkpoint;
    private Path modelConfig;
    private List<String> importWarnings = List.of();
    private final List<String> sets = new ArrayList<>();
    private final List<String> flags = new ArrayList<>();
    private Path out;
    private double scale = 2;
    private boolean overwrite;

    public Path out() {
        return out;
    }

    public double scale() {
        return scale;
    }

    public boolean overwrite() {
        return overwrite;
    }

    /** What importing --model-config found worth saying (a count that disagrees with the name), after {@link #load}. */
    public List<String> importWarnings() {
        return importWarnings;
    }

    /** --layout's value as given, or null; the report checks it names a layout it has. */
    public String layout() {
        return layout;
    }

    /** --format's value as given, or null. */
    public String format() {
        return format;
    }

    /** The weights a launch configuration loads (see {@link ScenarioDocument#checkpoint}), after {@link #load}; null when none. */
    public String checkpoint() {
        return checkpoint;
    }

    /** The files this command reads, which its --out must never replace. */
    public InputFiles inputs() {
        return InputFiles.catalogs().with(scenario, "the --scenario file this command reads")
                .with(baseline, "the --baseline file this command reads")
                .with(modelConfig, "the --model-config file this command reads");
    }

    /** Whether --baseline FILE was given: a scenario A to compare --scenario with. */
    public boolean hasBaseline() {
        return baseline != null;
    }

    public boolean has(String flag) {
        return flags.contains(flag);
    }

    public static CommandLine parse(String[] args, Set<String> allowed) {
        CommandLine c = new CommandLine();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                throw new HelpRequested();
            }
            if (!allowed.contains(a)) {
                throw new UsageException("unknown option " + a + " (options: " + String.join(" ", allowed) + ")");
            }
            switch (a) {
                case "--scenario" -> c.scenario = path(value(args, ++i, a));
                case "--baseline" -> c.baseline = path(value(args, ++i, a));
                case "--layout" -> c.layout = value(args, ++i, a);
                case "--format" -> c.format = value(args, ++i, a);
                case "--model-config" -> c.modelConfig = path(value(args, ++i, a));
                case "--set" -> c.sets.add(value(args, ++i, a));
                case "--out" -> c.out = outputPath(value(args, ++i, a));
                case "--scale" -> c.scale = scale(value(args, ++i, a));
                case "--overwrite" -> c.overwrite = true;
                default -> c.flags.add(a);
            }
        }
        if (c.scenario == null && c.modelConfig == null) {
            throw new UsageException("--scenario FILE is required (or --model-config PATH, on presets/default.json)");
        }
        return c;
    }

    /**
     * Reads the scenario file (presets/default.json when only a model config is given), puts in the imported
     * model, then applies every --set in order, so {@code --set model.layers=40} edits the imported model.
     */
    public Scenario load(Catalogs catalogs) {
        Path file = scenario != null ? scenario : Catalogs.home().resolve("presets").resolve("default.json");
        ScenarioDocument doc = ScenarioDocument.read(file, catalogs);
        if (modelConfig != null) {
            ModelConfigImport imported = ModelConfigImport.read(modelConfig);
            doc = doc.withInlineModel(imported.entry());
            importWarnings = imported.warnings();
        }
        for (String s : sets) {
            doc = doc.apply(s, catalogs); // a bad value is blamed on its --set, not on the file
        }
        checkpoint = doc.checkpoint(catalogs);
        return ScenarioReader.bind(doc, catalogs, file.toString());
    }

    /**
     * Reads the --baseline scenario exactly as its file says: --model-config and --set change the --scenario only, so
     * {@code --baseline a.json --scenario a.json --set inference.requestsPerDay=4e7} compares a file with one change.
     */
    public Scenario loadBaseline(Catalogs catalogs) {
        if (baseline == null) {
            throw new IllegalStateException("no --baseline was given");
        }
        return ScenarioReader.bind(ScenarioDocument.read(baseline, catalogs), catalogs, baseline.toString());
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    /** A path the platform can represent: a name this locale's encoding cannot hold is one clear line, not a stack trace. */
    private static Path path(String raw) {
        try {
            return Path.of(raw);
        } catch (InvalidPathException e) {
            throw new InvalidDataException(raw + ": cannot be used as a file name here (" + e.getReason()
                    + "); the locale's encoding may not hold it, try LANG=C.UTF-8");
        }
    }

    /** "newdir/" or "/" names a folder, which a report cannot be written as. */
    private static Path outputPath(String raw) {
        if (raw.endsWith("/") || raw.endsWith(java.io.File.separator)) {
            throw new InvalidDataException(raw + ": names a folder; give a file name such as " + raw + "report.png");
        }
        return path(raw);
    }

    private static double scale(String raw) {
        try {
            double s = Double.parseDouble(raw);
            if (s >= 0.5 && s <= 4) {
                return s;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--scale must be a number from 0.5 to 4, got " + raw);
    }
}
