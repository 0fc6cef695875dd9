package loopline.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Screen;
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

/**
 * The desktop window: opens the last scenario (or {@code presets/default.json}) where it was left, or on a
 * first run at 1440×900 — most of a larger screen.
 */
public final class LoopLineApp extends Application {
    public static final double WIDTH = 1440;
    public static final double HEIGHT = 900;

    private final WindowMemory memory;
    /** The window's bounds while it is not maximised: what a maximised window is restored to next time. */
    private WindowMemory.Place normalPlace;
    private ExplorerViewModel vm;
    private ExplorerView view;
    private Stage stage;

    public LoopLineApp() {
        this(WindowMemory.forUser());
    }

    /** @param memory where the window's place, last scenario and look are kept (tests pass a temporary one) */
    public LoopLineApp(WindowMemory memory) {
        this.memory = memory;
    }

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
        WindowMemory.State remembered = memory.load();
        Label opening = new Label("LoopLine — opening the scenario…");
        StackPane placeholder = new StackPane(opening);
        // the palette's page and muted colours (light or dark, as remembered), without parsing the stylesheet yet
        opening.setStyle("-fx-font-size: 16px; -fx-text-fill: " + (remembered.dark() ? "#A9B2BD;" : "#5B6470;"));
        placeholder.setStyle("-fx-background-color: " + (remembered.dark() ? "#13171C;" : "#F3F4F6;"));
        Scene scene = new Scene(placeholder, WIDTH, HEIGHT);
        stage.titleProperty().unbind(); // a stage shown again (the tests' primary stage) keeps an earlier binding
        stage.setTitle("LoopLine — training vs inference");
        stage.setScene(scene);
        place(stage, remembered.place());
        this.stage = stage;
        boolean printStartup = Boolean.getBoolean("loopline.printStartup");
        if (printStartup) {
            stage.setOnShown(e -> printSinceJvmStart("first window shown"));
        }
        afterNextPulse(scene, () -> Platform.runLater(() -> {
            if (!openExplorer(scene, remembered)) {
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

    /** The remembered place if it is still on a screen, else a first run's size on the primary screen. */
    private void place(Stage stage, java.util.Optional<WindowMemory.Place> remembered) {
        javafx.geometry.Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setMinWidth(Math.min(1024, screen.getWidth()));
        stage.setMinHeight(Math.min(640, screen.getHeight()));
        List<javafx.geometry.Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        WindowMemory.Place place = remembered.filter(p -> WindowMemory.onAScreen(p, screens)).orElseGet(() -> {
            javafx.geometry.Rectangle2D first = WindowMemory.firstSize(screen, WIDTH, HEIGHT);
            return new WindowMemory.Place(first.getMinX(), first.getMinY(), first.getWidth(), first.getHeight(), false);
        });
        stage.setX(place.x());
        stage.setY(place.y());
        stage.setWidth(place.width());
        stage.setHeight(place.height());
        stage.setMaximized(place.maximized());
        normalPlace = place;
        javafx.beans.InvalidationListener track = o -> {
            if (!stage.isMaximized() && !stage.isIconified()) {
                normalPlace = new WindowMemory.Place(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            }
        };
        stage.xProperty().addListener(track);
        stage.yProperty().addListener(track);
        stage.widthProperty().addListener(track);
        stage.heightProperty().addListener(track);
    }

    /** The last window closed, or Platform.exit: remember how it was left. */
    @Override
    public void stop() {
        if (stage != null && normalPlace != null) {
            remember(stage);
        }
    }

    /** Keeps the window's place, scenario and look for the next run (quietly: nothing here is essential). */
    private void remember(Stage stage) {
        WindowMemory.Place p = normalPlace;
        WindowMemory.Place place = new WindowMemory.Place(p.x(), p.y(), p.width(), p.height(), stage.isMaximized());
        memory.save(new WindowMemory.State(java.util.Optional.of(place),
                java.util.Optional.ofNullable(vm == null ? null : vm.sourceProperty().get()),
                view != null && view.appearance().presenterProperty().get(), view != null && view.appearance().darkProperty().get()));
    }

    /**
     * Puts the explorer into the scene on the default preset, then the last scenario (if its file is still
     * there), then --scenario FILE; false if the catalogs do not load.
     */
    private boolean openExplorer(Scene scene, WindowMemory.State remembered) {
        Path home = Catalogs.home();
        Catalogs catalogs;
        try {
            catalogs = Catalogs.load(home.resolve("assets"));
        } catch (InvalidDataException e) {
            Dialogs.error(scene.getWindow(), "LoopLine cannot read its catalogs", e.getMessage());
            return false;
        }
        vm = new ExplorerViewModel(catalogs, Platform::runLater, estimateThread(), System::currentTimeMillis);
        vm.open(home.resolve("presets/default.json"));
        List<String> raw = getParameters() == null ? List.of() : getParameters().getRaw();
        if (raw.size() == 2 && raw.get(0).equals("--scenario")) {
            vm.open(Path.of(raw.get(1))); // if it fails, the default stays and the banner says why
        } else {
            // a last scenario since moved or deleted is simply not offered again: the default is a fine start
            remembered.lastScenario().filter(Files::isRegularFile).ifPresent(vm::open);
        }
        view = installExplorer(scene, vm, ExplorerViewModel.presetsIn(home.resolve("presets")));
        ((Stage) scene.getWindow()).titleProperty().bind(view.windowTitle());
        view.appearance().presenterProperty().set(remembered.presenter());
        view.appearance().darkProperty().set(remembered.dark());
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

    private static ExplorerView installExplorer(Scene scene, ExplorerViewModel vm, java.util.List<ExplorerViewModel.Preset> presets) {
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
        return view;
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
