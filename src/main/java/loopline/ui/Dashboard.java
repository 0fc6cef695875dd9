package loopline.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import loopline.fx.HeightCachingVBox;
import loopline.fx.LayoutBoundary;
import loopline.fx.WrappingLabel;
import loopline.present.Charts;
import loopline.present.Figure;
import loopline.present.KeyFigure;
import loopline.present.KeyFigures;
import loopline.ui.chart.BarChartView;
import loopline.ui.chart.LineChartView;

/**
 * Training and inference side by side — memory, throughput, cost, row for row — then the key figures and
 * the lifetime cost. It only draws: {@link #show} takes what the view-model computed.
 */
public final class Dashboard extends HeightCachingVBox {
    final BarChartView trainingMemory;
    final BarChartView inferenceMemory;
    final LineChartView trainingThroughput;
    final LineChartView servingThroughput;
    final BarChartView trainingCost;
    final LineChartView servingCost;
    final LineChartView lifetime;
    final List<FigureCard> cards = new ArrayList<>();
    private final TilePane cardPane = new TilePane(8, 8);
    private final Label trainingTitle = new Label();
    private final Label trainingSubtitle = new WrappingLabel(); // a fine-tune's subtitle takes two lines in Presenter at 1280 rather than losing its end
    private final BiConsumer<Figure, Node> explain;

    /** @param explain what "why?" does; null hides the buttons (the PNG report) */
    public Dashboard(BiConsumer<Figure, Node> explain) {
        this.explain = explain;
        trainingMemory = new BarChartView("training", explain);
        inferenceMemory = new BarChartView("inference", explain);
        trainingThroughput = new LineChartView("training", explain);
        servingThroughput = new LineChartView("inference", explain);
        trainingCost = new BarChartView("training", explain);
        servingCost = new LineChartView("inference", explain);
        lifetime = new LineChartView("both", explain);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("columns");
        grid.setHgap(14);
        grid.setVgap(10);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        trainingTitle.setId("training-column-title");
        grid.addRow(0, columnHeader(trainingTitle, trainingSubtitle, "training"), // texts follow the method: see show
                columnHeader(new Label("Inference — a straight line"), new Label("one forward pass per token, per request"), "inference"));
        // each chart, and the cards together, behind a layout boundary: a slider move re-lays out what changed
        grid.addRow(1, inColumn(trainingMemory), inColumn(inferenceMemory));
        grid.addRow(2, inColumn(trainingThroughput), inColumn(servingThroughput));
        grid.addRow(3, inColumn(trainingCost), inColumn(servingCost));
        // heights are in the stylesheet, in em, so they grow with the text (Presenter, large screens): a chart
        // may give up some of its preferred height to fit a window, down to where its plot still reads; below
        // that the dashboard scrolls (its minimum is the rows' minimums)
        trainingThroughput.getStyleClass().add("throughput-chart");
        servingThroughput.getStyleClass().add("throughput-chart");
        servingCost.getStyleClass().add("cost-chart"); // tall enough for its legend: the bill with the chosen shape and with the cheapest other one

        cardPane.getStyleClass().add("cards");
        // four columns of cards; tile and minimum widths are in the stylesheet so presenter mode can widen them
        LayoutBoundary lifetimeBox = new LayoutBoundary(lifetime);
        // the cards share one boundary (not one each: a card that grew changes the tiles only if it is the tallest,
        // which the tile pane knows once laid out, and a boundary inside a boundary would be heard a pulse late)
        HBox bottom = new HBox(14, new LayoutBoundary(cardPane), lifetimeBox);
        HBox.setHgrow(lifetimeBox, Priority.ALWAYS);
        lifetime.setMinWidth(200);
        // the chart takes what the cards leave: without this its wide preferred width squeezes the cards to three columns
        // (at 1280 px four columns of 12.8em tiles leave it ~220 px: at 240 the cards fell to three, leaving a gap)
        lifetime.setPrefWidth(200);
        lifetime.getStyleClass().add("lifetime-chart");
        grid.add(bottom, 0, 4, 2, 1);
        grid.getRowConstraints().addAll(fixedRow(), fixedRow(), growingRow(), growingRow(), growingRow());
        VBox.setVgrow(grid, Priority.ALWAYS);
        getChildren().add(grid);
        setSpacing(10);
        setPadding(new Insets(10));
        getStyleClass().add("dashboard");
    }

    /**
     * A chart in one of the two columns, behind a layout boundary. The grid makes each column half its width
     * whatever a chart prefers, so the charts' widths come from the stylesheet ({@code .column-chart}) rather
     * than from their legends and verdicts, whose widths change with every value and would make each change
     * re-lay out the dashboard after all.
     */
    private static LayoutBoundary inColumn(Region chart) {
        chart.getStyleClass().add("column-chart");
        return new LayoutBoundary(chart);
    }

    /** A row as tall as its content asks: the column headers, and the memory bars (drawn at a fixed bar height). */
    private static RowConstraints fixedRow() {
        RowConstraints row = new RowConstraints();
        row.setVgrow(Priority.NEVER);
        return row;
    }

    /**
     * A row of charts that takes an equal share of any height beyond what the rows need, so on a large screen
     * the cost charts and the lifetime chart grow with the throughput charts instead of staying thin strips.
     */
    private static RowConstraints growingRow() {
        RowConstraints row = new RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        row.setFillHeight(true);
        return row;
    }

    private static VBox columnHeader(Label t, Label s, String side) {
        t.getStyleClass().add("column-title");
        s.getStyleClass().add("column-subtitle");
        s.setWrapText(true);
        s.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(0, t, s);
        box.getStyleClass().addAll("column-header", side);
        box.setMaxHeight(Double.MAX_VALUE); // both headers as tall as the taller one
        return box;
    }

    public void show(Charts charts, List<KeyFigure> figures) {
        show(charts, figures, null, null);
    }

    /**
     * Shows an estimate's charts and cards and, when a baseline A is pinned ({@code baselineCharts} and
     * {@code baselineFigures} not null), A as ghost lines and bars behind them and each card's change from A.
     */
    public void show(Charts charts, List<KeyFigure> figures, Charts baselineCharts, List<KeyFigure> baselineFigures) {
        Charts a = baselineCharts;
        trainingTitle.setText(charts.trainingHeading().title());
        trainingSubtitle.setText(charts.trainingHeading().subtitle());
        trainingMemory.update(charts.trainingMemory(), a == null ? null : a.trainingMemory());
        inferenceMemory.update(charts.inferenceMemory(), a == null ? null : a.inferenceMemory());
        trainingThroughput.update(charts.trainingThroughput(), a == null ? null : a.trainingThroughput());
        servingThroughput.update(charts.servingThroughput(), a == null ? null : a.servingThroughput());
        trainingCost.update(charts.trainingCost(), a == null ? null : a.trainingCost());
        servingCost.update(charts.servingCost(), a == null ? null : a.servingCost());
        lifetime.update(charts.lifetime(), a == null ? null : a.lifetime());
        while (cards.size() < figures.size()) {
            FigureCard card = new FigureCard(explain == null ? (f, n) -> { } : explain, explain != null);
            cards.add(card);
            cardPane.getChildren().add(card);
        }
        for (int i = 0; i < figures.size(); i++) {
            cards.get(i).show(figures.get(i), KeyFigures.counterpart(figures.get(i), baselineFigures));
        }
    }

    public List<FigureCard> cards() {
        return cards;
    }
}
