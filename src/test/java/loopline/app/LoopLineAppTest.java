package loopline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import loopline.ui.ExplorerView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window opens at once on a placeholder, and the explorer replaces it after that first frame. */
@ExtendWith(ApplicationExtension.class)
class LoopLineAppTest {
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path settings;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new LoopLineApp(new WindowMemory(settings.resolve("window.properties"))).start(stage);
    }

    @Test
    void theExplorerReplacesThePlaceholderWithItsStylesheetAndCommands() throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> stage.getScene().getRoot() instanceof ExplorerView);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getScene().getStylesheets()).hasSize(1);
        assertThat(stage.getScene().lookup("#export")).as("the report commands are in the toolbar").isNotNull();
    }
}
