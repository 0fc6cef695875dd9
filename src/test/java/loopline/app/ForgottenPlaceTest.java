package loopline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.stage.Screen;
import javafx.stage.Stage;
import loopline.RestoresDesignSize;
import loopline.ui.ExplorerView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A remembered place on a monitor that has gone, and a last scenario since deleted: a first run's window, quietly. */
@ExtendWith({ApplicationExtension.class, RestoresDesignSize.class})
class ForgottenPlaceTest {
    @TempDir
    static Path settings;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        WindowMemory memory = new WindowMemory(settings.resolve("window.properties"));
        memory.save(new WindowMemory.State(Optional.of(new WindowMemory.Place(9000, 80, 1300, 760, false)),
                Optional.of(settings.resolve("deleted-since.json")), false, false));
        new LoopLineApp(memory).start(stage);
    }

    @Test
    void itOpensWhereAFirstRunWouldOnTheDefaultScenarioWithoutABanner(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> stage.getScene().getRoot() instanceof ExplorerView);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Rectangle2D first = WindowMemory.firstSize(Screen.getPrimary().getVisualBounds(), LoopLineApp.WIDTH, LoopLineApp.HEIGHT);
        assertThat(stage.getX()).isEqualTo(first.getMinX());
        assertThat(stage.getWidth()).isEqualTo(first.getWidth());
        assertThat(robot.lookup(".scenario-name").queryAs(Label.class).getText()).isEqualTo("default.json");
        assertThat(robot.lookup("#problem-banner").queryAs(Label.class).isVisible()).isFalse();
        assertThat(stage.getScene().getRoot().getStyleClass()).doesNotContain("dark", "presenter");
    }
}
