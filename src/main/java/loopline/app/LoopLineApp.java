package loopline.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import loopline.data.Catalogs;
import loopline.data.InvalidDataException;
import loopline.fx.Stylesheet;
import loopline.report.ReportActions;
import loopline.ui.Dialogs;
import loopline.ui.ExplorerView;
import loopline.ui.ExplorerViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The desktop window: opens {@code presets/default.json} at 1440×900. */
public final class LoopLineApp extends Application {
    public static final double WIDTH = 1440;
    public static final double HEIGHT = 900;

    public static void launchWindow(String[] args) {
        Application.launch(LoopLineApp.class, args);
    }

    /**
     * Shows the window at once with a light placeholder, then builds the explorer after that first frame:
     * building and styling the full scene costs several times an empty window's start-up on a slow machine,
     * and a window that appears at once tells the user the click worked.
     */
    @Override
    public void start(Stage stage) {
        Label opening = new Label("LoopLine — opening the scenario…");
        opening.setStyle("-fx-font-size: 16px; -fx-text-fill: #5B6470;");
        StackPane placeholder = new StackPane(opening);
        placeholder.setStyle("-fx-background-color: #F3F4F6;"); // the stylesheet's page colour, without parsing it yet
        Scene scene = new Scene(placeholder, WIDTH, HEIGHT);
        stage.setTitle("LoopLine — training vs inference");
        stage.setScene(scene);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(WIDTH, screen.getWidth())); // 1440×900, or the whole of a smaller screen
        stage.setHeight(Math.min(HEIGHT, screen.getHeight()));
        stage.setMinWidth(Math.min(1024, screen.getWidth()));
        stage.setMinHeight(Math.min(640, screen.getHeight()));
        boolean printStartup = Boolean.getBoolean("loopline.printStartup");
        if (printStartup) {
            stage.setOnShown(e -> printSinceJvmStart("first window shown"));
        }
        afterNextPulse(scene, () -> Platform.runLater(() -> {
            if (!openExplorer(scene)) {
                stage.close();
            } else if (printStartup) {
                afterNextPulse(scene, () -> {
                    printSinceJvmStart("scenario shown");
                    if (Boolean.getBoolean("loopline.exitAfterShown")) {
                        Platform.runLater(Platform::exit);
                    }
                });
            }
        }));
        stage.show();
    }

    /** Puts the explorer on the default preset (or --scenario FILE) into the scene; false if the catalogs do not load. */
    private boolean openExplorer(Scene scene) {
        Path home = Catalogs.home();
        Catalogs catalogs;
        try {
            catalogs = Catalogs.load(home.resolve("assets"));
        } catch (InvalidDataException e) {
            Dialogs.error(scene.getWindow(), "LoopLine cannot read its catalogs", e.getMessage());
            return false;
        }
        ExplorerViewModel vm = new ExplorerViewModel(catalogs, Platform::runLater, estimateThread(), System::currentTimeMillis);
        vm.open(home.resolve("presets/default.json"));
        List<String> raw = getParameters() == null ? List.of() : getParameters().getRaw();
        if (raw.size() == 2 && raw.get(0).equals("--scenario")) {
            vm.open(Path.of(raw.get(1))); // if it fails, the default stays and the banner says why
        }
        installExplorer(scene, vm, ExplorerViewModel.presetsIn(home.resolve("presets")));
        return true;
    }

    /**
     * One background thread for the estimates, so a dragged slider costs the UI thread only the drawing; one, so
     * results arrive in the order they were asked for. A daemon: it never keeps the app alive after its window.
     */
    private static java.util.concurrent.Executor estimateThread() {
        return java.util.concurrent.Executors.newSingleThreadExecutor(work -> {
            Thread t = new Thread(work, "loopline-estimates");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code then} once, after the scene's next layout pulse (the frame is rendered right after it). */
    private static void afterNextPulse(Scene scene, Runnable then) {
        Runnable once = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                then.run();
            }
        };
        scene.addPostLayoutPulseListener(once);
    }

    /** For bench/startup.sh, which times when each line arrives. */
    private static void printSinceJvmStart(String what) {
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(what + " " + ms + " ms after JVM start");
    }

    /**
     * The scene with the stylesheet and the report commands (Ctrl/Cmd+E exports the page, or the layout last chosen from
     * the Export menu); also used by the UI tests.
     */
    public static Scene createScene(ExplorerViewModel vm, java.util.List<ExplorerViewModel.Preset> presets) {
        Scene scene = new Scene(new StackPane(), WIDTH, HEIGHT);
        installExplorer(scene, vm, presets);
        return scene;
    }

    private static void installExplorer(Scene scene, ExplorerViewModel vm, java.util.List<ExplorerViewModel.Preset> presets) {
        ExplorerView view = new ExplorerView(vm, presets);
        scene.setRoot(view);
        scene.getStylesheets().add(Stylesheet.url());
        ReportActions report = new ReportActions(vm, view::confirm);
        Button copyButton = ExplorerView.button("Copy report", "copy-report",
                "Copy the report image, and its key figures as text, to the clipboard", report::copyToClipboard);
        view.addActions(report.exportControl(scene::getWindow), copyButton);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                () -> report.exportPng(scene.getWindow()));
        scene.getAccelerators().putAll(view.shortcuts());
        askBeforeClosingWithUnsavedEdits(scene, vm);
    }

    /** Closing the window with unsaved edits asks "Save changes?" first; Cancel keeps the window open. */
    private static void askBeforeClosingWithUnsavedEdits(Scene scene, ExplorerViewModel vm) {
        javafx.event.EventHandler<javafx.stage.WindowEvent> ask = e -> {
            if (!vm.mayDiscardEdits()) {
                e.consume();
            }
        };
        if (scene.getWindow() != null) {
            scene.getWindow().addEventFilter(javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST, ask);
        }
        scene.windowProperty().addListener((o, was, window) -> {
            if (was != null) {
                was.removeEventFilter(javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST, ask);
            }
            if (window != null) {
                window.addEventFilter(javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST, ask);
            }
        });
    }
}
