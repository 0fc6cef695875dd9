package loopline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import loopline.Fixtures;
import loopline.RestoresDesignSize;
import loopline.WindowFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window at a laptop's 1280×720: everything reachable, Presenter included; banners and themes that do not move things. */
@ExtendWith({ApplicationExtension.class, RestoresDesignSize.class})
class WindowLayoutTest {
    private static final List<String> TOOLBAR_IDS = List.of("#preset-picker", "#presenter", "#theme", "#pin-baseline", "#undo",
            "#redo", "#reset", "#open", "#open-model", "#save", "#export", "#copy-report");

    @TempDir
    static Path dir;

    private Stage stage;
    private ExplorerViewModel vm;
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = WindowFixtures.openedOn("default.json");
        stage.setScene(WindowFixtures.sceneOf(vm));
        view = (ExplorerView) stage.getScene().getRoot();
        stage.setWidth(1280);
        stage.setHeight(720);
        stage.show();
    }

    private ScrollPane dashboardScroll() {
        return (ScrollPane) stage.getScene().lookup("#dashboard-scroll");
    }

    private void presenter(FxRobot robot, boolean on) {
        robot.interact(() -> view.appearance().presenterProperty().set(on));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls the dashboard so that {@code node}'s top is as near the viewport's top as scrolling allows. */
    private void scrollTo(FxRobot robot, Node node) {
        robot.interact(() -> {
            ScrollPane scroll = dashboardScroll();
            double contentHeight = scroll.getContent().getLayoutBounds().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
            scroll.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, y / (contentHeight - viewport)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Bounds viewportInScene() {
        ScrollPane scroll = dashboardScroll();
        Node viewport = scroll.lookup(".viewport");
        return viewport.localToScene(viewport.getLayoutBounds());
    }

    private static boolean inside(Bounds outer, Bounds inner) {
        double slack = 0.5;
        return inner.getMinX() >= outer.getMinX() - slack && inner.getMaxX() <= outer.getMaxX() + slack
                && inner.getMinY() >= outer.getMinY() - slack && inner.getMaxY() <= outer.getMaxY() + slack;
    }

    private List<Region> everyPanel() {
        Dashboard d = view.dashboard();
        List<Region> panels = new ArrayList<>(List.of(d.trainingMemory, d.inferenceMemory, d.trainingThroughput,
                d.servingThroughput, d.trainingCost, d.servingCost, d.lifetime));
        panels.addAll(d.cards());
        return panels;
    }

    @Test
    void atTheSmallestScreenEveryCardAndChartScrollsFullyIntoView(FxRobot robot) {
        for (boolean on : new boolean[] {false, true}) {
            presenter(robot, on);
            assertThat(view.dashboard().cards()).hasSizeGreaterThanOrEqualTo(11);
            ScrollPane scroll = dashboardScroll();
            assertThat(scroll.getContent().getLayoutBounds().getHeight())
                    .as("the dashboard is taller than the window, so it must scroll").isGreaterThan(scroll.getViewportBounds().getHeight());
            assertThat(scroll.getContent().getLayoutBounds().getWidth())
                    .as("no sideways scrolling at 1280 wide (presenter " + on + ")").isLessThanOrEqualTo(scroll.getViewportBounds().getWidth() + 0.5);
            for (Region panel : everyPanel()) {
                scrollTo(robot, panel);
                Bounds bounds = panel.localToScene(panel.getLayoutBounds());
                assertThat(inside(viewportInScene(), bounds))
                        .as(panel.getStyleClass() + " at " + bounds + " is in " + viewportInScene() + " (presenter " + on + ")").isTrue();
            }
        }
    }

    /** Pinning A adds "dashed: baseline" to every legend; a legend that wraps to a second line stays inside its card. */
    @Test
    void withAPinnedEveryLegendStaysInsideItsChartCard(FxRobot robot) {
        robot.clickOn("#pin-baseline");
        WaitForAsyncUtils.waitForFxEvents();
        Dashboard d = view.dashboard();
        for (boolean on : new boolean[] {false, true}) {
            presenter(robot, on);
            for (Region chart : List.of(d.trainingThroughput, d.servingThroughput, d.servingCost, d.lifetime)) {
                Node legend = chart.lookup(".ll-legend");
                if (legend == null || !legend.isVisible()) {
                    continue;
                }
                Bounds card = chart.localToScene(chart.getLayoutBounds());
                Bounds inCard = legend.localToScene(legend.getLayoutBounds());
                assertThat(inside(card, inCard)).as(chart.getId() + "'s legend inside its card (presenter " + on + "): " + inCard + " in " + card)
                        .isTrue();
            }
        }
    }

    @Test
    void aroundTripThroughPresenterAtAnotherSizeLeavesTheDashboardAsItWas(FxRobot robot) {
        // layout boundaries and remembered heights must not keep a size from before: the same window, the same
        // layout. Size and Presenter change in one go, as when a window is moved to a projector.
        sizeAndPresenter(robot, 1440, 900, false);
        List<Double> before = everyPanel().stream().map(Region::getHeight).toList();
        for (boolean on : new boolean[] {false, true}) {
            sizeAndPresenter(robot, 1280, 720, on);
            robot.interact(() -> dashboardScroll().setVvalue(1));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> dashboardScroll().setVvalue(0));
        }
        sizeAndPresenter(robot, 1440, 900, false);
        assertThat(everyPanel().stream().map(Region::getHeight).toList()).isEqualTo(before);
    }

    private void sizeAndPresenter(FxRobot robot, double width, double height, boolean on) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            view.appearance().presenterProperty().set(on);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theScrolledViewsAreDrawnWhereTheyChangeNotThroughACachedImage() {
        // JavaFX caches a scroll pane's viewport as an image; a slider move would re-render all of it every frame
        for (String id : new String[] {"#dashboard-scroll", ".controls-scroll"}) {
            assertThat(stage.getScene().lookup(id).lookup(".viewport").isCache()).as(id).isFalse();
        }
    }

    @Test
    void theWheelScrollsTheDashboardInPresenterMode(FxRobot robot) {
        presenter(robot, true);
        robot.interact(() -> dashboardScroll().setVvalue(0.5));
        robot.moveTo(dashboardScroll()); // its middle, over whichever chart is there
        // the robot's wheel direction differs between platforms; either way the dashboard must move
        robot.scroll(3, javafx.geometry.VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dashboardScroll().getVvalue()).isNotEqualTo(0.5);
    }

    @Test
    void everyToolbarCommandIsInTheWindowAtTheSmallestScreen(FxRobot robot) {
        for (boolean on : new boolean[] {false, true}) {
            presenter(robot, on);
            for (String id : TOOLBAR_IDS) {
                Node node = stage.getScene().lookup(id);
                assertThat(node).as(id).isNotNull();
                Bounds b = node.localToScene(node.getLayoutBounds());
                assertThat(b.getMaxX()).as(id + " within 1280 (presenter " + on + ")").isLessThanOrEqualTo(stage.getScene().getWidth());
                // the picker gives way (down to its minimum) so that the commands keep their full size
                double whole = id.equals("#preset-picker") ? ((Region) node).minWidth(-1) : ((Region) node).prefWidth(-1);
                assertThat(b.getWidth()).as(id + " is shown whole, not squeezed").isGreaterThanOrEqualTo(whole - 0.5);
            }
        }
    }

    @Test
    void theStatusLineCutsNoTextWithoutAMoreLinkThatShowsItAll(FxRobot robot) {
        List<String> cutWithoutMore = new ArrayList<>();
        List<String> cutAfterMore = new ArrayList<>();
        for (Path preset : Fixtures.presetFiles()) {
            robot.interact(() -> vm.switchTo(preset));
            for (boolean on : new boolean[] {false, true}) {
                presenter(robot, on);
                String where = preset.getFileName() + (on ? " (presenter)" : "");
                StatusLine line = robot.lookup(".status-line").queryAs(StatusLine.class);
                javafx.scene.control.Hyperlink more = robot.lookup("#status-more").queryAs(javafx.scene.control.Hyperlink.class);
                assertThat(robot.lookup("#scenario-title").queryAs(Label.class).getText()).isEqualTo(vm.scenario().name());
                if (!shownWhole("#scenario-title", robot) || !shownWhole("#scenario-description", robot)) {
                    if (!more.isVisible()) {
                        cutWithoutMore.add(where);
                        continue;
                    }
                    robot.interact(() -> line.expandedProperty().set(true));
                    WaitForAsyncUtils.waitForFxEvents();
                    if (!shownWhole("#scenario-title", robot) || !shownWhole("#scenario-description", robot)) {
                        cutAfterMore.add(where);
                    }
                    assertThat(more.getText()).isEqualTo("less");
                    robot.interact(() -> line.expandedProperty().set(false));
                    WaitForAsyncUtils.waitForFxEvents();
                }
            }
        }
        assertThat(cutWithoutMore).as("a title or description cut with no \"more\" link").isEmpty();
        assertThat(cutAfterMore).as("still cut after \"more\"").isEmpty();
        // the picker's face names the file, whatever entry the list shows
        assertThat(robot.lookup(".scenario-name").queryAs(Label.class).getText()).isEqualTo(vm.sourceProperty().get().getFileName().toString());
    }

    /** Whether a label draws all of its text (the text it draws ends in "…" when cut). */
    private static boolean shownWhole(String id, FxRobot robot) {
        Label label = robot.lookup(id).queryAs(Label.class);
        javafx.scene.text.Text drawn = (javafx.scene.text.Text) label.lookup(".text");
        return drawn != null && drawn.getText().equals(label.getText());
    }

    @Test
    void aProblemOrWarningAppearingDoesNotMoveTheDashboard(FxRobot robot) throws IOException {
        Node dashboard = view.dashboard().cards().get(5);
        Bounds before = dashboard.localToScene(dashboard.getLayoutBounds());
        Label banner = robot.lookup("#problem-banner").queryAs(Label.class);
        assertThat(banner.isVisible()).isFalse();

        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"name\": \"Broken\", \"training\": {\"zeroStage\": 7}}");
        robot.interact(() -> vm.open(broken));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).contains("zeroStage");
        assertThat(dashboard.localToScene(dashboard.getLayoutBounds())).isEqualTo(before);

        robot.interact(() -> vm.open(Fixtures.preset("default.json"))); // the problem goes; still nothing moves
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(banner.isVisible()).isFalse();
        assertThat(dashboard.localToScene(dashboard.getLayoutBounds())).isEqualTo(before);
    }

    @Test
    void theThemeToggleSwitchesThePaletteLive(FxRobot robot) {
        Region card = view.dashboard().cards().get(0);
        Paint lightCard = card.getBackground().getFills().get(0).getFill();
        Label value = (Label) card.lookup(".card-value");
        Paint lightValue = value.getTextFill();
        assertThat(view.getStyleClass()).doesNotContain("dark");

        robot.clickOn("#theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.getStyleClass()).contains("dark");
        assertThat(card.getBackground().getFills().get(0).getFill()).isNotEqualTo(lightCard);
        assertThat(value.getTextFill()).as("the side's colour, lighter for a dark page").isNotEqualTo(lightValue);
        assertThat(luminance(card.getBackground().getFills().get(0).getFill())).isLessThan(0.25);

        robot.clickOn("#theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.getStyleClass()).doesNotContain("dark");
        assertThat(card.getBackground().getFills().get(0).getFill()).isEqualTo(lightCard);
    }

    @Test
    void aWideWindowGrowsTheTextAndEveryChartRow(FxRobot robot) {
        Label value = (Label) view.dashboard().cards().get(0).lookup(".card-value");
        double smallFont = value.getFont().getSize();
        double smallCost = view.dashboard().trainingCost.getHeight();
        double smallLifetime = view.dashboard().lifetime.getHeight();
        robot.interact(() -> {
            stage.setWidth(2560);
            stage.setHeight(1440);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.getStyleClass()).contains("wider");
        assertThat(value.getFont().getSize()).isGreaterThan(smallFont);
        assertThat(view.dashboard().trainingCost.getHeight()).as("the cost row grows too").isGreaterThan(smallCost);
        assertThat(view.dashboard().lifetime.getHeight()).isGreaterThan(smallLifetime);
        double throughput = view.dashboard().trainingThroughput.getHeight();
        assertThat(view.dashboard().servingCost.getHeight()).as("rows share the height").isGreaterThan(throughput * 0.6);
    }

    private static double luminance(Paint paint) {
        javafx.scene.paint.Color c = (javafx.scene.paint.Color) paint;
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }
}
