package loopline.ui;

import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import loopline.present.Figure;
import loopline.present.KeyFigure;

/** One key figure: label, value and its range, a line of context, the side's colour, and "why?". */
public final class FigureCard extends VBox {
    private final Label label = new Label();
    private final Label value = new Label();
    private final Label range = new Label();
    private final Label detail = new Label();
    private Figure figure;

    public FigureCard(BiConsumer<Figure, Node> explain, boolean explainable) {
        Button why = new Button("?");
        why.setVisible(explainable);
        why.setManaged(explainable);
        why.getStyleClass().add("why-small");
        why.setAccessibleText("why?");
        why.setOnAction(e -> explain.accept(figure, why));
        label.getStyleClass().add("card-label");
        value.getStyleClass().add("card-value");
        range.getStyleClass().add("card-range");
        value.setMinWidth(Region.USE_PREF_SIZE); // the likely figure never gives way; its range may
        HBox valueRow = new HBox(4, value, range);
        valueRow.setAlignment(Pos.BASELINE_LEFT);
        detail.getStyleClass().add("card-detail");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(4, label, spacer, why);
        top.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, valueRow, detail);
        getStyleClass().add("figure-card");
    }

    public void show(KeyFigure k) {
        label.setText(k.label());
        value.setText(k.value());
        range.setText(k.range());
        detail.setText(k.detail());
        figure = k.figure();
        if (!getStyleClass().contains(k.side().styleClass())) { // restyling costs a CSS pass: only on change
            getStyleClass().removeAll("training", "inference", "both");
            getStyleClass().add(k.side().styleClass());
        }
        if (k.problem() != getStyleClass().contains("problem")) {
            if (k.problem()) {
                getStyleClass().add("problem");
            } else {
                getStyleClass().remove("problem");
            }
        }
    }

    public String valueText() {
        return value.getText();
    }

    public String labelText() {
        return label.getText();
    }
}
