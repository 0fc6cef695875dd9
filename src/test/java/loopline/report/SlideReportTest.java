package loopline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javax.imageio.ImageIO;
import loopline.Fixtures;
import loopline.data.ScenarioDocument;
import loopline.data.ScenarioReader;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import loopline.engine.Scenario;
import loopline.present.KeyFigure;
import loopline.present.KeyFigures;
import loopline.present.Warnings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The 16:9 slide: every preset fits 1920×1080 with nothing cut, the PNG is exactly 3840×2160 at 2×, and A/B says so. */
class SlideReportTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    static Stream<Path> presets() throws IOException {
        return Fixtures.presetFiles().stream();
    }

    /** The preset as its file says, with any {@code path=value} edits on top (as --set makes them). */
    static Estimate estimate(Path preset, String... sets) {
        ScenarioDocument doc = ScenarioDocument.read(preset, Fixtures.CATALOGS);
        for (String set : sets) {
            doc = doc.apply(set, Fixtures.CATALOGS);
        }
        Scenario s = ScenarioReader.bind(doc, Fixtures.CATALOGS, preset.toString());
        return Estimator.estimate(s, Fixtures.CATALOGS.apiOffersFor(s.model().id()));
    }

    private static Region compose(ReportLayout layout, Estimate e, Estimate baseline) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ReportRenderer.compose(layout, e, baseline, DAY)).get();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void everyPresetsSlideFits1920By1080WithNothingSqueezedOrCut(Path preset) throws Exception {
        Estimate e = estimate(preset);
        assertFits(compose(ReportLayout.SLIDE, e, null), e);
    }

    @Test
    void aSlideAgainstABaselineThatDiffersEverywhereStillFits() throws Exception {
        Estimate a = estimate(Fixtures.preset("qlora-70b-one-gpu.json"));
        Estimate b = estimate(Fixtures.preset("essay-100m-training-run.json"));
        Region slide = compose(ReportLayout.SLIDE, b, a);
        assertFits(slide, b);
        String line = WaitForAsyncUtils.asyncFx(() -> ((Labeled) slide.lookup("#report-baseline")).getText()).get();
        assertThat(line).startsWith("Compared with A: " + a.scenario().name() + " — Model ").endsWith(" more in the page report");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(ReportLayout.class)
    void aComparisonDrawsAAsGhostsBehindTheChartsAndEachCardsChange(ReportLayout layout) throws Exception {
        Estimate a = estimate(Fixtures.preset("default.json"));
        Estimate b = estimate(Fixtures.preset("default.json"), "inference.requestsPerDay=4e7");
        Region report = compose(layout, b, a);
        WaitForAsyncUtils.asyncFx(() -> {
            assertThat(report.lookupAll(".ghost-line")).as("A's curves").isNotEmpty();
            assertThat(report.lookupAll(".bar-ghost")).as("A's bars").isNotEmpty();
            assertThat(report.lookupAll(".card-change").stream().map(n -> ((Labeled) n).getText()))
                    .as("the serving bill doubles").anyMatch(t -> t.startsWith("+") && t.contains("%"));
        }).get();
        if (layout == ReportLayout.SLIDE) {
            assertFits(report, b);
        }
    }

    @Test
    void aScenarioThatFitsNowhereKeepsItsWarningsWholeAndTheSlideExactly1920By1080() throws Exception {
        Estimate e = estimate(Fixtures.preset("default.json"), "training.gpuCount=8", "inference.gpu=l4");
        assertThat(Warnings.of(e)).hasSize(2);
        assertFits(compose(ReportLayout.SLIDE, e, null), e);
        var image = WaitForAsyncUtils.asyncFx(() -> ReportRenderer.render(ReportLayout.SLIDE, e, null, 1, DAY)).get();
        assertThat(image.getWidth()).as("a label drawn past its chart must not widen the slide").isEqualTo(1920);
        assertThat(image.getHeight()).isEqualTo(1080);
    }

    private static void assertFits(Region slide, Estimate e) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            assertThat(slide.getWidth()).isEqualTo(1920);
            assertThat(slide.getHeight()).isEqualTo(1080);
            assertThat(slide.minHeight(1920)).as("the content's least height").isLessThanOrEqualTo(1080);
            List<Node> panels = ((SlideView) slide).panels();
            assertThat(panels).hasSize(7 + SlideView.slideCards(e).size());
            assertThat(SlideView.slideCards(e)).extracting(k -> k.figure()).contains(loopline.present.Figure.TRAINING_ENERGY,
                    loopline.present.Figure.SERVING_ENERGY, loopline.present.Figure.ENERGY_PER_REQUEST);
            for (Node panel : panels) {
                Bounds b = panel.localToScene(panel.getLayoutBounds());
                assertThat(b.getMinX()).as("left of " + panel).isGreaterThanOrEqualTo(0);
                assertThat(b.getMinY()).as("top of " + panel).isGreaterThanOrEqualTo(0);
                assertThat(b.getMaxX()).as("right of " + panel).isLessThanOrEqualTo(1920);
                assertThat(b.getMaxY()).as("bottom of " + panel).isLessThanOrEqualTo(1080);
                Region r = (Region) panel;
                assertThat(r.minHeight(r.getWidth())).as("height " + panel + " needs").isLessThanOrEqualTo(r.getHeight() + 0.5);
            }
            // what a slide is for: the title, the inputs line, each figure's label and value, the footnote — whole
            List<String> mustBeWhole = new ArrayList<>(List.of(e.scenario().name()));
            if (!Warnings.of(e).isEmpty()) {
                mustBeWhole.add("Note: " + String.join(" · ", Warnings.of(e)));
            }
            for (KeyFigure k : KeyFigures.of(e)) {
                mustBeWhole.add(k.label());
                mustBeWhole.add(k.value());
            }
            List<Labeled> labels = new ArrayList<>();
            collect(slide, labels);
            for (Labeled l : labels) {
                boolean own = l.getId() != null && (l.getId().startsWith("slide-") || l.getId().startsWith("report-"));
                if (own || mustBeWhole.contains(l.getText())) {
                    assertThat(shown(l)).as("the text drawn for \"" + l.getText() + "\"").isEqualTo(l.getText());
                }
            }
            return null;
        }).get();
    }

    /** The string the label's skin actually draws: its text, or a shortened one ending in an ellipsis. */
    private static String shown(Labeled l) {
        return l.lookupAll(".text").stream().filter(Text.class::isInstance).map(t -> ((Text) t).getText()).findFirst().orElse("");
    }

    private static void collect(Node node, List<Labeled> labels) {
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            labels.add(l);
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, labels));
        }
    }

    @Test
    void theSlidePngIsExactly3840By2160AtTwiceAndNotBlank() throws Exception {
        Estimate e = estimate(Fixtures.preset("frontier-405b.json"));
        var image = WaitForAsyncUtils.asyncFx(() -> ReportRenderer.render(ReportLayout.SLIDE, e, null, 2, DAY)).get();
        Path out = dir.resolve("slide.png");
        ReportImageWriter.write(image, out, false);
        BufferedImage png = ImageIO.read(out.toFile());
        assertThat(png.getWidth()).isEqualTo(3840);
        assertThat(png.getHeight()).isEqualTo(2160);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < png.getHeight(); y += 4) {
            for (int x = 0; x < png.getWidth(); x += 4) {
                colours.add(png.getRGB(x, y) & 0xFFFFFF);
            }
        }
        assertThat(colours.size()).as("distinct colours (a blank image has one)").isGreaterThan(200);
    }

    @Test
    void againstABaselineBothLayoutsNameAAndThePageListsOnlyTheInputsThatDiffer() throws Exception {
        Path preset = Fixtures.preset("default.json");
        Estimate a = estimate(preset);
        Estimate b = estimate(preset, "inference.requestsPerDay=4e7", "name=Traffic doubled");
        for (ReportLayout layout : ReportLayout.values()) {
            Region view = compose(layout, b, a);
            List<String> texts = WaitForAsyncUtils.asyncFx(() -> {
                List<Labeled> labels = new ArrayList<>();
                collect(view, labels);
                return labels.stream().map(Labeled::getText).toList();
            }).get();
            assertThat(texts).as(layout.id()).contains("Traffic doubled");
            if (layout == ReportLayout.PAGE) {
                assertThat(texts).contains("Compared with A: " + a.scenario().name(), "Requests per day", "20M requests/day",
                        "40M requests/day", "Key figures that moved", "Serving GPUs", "272", "544")
                        .doesNotContain("Training GPU", "Serving precision"); // unchanged inputs are left out
            } else {
                assertThat(texts).contains("Compared with A: " + a.scenario().name() + " — Requests per day 20M requests/day → 40M requests/day");
            }
        }
        Region alone = compose(ReportLayout.PAGE, b, null);
        assertThat(WaitForAsyncUtils.asyncFx(() -> alone.lookup("#report-baseline")).get()).isNull();
    }
}
