package loopline.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import loopline.app.LoopLineApp;

/** Opens the window in presenter mode, for a screenshot taken from outside (xvfb + import). */
public final class PresenterShot {
    /** The application, kept apart from main so the classpath launch works. */
    public static final class Shot extends Application {
        @Override
        public void start(Stage stage) throws java.io.IOException {
            // a fresh memory: the shot shows a first run, whatever this machine's window last looked like
            new LoopLineApp(new loopline.app.WindowMemory(java.nio.file.Files.createTempDirectory("loopline-shot").resolve("window.properties")))
                    .start(stage);
            // the explorer replaces the first frame's placeholder as the scene's root
            stage.getScene().rootProperty().addListener((o, before, explorer) ->
                    Platform.runLater(() -> ((ToggleButton) explorer.lookup("#presenter")).setSelected(true)));
        }
    }

    public static void main(String[] args) {
        Application.launch(Shot.class, args);
    }
}
