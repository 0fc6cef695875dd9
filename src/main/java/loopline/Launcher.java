package loopline;

import java.io.PrintStream;
import loopline.cli.EstimateCommand;
import loopline.cli.HelpRequested;
import loopline.cli.UsageException;
import loopline.data.InvalidDataException;

/**
 * Plain main class (not an Application subclass): from {@code java -jar} it first moves itself and JavaFX into a
 * module layer ({@link ModuleLayerLaunch}), as JavaFX supports.
 * {@code estimate} and {@code export} run without a display; no argument opens the window.
 */
public final class Launcher {
    static final String USAGE = String.join("\n",
            "usage: loopline [--scenario FILE]    open the window (on presets/default.json, or FILE)",
            "       loopline estimate --scenario FILE [--model-config PATH] [--set path=value ...] [--baseline FILE] [--json]",
            "       loopline export --scenario FILE [--model-config PATH] [--set path=value ...] [--baseline FILE]",
            "                       [--layout page|slide] --out report.png [--scale 2] [--overwrite]",
            "       (--model-config PATH: a Hugging Face config.json, or a folder holding one; without --scenario,",
            "        on presets/default.json; --baseline FILE: compare with scenario A, read as its file says —",
            "        --set and --model-config change --scenario only; --layout slide: 16:9, 1920×1080 at --scale 1)");

    private Launcher() {
    }

    public static void main(String[] args) {
        java.util.Optional<java.nio.file.Path> jar = ModuleLayerLaunch.jarBesideItsLibraries();
        if (jar.isPresent()) {
            try {
                if (ModuleLayerLaunch.run(ModuleLayerLaunch.modulePath(jar.get()), args)) {
                    return; // it ran (and exited) inside the layer
                }
            } catch (java.io.IOException e) {
                // lib/ unreadable: run from the class path, with JavaFX's warning
            }
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command and returns the exit code: 0 ok, 1 bad input (one line on stderr), 2 bad usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0 || args[0].equals("--scenario")) {
                JavaFxCacheFolder.ensureWritable(err);
                loopline.app.LoopLineApp.launchWindow(args);
                return 0;
            }
            switch (args[0]) {
                case "estimate" -> EstimateCommand.run(args, out);
                case "export" -> {
                    JavaFxCacheFolder.ensureWritable(err);
                    loopline.report.ExportCommand.run(args, out);
                }
                case "--help", "-h", "help" -> out.println(USAGE);
                default -> throw new UsageException("unknown command \"" + args[0] + "\"");
            }
            return 0;
        } catch (HelpRequested e) {
            out.println(USAGE);
            return 0;
        } catch (UsageException e) {
            err.println("loopline: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (InvalidDataException e) {
            err.println("loopline: " + e.getMessage());
            return 1;
        }
    }
}
