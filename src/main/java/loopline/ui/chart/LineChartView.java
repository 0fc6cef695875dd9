package loopline.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import loopline.present.Figure;
import loopline.present.LineChartData;
import loopline.present.Marker;
import loopline.present.Series;

/** Draws a {@link LineChartData}: header, chart with markers, legend, and a problem note over the plot. */
public final class LineChartView extends VBox {
    private final ChartHeader header;
    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final MarkedLineChart chart = new MarkedLineChart(xAxis, yAxis);
    private final Legend legend = new Legend();
    private final Label problem = new Label();
    private final AxisScale.Labels xLabels = new AxisScale.Labels();
    private final AxisScale.Labels yLabels = new AxisScale.Labels();
    private List<String> seriesKeys = List.of();
    private List<String> markerKeys = List.of();

    public LineChartView(String sideStyle, BiConsumer<Figure, Node> explain) {
        header = new ChartHeader(explain);
        problem.getStyleClass().add("chart-problem");
        problem.setVisible(false);
        problem.setMouseTransparent(true);
        StackPane plot = new StackPane(chart, problem);
        VBox.setVgrow(plot, Priority.ALWAYS);
        chart.setMinHeight(140);
        AxisScale.install(xAxis, xLabels);
        AxisScale.install(yAxis, yLabels);
        getChildren().addAll(header, plot, legend);
        getStyleClass().addAll("chart-card", sideStyle);
    }

    public void update(LineChartData d) {
        header.update(d.title(), d.subtitle(), d.figure());
        xAxis.setLabel(d.xLabel());
        yAxis.setLabel(d.yLabel());

        double xMin = Double.MAX_VALUE;
        double xMax = -Double.MAX_VALUE;
        double yMin = Double.MAX_VALUE;
        double yMax = -Double.MAX_VALUE;
        List<List<XYChart.Data<Number, Number>>> pointsPerSeries = new ArrayList<>(d.series().size());
        for (Series s : d.series()) {
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(s.x().length);
            for (int i = 0; i < s.x().length; i++) {
                points.add(new XYChart.Data<>(AxisScale.toAxis(s.x()[i], d.logX()), AxisScale.toAxis(s.y()[i], d.logY())));
                xMin = Math.min(xMin, s.x()[i]);
                xMax = Math.max(xMax, s.x()[i]);
                yMin = Math.min(yMin, s.y()[i]);
                yMax = Math.max(yMax, s.y()[i]);
            }
            pointsPerSeries.add(points);
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
        xLabels.set(d.xFormat(), d.logX());
        yLabels.set(d.yFormat(), d.logY());
        AxisScale.apply(xAxis, xMin, xMax, d.logX(), false);
        AxisScale.apply(yAxis, yMin, yMax, d.logY(), true);
        showSeries(d.series(), pointsPerSeries);
        showMarkers(d);
        showBand(d);

        problem.setText(d.problem() == null ? "" : d.problem());
        problem.setVisible(d.problem() != null);
    }

    /**
     * Keeps the chart's series objects while their names and styles stay the same and only swaps their
     * points: re-creating series re-creates their paths and restyles them on every slider step.
     */
    private void showSeries(List<Series> series, List<List<XYChart.Data<Number, Number>>> points) {
        List<String> keys = series.stream().map(s -> s.name() + "|" + s.styleClass()).toList();
        if (!keys.equals(seriesKeys)) {
            ObservableList<XYChart.Series<Number, Number>> all = FXCollections.observableArrayList();
            for (int i = 0; i < series.size(); i++) {
                all.add(new XYChart.Series<>(series.get(i).name(), FXCollections.observableList(points.get(i))));
            }
            chart.getData().setAll(all);
            for (int i = 0; i < all.size(); i++) {
                all.get(i).getNode().getStyleClass().add("series-" + series.get(i).styleClass());
            }
            seriesKeys = keys;
            List<Legend.Entry> entries = new ArrayList<>();
            series.forEach(s -> entries.add(new Legend.Entry(s.name(), "series-" + s.styleClass())));
            legend.show(entries, true);
            legend.setVisible(entries.size() > 1); // one line needs no legend: the title names it
            legend.setManaged(entries.size() > 1);
        } else {
            for (int i = 0; i < series.size(); i++) {
                chart.getData().get(i).getData().setAll(points.get(i));
            }
        }
    }

    private void showMarkers(LineChartData d) {
        List<String> keys = d.markers().stream().map(m -> m.styleClass() + m.vertical()).toList();
        if (!keys.equals(markerKeys)) {
            List<MarkedLineChart.PlacedMarker> placed = new ArrayList<>();
            for (Marker m : d.markers()) {
                Line line = new Line();
                line.getStyleClass().addAll("marker-line", "marker-" + m.styleClass());
                Label label = new Label();
                label.getStyleClass().addAll("marker-label", "marker-" + m.styleClass());
                placed.add(new MarkedLineChart.PlacedMarker(0, m.vertical(), line, label));
            }
            chart.setMarkers(placed);
            markerKeys = keys;
        }
        for (int i = 0; i < d.markers().size(); i++) {
            Marker m = d.markers().get(i);
            chart.moveMarker(i, AxisScale.toAxis(m.value(), m.vertical() ? d.logX() : d.logY()), m.label());
        }
    }

    private void showBand(LineChartData d) {
        if (d.band() == null) {
            chart.setBand(new double[0], new double[0], new double[0]);
            return;
        }
        chart.setBand(toAxis(d.band().x(), d.logX()), toAxis(d.band().low(), d.logY()), toAxis(d.band().high(), d.logY()));
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
}
