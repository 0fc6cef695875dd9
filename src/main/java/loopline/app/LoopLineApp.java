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
import loopline.data.Presets;
import loopline.report.ReportActions;
import loopline.ui.Dialogs;
import loopline.ui.ExplorerView;
import loopline.ui.ExplorerViewModel;
import loopline.ui.Stylesheet;
import javafx.scene.control.Button;
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

    @Override
    public void start(Stage stage) {
        Path home = Catalogs.home();
        Catalogs catalogs;
        try {
            catalogs = Catalogs.load(home.resolve("assets"));
        } catch (InvalidDataException e) {
            Dialogs.error(null, "LoopLine cannot read its catalogs", e.getMessage());
            return;
        }
        ExplorerViewModel vm = new ExplorerViewModel(catalogs, Platform::runLater);
        vm.open(home.resolve("presets/default.json"));
        List<String> raw = getParameters() == null ? List.of() : getParameters().getRaw();
        if (raw.size() == 2 && raw.get(0).equals("--scenario")) {
            vm.open(Path.of(raw.get(1))); // if it fails, the default stays and the banner says why
        }
        Scene scene = createScene(vm, Presets.list(home.resolve("presets")));
        stage.setTitle("LoopLine — training vs inference");
        stage.setScene(scene);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(WIDTH, screen.getWidth())); // 1440×900, or the whole of a smaller screen
        stage.setHeight(Math.min(HEIGHT, screen.getHeight()));
        stage.setMinWidth(Math.min(1024, screen.getWidth()));
        stage.setMinHeight(Math.min(640, screen.getHeight()));
        if (Boolean.getBoolean("loopline.printStartup")) {
            stage.setOnShown(e -> {
                long now = System.currentTimeMillis(); // the wall clock too, for bench/startup.sh
                long ms = now - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("first window shown " + ms + " ms after JVM start, at " + now);
                if (Boolean.getBoolean("loopline.exitAfterShown")) {
                    Platform.runLater(Platform::exit);
                }
            });
        }
        stage.show();
    }

    /** The scene with the stylesheet and the report commands (Ctrl/Cmd+E exports); also used by the UI tests. */
    public static Scene createScene(ExplorerViewModel vm, java.util.List<Presets.Preset> presets) {
        ExplorerView view = new ExplorerView(vm, presets);
        Scene scene = new Scene(view, WIDTH, HEIGHT);
        scene.getStylesheets().add(Stylesheet.url());
        ReportActions report = new ReportActions(vm);
        Runnable export = () -> report.exportPng(scene.getWindow());
        Button exportButton = ExplorerView.button("Export PNG…", "export", "Export a PNG report of this scenario (Ctrl/Cmd+E)", export);
        Button copyButton = ExplorerView.button("Copy report", "copy-report", "Copy the report image to the clipboard, for slides",
                report::copyToClipboard);
        view.addActions(exportButton, copyButton);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), export);
        return scene;
    }
}
