package loopline.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import loopline.data.Catalogs;
import loopline.data.InvalidDataException;
import loopline.data.ScenarioDocument;
import loopline.data.ScenarioReader;
import loopline.engine.Scenario;

/** The options {@code estimate} and {@code export} share: a scenario file and {@code --set} overrides. */
public final class CommandLine {
    private Path scenario;
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
                case "--set" -> c.sets.add(value(args, ++i, a));
                case "--out" -> c.out = outputPath(value(args, ++i, a));
                case "--scale" -> c.scale = scale(value(args, ++i, a));
                case "--overwrite" -> c.overwrite = true;
                default -> c.flags.add(a);
            }
        }
        if (c.scenario == null) {
            throw new UsageException("--scenario FILE is required");
        }
        return c;
    }

    /** Reads the scenario file and applies every --set in order. */
    public Scenario load(Catalogs catalogs) {
        ScenarioDocument doc = ScenarioDocument.read(scenario, catalogs);
        for (String s : sets) {
            doc = doc.apply(s, catalogs); // a bad value is blamed on its --set, not on the file
        }
        return ScenarioReader.bind(doc, catalogs, scenario.toString());
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
