package loopline.report;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import loopline.engine.Estimate;
import loopline.present.Charts;
import loopline.present.ChartsFactory;
import loopline.present.KeyFigure;
import loopline.present.Figure;
import loopline.present.KeyFigures;
import loopline.present.ReportText;
import loopline.present.Warnings;
import loopline.ui.FigureCard;
import loopline.ui.chart.BarChartView;
import loopline.ui.chart.LineChartView;

/**
 * The report as one 16:9 slide, 1920×1080, for a projector: the title and the essential inputs on one line; on the
 * left two thirds the six charts, training beside inference; on the right the key figures and the lifetime cost;
 * one footnote line pointing to the page report for assumptions and sources. Type sizes are the stylesheet's
 * {@code .slide} block. The chart and card views are the window's own.
 */
public final class SlideView extends VBox {
    public static final double WIDTH = 1920;
    public static final double HEIGHT = 1080;
    /** Percent of the width for the charts; the cards need the rest for two columns. */
    private static final double CHARTS_SHARE = 62;
    /** Percent of the charts' height for memory, throughput and cost. */
    private static final double[] ROW_SHARES = {30, 35, 35};
    private static final int MAX_CHANGES_SHOWN = 3;
    /**
     * Cards a slide leaves out because it shows them already: bytes per parameter head both memory charts, the training
     * GPU count is in the line under the title, the training cost per request under the cost bars. Six rows of two is
     * what the side column holds beside the lifetime chart.
     */
    private static final Set<Figure> SHOWN_ELSEWHERE = EnumSet.of(Figure.TRAINING_BYTES_PER_PARAMETER,
            Figure.INFERENCE_BYTES_PER_PARAMETER, Figure.TRAINING_MIN_GPUS, Figure.TRAINING_COST_PER_REQUEST);

    private final GridPane charts = new GridPane();
    private final GridPane cards = new GridPane();
    private final LineChartView lifetime = new LineChartView("both", null);

    public SlideView(Estimate estimate, LocalDate date) {
        this(estimate, date, null);
    }

    /** @param baseline the scenario A this one is compared with, or null for a slide of one scenario */
    public SlideView(Estimate estimate, LocalDate date, Estimate baseline) {
        getStyleClass().addAll("report", "slide");
        setPrefSize(WIDTH, HEIGHT);
        setMinSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        setSpacing(12);
        setPadding(new Insets(24, 32, 18, 32));

        Label essentials = wrapping(ReportParts.text(ReportText.essentials(estimate.scenario()), "slide-essentials"));
        essentials.setId("slide-essentials"); // a long model or GPU name takes a second line rather than losing its end
        Node[] underTitle = baseline == null ? new Node[] {essentials}
                : new Node[] {essentials, ReportParts.comparedWith(baseline.scenario(), changes(baseline, estimate))};
        Charts drawn = ChartsFactory.of(estimate);
        GridPane body = baseline == null ? body(drawn, slideCards(estimate), null, null)
                : body(drawn, slideCards(estimate), ChartsFactory.of(baseline), slideCards(baseline));
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(ReportParts.head(estimate.scenario(), date, underTitle), body, footnote(estimate));
    }

    /** The key figures a slide shows: all but those it shows elsewhere. */
    static List<KeyFigure> slideCards(Estimate e) {
        return KeyFigures.of(e).stream().filter(k -> !SHOWN_ELSEWHERE.contains(k.figure())).toList();
    }

    /** Charts on the left, training | inference row for row; key figures and the lifetime cost on the right. */
    private GridPane body(Charts c, List<KeyFigure> figures, Charts a, List<KeyFigure> baselineFigures) {
        GridPane headers = twoColumns();
        headers.addRow(0, ReportParts.columnHeader(c.trainingHeading().title(), c.trainingHeading().subtitle(), "training"),
                ReportParts.columnHeader("Inference — a straight line", "one forward pass per token, per request", "inference"));
        BarChartView trainingMemory = new BarChartView("training", null);
        BarChartView inferenceMemory = new BarChartView("inference", null);
        LineChartView trainingThroughput = new LineChartView("training", null);
        LineChartView servingThroughput = new LineChartView("inference", null);
        BarChartView trainingCost = new BarChartView("training", null);
        LineChartView servingCost = new LineChartView("inference", null);
        trainingMemory.update(c.trainingMemory(), a == null ? null : a.trainingMemory());
        inferenceMemory.update(c.inferenceMemory(), a == null ? null : a.inferenceMemory());
        trainingThroughput.update(c.trainingThroughput(), a == null ? null : a.trainingThroughput());
        servingThroughput.update(c.servingThroughput(), a == null ? null : a.servingThroughput());
        trainingCost.update(c.trainingCost(), a == null ? null : a.trainingCost());
        servingCost.update(c.servingCost(), a == null ? null : a.servingCost());
        charts.getColumnConstraints().addAll(percentColumn(50), percentColumn(50));
        charts.setHgap(14);
        charts.setVgap(12);
        charts.addRow(0, trainingMemory, inferenceMemory);
        charts.addRow(1, trainingThroughput, servingThroughput);
        charts.addRow(2, trainingCost, servingCost);
        // rows of a height known in advance: a grid sizing rows by its children's preferred heights asks wrapping
        // legends for their height before it knows their width, and then lets a tall legend spill over. The bars
        // need less than the plots (a fine-tune's five-entry legend included: SlideReportTest checks every preset).
        for (double percent : ROW_SHARES) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(percent);
            charts.getRowConstraints().add(r);
        }
        charts.getStyleClass().add("slide-charts");
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox chartColumn = new VBox(12, headers, charts);

        cards.setHgap(10);
        cards.setVgap(10);
        cards.getColumnConstraints().addAll(percentColumn(50), percentColumn(50));
        for (int i = 0; i < figures.size(); i++) {
            FigureCard card = new FigureCard((f, n) -> { }, false);
            card.setChangeReplacesDetail(true); // a slide has no height to spare: compared, the change says more
            card.show(figures.get(i), KeyFigures.counterpart(figures.get(i), baselineFigures));
            card.setMaxWidth(Double.MAX_VALUE);
            cards.add(card, i % 2, i / 2);
        }
        cards.getStyleClass().add("slide-cards");
        lifetime.update(c.lifetime(), a == null ? null : a.lifetime());
        VBox.setVgrow(lifetime, Priority.ALWAYS);
        VBox side = new VBox(12, cards, lifetime);

        GridPane body = new GridPane();
        body.setHgap(16);
        body.getColumnConstraints().addAll(percentColumn(CHARTS_SHARE), percentColumn(100 - CHARTS_SHARE));
        RowConstraints fill = new RowConstraints();
        fill.setVgrow(Priority.ALWAYS);
        body.getRowConstraints().add(fill);
        body.addRow(0, chartColumn, side);
        return body;
    }

    /**
     * " — Requests per day 20M requests/day → 40M requests/day · …": the first few inputs that differ from the baseline,
     * and how many more the page report lists, so the line stays a line.
     */
    private static String changes(Estimate baseline, Estimate estimate) {
        List<ReportText.Change> changes = ReportText.changes(baseline.scenario(), estimate.scenario());
        if (changes.isEmpty()) {
            return " — the same inputs";
        }
        String shown = changes.stream().limit(MAX_CHANGES_SHOWN).map(ch -> ch.label() + " " + ch.before() + " → " + ch.after())
                .collect(Collectors.joining(" · "));
        int more = changes.size() - MAX_CHANGES_SHOWN;
        return " — " + shown + (more > 0 ? " · and " + more + " more in the page report" : "");
    }

    /** The warnings, if any, then where the long print lives: a slide has room for a line or two of small print. */
    private static VBox footnote(Estimate estimate) {
        VBox footnote = new VBox(2);
        List<String> warnings = Warnings.of(estimate);
        if (!warnings.isEmpty()) {
            footnote.getChildren().add(wrapping(ReportParts.text("Note: " + String.join(" · ", warnings), "report-warning")));
        }
        Label source = ReportParts.text("Estimates, not measurements. Assumptions, ranges and price sources: the page report "
                + "(loopline export --layout page).", "report-footnote");
        source.setId("slide-footnote");
        footnote.getChildren().add(wrapping(source));
        return footnote;
    }

    /** Wraps, and keeps the height its lines need: the charts give way, not the words. */
    private static Label wrapping(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static GridPane twoColumns() {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.getColumnConstraints().addAll(percentColumn(50), percentColumn(50));
        return grid;
    }

    private static ColumnConstraints percentColumn(double percent) {
        ColumnConstraints c = new ColumnConstraints();
        c.setPercentWidth(percent);
        return c;
    }

    /** The laid-out chart and card views, for checking that each sits inside the slide. */
    public List<Node> panels() {
        List<Node> all = new java.util.ArrayList<>(charts.getChildren());
        all.addAll(cards.getChildren());
        all.add(lifetime);
        return all;
    }
}
