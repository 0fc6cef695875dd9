package loopline.report;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import javafx.scene.image.WritableImage;
import loopline.cli.CommandLine;
import loopline.cli.UsageException;
import loopline.data.AtomicFile;
import loopline.data.Catalogs;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import loopline.engine.Scenario;
import loopline.fx.FxPlatform;
import loopline.present.launch.LaunchConfig;
import loopline.present.launch.LaunchFormat;

/**
 * {@code loopline export --scenario FILE [--model-config PATH] [--set path=value ...] [--baseline FILE]
 * [--layout page|slide] --out report.png [--scale 2] [--overwrite]}, or with {@code --format vllm|sglang|trtllm|megatron}
 * the launch configuration of the shape the estimate chose ({@link LaunchConfig}) instead of a report.
 */
public final class ExportCommand {
    private ExportCommand() {
    }

    public static void run(String[] args, PrintStream out) {
        CommandLine cl = CommandLine.parse(args, Set.of("--scenario", "--model-config", "--set", "--baseline", "--layout", "--out",
                "--scale", "--overwrite", "--format"));
        if (cl.format() != null && !cl.format().equalsIgnoreCase("png")) {
            writeLaunch(cl, out);
            return;
        }
        ReportLayout layout = cl.layout() == null ? ReportLayout.PAGE : ReportLayout.parse(cl.layout());
        if (cl.out() == null) {
            throw new UsageException("--out FILE.png (or .jpg) is required");
        }
        cl.inputs().refuseAsOutput(cl.out(), "choose another --out");
        Path target = ReportImageWriter.checkTarget(cl.out(), cl.overwrite());
        Catalogs catalogs = Catalogs.loadDefault();
        Estimate estimate = estimate(cl.load(catalogs), catalogs);
        Estimate baseline = cl.hasBaseline() ? estimate(cl.loadBaseline(catalogs), catalogs) : null;
        FxPlatform.startHeadless();
        WritableImage image = FxPlatform.call(() -> ReportRenderer.render(layout, estimate, baseline, cl.scale(), LocalDate.now()));
        ReportImageWriter.write(image, target, cl.overwrite());
        cl.importWarnings().forEach(w -> out.println("warning: " + w));
        out.println("wrote " + target + " (" + (int) image.getWidth() + "×" + (int) image.getHeight() + " px)");
    }

    /** The launch script for --format's launcher, written atomically like a report; refusals are one line naming --format. */
    private static void writeLaunch(CommandLine cl, PrintStream out) {
        LaunchFormat format = LaunchFormat.byId(cl.format());
        if (format == null) {
            throw new UsageException("--format: must be png or a launcher, " + LaunchFormat.ids() + ", got \"" + cl.format() + "\"");
        }
        if (cl.out() == null) {
            throw new UsageException("--out FILE is required (the " + format.label() + " launch script, e.g. launch-" + format.id() + ".sh)");
        }
        if (cl.layout() != null || cl.hasBaseline()) {
            throw new UsageException("--format " + format.id() + " writes one scenario's launch: --layout and --baseline are for reports");
        }
        cl.inputs().refuseAsOutput(cl.out(), "choose another --out");
        AtomicFile.checkTarget(cl.out(), cl.overwrite());
        Catalogs catalogs = Catalogs.loadDefault();
        Scenario s = cl.load(catalogs);
        String checkpoint = cl.checkpoint();
        if (checkpoint == null) {
            throw new UsageException("--format " + format.id() + ": " + s.model().name() + " has no checkpoint to load (the catalog "
                    + "entry names none, or the model was edited); give --model-config with the checkpoint's folder");
        }
        String text;
        try {
            text = LaunchConfig.of(format, Estimator.estimate(s), checkpoint, "LoopLine " + Version.current() + " · " + LocalDate.now());
        } catch (IllegalArgumentException refused) {
            throw new UsageException("--format " + format.id() + ": " + refused.getMessage());
        }
        AtomicFile.write(cl.out(), cl.overwrite(), stream -> stream.write(text.getBytes(StandardCharsets.UTF_8)));
        cl.importWarnings().forEach(w -> out.println("warning: " + w));
        out.println("wrote " + cl.out().toAbsolutePath() + " (" + format.label() + " launch, " + text.lines().count() + " lines)");
    }

    private static Estimate estimate(Scenario s, Catalogs catalogs) {
        return Estimator.estimate(s, catalogs.apiOffersFor(s.model().id()));
    }
}
