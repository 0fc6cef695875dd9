package loopline.report;

import java.time.LocalDate;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import loopline.engine.Estimate;
import loopline.present.Charts;
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
        getStyleClass().add("report");
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        setMaxWidth(WIDTH);
        setSpacing(8);
        setPadding(new Insets(18, 20, 16, 20));

        Label title = new Label(estimate.scenario().name());
        title.getStyleClass().add("report-title");
        title.setId("report-title");
        Label description = new Label(estimate.scenario().description());
        description.getStyleClass().add("report-description");
        description.setWrapText(true);
        Label stamp = new Label("LoopLine " + Version.current() + " · " + date);
        stamp.getStyleClass().add("report-stamp");
        stamp.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox titles = new VBox(2, title, description);
        HBox.setHgrow(titles, Priority.ALWAYS);
        HBox head = new HBox(12, titles, stamp);
        head.setAlignment(Pos.TOP_LEFT);

        Dashboard dashboard = new Dashboard(null);
        dashboard.setPadding(Insets.EMPTY);
        dashboard.show(charts, KeyFigures.of(estimate));

        Label assumptions = new Label(ReportText.assumptions(estimate.scenario()));
        assumptions.getStyleClass().add("report-footnote");
        assumptions.setWrapText(true);
        Label prices = new Label(ReportText.priceSources(estimate.scenario()));
        prices.getStyleClass().add("report-footnote");
        prices.setWrapText(true);

        getChildren().addAll(head, inputs(estimate), dashboard);
        if (!Warnings.of(estimate).isEmpty()) {
            Label warnings = new Label("Note: " + String.join("  ·  ", Warnings.of(estimate)));
            warnings.getStyleClass().add("report-warning");
            warnings.setWrapText(true);
            getChildren().add(warnings);
        }
        getChildren().addAll(assumptions, prices);
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
