package loopline.report;

import java.time.LocalDate;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import loopline.engine.Estimate;
import loopline.fx.Stylesheet;
import loopline.present.ChartsFactory;

/** Composes a report off-screen and snapshots it; must run on the JavaFX thread. */
public final class ReportRenderer {
    public static final double DEFAULT_SCALE = 2;

    private ReportRenderer() {
    }

    public static WritableImage render(Estimate estimate, double scale, LocalDate date) {
        ReportView view = new ReportView(estimate, ChartsFactory.of(estimate), date);
        Scene scene = new Scene(view);
        scene.getStylesheets().add(Stylesheet.url());
        view.applyCss();
        view.layout();
        view.resize(ReportView.WIDTH, view.prefHeight(ReportView.WIDTH));
        view.layout();
        // charts lay out their plot on the next pass once axes know their size; a second pass settles them
        view.applyCss();
        view.layout();
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        params.setTransform(Transform.scale(scale, scale));
        return view.snapshot(params, null);
    }
}
