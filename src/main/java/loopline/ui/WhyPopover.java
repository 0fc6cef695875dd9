package loopline.ui;

import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import loopline.present.Explanation;
import org.controlsfx.control.PopOver;

/**
 * Shows the formula and inputs behind a figure, next to the button that asked. Each "why?" gets a fresh pop-over:
 * one reused across shows keeps its owner window, position and skin state from the last time, and a pop-over that
 * once went wrong (hidden mid-way, its owner changed) would stay wrong until restart. A new one costs nothing a
 * person notices; the previous one is closed first, so there is never more than one.
 */
final class WhyPopover {
    private PopOver popOver;

    void show(Explanation explanation, Node owner) {
        if (explanation == null || owner.getScene() == null || owner.getScene().getWindow() == null) {
            return;
        }
        hide();
        popOver = new PopOver(content(explanation));
        popOver.setDetachable(false);
        popOver.setArrowLocation(PopOver.ArrowLocation.TOP_CENTER);
        popOver.setAnimated(false);
        // ControlsFX styles the pop-over with a stylesheet on its own root, which outranks the scene's: ours
        // goes after it so the pop-over follows the theme's palette (a white pop-over on the dark theme otherwise)
        popOver.getRoot().getStylesheets().add(loopline.fx.Stylesheet.url());
        popOver.show(owner);
        if (!Platform.isSupported(ConditionalFeature.TRANSPARENT_WINDOW)
                && owner.getScene().getRoot() instanceof Region page && page.getBackground() != null
                && !page.getBackground().getFills().isEmpty()) {
            // without window transparency (X without a compositor) the pop-up's corners, shadow and arrow
            // show the window's own fill, white by default: the page colour makes them part of the page instead
            popOver.getScene().setFill(page.getBackground().getFills().get(0).getFill());
        }
    }

    void hide() {
        if (popOver != null && popOver.isShowing()) {
            popOver.hide();
        }
        popOver = null;
    }

    static VBox content(Explanation x) {
        Label title = new Label(x.title());
        title.getStyleClass().add("why-title");
        Label formula = new Label(x.formula());
        formula.getStyleClass().add("why-formula");
        formula.setWrapText(true);
        GridPane inputs = new GridPane();
        inputs.getStyleClass().add("why-inputs");
        int row = 0;
        for (Explanation.Input i : x.inputs()) {
            Label name = new Label(i.name());
            name.getStyleClass().add("why-input-name");
            name.setMinWidth(Region.USE_PREF_SIZE); // a name is never cut: the value beside it wraps instead
            Label value = new Label(i.value());
            value.setWrapText(true);
            inputs.addRow(row++, name, value);
        }
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        values.setFillWidth(true);
        inputs.getColumnConstraints().setAll(names, values);
        Label result = new Label("= " + x.result());
        result.getStyleClass().add("why-result");
        VBox box = new VBox(8, title, formula, inputs, result);
        if (x.note() != null && !x.note().isEmpty()) {
            Label note = new Label(x.note());
            note.setWrapText(true);
            note.getStyleClass().add("why-note");
            box.getChildren().add(note);
        }
        box.getStyleClass().add("why-box");
        box.setMaxWidth(560);
        return box;
    }
}
