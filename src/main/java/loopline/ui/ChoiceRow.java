package loopline.ui;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import loopline.engine.ScenarioField;
import loopline.fx.HeightCachingVBox;
import org.controlsfx.control.SegmentedButton;

/** A labelled row of segmented buttons, one per value the field allows (e.g. every valid precision). */
final class ChoiceRow<T> extends HeightCachingVBox {
    private final SegmentedButton buttons = new SegmentedButton();
    private final ScenarioField<T> field;
    private final ExplorerViewModel vm;
    private boolean refreshing;

    ChoiceRow(String id, String label, ScenarioField<T> field, ExplorerViewModel vm) {
        this.field = field;
        this.vm = vm;
        for (T c : vm.choices(field)) {
            ToggleButton b = new ToggleButton(field.id(c).toUpperCase(Locale.ROOT));
            b.setUserData(c);
            b.setId(id + "-" + field.id(c));
            b.setFocusTraversable(true);
            buttons.getButtons().add(b);
        }
        buttons.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (refreshing) {
                return;
            }
            if (now == null || vm.set(field, field.type().cast(now.getUserData())) != null) {
                refresh(); // a segmented choice always shows the value in force
            }
        });
        buttons.setId(id);
        // The skin, created when the row is first shown, re-applies the buttons' state: select again after it.
        buttons.skinProperty().addListener((o, old, skin) -> refresh());
        Label name = new Label(label);
        name.getStyleClass().add("control-label");
        name.setTooltip(new Tooltip(field.help())); // on the label, so it never covers the buttons
        getChildren().addAll(name, buttons);
        getStyleClass().add("control-row");
    }

    /** The field the buttons set: a field with buttons here is not repeated in the Advanced form. */
    ScenarioField<T> field() {
        return field;
    }

    void refresh() {
        if (vm.scenario() == null) {
            return; // nothing opened yet
        }
        T current = vm.value(field);
        refreshing = true;
        try {
            for (Toggle t : buttons.getToggleGroup().getToggles()) {
                if (current.equals(t.getUserData())) {
                    buttons.getToggleGroup().selectToggle(t);
                }
            }
        } finally {
            refreshing = false;
        }
    }
}
