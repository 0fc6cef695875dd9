package loopline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.application.Platform;
import loopline.data.Catalogs;
import loopline.data.ScenarioDocument;
import loopline.data.ScenarioReader;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import loopline.engine.Scenario;
import loopline.fx.FxPlatform;
import loopline.report.ReportImageWriter;
import loopline.report.ReportLayout;
import loopline.report.ReportRenderer;

/**
 * Every preset's page and slide report at 1×, and the default against itself with doubled traffic, into one folder
 * to look at. Run: {@code java -cp target/classes:target/test-classes:CP loopline.bench.ReportTour /tmp/reports}
 */
public final class ReportTour {
    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "/tmp/loopline-reports"));
        FxPlatform.startHeadless();
        Catalogs catalogs = Catalogs.loadDefault();
        LocalDate today = LocalDate.now();
        try (var files = Files.list(Catalogs.home().resolve("presets"))) {
            for (Path preset : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                Estimate e = estimate(ScenarioDocument.read(preset, catalogs), catalogs);
                for (ReportLayout layout : ReportLayout.values()) {
                    write(out.resolve(preset.getFileName().toString().replace(".json", "-" + layout.id() + ".png")), layout, e, null, today);
                }
            }
        }
        ScenarioDocument today70b = ScenarioDocument.read(Catalogs.home().resolve("presets/default.json"), catalogs);
        Estimate a = estimate(today70b, catalogs);
        Estimate b = estimate(today70b.apply("inference.requestsPerDay=4e7", catalogs).apply("name=Traffic doubled", catalogs), catalogs);
        for (ReportLayout layout : ReportLayout.values()) {
            write(out.resolve("ab-" + layout.id() + ".png"), layout, b, a, today);
        }
        Platform.exit();
        System.exit(0);
    }

    private static Estimate estimate(ScenarioDocument doc, Catalogs catalogs) {
        Scenario s = ScenarioReader.bind(doc, catalogs, "tour");
        return Estimator.estimate(s, catalogs.apiOffersFor(s.model().id()));
    }

    private static void write(Path file, ReportLayout layout, Estimate e, Estimate baseline, LocalDate date) {
        ReportImageWriter.write(FxPlatform.call(() -> ReportRenderer.render(layout, e, baseline, 1, date)), file, true);
        System.out.println("wrote " + file);
    }
}
