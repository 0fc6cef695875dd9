package loopline.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import loopline.app.LoopLineApp;
import loopline.data.Catalogs;
import loopline.engine.ScenarioFields;
import loopline.ui.ExplorerViewModel;

/**
 * Snapshots the window at the sizes a workshop meets (1280×720 … 2560×1440), Presenter off and on, light and
 * dark, scrolled to the top and to the bottom: {@code LayoutShots [outDir] [preset.json] [size prefix] [compare]}; with
 * {@code compare} the preset is pinned as A and its traffic doubled, to look at ghost lines and card changes. Run under xvfb with
 * a screen as large as the largest size.
 */
public final class LayoutShots {
    private static final double[][] SIZES = {{1280, 720}, {1440, 900}, {1920, 1080}, {2560, 1440}};

    /** The application, kept apart from main so the classpath launch works. */
    public static final class Shots extends Application {
        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getRaw();
            Path out = Path.of(args.isEmpty() ? "/tmp/ll-shots" : args.get(0));
            String preset = args.size() > 1 ? args.get(1) : "default.json";
            String only = args.size() > 2 ? args.get(2) : ""; // e.g. "1440x900": one size only
            Catalogs catalogs = Catalogs.load(Catalogs.home().resolve("assets"));
            ExplorerViewModel vm = new ExplorerViewModel(catalogs, Platform::runLater);
            vm.open(Catalogs.home().resolve("presets").resolve(preset));
            if (args.size() > 3 && args.get(3).equals("compare")) { // A/B: the preset pinned as A, then traffic doubled
                vm.pinBaseline();
                vm.set(ScenarioFields.REQUESTS_PER_DAY, vm.value(ScenarioFields.REQUESTS_PER_DAY) * 2);
            }
            Scene scene = LoopLineApp.createScene(vm, ExplorerViewModel.presetsIn(Catalogs.home().resolve("presets")));
            stage.setScene(scene);
            stage.show();
            List<Runnable> steps = new ArrayList<>();
            for (double[] size : SIZES) {
                for (boolean presenter : new boolean[] {false, true}) {
                    for (boolean dark : new boolean[] {false, true}) {
                        String name = (int) size[0] + "x" + (int) size[1] + (presenter ? "-presenter" : "") + (dark ? "-dark" : "");
                        if (!name.startsWith(only)) {
                            continue;
                        }
                        steps.add(() -> {
                            stage.setWidth(size[0]);
                            stage.setHeight(size[1]);
                            ((ToggleButton) scene.lookup("#presenter")).setSelected(presenter);
                            ToggleButton theme = (ToggleButton) scene.lookup("#theme");
                            if (theme != null) {
                                theme.setSelected(dark);
                            }
                            scroll(scene, 0);
                        });
                        steps.add(() -> save(scene, out.resolve(name + ".png")));
                        steps.add(() -> scroll(scene, 1));
                        steps.add(() -> save(scene, out.resolve(name + "-bottom.png")));
                    }
                }
            }
            steps.add(Platform::exit);
            runSpaced(steps, 0);
        }

        private static void scroll(Scene scene, double v) {
            scene.getRoot().lookupAll(".scroll-pane").forEach(n -> ((ScrollPane) n).setVvalue(v));
        }

        /** Each step a few pulses after the last, so layout and CSS have settled. */
        private static void runSpaced(List<Runnable> steps, int i) {
            if (i == steps.size()) {
                return;
            }
            new Thread(() -> {
                Pause.sleep(600);
                Platform.runLater(() -> {
                    try {
                        steps.get(i).run();
                        runSpaced(steps, i + 1);
                    } catch (RuntimeException e) {
                        e.printStackTrace();
                        Platform.exit();
                    }
                });
            }).start();
        }

        private static void save(Scene scene, Path file) {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", new File(file.toString()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static void main(String[] args) {
        Application.launch(Shots.class, args);
    }
}
