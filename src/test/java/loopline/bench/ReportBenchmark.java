package loopline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import loopline.data.Catalogs;
import loopline.fx.FxPlatform;
import loopline.data.ScenarioReader;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import loopline.report.ReportImageWriter;
import loopline.report.ReportRenderer;

/**
 * Whole report at 2×: compose off-screen, snapshot, encode and write the PNG, per preset, after warm-up.
 * Run: {@code mvn -B -Pbench verify -DskipTests -Dbench.main=loopline.bench.ReportBenchmark -Dbench.args=}
 */
public final class ReportBenchmark {
    public static void main(String[] args) throws Exception {
        FxPlatform.startHeadless();
        Catalogs catalogs = Catalogs.loadDefault();
        Path out = Files.createTempDirectory("loopline-bench");
        Path[] presets;
        try (var files = Files.list(Catalogs.home().resolve("presets"))) {
            presets = files.filter(p -> p.toString().endsWith(".json")).sorted().toArray(Path[]::new);
        }
        for (int round = 0; round < 3; round++) { // warm-up
            export(catalogs, presets[round % presets.length], out);
        }
        double[] seconds = new double[presets.length * 2];
        double[] renderOnly = new double[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            double[] t = export(catalogs, presets[i % presets.length], out);
            seconds[i] = t[0];
            renderOnly[i] = t[1];
        }
        Arrays.sort(seconds);
        Arrays.sort(renderOnly);
        System.out.printf(Locale.ROOT, "report at 2x, %d exports: median %.2f s, max %.2f s (compose + snapshot alone: median %.2f s)%n",
                seconds.length, seconds[seconds.length / 2], seconds[seconds.length - 1], renderOnly[renderOnly.length / 2]);
        Platform.exit();
        System.exit(0);
    }

    private static double[] export(Catalogs catalogs, Path preset, Path dir) throws Exception {
        long t0 = System.nanoTime();
        Estimate e = Estimator.estimate(ScenarioReader.read(preset, catalogs));
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        Platform.runLater(() -> image.complete(ReportRenderer.render(e, 2, LocalDate.now())));
        WritableImage img = image.get();
        long t1 = System.nanoTime();
        ReportImageWriter.write(img, dir.resolve(preset.getFileName() + ".png"), true);
        long t2 = System.nanoTime();
        return new double[] {(t2 - t0) / 1e9, (t1 - t0) / 1e9};
    }
}
