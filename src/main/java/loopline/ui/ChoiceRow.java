package loopline.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import loopline.engine.Scenario;
import org.controlsfx.control.SegmentedButton;

/** A labelled row of segmented buttons bound to one text field of the scenario (e.g. a precision). */
final class ChoiceRow extends VBox {
    private final SegmentedButton buttons = new SegmentedButton();
    private final Function<Scenario, String> read;
    private boolean refreshing;

    ChoiceRow(String id, String label, String help, List<String> choices, Function<Scenario, String> read,
              String path, ExplorerViewModel vm) {
        this.read = read;
        for (String c : choices) {
            ToggleButton b = new ToggleButton(c.toUpperCase(Locale.ROOT));
            b.setUserData(c);
            b.setId(id + "-" + c);
            b.setFocusTraversable(true);
            buttons.getButtons().add(b);
        }
        buttons.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (refreshing) {
                return;
            }
            if (now == null) { // a segmented choice always has one selected
                refreshing = true;
                buttons.getToggleGroup().selectToggle(old);
                refreshing = false;
                return;
            }
            vm.setText(path, (String) now.getUserData());
        });
        buttons.setId(id);
        Label name = new Label(label);
        name.getStyleClass().add("control-label");
        name.setTooltip(new Tooltip(help)); // on the label, so it never covers the buttons
        getChildren().addAll(name, buttons);
        getStyleClass().add("control-row");
    }

    void refresh(Scenario s) {
        String current = read.apply(s);
        refreshing = true;
        for (Toggle t : buttons.getToggleGroup().getToggles()) {
            if (current.equals(t.getUserData())) {
                buttons.getToggleGroup().selectToggle(t);
            }
        }
        refreshing = false;
    }
}
