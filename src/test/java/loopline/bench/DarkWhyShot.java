package loopline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import loopline.app.LoopLineApp;
import loopline.app.WindowMemory;

/** Opens the window in the dark theme with a "why?" open, for a screenshot taken from outside (xvfb + import). */
public final class DarkWhyShot {
    /** The application, kept apart from main so the classpath launch works. */
    public static final class Shot extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            WindowMemory memory = new WindowMemory(Files.createTempDirectory("loopline-shot").resolve("window.properties"));
            memory.save(new WindowMemory.State(Optional.of(new WindowMemory.Place(0, 0, 1280, 720, false)), Optional.empty(), false, true));
            new LoopLineApp(memory).start(stage);
            new Thread(() -> {
                try {
                    Thread.sleep(5000); // the explorer replaces the placeholder after the first frame
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Platform.runLater(() -> {
                    Node why = stage.getScene().getRoot().lookupAll(".why").stream().skip(3).findFirst().orElseThrow();
                    ((Button) why).fire();
                });
            }).start();
        }
    }

    public static void main(String[] args) {
        Application.launch(Shot.class, args);
    }
}
