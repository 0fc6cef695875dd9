package loopline.report;

import java.time.LocalDate;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import loopline.engine.Estimate;
import loopline.present.Charts;
import loopline.present.ChartsFactory;
import loopline.present.KeyFigure;
import loopline.present.KeyFigures;
import loopline.present.ReportText;
import loopline.present.Warnings;
import loopline.ui.Dashboard;

/**
 * The report as one node, laid out at a fixed width so it looks the same whatever the window's size:
 * title, inputs, the same charts and cards as the window, assumptions and price sources.
 */
public final class ReportView extends VBox {
    public static final double WIDTH = 1400;

    public ReportView(Estimate estimate, Charts charts, LocalDate date) {
        this(estimate, charts, date, null);
    }

    /**
     * @param baseline the scenario A this one (B) is compared with, or null: with one, a line under the title names A
     *                 and the inputs table lists only the inputs that differ, A → B
     */
    public ReportView(Estimate estimate, Charts charts, LocalDate date, Estimate baseline) {
        getStyleClass().add("report");
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        setMaxWidth(WIDTH);
        setSpacing(8);
        setPadding(new Insets(18, 20, 16, 20));

        Label description = ReportParts.text(estimate.scenario().description(), "report-description");
        description.setWrapText(true);
        Node head = baseline == null ? ReportParts.head(estimate.scenario(), date, description)
                : ReportParts.head(estimate.scenario(), date, description, ReportParts.comparedWith(baseline.scenario(), ""));

        // each list of cards once: its ranges take four more evaluations of the scenario
        List<KeyFigure> figures = KeyFigures.of(estimate);
        List<KeyFigure> baselineFigures = baseline == null ? null : KeyFigures.of(baseline);
        Dashboard dashboard = new Dashboard(null);
        dashboard.setPadding(Insets.EMPTY);
        // with a baseline: A as ghosts behind the charts, and each card's change from A
        dashboard.show(charts, figures, baseline == null ? null : ChartsFactory.of(baseline), baselineFigures);

        Label assumptions = new Label(ReportText.assumptions(estimate.scenario()));
        assumptions.getStyleClass().add("report-footnote");
        assumptions.setWrapText(true);
        Label prices = new Label(ReportText.priceSources(estimate.scenario()));
        prices.getStyleClass().add("report-footnote");
        prices.setWrapText(true);

        getChildren().addAll(head, baseline == null ? inputs(estimate) : changes(baseline, baselineFigures, estimate, figures), dashboard);
        List<String> notes = Warnings.of(estimate);
        if (!notes.isEmpty()) {
            Label warnings = new Label("Note: " + String.join("  ·  ", notes));
            warnings.getStyleClass().add("report-warning");
            warnings.setWrapText(true);
            getChildren().add(warnings);
        }
        getChildren().addAll(assumptions, prices);
    }

    /** Beside each other: the inputs that differ from the baseline, and the key figures that moved, A → B. */
    private static HBox changes(Estimate baseline, List<KeyFigure> baselineFigures, Estimate e, List<KeyFigure> figures) {
        HBox tables = new HBox(40, changeTable("Inputs that differ", ReportText.changes(baseline.scenario(), e.scenario())),
                changeTable("Key figures that moved", ReportText.figureChanges(baselineFigures, figures)));
        tables.getStyleClass().add("report-inputs");
        tables.setId("report-changes");
        return tables;
    }

    /** One row per change: label, A's value, →, B's value. */
    private static GridPane changeTable(String title, List<ReportText.Change> changes) {
        GridPane table = new GridPane();
        table.setHgap(14);
        table.setVgap(1);
        table.addRow(0, ReportParts.text(title, "report-section"), ReportParts.text("A", "report-section"),
                ReportParts.text("", "report-section"), ReportParts.text("B", "report-section"));
        int row = 1;
        for (ReportText.Change c : changes) {
            table.addRow(row++, ReportParts.text(c.label(), "report-input-name"), ReportParts.text(c.before(), "report-input-value"),
                    ReportParts.text("→", "report-input-name"), ReportParts.text(c.after(), "report-input-value"));
        }
        if (changes.isEmpty()) {
            table.add(ReportParts.text("none", "report-input-name"), 0, 1, 4, 1);
        }
        return table;
    }

    private static GridPane inputs(Estimate e) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("report-inputs");
        grid.setHgap(18);
        int column = 0;
        for (ReportText.Section section : ReportText.inputs(e.scenario())) {
            GridPane table = new GridPane();
            table.setHgap(10);
            table.setVgap(1);
            Label heading = new Label(section.title());
            heading.getStyleClass().addAll("report-section", section.side().styleClass());
            table.add(heading, 0, 0, 2, 1);
            int row = 1;
            for (ReportText.Row r : section.rows()) {
                Label name = new Label(r.label());
                name.getStyleClass().add("report-input-name");
                // a field's name is never cut ("FFN · vocabul…"): it keeps its width and the value beside it wraps
                name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                Label value = new Label(r.value());
                value.getStyleClass().add("report-input-value");
                value.setWrapText(true);
                table.addRow(row++, name, value);
            }
            ColumnConstraints third = new ColumnConstraints();
            third.setPercentWidth(100.0 / 3);
            grid.getColumnConstraints().add(third);
            grid.add(table, column++, 0);
        }
        return grid;
    }
}
