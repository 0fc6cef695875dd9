package loopline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import loopline.Fixtures;
import loopline.RestoresDesignSize;
import loopline.ui.ExplorerView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window opens as it was left — place, size, scenario, Presenter, theme — and remembers how it is left. */
@ExtendWith({ApplicationExtension.class, RestoresDesignSize.class})
class RememberedWindowTest {
    @TempDir
    static Path settings;

    private Stage stage;
    private LoopLineApp app;
    private WindowMemory memory;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        memory = new WindowMemory(settings.resolve("window.properties"));
        memory.save(new WindowMemory.State(Optional.of(new WindowMemory.Place(100, 80, 1300, 760, false)),
                Optional.of(Fixtures.preset("chat-assistant-8b.json")), true, true));
        app = new LoopLineApp(memory);
        app.start(stage);
    }

    @Test
    void itOpensAsItWasLeftAndRemembersTheChanges(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> stage.getScene().getRoot() instanceof ExplorerView);
        WaitForAsyncUtils.waitForFxEvents();
        ExplorerView view = (ExplorerView) stage.getScene().getRoot();
        assertThat(stage.getX()).isEqualTo(100);
        assertThat(stage.getY()).isEqualTo(80);
        assertThat(stage.getWidth()).isEqualTo(1300);
        assertThat(stage.getHeight()).isEqualTo(760);
        assertThat(view.getStyleClass()).contains("presenter", "dark");
        assertThat(robot.lookup("#presenter").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#theme").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup(".scenario-name").queryAs(Label.class).getText()).isEqualTo("chat-assistant-8b.json");

        robot.clickOn("#theme");
        robot.interact(() -> {
            stage.setWidth(1400);
            stage.setX(40);
            app.stop(); // what closing the last window does
        });
        WindowMemory.State left = memory.load();
        assertThat(left.dark()).isFalse();
        assertThat(left.presenter()).isTrue();
        assertThat(left.place().orElseThrow()).isEqualTo(new WindowMemory.Place(40, 80, 1400, 760, false));
        assertThat(left.lastScenario().orElseThrow()).isEqualTo(Fixtures.preset("chat-assistant-8b.json").toAbsolutePath());
    }
}
