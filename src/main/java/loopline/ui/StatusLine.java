package loopline.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * One line above the dashboard for the problem banner or, when there is no problem, the estimate's warnings, or,
 * when all is well, what the scenario is (its description, or once edited its inputs as they are now).
 * It always takes its height, shown or not, so a message appearing never moves the dashboard under the
 * pointer; a message longer than the line ends in "…" and reads in full in its tooltip.
 */
final class StatusLine extends StackPane {
    StatusLine(ObservableStringValue problem, ObservableStringValue warnings, ObservableStringValue description) {
        getStyleClass().add("status-line");
        BooleanBinding hasProblem = Bindings.isNotNull(problem);
        BooleanBinding hasWarnings = Bindings.isNotNull(warnings);
        Label descriptionLabel = message("scenario-description", description,
                Bindings.isNotNull(description).and(hasProblem.not()).and(hasWarnings.not()));
        Label warningsLabel = message("warnings-strip", warnings, hasWarnings.and(hasProblem.not()));
        Label problemLabel = message("problem-banner", problem, hasProblem); // on top: a problem matters more
        getChildren().addAll(descriptionLabel, warningsLabel, problemLabel);
        // one line of text high, whatever is shown: the labels keep their place (and height) while hidden
        setMinHeight(USE_PREF_SIZE);
        setMaxHeight(USE_PREF_SIZE);
    }

    private static Label message(String id, ObservableStringValue text, BooleanBinding shown) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(id);
        label.setWrapText(false);
        label.setMinWidth(0);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMaxHeight(Double.MAX_VALUE);
        label.setAlignment(Pos.CENTER_LEFT);
        // a space while there is no message keeps the line one text line high
        label.textProperty().bind(Bindings.when(Bindings.isNull(text)).then(" ").otherwise(text));
        label.visibleProperty().bind(shown);
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        tip.textProperty().bind(label.textProperty());
        label.setTooltip(tip);
        return label;
    }
}
