package loopline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import loopline.Fixtures;
import loopline.Launcher;
import loopline.data.ScenarioReader;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import loopline.fx.Stylesheet;
import loopline.present.ChartsFactory;
import loopline.present.KeyFigure;
import loopline.present.KeyFigures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Reports rendered headless: every preset to a PNG that is opened and checked, the text, and the CLI's errors. */
class ReportExportTest {
    private static final int TRAINING_RGB = 0xE69F00;
    private static final int INFERENCE_RGB = 0x0072B2;

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    static Stream<Path> presets() throws IOException {
        return Fixtures.presetFiles().stream();
    }

    private static Estimate estimate(Path preset) {
        return Estimator.estimate(ScenarioReader.read(preset, Fixtures.CATALOGS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void everyPresetExportsToASharpNonBlankPngWithBothSideColours(Path preset) throws Exception {
        Estimate e = estimate(preset);
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> ReportRenderer.render(e, 2, LocalDate.of(2026, 11, 26))).get();
        Path out = dir.resolve(preset.getFileName().toString().replace(".json", ".png"));
        ReportImageWriter.write(image, out, false);

        BufferedImage png = ImageIO.read(out.toFile());
        assertThat(png.getWidth()).isGreaterThanOrEqualTo(2400);
        assertThat(png.getHeight()).isGreaterThan(1500);
        Set<Integer> colours = new HashSet<>();
        int training = 0;
        int inference = 0;
        for (int y = 0; y < png.getHeight(); y += 2) {
            for (int x = 0; x < png.getWidth(); x += 2) {
                int rgb = png.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                training += rgb == TRAINING_RGB ? 1 : 0;
                inference += rgb == INFERENCE_RGB ? 1 : 0;
            }
        }
        assertThat(colours.size()).as("distinct colours (a blank image has one)").isGreaterThan(200);
        assertThat(training).as("training orange pixels").isGreaterThan(2000);
        assertThat(inference).as("inference blue pixels").isGreaterThan(2000);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void theReportsTextMatchesTheEngine() throws Exception {
        Estimate e = estimate(Fixtures.preset("default.json"));
        List<String> texts = WaitForAsyncUtils.asyncFx(() -> {
            ReportView view = new ReportView(e, ChartsFactory.of(e), LocalDate.of(2026, 11, 26));
            Scene scene = new Scene(view);
            scene.getStylesheets().add(Stylesheet.url());
            view.applyCss();
            view.layout();
            List<String> all = new ArrayList<>();
            collect(view, all);
            return all;
        }).get();
        assertThat(texts).contains(e.scenario().name(), e.scenario().description());
        for (KeyFigure k : KeyFigures.of(e)) {
            assertThat(texts).contains(k.label(), k.value(), k.detail());
            if (!k.range().isEmpty()) {
                assertThat(texts).contains(k.range());
            }
        }
        assertThat(texts).contains("16 B", "$14.5M", "($8.17M–$26.5M)", "98.3 days", "(83.5–138 days)", "2,048 GPUs", "NVIDIA H100 SXM5 80GB", "Training GPUs");
        assertThat(String.join(" ", texts)).contains("2026-03: Lambda on-demand").contains("Left out:")
                .contains("Ranges in brackets: every figure at each side's uncertain inputs").contains("MFU 0.328–0.587");
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            texts.add(l.getText());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, texts));
        }
    }

    // ---- the command line -----------------------------------------------------------------------

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Launcher.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void theCommandLineExportsWithSetOverrides() throws IOException {
        Path png = dir.resolve("report.png");
        assertThat(run("export", "--scenario", Fixtures.preset("default.json").toString(), "--set", "model=llama-3.1-8b",
                "--out", png.toString(), "--scale", "1")).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1400);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote " + png.toAbsolutePath());
    }

    @Test
    void aMissingFolderIsNamedAndNothingIsWritten() {
        Path target = dir.resolve("no-such-folder/report.png");
        assertThat(run("export", "--scenario", Fixtures.preset("default.json").toString(), "--out", target.toString())).isEqualTo(1);
        assertThat(errors()).isEqualTo("loopline: " + target + ": the folder " + target.getParent().toAbsolutePath() + " does not exist");
    }

    @Test
    void anExistingFileIsKeptUnlessOverwriteIsGiven() throws IOException {
        Path existing = Files.writeString(dir.resolve("keep.png"), "mine");
        assertThat(run("export", "--scenario", Fixtures.preset("default.json").toString(), "--out", existing.toString())).isEqualTo(1);
        assertThat(errors()).contains("keep.png: already exists (use --overwrite to replace it)");
        assertThat(Files.readString(existing)).isEqualTo("mine");
        assertThat(run("export", "--scenario", Fixtures.preset("default.json").toString(), "--out", existing.toString(),
                "--overwrite", "--scale", "1")).isZero();
        assertThat(ImageIO.read(existing.toFile())).isNotNull();
    }

    @Test
    void aBrokenScenarioExitsNonZeroAndLeavesNoFile() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"name\": \"x\", \"model\": \"gpt-9\"}");
        Path target = dir.resolve("never.png");
        assertThat(run("export", "--scenario", broken.toString(), "--out", target.toString())).isEqualTo(1);
        assertThat(errors()).startsWith("loopline: " + broken + ": model: unknown model \"gpt-9\"");
        assertThat(target).doesNotExist();
    }

    @Test
    void usageMistakesExitTwo() {
        assertThat(run("export", "--scenario", Fixtures.preset("default.json").toString())).isEqualTo(2);
        assertThat(errors()).contains("--out FILE.png (or .jpg) is required");
        assertThat(run("export", "--scenario", "x.json", "--out", "x.png", "--scale", "9")).isEqualTo(2);
    }

    @Test
    void layoutSlideWritesExactly16By9AndABogusLayoutIsOneClearLine() throws IOException {
        Path png = dir.resolve("slide.png");
        assertThat(run("export", "--scenario", Fixtures.preset("default.json").toString(), "--layout", "slide",
                "--out", png.toString(), "--scale", "1")).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1920);
        assertThat(image.getHeight()).isEqualTo(1080);

        Path never = dir.resolve("never.png");
        assertThat(run("export", "--scenario", Fixtures.preset("default.json").toString(), "--layout", "poster",
                "--out", never.toString())).isEqualTo(2);
        assertThat(errors().lines().findFirst().orElseThrow()).isEqualTo("loopline: --layout must be page or slide, got poster");
        assertThat(never).doesNotExist();
    }

    @Test
    void formatWritesTheLaunchScriptOfTheChosenShapeAndRefusesInOneLine() throws IOException {
        Path script = dir.resolve("serve.sh");
        assertThat(run("export", "--scenario", Fixtures.preset("default.json").toString(), "--format", "sglang",
                "--set", "inference.tensorParallel=8", "--out", script.toString())).isZero();
        assertThat(Files.readString(script)).contains("python -m sglang.launch_server \\\n  --model-path meta-llama/Llama-3.1-70B",
                "--tp-size 8 ");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote " + script.toAbsolutePath() + " (SGLang launch");

        Path never = dir.resolve("never.sh");
        assertThat(run("export", "--scenario", Fixtures.preset("default.json").toString(), "--format", "ollama",
                "--out", never.toString())).isEqualTo(2);
        assertThat(errors().lines().findFirst().orElseThrow())
                .isEqualTo("loopline: --format: must be png or a launcher, vllm|sglang|trtllm|vllm-pd|sglang-pd|trtllm-pd|megatron, got \"ollama\"");
        err.reset();
        // an edited architecture is no longer the checkpoint's: nothing to load, said in one line
        assertThat(run("export", "--scenario", Fixtures.preset("default.json").toString(), "--format", "vllm",
                "--set", "model.layers=40", "--out", never.toString())).isEqualTo(2);
        assertThat(errors().lines().findFirst().orElseThrow()).startsWith("loopline: --format vllm: Llama 3.1 70B has no checkpoint to load");
        assertThat(never).doesNotExist();
    }

    @Test
    void baselineComparesWithScenarioAAndSetsChangeOnlyTheScenario() throws IOException {
        Path png = dir.resolve("ab.png");
        String preset = Fixtures.preset("default.json").toString();
        assertThat(run("export", "--scenario", preset, "--baseline", preset, "--set", "inference.requestsPerDay=4e7",
                "--out", png.toString(), "--scale", "1")).isZero();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1400);

        Path missing = dir.resolve("no-such-a.json");
        assertThat(run("export", "--scenario", preset, "--baseline", missing.toString(), "--out", dir.resolve("x.png").toString()))
                .isEqualTo(1);
        assertThat(errors()).startsWith("loopline: " + missing).doesNotContain("\n").doesNotContain("Exception");
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void anOutputThatIsOneOfTheInputsIsRefusedEvenWithOverwriteAndWhateverItsSpelling() throws IOException {
        Path scenario = Files.copy(Fixtures.preset("default.json"), dir.resolve("s.json"));
        Path baseline = Files.copy(Fixtures.preset("default.json"), dir.resolve("a.json"));
        byte[] before = Files.readAllBytes(scenario);
        Files.createDirectories(dir.resolve("sub"));
        Path viaLink = Files.createSymbolicLink(dir.resolve("link.png"), scenario);
        Path hardLink = Files.createLink(dir.resolve("hard.png"), baseline);
        for (Path out : List.of(scenario, dir.resolve("sub/../s.json"), viaLink)) {
            err.reset();
            assertThat(run("export", "--scenario", scenario.toString(), "--out", out.toString(), "--overwrite")).isEqualTo(1);
            assertThat(errors()).isEqualTo("loopline: " + out + ": is the --scenario file this command reads; "
                    + "writing there would replace it, so choose another --out");
        }
        err.reset();
        assertThat(run("export", "--scenario", scenario.toString(), "--baseline", baseline.toString(), "--out", hardLink.toString(),
                "--overwrite")).isEqualTo(1);
        assertThat(errors()).contains("is the --baseline file this command reads").doesNotContain("\n");
        assertThat(Files.readAllBytes(scenario)).isEqualTo(before);
        assertThat(Files.readAllBytes(baseline)).isEqualTo(before);
    }

    @Test
    void theOutputsEndingNamesItsFormatAndAnythingButPngOrJpegIsRefusedBeforeRendering() throws IOException {
        String preset = Fixtures.preset("default.json").toString();
        Path jpg = dir.resolve("report.JPG");
        assertThat(run("export", "--scenario", preset, "--out", jpg.toString(), "--scale", "1")).isZero();
        byte[] bytes = Files.readAllBytes(jpg);
        assertThat(bytes[0] & 0xFF).as("JPEG's start-of-image marker").isEqualTo(0xFF);
        assertThat(bytes[1] & 0xFF).isEqualTo(0xD8);
        assertThat(ImageIO.read(jpg.toFile()).getWidth()).isEqualTo(1400);
        for (String name : List.of("report.pdf", "report", "report.png.txt")) {
            err.reset();
            Path never = dir.resolve(name);
            assertThat(run("export", "--scenario", preset, "--out", never.toString())).isEqualTo(1);
            assertThat(errors()).isEqualTo("loopline: " + never + ": a report is written as .png or .jpg; give a name ending in one of them");
            assertThat(never).doesNotExist();
        }
    }
}
