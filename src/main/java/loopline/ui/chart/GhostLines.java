package loopline.ui.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;

/**
 * The pinned baseline drawn behind a line chart: each of its series as a faint dashed line in the same
 * colour class, each of its markers as a faint line ending in a hollow dot. Empty (and free) when no
 * baseline is pinned.
 */
final class GhostLines extends Group {
    /** A baseline series in axis units (log10 on log axes). */
    record Curve(String styleClass, double[] x, double[] y) {
    }

    /** A baseline marker in axis units. */
    record Mark(String styleClass, double axisValue, boolean vertical) {
    }

    private static final double DOT_RADIUS = 4;

    private List<Curve> curves = List.of();
    private List<Mark> marks = List.of();
    private final List<Polyline> lines = new ArrayList<>();
    private final List<Line> markLines = new ArrayList<>();
    private final List<Circle> dots = new ArrayList<>();

    GhostLines() {
        setMouseTransparent(true);
        setManaged(false);
    }

    /** Shows these baseline curves and markers; empty lists remove the ghost. */
    void show(List<Curve> newCurves, List<Mark> newMarks) {
        if (newCurves.isEmpty() && newMarks.isEmpty() && curves.isEmpty() && marks.isEmpty()) {
            return; // the common case, no baseline: touch nothing
        }
        curves = newCurves;
        marks = newMarks;
        getChildren().clear();
        lines.clear();
        markLines.clear();
        dots.clear();
        for (Curve c : curves) {
            Polyline p = new Polyline();
            p.getStyleClass().addAll("ghost-line", "series-" + c.styleClass());
            lines.add(p);
        }
        for (Mark m : marks) {
            Line l = new Line();
            l.getStyleClass().addAll("ghost-marker-line", "marker-" + m.styleClass());
            Circle dot = new Circle(DOT_RADIUS);
            dot.getStyleClass().addAll("ghost-marker-dot", "marker-" + m.styleClass());
            markLines.add(l);
            dots.add(dot);
        }
        getChildren().addAll(lines);
        getChildren().addAll(markLines);
        getChildren().addAll(dots);
        requestLayout();
    }

    /** The baseline curves shown, in axis units: the hover readout reads them too. */
    List<Curve> curves() {
        return curves;
    }

    boolean showing() {
        return !curves.isEmpty() || !marks.isEmpty();
    }

    List<Polyline> lines() {
        return lines;
    }

    List<Line> markLines() {
        return markLines;
    }

    List<Circle> dots() {
        return dots;
    }

    /**
     * The ghost marker lines as drawn, in plot pixels: labels keep clear of them. Not the faint ghost
     * curves, which cross most of the plot: a label kept off them too would leave its own line.
     */
    List<LabelPlacer.Polyline> markLinesDrawn() {
        List<LabelPlacer.Polyline> out = new ArrayList<>(markLines.size());
        for (Line l : markLines) {
            if (l.isVisible()) {
                out.add(new LabelPlacer.Polyline(new double[] {l.getStartX(), l.getEndX()}, new double[] {l.getStartY(), l.getEndY()}));
            }
        }
        return out;
    }

    void layout(ScaleAxis x, ScaleAxis y, double width, double height) {
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            List<Double> points = new ArrayList<>(c.x().length * 2);
            for (int k = 0; k < c.x().length; k++) {
                points.add(x.getDisplayPosition(c.x()[k]));
                points.add(y.getDisplayPosition(c.y()[k]));
            }
            lines.get(i).getPoints().setAll(points);
        }
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            Line l = markLines.get(i);
            Circle dot = dots.get(i);
            ScaleAxis axis = m.vertical() ? x : y;
            boolean visible = m.axisValue() >= axis.getLowerBound() && m.axisValue() <= axis.getUpperBound();
            l.setVisible(visible);
            dot.setVisible(visible);
            double p = axis.getDisplayPosition(m.axisValue());
            if (m.vertical()) {
                l.setStartX(p);
                l.setEndX(p);
                l.setStartY(0);
                l.setEndY(height);
                dot.setCenterX(p);
                dot.setCenterY(DOT_RADIUS + 1);
            } else {
                l.setStartX(0);
                l.setEndX(width);
                l.setStartY(p);
                l.setEndY(p);
                dot.setCenterX(width - DOT_RADIUS - 1);
                dot.setCenterY(p);
            }
        }
    }
}
