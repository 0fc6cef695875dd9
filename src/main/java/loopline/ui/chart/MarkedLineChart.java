package loopline.ui.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;

/** A line chart with labelled vertical and horizontal reference lines (current value, limits, targets). */
final class MarkedLineChart extends LineChart<Number, Number> {

    static final class PlacedMarker {
        private double axisValue;
        private final boolean vertical;
        private final Line line;
        private final Label label;

        PlacedMarker(double axisValue, boolean vertical, Line line, Label label) {
            this.axisValue = axisValue;
            this.vertical = vertical;
            this.line = line;
            this.label = label;
        }

        double axisValue() {
            return axisValue;
        }

        boolean vertical() {
            return vertical;
        }

        Line line() {
            return line;
        }

        Label label() {
            return label;
        }
    }

    private final List<PlacedMarker> markers = new ArrayList<>();
    /** The range band, drawn under the lines; its corners in axis values (log10 on log axes). */
    private final Polygon band = new Polygon();
    private double[] bandX = new double[0];
    private double[] bandLow = new double[0];
    private double[] bandHigh = new double[0];

    MarkedLineChart(NumberAxis x, NumberAxis y) {
        super(x, y);
        setAnimated(false);
        x.setAnimated(false);
        y.setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(false);
        setHorizontalZeroLineVisible(false);
        setVerticalZeroLineVisible(false);
        band.getStyleClass().add("chart-band");
        band.setMouseTransparent(true);
        getPlotChildren().add(0, band);
    }

    /** Shows the band through these points (axis values), or none when the arrays are empty. */
    void setBand(double[] x, double[] low, double[] high) {
        bandX = x;
        bandLow = low;
        bandHigh = high;
        band.setVisible(x.length > 1);
        requestChartLayout();
    }

    void setMarkers(List<PlacedMarker> newMarkers) {
        for (PlacedMarker m : markers) {
            getPlotChildren().removeAll(m.line(), m.label());
        }
        markers.clear();
        markers.addAll(newMarkers);
        for (PlacedMarker m : markers) {
            getPlotChildren().addAll(m.line(), m.label());
        }
        requestChartLayout();
    }

    /** Moves marker {@code i} and relabels it, keeping its nodes. */
    void moveMarker(int i, double axisValue, String text) {
        PlacedMarker m = markers.get(i);
        m.axisValue = axisValue;
        m.label().setText(text);
        requestChartLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis x = (NumberAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        double width = x.getWidth();
        double height = y.getHeight();
        layoutBand(x, y);
        for (PlacedMarker m : markers) {
            Label label = m.label();
            label.autosize();
            if (m.vertical()) {
                double px = x.getDisplayPosition(m.axisValue());
                boolean visible = m.axisValue() >= x.getLowerBound() && m.axisValue() <= x.getUpperBound();
                m.line().setVisible(visible);
                label.setVisible(visible);
                m.line().setStartX(px);
                m.line().setEndX(px);
                m.line().setStartY(0);
                m.line().setEndY(height);
                double lx = px + 4 + label.getWidth() > width ? px - 4 - label.getWidth() : px + 4;
                label.relocate(lx, 2 + 18 * indexAmongVertical(m));
            } else {
                double py = y.getDisplayPosition(m.axisValue());
                boolean visible = m.axisValue() >= y.getLowerBound() && m.axisValue() <= y.getUpperBound();
                m.line().setVisible(visible);
                label.setVisible(visible);
                m.line().setStartX(0);
                m.line().setEndX(width);
                m.line().setStartY(py);
                m.line().setEndY(py);
                // at the left end: vertical markers label the top right, and curves rise to the right
                label.relocate(4, Math.max(0, py - label.getHeight() - 1));
            }
        }
    }

    /** The band's outline: along the high edge left to right, back along the low edge. */
    private void layoutBand(NumberAxis x, NumberAxis y) {
        band.getPoints().clear();
        int n = bandX.length;
        for (int i = 0; i < n; i++) {
            band.getPoints().addAll(x.getDisplayPosition(bandX[i]), y.getDisplayPosition(bandHigh[i]));
        }
        for (int i = n - 1; i >= 0; i--) {
            band.getPoints().addAll(x.getDisplayPosition(bandX[i]), y.getDisplayPosition(bandLow[i]));
        }
        band.toBack();
    }

    private int indexAmongVertical(PlacedMarker m) {
        int i = 0;
        for (PlacedMarker other : markers) {
            if (other == m) {
                return i;
            }
            if (other.vertical()) {
                i++;
            }
        }
        return i;
    }
}
