package loopline.ui.chart;

import java.io.File;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.layout.GridPane;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import loopline.Fixtures;
import loopline.fx.Stylesheet;
import loopline.present.Charts;
import loopline.present.ChartsFactory;

/**
 * Every chart of one scenario drawn over a pinned baseline, to look at the ghosts: the default 70B at
 * 20M requests/day over a baseline at 10M (what "traffic doubles" shows), with the pointer over the cost
 * chart, written to the PNG named by the first argument; a second argument {@code presenter} uses the
 * projector's larger text. Run with the test classpath and Monocle: {@code -Dglass.platform=Monocle
 * -Dmonocle.platform=Headless -Dprism.order=sw}.
 */
public final class BaselineShot {
    private BaselineShot() {
    }

    public static void main(String[] args) throws Exception {
        Charts now = ChartsFactory.of(Fixtures.estimate("llama-3.1-70b", "inference.requestsPerDay=2e7", "training.gpuCount=2048"));
        Charts before = ChartsFactory.of(Fixtures.estimate("llama-3.1-70b", "inference.requestsPerDay=1e7", "training.gpuCount=1024"));
        CountDownLatch done = new CountDownLatch(1);
        Platform.startup(() -> {
            try {
                GridPane grid = new GridPane();
                if (args.length > 1 && args[1].equals("presenter")) {
                    grid.getStyleClass().add("presenter"); // the window's larger projector text
                }
                grid.setHgap(12);
                grid.setVgap(12);
                LineChartView[] lines = new LineChartView[4];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = new LineChartView(i == 0 ? "training" : "inference", null);
                    lines[i].setPrefSize(560, 280);
                    grid.add(lines[i], i % 2, i / 2);
                }
                BarChartView memory = new BarChartView("training", null);
                BarChartView cost = new BarChartView("training", null);
                grid.add(memory, 0, 2);
                grid.add(cost, 1, 2);
                lines[0].update(now.trainingThroughput(), before.trainingThroughput());
                lines[1].update(now.servingThroughput(), before.servingThroughput());
                lines[2].update(now.servingCost(), before.servingCost());
                lines[3].update(now.lifetime(), before.lifetime());
                memory.update(now.trainingMemory(), before.trainingMemory());
                cost.update(now.trainingCost(), before.trainingCost());
                Scene scene = new Scene(grid, 1140, 860);
                scene.getStylesheets().add(Stylesheet.url());
                grid.applyCss();
                grid.layout();
                grid.layout();
                // the pointer over the cost chart at 40% across: the readout and its guide line
                MarkedLineChart costChart = lines[2].chart();
                javafx.geometry.Point2D pointer = costChart.plotContent().localToScene(costChart.x().getWidth() * 0.4, 60);
                lines[2].readout().showAt(pointer.getX(), pointer.getY());
                grid.layout();
                SnapshotParameters params = new SnapshotParameters();
                params.setTransform(Transform.scale(1.5, 1.5));
                ImageIO.write(SwingFXUtils.fromFXImage(grid.snapshot(params, null), null), "png", new File(args[0]));
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                done.countDown();
            }
        });
        done.await();
        Platform.exit();
    }
}
