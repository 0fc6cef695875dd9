package loopline.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import loopline.fx.HeightCachingVBox;
import loopline.fx.WrappingLabel;
import loopline.present.Figure;
import loopline.present.LineChartData;
import loopline.present.Marker;
import loopline.present.Series;

/**
 * Draws a {@link LineChartData}: header, chart with markers, legend, and a problem note on the plot. With a
 * baseline (A/B compare), the baseline's lines and markers are drawn behind as ghosts and the axes cover
 * both.
 */
public final class LineChartView extends HeightCachingVBox {
    /** What is drawn now, so an update that changes nothing costs nothing (no new layout of the chart). */
    private LineChartData shown;
    private LineChartData shownBaseline;
    private final ChartHeader header;
    private final ScaleAxis xAxis = new ScaleAxis();
    private final ScaleAxis yAxis = new ScaleAxis();
    private final MarkedLineChart chart = new MarkedLineChart(xAxis, yAxis);
    private final HoverReadout readout = new HoverReadout(chart);
    /** Height the plot keeps when the legend takes one line; each further legend line comes out of it, not off the card. */
    static final double CHART_MIN_HEIGHT = 140;
    private final Legend legend = new Legend();
    private List<String> seriesKeys = List.of();
    private boolean legendShowsGhost;

    /**
     * A card squeezed below what it asks for (its row at 1280 × 720; a legend that wraps when pinning A adds "dashed:
     * baseline") would push the legend past its bottom edge, where it is cut: the plot gives up that height instead,
     * down to half its minimum. The card still asks its row for the full {@link #CHART_MIN_HEIGHT} of plot.
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (!legend.isManaged()) {
            return;
        }
        double overflow = legend.getLayoutY() + legend.getHeight() - (getHeight() - snappedBottomInset());
        if (overflow > 0.5) {
            double plot = Math.max(CHART_MIN_HEIGHT / 2, chart.getHeight() - overflow);
            double shift = chart.getHeight() - plot;
            chart.resize(chart.getWidth(), plot);
            legend.relocate(legend.getLayoutX(), legend.getLayoutY() - shift);
        }
    }

    public LineChartView(String sideStyle, BiConsumer<Figure, Node> explain) {
        header = new ChartHeader(explain);
        VBox.setVgrow(chart, Priority.ALWAYS);
        chart.setMinHeight(CHART_MIN_HEIGHT);
        getChildren().addAll(header, chart, legend);
        getStyleClass().addAll("chart-card", sideStyle);
    }

    /** Shows {@code d} alone. */
    public void update(LineChartData d) {
        update(d, null);
    }

    /** Shows {@code d} with {@code baseline}'s lines and markers as ghosts behind it (null: no ghost). */
    public void update(LineChartData d, LineChartData baseline) {
        if (d.equals(shown) && Objects.equals(baseline, shownBaseline)) {
            return; // a slider that moves only the other side, or the cards: nothing here to draw again
        }
        shown = d;
        shownBaseline = baseline;
        header.update(d.title(), d.subtitle(), d.figure());
        xAxis.setLabel(d.xLabel());
        yAxis.setLabel(d.yLabel());

        Extent extent = Extent.of(d);
        if (baseline != null) {
            extent = extent.union(Extent.of(baseline));
        }
        xAxis.show(extent.xMin(), extent.xMax(), d.logX(), false, d.xFormat());
        yAxis.show(extent.yMin(), extent.yMax(), d.logY(), true, d.yFormat());
        showSeries(d);
        showMarkers(d);
        showBand(d);
        showGhost(d, baseline);
        chart.setNote(d.problem());
    }

    /**
     * Keeps the chart's series objects while their styles stay the same, renaming them and moving their points:
     * re-creating series re-creates their paths and restyles them on every slider step.
     */
    private void showSeries(LineChartData d) {
        List<Series> series = d.series();
        // by style alone: a renamed line ("Choosing TP 8" -> "TP 2") keeps its path and takes the new name
        List<String> keys = series.stream().map(Series::styleClass).toList();
        if (!keys.equals(seriesKeys)) {
            ObservableList<XYChart.Series<Number, Number>> all = FXCollections.observableArrayList();
            for (Series s : series) {
                XYChart.Series<Number, Number> line = new XYChart.Series<>(s.name(), FXCollections.observableArrayList());
                movePoints(line.getData(), s, d); // before the chart has it: no chart events per point
                all.add(line);
            }
            chart.getData().setAll(all);
            for (int i = 0; i < all.size(); i++) {
                all.get(i).getNode().getStyleClass().add("series-" + series.get(i).styleClass());
            }
            seriesKeys = keys;
            chart.raiseLabels();
            showLegend(series, legendShowsGhost);
        } else {
            boolean renamed = false;
            for (int i = 0; i < series.size(); i++) {
                XYChart.Series<Number, Number> plotted = chart.getData().get(i);
                if (!series.get(i).name().equals(plotted.getName())) {
                    plotted.setName(series.get(i).name());
                    renamed = true;
                }
                movePoints(plotted.getData(), series.get(i), d);
            }
            if (renamed) {
                showLegend(series, legendShowsGhost); // relabels its entries in place
            }
        }
        chart.setEndLabels(series.stream().map(Series::endLabel).toList(), series.stream().map(Series::styleClass).toList());
    }

    /**
     * Moves the points a series already has to the new values, adding or dropping points only where the count
     * changed: replacing them all makes the chart retire and adopt every point (listeners, style, range) each move.
     */
    private static void movePoints(List<XYChart.Data<Number, Number>> plotted, Series s, LineChartData d) {
        int n = s.x().length;
        if (plotted.size() > n) {
            plotted.subList(n, plotted.size()).clear();
        }
        for (int i = 0; i < n; i++) {
            double x = AxisScale.toAxis(s.x()[i], d.logX());
            double y = AxisScale.toAxis(s.y()[i], d.logY());
            if (i < plotted.size()) {
                plotted.get(i).setXValue(x);
                plotted.get(i).setYValue(y);
            } else {
                plotted.add(new XYChart.Data<>(x, y));
            }
        }
    }

    private void showLegend(List<Series> series, boolean ghost) {
        List<Legend.Entry> entries = new ArrayList<>();
        series.forEach(s -> entries.add(new Legend.Entry(s.name(), "series-" + s.styleClass())));
        if (ghost) {
            entries.add(Legend.Entry.GHOST);
        }
        legend.show(entries, true);
        boolean useful = entries.size() > 1; // one line needs no legend: the title names it
        legend.setVisible(useful);
        legend.setManaged(useful);
    }

    private void showMarkers(LineChartData d) {
        List<String> keys = d.markers().stream().map(LineChartView::markerKey).toList();
        if (!keys.equals(chart.markers().stream().map(MarkedLineChart.PlacedMarker::key).toList())) {
            // a marker that stays (the current value when a limit line appears) keeps its nodes and their styles
            List<MarkedLineChart.PlacedMarker> unused = new ArrayList<>(chart.markers());
            List<MarkedLineChart.PlacedMarker> placed = new ArrayList<>();
            for (Marker m : d.markers()) {
                MarkedLineChart.PlacedMarker kept = unused.stream()
                        .filter(p -> p.key().equals(markerKey(m))).findFirst().orElse(null);
                unused.remove(kept);
                placed.add(kept != null ? kept : newMarker(m));
            }
            chart.setMarkers(placed);
        }
        for (int i = 0; i < d.markers().size(); i++) {
            Marker m = d.markers().get(i);
            chart.moveMarker(i, markerAxisValue(m, d), m.label());
        }
    }

    private static String markerKey(Marker m) {
        return m.styleClass() + (m.vertical() ? "|vertical" : "|horizontal");
    }

    private static MarkedLineChart.PlacedMarker newMarker(Marker m) {
        Line line = new Line();
        line.getStyleClass().addAll("marker-line", "marker-" + m.styleClass());
        Label label = new WrappingLabel(); // wraps beside its line when the room there is narrow
        label.getStyleClass().addAll("marker-label", "marker-" + m.styleClass());
        return new MarkedLineChart.PlacedMarker(markerKey(m), m.vertical(), line, label);
    }

    private static double markerAxisValue(Marker m, LineChartData d) {
        return AxisScale.toAxis(m.value(), m.vertical() ? d.logX() : d.logY());
    }

    private void showBand(LineChartData d) {
        if (d.band() == null) {
            chart.setBand(new double[0], new double[0], new double[0]);
            return;
        }
        chart.setBand(toAxis(d.band().x(), d.logX()), toAxis(d.band().low(), d.logY()), toAxis(d.band().high(), d.logY()));
    }

    /** The baseline in this chart's axis units; drawn on this chart's scales even if its own differ. */
    private void showGhost(LineChartData d, LineChartData baseline) {
        List<GhostLines.Curve> curves = new ArrayList<>();
        List<GhostLines.Mark> marks = new ArrayList<>();
        if (baseline != null) {
            for (Series s : baseline.series()) {
                curves.add(new GhostLines.Curve(s.styleClass(), toAxis(s.x(), d.logX()), toAxis(s.y(), d.logY())));
            }
            for (Marker m : baseline.markers()) {
                marks.add(new GhostLines.Mark(m.styleClass(), markerAxisValue(m, d), m.vertical()));
            }
        }
        chart.ghosts().show(curves, marks);
        boolean ghost = baseline != null;
        if (ghost != legendShowsGhost) {
            legendShowsGhost = ghost;
            showLegend(d.series(), ghost);
        }
    }

    private static double[] toAxis(double[] values, boolean log) {
        double[] axis = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            axis[i] = AxisScale.toAxis(values[i], log);
        }
        return axis;
    }

    /** The plotted series, for tests: x and y as drawn (log10 on log axes). */
    public List<XYChart.Series<Number, Number>> plotted() {
        return chart.getData();
    }

    MarkedLineChart chart() {
        return chart;
    }

    HoverReadout readout() {
        return readout;
    }

    Legend legend() {
        return legend;
    }

    /** The smallest box, in data units, holding a chart's lines, band and horizontal markers. */
    record Extent(double xMin, double xMax, double yMin, double yMax) {
        static Extent of(LineChartData d) {
            double xMin = Double.MAX_VALUE;
            double xMax = -Double.MAX_VALUE;
            double yMin = Double.MAX_VALUE;
            double yMax = -Double.MAX_VALUE;
            for (Series s : d.series()) {
                for (int i = 0; i < s.x().length; i++) {
                    xMin = Math.min(xMin, s.x()[i]);
                    xMax = Math.max(xMax, s.x()[i]);
                    yMin = Math.min(yMin, s.y()[i]);
                    yMax = Math.max(yMax, s.y()[i]);
                }
            }
            if (d.band() != null) {
                for (int i = 0; i < d.band().x().length; i++) {
                    yMin = Math.min(yMin, d.band().low()[i]);
                    yMax = Math.max(yMax, d.band().high()[i]);
                }
            }
            for (Marker m : d.markers()) {
                if (!m.vertical()) {
                    yMin = Math.min(yMin, m.value());
                    yMax = Math.max(yMax, m.value());
                }
            }
            return new Extent(xMin, xMax, yMin, yMax);
        }

        Extent union(Extent o) {
            return new Extent(Math.min(xMin, o.xMin), Math.max(xMax, o.xMax), Math.min(yMin, o.yMin), Math.max(yMax, o.yMax));
        }
    }
}
