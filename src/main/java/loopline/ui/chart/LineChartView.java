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
import loopline.engine.Figure;
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

    public LineChartView(String sideStyle, BiConsumer<Figure, Node> explain) {
        header = new ChartHeader(explain);
        problem.getStyleClass().add("chart-problem");
        problem.setVisible(false);
        problem.setMouseTransparent(true);
        StackPane plot = new StackPane(chart, problem);
        VBox.setVgrow(plot, Priority.ALWAYS);
        chart.setMinHeight(140);
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
        ObservableList<XYChart.Series<Number, Number>> all = FXCollections.observableArrayList();
        for (Series s : d.series()) {
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(s.x().length);
            for (int i = 0; i < s.x().length; i++) {
                points.add(new XYChart.Data<>(AxisScale.toAxis(s.x()[i], d.logX()), AxisScale.toAxis(s.y()[i], d.logY())));
                xMin = Math.min(xMin, s.x()[i]);
                xMax = Math.max(xMax, s.x()[i]);
                yMin = Math.min(yMin, s.y()[i]);
                yMax = Math.max(yMax, s.y()[i]);
            }
            all.add(new XYChart.Series<>(s.name(), FXCollections.observableList(points)));
        }
        for (Marker m : d.markers()) {
            if (!m.vertical()) {
                yMin = Math.min(yMin, m.value());
                yMax = Math.max(yMax, m.value());
            }
        }
        AxisScale.apply(xAxis, xMin, xMax, d.logX(), d.xFormat());
        AxisScale.apply(yAxis, yMin, yMax, d.logY(), d.yFormat());
        chart.getData().setAll(all);
        for (int i = 0; i < all.size(); i++) {
            Node line = all.get(i).getNode();
            line.getStyleClass().add("series-" + d.series().get(i).styleClass());
        }

        List<MarkedLineChart.PlacedMarker> placed = new ArrayList<>();
        for (Marker m : d.markers()) {
            Line line = new Line();
            line.getStyleClass().addAll("marker-line", "marker-" + m.styleClass());
            Label label = new Label(m.label());
            label.getStyleClass().addAll("marker-label", "marker-" + m.styleClass());
            placed.add(new MarkedLineChart.PlacedMarker(AxisScale.toAxis(m.value(), m.vertical() ? d.logX() : d.logY()),
                    m.vertical(), line, label));
        }
        chart.setMarkers(placed);

        List<Legend.Entry> entries = new ArrayList<>();
        d.series().forEach(s -> entries.add(new Legend.Entry(s.name(), "series-" + s.styleClass())));
        legend.show(entries, true);
        legend.setVisible(entries.size() > 1); // one line needs no legend: the title names it
        legend.setManaged(entries.size() > 1);

        problem.setText(d.problem() == null ? "" : d.problem());
        problem.setVisible(d.problem() != null);
    }

    /** The plotted series, for tests: x and y as drawn (log10 on log axes). */
    public List<XYChart.Series<Number, Number>> plotted() {
        return chart.getData();
    }

    public ChartHeader header() {
        return header;
    }
}
