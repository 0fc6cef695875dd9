package loopline.ui.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Line;

/**
 * Hovering a line chart: a vertical guide at the pointer and a small label with x and every series' y
 * there, in the chart's own formats. Its nodes are made on the first hover and the work happens only on
 * pointer moves, so a slider update pays nothing for it.
 */
final class HoverReadout {
    private static final double OFFSET = 12;

    private final MarkedLineChart chart;
    private Line guide;
    private Label label;

    HoverReadout(MarkedLineChart chart) {
        this.chart = chart;
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, e -> showAt(e.getSceneX(), e.getSceneY()));
        chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hide());
    }

    /** Shows the readout for a pointer at this scene position, or hides it outside the plot. */
    void showAt(double sceneX, double sceneY) {
        Point2D p = chart.plotContent().sceneToLocal(sceneX, sceneY);
        double width = chart.x().getWidth();
        double height = chart.y().getHeight();
        if (p == null || p.getX() < 0 || p.getX() > width || p.getY() < 0 || p.getY() > height || chart.getData().isEmpty()) {
            hide();
            return;
        }
        String text = text(chart.x().getValueForDisplay(p.getX()).doubleValue());
        if (text == null) {
            hide();
            return;
        }
        if (label == null) {
            create();
        }
        label.setText(text);
        label.applyCss(); // sized now, between pulses: the plot does not lay out its children again
        label.autosize();
        guide.setStartX(p.getX());
        guide.setEndX(p.getX());
        guide.setEndY(height);
        double x = p.getX() + OFFSET + label.getWidth() > width ? p.getX() - OFFSET - label.getWidth() : p.getX() + OFFSET;
        double y = Math.max(0, Math.min(height - label.getHeight(), p.getY() - label.getHeight() / 2));
        label.relocate(Math.max(0, x), y);
        guide.setVisible(true);
        label.setVisible(true);
        label.toFront();
    }

    /**
     * "x label" then "series: y" for every series that reaches this x, and the baseline's y beside it when
     * one is pinned ("· baseline $9.1k"); null when no series reaches x.
     */
    String text(double axisX) {
        StringBuilder sb = new StringBuilder();
        for (XYChart.Series<Number, Number> s : chart.getData()) {
            Double y = valueAt(s.getData(), axisX);
            if (y != null) {
                sb.append('\n').append(s.getName()).append(": ").append(yLabel(y));
                Double baseline = baselineAt(s, axisX);
                if (baseline != null) {
                    sb.append(" · baseline ").append(yLabel(baseline));
                }
            }
        }
        if (sb.isEmpty()) {
            return null;
        }
        return chart.x().label(chart.x().dataValue(axisX)) + " " + chart.x().getLabel() + sb;
    }

    private String yLabel(double axisY) {
        return chart.y().label(chart.y().dataValue(axisY));
    }

    /** The pinned baseline's y at x on the ghost drawn in this series' colour class, if there is one. */
    private Double baselineAt(XYChart.Series<Number, Number> s, double axisX) {
        for (GhostLines.Curve c : chart.ghosts().curves()) {
            if (s.getNode() != null && s.getNode().getStyleClass().contains("series-" + c.styleClass())) {
                List<XYChart.Data<Number, Number>> points = new ArrayList<>(c.x().length);
                for (int i = 0; i < c.x().length; i++) {
                    points.add(new XYChart.Data<>(c.x()[i], c.y()[i]));
                }
                return valueAt(points, axisX);
            }
        }
        return null;
    }

    /** The series' y at x, along the straight segments it is drawn with; null outside its x range. */
    static Double valueAt(List<XYChart.Data<Number, Number>> points, double x) {
        for (int i = 1; i < points.size(); i++) {
            double x0 = points.get(i - 1).getXValue().doubleValue();
            double x1 = points.get(i).getXValue().doubleValue();
            if (x >= Math.min(x0, x1) && x <= Math.max(x0, x1)) {
                double y0 = points.get(i - 1).getYValue().doubleValue();
                double y1 = points.get(i).getYValue().doubleValue();
                return x1 == x0 ? y1 : y0 + (y1 - y0) * (x - x0) / (x1 - x0);
            }
        }
        return null;
    }

    void hide() {
        if (label != null) {
            label.setVisible(false);
            guide.setVisible(false);
        }
    }

    Label label() {
        return label;
    }

    private void create() {
        guide = new Line();
        guide.getStyleClass().add("hover-guide");
        guide.setMouseTransparent(true);
        label = new Label();
        label.getStyleClass().add("hover-readout");
        label.setMouseTransparent(true);
        chart.addOverlay(guide);
        chart.addOverlay(label);
    }
}
