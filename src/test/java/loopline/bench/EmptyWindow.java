package loopline.bench;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The start-up baseline: a JavaFX window with one label, the window's size, reporting when it is shown the
 * same way the app does with {@code -Dloopline.printStartup=true} (see bench/startup.sh), then exiting.
 */
public final class EmptyWindow extends Application {

    public static void main(String[] args) {
        launch(EmptyWindow.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(new Label("LoopLine")), 1440, 900));
        stage.setOnShown(e -> {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("first window shown " + ms + " ms after JVM start");
            Platform.runLater(Platform::exit);
        });
        stage.show();
    }
}
