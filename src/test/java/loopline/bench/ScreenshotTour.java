package loopline.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import loopline.app.LoopLineApp;

/** Opens the window, expands "Advanced" and opens a "why?", for a screenshot taken from outside (xvfb + import). */
public final class ScreenshotTour {
    /** The application, kept apart from main so the classpath launch works. */
    public static final class Tour extends Application {
    @Override
    public void start(Stage stage) throws java.io.IOException {
        // a fresh memory: the shot shows a first run, whatever this machine's window last looked like
        new LoopLineApp(new loopline.app.WindowMemory(java.nio.file.Files.createTempDirectory("loopline-shot").resolve("window.properties")))
                .start(stage);
        new Thread(() -> {
            Pause.sleep(2500);
            Platform.runLater(() -> {
                ((TitledPane) stage.getScene().lookup("#advanced")).setExpanded(true);
                Node why = stage.getScene().getRoot().lookupAll(".why").stream().skip(3).findFirst().orElseThrow();
                ((Button) why).fire();
            });
        }).start();
    }

    }

    public static void main(String[] args) {
        Application.launch(Tour.class, args);
    }
}
