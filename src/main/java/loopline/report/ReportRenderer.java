package loopline.report;

import java.time.LocalDate;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
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

    /** The page report of one scenario. */
    public static WritableImage render(Estimate estimate, double scale, LocalDate date) {
        return render(ReportLayout.PAGE, estimate, null, scale, date);
    }

    /**
     * @param baseline the scenario A the estimate is compared with, or null
     * @return the page at 1400 px wide and its own height, or the slide at exactly 1920×1080, times {@code scale}
     */
    public static WritableImage render(ReportLayout layout, Estimate estimate, Estimate baseline, double scale, LocalDate date) {
        Region view = compose(layout, estimate, baseline, date);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        params.setTransform(Transform.scale(scale, scale));
        // exactly the laid-out report: a label drawn past its chart's edge must not widen the image
        params.setViewport(new Rectangle2D(0, 0, view.getWidth() * scale, view.getHeight() * scale));
        return view.snapshot(params, null);
    }

    /** The report laid out in a scene of its own with the stylesheet, ready to snapshot or to inspect. */
    static Region compose(ReportLayout layout, Estimate estimate, Estimate baseline, LocalDate date) {
        Region view = switch (layout) {
            case PAGE -> new ReportView(estimate, ChartsFactory.of(estimate), date, baseline);
            case SLIDE -> new SlideView(estimate, date, baseline);
        };
        Scene scene = new Scene(view);
        scene.getStylesheets().add(Stylesheet.url());
        view.applyCss();
        view.layout();
        double width = layout == ReportLayout.SLIDE ? SlideView.WIDTH : ReportView.WIDTH;
        double height = layout == ReportLayout.SLIDE ? SlideView.HEIGHT : view.prefHeight(width);
        view.resize(width, height);
        view.layout();
        // charts lay out their plot on the next pass once axes know their size; a second pass settles them
        view.applyCss();
        view.layout();
        return view;
    }
}
