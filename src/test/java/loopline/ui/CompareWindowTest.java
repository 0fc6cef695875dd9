package loopline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import loopline.WindowFixtures;
import loopline.engine.ScenarioFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "What if traffic doubles?" as a workshop asks it: pin A, drag, and read the change on every card and chart. */
@ExtendWith(ApplicationExtension.class)
class CompareWindowTest {
    private ExplorerViewModel vm;
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        vm = WindowFixtures.openedOn("default.json");
        stage.setScene(WindowFixtures.sceneOf(vm));
        view = (ExplorerView) stage.getScene().getRoot();
        stage.show();
    }

    private FigureCard card(String label) {
        return view.dashboard().cards().stream().filter(c -> c.labelText().equals(label)).findFirst().orElseThrow();
    }

    private static long visible(Parent root, String selector) {
        return root.lookupAll(selector).stream().filter(Node::isVisible).filter(n -> isShown(n)).count();
    }

    private static boolean isShown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void doublingTrafficAgainstAPinnedBaselineShowsGhostsAndChangesUntilUnpinned(FxRobot robot) {
        robot.clickOn("#pin-baseline");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(card("Serving / month").changeText()).as("A against itself").isIn("", "no change");

        robot.interact(() -> vm.set(ScenarioFields.REQUESTS_PER_DAY, 2 * vm.value(ScenarioFields.REQUESTS_PER_DAY)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(card("Serving / month").changeText()).startsWith("+").contains("%");
        assertThat(card("Training cost").changeText()).as("training does not depend on traffic").isIn("", "no change");
        assertThat(visible(view.dashboard(), ".ghost-line")).as("A's curves behind B's").isPositive();
        assertThat(visible(view.dashboard(), ".bar-ghost")).as("A's bar totals behind B's").isPositive();

        robot.clickOn("#pin-baseline");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(card("Serving / month").changeText()).isEmpty();
        assertThat(visible(view.dashboard(), ".ghost-line")).isZero();
        assertThat(visible(view.dashboard(), ".bar-ghost")).isZero();
    }

    @Test
    void theWindowTitleNamesTheFileAndMarksUnsavedEdits(FxRobot robot) {
        var title = view.windowTitle();
        assertThat(title.get()).isEqualTo("default.json — LoopLine");
        robot.interact(() -> vm.set(ScenarioFields.REQUESTS_PER_DAY, 3e6));
        assertThat(title.get()).isEqualTo("● default.json — LoopLine");
        robot.interact(vm::undo);
        assertThat(title.get()).isEqualTo("default.json — LoopLine");
    }

    @Test
    void theStatusLineSaysWhatTheScenarioIsUntilAProblemTakesItsPlace(FxRobot robot) {
        javafx.scene.control.Label description = robot.lookup("#scenario-description").queryAs(javafx.scene.control.Label.class);
        javafx.scene.control.Label problem = robot.lookup("#problem-banner").queryAs(javafx.scene.control.Label.class);
        javafx.scene.Node heading = robot.lookup("#scenario-heading").query();
        assertThat(heading.isVisible()).isTrue();
        assertThat(robot.lookup("#scenario-title").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo(vm.scenario().name());
        assertThat(description.getText()).isEqualTo(vm.scenario().description()).isNotBlank();
        robot.interact(() -> vm.set(ScenarioFields.REQUESTS_PER_DAY, 4e7));
        assertThat(description.getText()).as("edited: the inputs as they are, not the file's stale sentence")
                .contains("40M requests/day").doesNotContain("20M");
        robot.interact(() -> vm.setText(ScenarioFields.MFU, "3"));
        assertThat(problem.isVisible()).isTrue();
        assertThat(heading.isVisible()).as("one message at a time").isFalse();
    }
}
