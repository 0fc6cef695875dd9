package loopline.bench;

import java.io.File;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import loopline.Fixtures;
import loopline.WindowFixtures;
import loopline.present.KeyFigure;
import loopline.present.KeyFigures;
import loopline.ui.ExplorerView;
import loopline.ui.ExplorerViewModel;
import loopline.ui.FigureCard;

/**
 * Snapshots the window with the numbers' states a screenshot from outside cannot reach: the cards against a
 * baseline of half the traffic, a slider's value typed and refused, Advanced open with a refused value, optionally Presenter.
 * Arguments: out.png width height [presenter].
 */
public final class NumbersShot {
    public static final class Shot extends Application {
        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getRaw();
            ExplorerViewModel vm = WindowFixtures.openedOn("default.json");
            stage.setScene(WindowFixtures.sceneOf(vm));
            stage.setWidth(Double.parseDouble(args.get(1)));
            stage.setHeight(Double.parseDouble(args.get(2)));
            stage.show();
            ExplorerView view = (ExplorerView) stage.getScene().getRoot();
            if (args.contains("presenter")) {
                view.getStyleClass().add("presenter");
            }
            Platform.runLater(() -> Platform.runLater(() -> {
                List<KeyFigure> baseline = KeyFigures.of(Fixtures.estimate("llama-3.1-70b", "training.gpuCount=2048",
                        "training.tensorParallel=8", "inference.tensorParallel=4", "inference.promptTokens=1500",
                        "inference.outputTokens=300", "training.sequenceLength=8192", "training.tokens=15e12",
                        "inference.requestsPerDay=10M"));
                List<KeyFigure> now = vm.keyFiguresProperty().get();
                List<FigureCard> cards = view.dashboard().cards();
                for (int i = 0; i < cards.size(); i++) {
                    cards.get(i).show(now.get(i), baseline.get(i));
                }
                ((TitledPane) view.lookup("#advanced")).setExpanded(true);
                stage.getScene().lookup("#requests-per-day-value").getOnMouseClicked().handle(null);
                TextField typed = (TextField) stage.getScene().lookup("#requests-per-day-typed");
                typed.setText("lots"); // refused: marked, the reason under the slider
                typed.getOnAction().handle(null);
                TextField gpus = (TextField) view.lookup("#field-training-tensorParallel");
                if (gpus != null) { // refused by a rule across fields: the reason under the box names the other by its label
                    gpus.setText("48");
                    gpus.getOnAction().handle(null);
                }
                new Thread(() -> {
                    Pause.sleep(1500);
                    Platform.runLater(() -> {
                        try {
                            ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", new File(args.get(0)));
                            // what lies below the fold: the cards, and the Advanced form
                            ImageIO.write(SwingFXUtils.fromFXImage(cards.get(0).getParent().snapshot(null, null), null), "png",
                                    new File(args.get(0).replace(".png", "-cards.png")));
                            ImageIO.write(SwingFXUtils.fromFXImage(view.lookup("#advanced").snapshot(null, null), null), "png",
                                    new File(args.get(0).replace(".png", "-advanced.png")));
                        } catch (Exception e) {
                            e.printStackTrace();
                        }
                        Platform.exit();
                    });
                }).start();
            }));
        }
    }

    public static void main(String[] args) {
        Application.launch(Shot.class, args);
    }
}
