package loopline.report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import javafx.scene.image.WritableImage;
import loopline.cli.CommandLine;
import loopline.cli.UsageException;
import loopline.data.Catalogs;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import loopline.engine.Scenario;
import loopline.fx.FxPlatform;

/**
 * {@code loopline export --scenario FILE [--model-config PATH] [--set path=value ...] [--baseline FILE]
 * [--layout page|slide] --out report.png [--scale 2] [--overwrite]}
 */
public final class ExportCommand {
    private ExportCommand() {
    }

    public static void run(String[] args, PrintStream out) {
        CommandLine cl = CommandLine.parse(args, Set.of("--scenario", "--model-config", "--set", "--baseline", "--layout", "--out",
                "--scale", "--overwrite"));
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

    private static Estimate estimate(Scenario s, Catalogs catalogs) {
        return Estimator.estimate(s, catalogs.apiOffersFor(s.model().id()));
    }
}
