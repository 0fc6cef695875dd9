package loopline.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polyline;
import javafx.stage.Stage;
import loopline.Fixtures;
import loopline.data.ScenarioReader;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import loopline.engine.Scenario;
import loopline.fx.Stylesheet;
import loopline.present.BarData;
import loopline.present.Charts;
import loopline.present.ChartsFactory;
import loopline.present.Format;
import loopline.present.LineChartData;
import loopline.present.Marker;
import loopline.present.Series;
import loopline.ui.chart.LabelPlacer.Box;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The chart views in a real (headless) scene with the real stylesheet, fed by the real chart data. */
@ExtendWith(ApplicationExtension.class)
class ChartViewsTest {
    private LineChartView line;
    private BarChartView bars;

    @Start
    void start(Stage stage) {
        line = new LineChartView("inference", null);
        bars = new BarChartView("training", null);
        line.setPrefSize(560, 300);
        bars.setPrefSize(560, 200);
        Scene scene = new Scene(new VBox(line, bars), 600, 560);
        scene.getStylesheets().add(Stylesheet.url());
        stage.setScene(scene);
        stage.show();
    }

    private static Estimate preset(Path file) {
        Scenario s = ScenarioReader.read(file, Fixtures.CATALOGS);
        return Estimator.estimate(s, Fixtures.CATALOGS.apiOffersFor(s.model().id()));
    }

    private static List<Path> presets() throws IOException {
        return Fixtures.presetFiles();
    }

    private void show(FxRobot robot, LineChartData d, LineChartData baseline) {
        robot.interact(() -> {
            line.update(d, baseline);
            line.applyCss();
            line.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Box box(Node n) {
        Bounds b = n.getBoundsInParent();
        return new Box(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }

    /** End labels and marker labels as placed, in plot pixels. */
    private List<Box> placedLabels() {
        List<Box> boxes = new ArrayList<>();
        line.chart().endLabels().stream().filter(Node::isVisible).forEach(l -> boxes.add(box(l)));
        line.chart().markers().stream().filter(m -> m.label().isVisible()).forEach(m -> boxes.add(box(m.label())));
        return boxes;
    }

    private List<LabelPlacer.Polyline> curves() {
        List<LabelPlacer.Polyline> curves = new ArrayList<>();
        for (var s : line.plotted()) {
            double[] x = new double[s.getData().size()];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = line.chart().x().getDisplayPosition(s.getData().get(i).getXValue());
                y[i] = line.chart().y().getDisplayPosition(s.getData().get(i).getYValue());
            }
            curves.add(new LabelPlacer.Polyline(x, y));
        }
        return curves;
    }

    @Test
    void aNewEstimateMovesTheLinesAndMarkersThatStayRatherThanMakingThemAgain(FxRobot robot) throws IOException {
        LineChartData d = ChartsFactory.of(preset(presets().get(0))).servingThroughput();
        assertThat(d.series()).isNotEmpty();
        assertThat(d.markers()).isNotEmpty();
        show(robot, d, null);
        XYChart.Series<Number, Number> firstLine = line.plotted().get(0);
        Label firstMarker = line.chart().markers().get(0).label();
        List<Series> renamed = new ArrayList<>(d.series());
        Series s = renamed.get(0);
        double[] higher = java.util.Arrays.stream(s.y()).map(y -> y * 2).toArray();
        renamed.set(0, new Series(s.name() + " (renamed)", s.styleClass(), s.x(), higher, s.endLabel()));
        List<Marker> oneMore = new ArrayList<>(d.markers());
        oneMore.add(new Marker("Memory limit", d.markers().get(0).value(), !d.markers().get(0).vertical(), "limit"));
        LineChartData next = new LineChartData(d.title(), d.subtitle(), d.xLabel(), d.yLabel(), d.logX(), d.logY(),
                d.xFormat(), d.yFormat(), renamed, oneMore, d.side(), d.figure(), d.problem(), d.band());
        show(robot, next, null);
        assertThat(line.plotted().get(0)).as("the same line, moved").isSameAs(firstLine);
        assertThat(firstLine.getName()).endsWith("(renamed)");
        assertThat(firstLine.getData().get(0).getYValue().doubleValue())
                .isEqualTo(AxisScale.toAxis(higher[0], d.logY()), within(1e-9));
        assertThat(line.chart().markers()).hasSize(d.markers().size() + 1);
        assertThat(line.chart().markers().get(0).label()).as("the marker that stayed keeps its label").isSameAs(firstMarker);
        assertThat(line.chart().markers().get(d.markers().size()).label().getScene()).as("the new marker is drawn").isNotNull();
    }

    @Test
    void everyPresetsLifetimeChartNamesEachLineWithLabelsThatDoNotOverlap(FxRobot robot) throws IOException {
        for (Path p : presets()) {
            Estimate e = preset(p);
            LineChartData d = ChartsFactory.of(e).lifetime();
            show(robot, d, null);
            List<Label> ends = line.chart().endLabels();
            assertThat(ends).as(p.toString()).hasSize(3).allMatch(Node::isVisible);
            assertThat(ends.get(0).getText()).as(p.toString()).endsWith(Format.formatUsd(e.trainingRun().costUsd()));
            List<Box> boxes = placedLabels();
            double width = line.chart().x().getWidth();
            double height = line.chart().y().getHeight();
            for (int i = 0; i < boxes.size(); i++) {
                assertThat(boxes.get(i).inside(width, height)).as(p + " label " + i + " inside the plot: " + boxes.get(i)).isTrue();
                for (int j = i + 1; j < boxes.size(); j++) {
                    assertThat(boxes.get(i).overlaps(boxes.get(j))).as(p + " labels " + i + " and " + j + ": " + boxes).isFalse();
                }
            }
        }
    }

    /**
     * On every preset's charts, as the window draws them and as Presenter at 1280×720 does (larger text, a narrower chart):
     * no marker label overlaps another label, none lies under another marker's vertical line or across its own line where
     * either side of it has room to wrap, and at the window's size none lies on a curve or under a target's line either.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"window, 560, 300", "presenter, 400, 220"})
    void markerLabelsKeepOffTheCurvesOnEveryPresetsCharts(String mode, double width, double height, FxRobot robot) throws IOException {
        robot.interact(() -> {
            line.setPrefSize(width, height);
            line.getScene().getRoot().getStyleClass().remove("presenter");
            if (mode.equals("presenter")) {
                line.getScene().getRoot().getStyleClass().add("presenter");
            }
        });
        int labels = 0;
        for (Path p : presets()) {
            Charts c = ChartsFactory.of(preset(p));
            for (LineChartData d : List.of(c.trainingThroughput(), c.servingThroughput(), c.servingCost(), c.lifetime())) {
                show(robot, d, null);
                List<LabelPlacer.Polyline> curves = curves();
                double plotWidth = line.chart().x().getWidth();
                List<Box> placed = placedLabels(); // the end labels first (their own test checks them), then the markers'
                int ends = (int) line.chart().endLabels().stream().filter(Node::isVisible).count();
                for (int i = 0; i < placed.size(); i++) {
                    for (int j = Math.max(i + 1, ends); j < placed.size(); j++) {
                        assertThat(placed.get(i).overlaps(placed.get(j)))
                                .as(mode + " " + p + " " + d.title() + ": labels " + i + " and " + j + " overlap: " + placed).isFalse();
                    }
                }
                for (MarkedLineChart.PlacedMarker m : line.chart().markers()) {
                    if (m.label().isVisible()) {
                        labels++;
                        if (mode.equals("window")) { // Presenter's 70 px tall plots leave some target labels touching a curve
                            assertThat(LabelPlacer.distance(box(m.label()), curves)).as(p + " " + d.title() + ": " + m.label().getText())
                                    .isGreaterThan(0);
                        }
                        Line own = m.line();
                        boolean roomToWrap = Math.max(plotWidth - own.getStartX(), own.getStartX()) - 4 >= 90;
                        if (m.vertical() && roomToWrap) {
                            LabelPlacer.Polyline drawn = new LabelPlacer.Polyline(new double[] {own.getStartX(), own.getEndX()},
                                    new double[] {own.getStartY(), own.getEndY()});
                            assertThat(LabelPlacer.distance(box(m.label()), List.of(drawn)))
                                    .as(mode + " " + p + " " + d.title() + ": " + m.label().getText() + " across its own line").isGreaterThan(0);
                        }
                        for (MarkedLineChart.PlacedMarker other : line.chart().markers()) {
                            // in Presenter's short plots a target's horizontal line may have to run through a vertical
                            // marker's label: the label keeps clear of the other labels first
                            if (other != m && other.line().isVisible() && (mode.equals("window") || other.vertical())) {
                                Line l = other.line();
                                LabelPlacer.Polyline drawn = new LabelPlacer.Polyline(new double[] {l.getStartX(), l.getEndX()},
                                        new double[] {l.getStartY(), l.getEndY()});
                                assertThat(LabelPlacer.distance(box(m.label()), List.of(drawn)))
                                        .as(mode + " " + p + " " + d.title() + ": " + m.label().getText() + " crossed by " + other.label().getText())
                                        .isGreaterThan(0);
                            }
                        }
                    }
                }
            }
        }
        assertThat(labels).isGreaterThan(40);
    }

    @Test
    void theProblemNoteLeavesTheTargetLabelsReadable(FxRobot robot) {
        // 8B at 5,000 tokens/s per user: no batch size reaches the speed target
        Estimate e = Fixtures.estimate("llama-3.1-8b", "inference.targetTokensPerSecondPerUser=5000");
        LineChartData d = ChartsFactory.of(e).servingThroughput();
        assertThat(d.problem()).isNotNull();
        show(robot, d, null);
        Label note = line.chart().note();
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).isEqualTo(d.problem());
        Box noteBox = box(note);
        assertThat(line.chart().markers()).filteredOn(m -> !m.vertical()).isNotEmpty()
                .allSatisfy(m -> assertThat(box(m.label()).overlaps(noteBox)).as(m.label().getText()).isFalse());
    }

    @Test
    void hoveringALineChartReadsEverySeriesAtThePointer(FxRobot robot) {
        Estimate e = Fixtures.estimate("llama-3.1-70b", "inference.requestsPerDay=2e7");
        LineChartData d = ChartsFactory.of(e).servingCost();
        show(robot, d, null);
        assertThat(line.readout().label()).as("no readout nodes until the pointer comes").isNull();

        Node plot = line.chart().plotContent();
        double plotX = line.chart().x().getWidth() / 2;
        Point2D screen = plot.localToScreen(plotX, line.chart().y().getHeight() / 2);
        robot.moveTo(screen);
        WaitForAsyncUtils.waitForFxEvents();

        Label readout = line.readout().label();
        assertThat(readout).isNotNull();
        assertThat(readout.isVisible()).isTrue();
        Box shown = box(readout);
        assertThat(shown.w()).as("sized to its text").isGreaterThan(100);
        assertThat(shown.inside(line.chart().x().getWidth(), line.chart().y().getHeight())).as(shown.toString()).isTrue();
        double traffic = Math.pow(10, line.chart().x().getValueForDisplay(plotX).doubleValue());
        String[] rows = readout.getText().split("\n");
        assertThat(rows).hasSize(1 + d.series().size());
        assertThat(rows[0]).isEqualTo(Format.formatCount(traffic) + " requests per day");
        // the bill is a step function of traffic: read it where the chart draws it, between two swept points
        for (int i = 0; i < d.series().size(); i++) {
            Series s = d.series().get(i);
            double drawn = Math.pow(10, HoverReadout.valueAt(line.plotted().get(i).getData(), Math.log10(traffic)));
            assertThat(rows[i + 1]).isEqualTo(s.name() + ": " + Format.formatUsd(drawn));
            int k = 0;
            while (s.x()[k + 1] < traffic) {
                k++;
            }
            assertThat(drawn).isBetween(Math.min(s.y()[k], s.y()[k + 1]) * 0.999, Math.max(s.y()[k], s.y()[k + 1]) * 1.001);
        }

        robot.moveTo(line.legend());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(readout.isVisible()).as("hidden once the pointer leaves the plot").isFalse();
    }

    @Test
    void aBaselineIsDrawnAsGhostLinesAndMarkersThatFollowItsValuesWithAxesCoveringBoth(FxRobot robot) {
        LineChartData now = ChartsFactory.of(Fixtures.estimate("llama-3.1-70b", "inference.requestsPerDay=2e7")).servingCost();
        LineChartData before = ChartsFactory.of(Fixtures.estimate("llama-3.1-405b", "inference.requestsPerDay=2e7")).servingCost();
        show(robot, now, before);

        GhostLines ghosts = line.chart().ghosts();
        assertThat(ghosts.lines()).hasSize(before.series().size());
        assertThat(ghosts.dots()).hasSize(before.markers().size());
        double maxBefore = 0;
        for (int i = 0; i < before.series().size(); i++) {
            Series s = before.series().get(i);
            Polyline ghost = ghosts.lines().get(i);
            assertThat(ghost.getStyleClass()).contains("ghost-line", "series-" + s.styleClass());
            assertThat(ghost.getPoints()).hasSize(2 * s.x().length);
            for (int k = 0; k < s.x().length; k++) {
                assertThat(ghost.getPoints().get(2 * k + 1)).isCloseTo(line.chart().y().getDisplayPosition(Math.log10(s.y()[k])), within(1e-6));
                maxBefore = Math.max(maxBefore, s.y()[k]);
            }
        }
        assertThat(Math.pow(10, line.chart().y().getUpperBound())).as("the y axis reaches the baseline's top").isGreaterThanOrEqualTo(maxBefore);
        Marker current = before.markers().get(0);
        assertThat(ghosts.dots().get(0).getCenterX()).isCloseTo(line.chart().x().getDisplayPosition(Math.log10(current.value())), within(1e-6));
        assertThat(legendTexts()).contains("dashed: baseline");
        // the readout gives the baseline's value beside the current one
        double x = line.chart().x().getValueForDisplay(line.chart().x().getWidth() / 2).doubleValue();
        String readout = line.readout().text(x);
        double baselineCost = Math.pow(10, HoverReadout.valueAt(ghostPoints(before.series().get(0)), x));
        assertThat(readout.split("\n")[1]).startsWith(now.series().get(0).name() + ": ")
                .endsWith(" · baseline " + Format.formatUsd(baselineCost));

        show(robot, now, null);
        assertThat(ghosts.getChildren()).as("unpinned: no ghost").isEmpty();
        assertThat(legendTexts()).doesNotContain("dashed: baseline");
    }

    private static List<javafx.scene.chart.XYChart.Data<Number, Number>> ghostPoints(Series s) {
        List<javafx.scene.chart.XYChart.Data<Number, Number>> points = new ArrayList<>();
        for (int i = 0; i < s.x().length; i++) {
            points.add(new javafx.scene.chart.XYChart.Data<>(Math.log10(s.x()[i]), Math.log10(s.y()[i])));
        }
        return points;
    }

    private List<String> legendTexts() {
        return line.legend().getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void aBaselineBarIsAGhostOutlineAsLongAsItsTotalAndTheScaleCoversBoth(FxRobot robot) {
        BarData now = ChartsFactory.of(Fixtures.estimate("llama-3.1-70b", "training.tokens=1e12")).trainingCost();
        BarData before = ChartsFactory.of(Fixtures.estimate("llama-3.1-70b", "training.tokens=4e12")).trainingCost();
        robot.interact(() -> {
            bars.update(now, before);
            bars.applyCss();
            bars.layout();
        });
        List<Region> ghosts = bars.bars().ghosts();
        assertThat(ghosts).hasSize(2).allMatch(Node::isVisible);
        double ghostTraining = ghosts.get(0).getWidth();
        double barTraining = bars.segmentNodes().get(0).getBoundsInParent().getWidth();
        assertThat(ghostTraining / barTraining).isCloseTo(before.rows().get(0).total() / now.rows().get(0).total(), within(0.01));
        assertThat(ghosts.get(0).getBoundsInParent().getMaxX()).as("the scale covers the baseline").isLessThanOrEqualTo(bars.bars().getWidth());

        robot.interact(() -> {
            bars.update(now);
            bars.layout();
        });
        assertThat(ghosts).noneMatch(Node::isVisible);
    }

    @Test
    void hoveringABarSegmentNamesItAndItsValue(FxRobot robot) {
        Estimate e = Fixtures.estimate("llama-3.1-70b");
        BarData memory = ChartsFactory.of(e).trainingMemory();
        robot.interact(() -> bars.update(memory));
        WaitForAsyncUtils.waitForFxEvents();
        robot.moveTo(bars.segmentNodes().get(0));
        WaitForAsyncUtils.waitForFxEvents();
        Label readout = bars.bars().readout();
        assertThat(readout.isVisible()).isTrue();
        var weights = memory.rows().get(0).segments().get(0);
        assertThat(readout.getText()).isEqualTo(weights.label() + ": " + Format.formatBytes(weights.value()));
        assertThat(readout.getWidth()).as("sized to its text").isGreaterThan(60);
    }

    /** Tick labels shown on an axis, in scene pixels, in order along it. */
    private static List<Bounds> tickLabels(javafx.scene.chart.Axis<?> axis) {
        return axis.getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.text.Text && n.isVisible())
                .map(n -> n.localToScene(n.getBoundsInLocal())).toList();
    }

    private static void assertApart(List<Bounds> labels, boolean vertical) {
        List<Bounds> sorted = new ArrayList<>(labels);
        sorted.sort(java.util.Comparator.comparingDouble(b -> vertical ? b.getMinY() : b.getMinX()));
        for (int i = 1; i < sorted.size(); i++) {
            double gap = vertical ? sorted.get(i).getMinY() - sorted.get(i - 1).getMaxY()
                    : sorted.get(i).getMinX() - sorted.get(i - 1).getMaxX();
            assertThat(gap).as("gap between tick labels " + (i - 1) + " and " + i).isGreaterThan(0);
        }
    }

    @Test
    void remeasuredTickLabelsStayApartWhenTheTextGrows(FxRobot robot) throws IOException {
        // the axis remembers label sizes between updates; a larger font (Presenter) must make it measure again
        LineChartData d = loopline.present.ChartsFactory.of(preset(Fixtures.preset("default.json"))).servingCost();
        show(robot, d, null);
        int ticksBefore = tickLabels(line.chart().x()).size();
        robot.interact(() -> line.getScene().getRoot().setStyle("-fx-font-size: 44px;"));
        show(robot, d, null);
        List<Bounds> x = tickLabels(line.chart().x());
        assertThat(x.size()).as("fewer labels fit once they are larger").isLessThan(ticksBefore);
        assertApart(x, false);
        assertApart(tickLabels(line.chart().y()), true);
        robot.interact(() -> line.getScene().getRoot().setStyle(""));
    }

    @Test
    void anUpdateThatChangesNothingLaysNothingOut(FxRobot robot) throws IOException {
        Estimate e = preset(Fixtures.preset("default.json"));
        show(robot, loopline.present.ChartsFactory.of(e).servingCost(), null);
        boolean[] dirty = new boolean[2];
        robot.interact(() -> {
            line.update(loopline.present.ChartsFactory.of(e).servingCost(), null); // equal data, new objects
            dirty[0] = line.isNeedsLayout() || line.chart().isNeedsLayout();
            line.update(loopline.present.ChartsFactory.of(preset(Fixtures.preset("chat-assistant-8b.json"))).servingCost(), null);
            dirty[1] = line.isNeedsLayout() || line.chart().isNeedsLayout();
        });
        assertThat(dirty[0]).as("same drawing: no layout").isFalse();
        assertThat(dirty[1]).as("another drawing: laid out again").isTrue();
    }
}
