package loopline.ui;

import java.util.function.DoubleFunction;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ToDoubleFunction;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import loopline.engine.Scenario;
import loopline.engine.ScenarioField;
import loopline.engine.TypedNumber;
import loopline.fx.HeightCachingVBox;

/**
 * A labelled slider bound to one scenario value: label, current value with units, tooltip. Log sliders
 * move over log10 of the value so 1k–10B requests a day fit one track. Arrow keys step in round numbers
 * ({@link RoundSteps}); clicking the value (or Enter on the slider) opens a box to type an exact one.
 */
final class SliderRow extends HeightCachingVBox {

    /**
     * What a slider edits: range, scale, how to show the value, how to read it and how to write it, and the scenario
     * field behind it (null for the model's size), which reads a typed value exactly as the Advanced form and
     * {@code --set} do, unrounded, so a refusal quotes what was typed.
     */
    record Spec(String id, String label, String help, double min, double max, boolean log,
                DoubleFunction<String> format, ToDoubleFunction<Scenario> read, ObjDoubleConsumer<ExplorerViewModel> write,
                ScenarioField<Double> field) {

        /** A slider over something other than one scenario field. */
        Spec(String id, String label, String help, double min, double max, boolean log,
             DoubleFunction<String> format, ToDoubleFunction<Scenario> read, ObjDoubleConsumer<ExplorerViewModel> write) {
            this(id, label, help, min, max, log, format, read, write, null);
        }
    }

    private static final String TYPE_HINT = "Click the value to type one: 40M, 1.5e6, 1,000 (Enter applies, Esc cancels).";

    private final Spec spec;
    private final ExplorerViewModel vm;
    private final Slider slider;
    private final Label value = new Label();
    private final TextField typed = new TextField();
    /** Why a typed value was refused, under the slider, in the label's words; no room taken while there is none. */
    private final RefusalLine reason;
    private final HBox top;
    private boolean refreshing;

    SliderRow(Spec spec, ExplorerViewModel vm) {
        this.spec = spec;
        this.vm = vm;
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
        top = new HBox(6, name, spacer, value);
        top.setAlignment(Pos.BASELINE_LEFT);
        String keys = spec.log() ? "↑/→ doubles, ↓/← halves; with Shift ×10 / ÷10." : "↑/→ and ↓/← step; with Shift, ten steps.";
        Tooltip tip = new Tooltip(spec.help() + "\n" + keys + "\n" + TYPE_HINT);
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        name.setTooltip(tip); // on the label, so it never covers the track while dragging
        reason = new RefusalLine(spec.id() + "-refusal");
        getChildren().addAll(top, slider, reason);
        getStyleClass().add("control-row");
        slider.valueProperty().addListener((obs, old, now) -> {
            if (!refreshing) {
                double v = fromSlider(now.doubleValue());
                value.setText(spec.format().apply(v));
                spec.write().accept(vm, v);
            }
        });
        slider.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        typeable();
    }

    /** Arrows step from the scenario's exact value, not the thumb's position; Enter opens the typing box. */
    private void onKey(KeyEvent e) {
        int steps = switch (e.getCode()) {
            case UP, RIGHT, KP_UP, KP_RIGHT -> 1;
            case DOWN, LEFT, KP_DOWN, KP_LEFT -> -1;
            default -> 0;
        };
        if (steps != 0) {
            e.consume();
            double now = spec.read().applyAsDouble(vm.scenario());
            spec.write().accept(vm, RoundSteps.step(now, steps, e.isShiftDown(), spec.log(), spec.min(), spec.max()));
        } else if (e.getCode() == KeyCode.ENTER) {
            e.consume();
            startTyping();
        }
    }

    private void typeable() {
        value.setCursor(Cursor.TEXT);
        value.setTooltip(new Tooltip(TYPE_HINT));
        value.setOnMouseClicked(e -> startTyping());
        typed.setId(spec.id() + "-typed");
        typed.getStyleClass().add("control-typed");
        typed.setPrefColumnCount(8);
        typed.setOnAction(e -> apply());
        typed.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                markRefused(null); // abandoned: the value in force again, and no reason left over
                stopTyping();
            }
        });
        typed.focusedProperty().addListener((o, was, now) -> {
            if (was && !now && top.getChildren().contains(typed)) {
                apply(); // leaving the box keeps what was typed, as the Advanced form does
            }
        });
    }

    private void startTyping() {
        if (top.getChildren().contains(typed)) {
            return;
        }
        typed.setText(value.getText());
        markRefused(null);
        top.getChildren().set(top.getChildren().indexOf(value), typed);
        typed.requestFocus();
        typed.selectAll();
    }

    /**
     * Applies the typed value through the view-model. A value it refuses (not a number, or one the field does not
     * allow) stays in the box, marked, with the reason under the slider, until fixed or Esc; the last valid value stays.
     */
    private void apply() {
        if (typed.getText().trim().equals(value.getText())) {
            markRefused(null);
            stopTyping(); // unchanged: "70.6B" typed back would move a catalog model off the catalog
            return;
        }
        double v = TypedNumber.parse(typed.getText());
        if (Double.isNaN(v)) {
            markRefused("Must be a number such as 40M, 1.5e6 or 1,000, got \"" + typed.getText().trim() + "\"");
            return;
        }
        String refusal = null;
        if (spec.field() != null) {
            refusal = vm.setTextAtField(spec.field(), typed.getText().trim());
        } else {
            spec.write().accept(vm, v);
        }
        if (refusal != null) {
            markRefused(RefusalWords.atField(refusal, spec.field()));
            return;
        }
        markRefused(null);
        stopTyping();
        if (vm.scenario() != null) {
            refresh(vm.scenario());
        }
    }

    private void stopTyping() {
        int at = top.getChildren().indexOf(typed);
        if (at >= 0) {
            top.getChildren().set(at, value);
            slider.requestFocus();
        }
    }

    private void markRefused(String problem) {
        reason.show(typed, problem);
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
