package loopline.ui;

import java.util.function.DoubleFunction;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ToDoubleFunction;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import loopline.engine.Scenario;

/**
 * A labelled slider bound to one scenario value: label, current value with units, tooltip. Log sliders
 * move over log10 of the value so 1k–10B requests a day fit one track.
 */
final class SliderRow extends VBox {

    /** What a slider edits: range, scale, how to show the value, how to read it and how to write it. */
    record Spec(String id, String label, String help, double min, double max, boolean log,
                DoubleFunction<String> format, ToDoubleFunction<Scenario> read, ObjDoubleConsumer<ExplorerViewModel> write) {
    }

    private final Spec spec;
    private final Slider slider;
    private final Label value = new Label();
    private boolean refreshing;

    SliderRow(Spec spec, ExplorerViewModel vm) {
        this.spec = spec;
        slider = new Slider(toSlider(spec.min()), toSlider(spec.max()), toSlider(spec.min()));
        slider.setId(spec.id());
        slider.setBlockIncrement((slider.getMax() - slider.getMin()) / 50);
        slider.setFocusTraversable(true);
        slider.setAccessibleText(spec.label());
        Label name = new Label(spec.label());
        name.getStyleClass().add("control-label");
        name.setLabelFor(slider);
        value.getStyleClass().add("control-value");
        value.setId(spec.id() + "-value");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(6, name, spacer, value);
        top.setAlignment(Pos.BASELINE_LEFT);
        Tooltip tip = new Tooltip(spec.help());
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        name.setTooltip(tip); // on the label, so it never covers the track while dragging
        getChildren().addAll(top, slider);
        getStyleClass().add("control-row");
        slider.valueProperty().addListener((obs, old, now) -> {
            if (!refreshing) {
                double v = fromSlider(now.doubleValue());
                value.setText(spec.format().apply(v));
                spec.write().accept(vm, v);
            }
        });
    }

    /** Shows the scenario's value without writing it back. */
    void refresh(Scenario s) {
        double v = spec.read().applyAsDouble(s);
        value.setText(spec.format().apply(v));
        if (!slider.isValueChanging()) {
            refreshing = true;
            slider.setValue(toSlider(Math.max(spec.min(), Math.min(spec.max(), v))));
            refreshing = false;
        }
    }

    Slider slider() {
        return slider;
    }

    private double toSlider(double v) {
        return spec.log() ? Math.log10(v) : v;
    }

    private double fromSlider(double v) {
        return spec.log() ? Math.pow(10, v) : v;
    }
}
