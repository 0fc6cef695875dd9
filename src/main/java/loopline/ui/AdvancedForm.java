package loopline.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import loopline.engine.ScenarioField;
import loopline.engine.ScenarioFields;
import loopline.fx.HeightsByWidth;
import loopline.present.Format;

/**
 * Exactly the scenario fields the main controls do not edit, generated from {@link ScenarioFields}: a text
 * box, a choice or a check box per field, labelled in words with the file path in the tooltip. An empty box
 * means "the default", shown as its placeholder. A refused value stays in its box, marked, with the reason in the
 * words on screen on the line below it, until the edit is abandoned (Esc) or the scenario next changes; the value in
 * force is the last valid one.
 */
final class AdvancedForm extends GridPane {
    private record Row(ScenarioField<?> field, Consumer<String> refresh) {
    }

    private record Refusal(ScenarioField<?> field, RefusalLine line) {
    }

    private final ExplorerViewModel vm;
    private final List<Row> rows = new ArrayList<>();
    /** Each editor's line for the reason a value was refused, under it, taking no room while there is none. */
    private final Map<Control, Refusal> refusals = new HashMap<>();
    private boolean refreshing;
    /**
     * Heights by width. Forty wrapped labels make the form's height costly (a text layout each), and every slider move
     * lays out the controls column around it, folded or not: keep the heights for a layout pass, or until something
     * inside it changes.
     * (Null while GridPane's constructor asks for a layout.)
     */
    private final HeightsByWidth heights = new HeightsByWidth();

    AdvancedForm(ExplorerViewModel vm, Collection<ScenarioField<?>> coveredByMainControls) {
        this.vm = vm;
        getStyleClass().add("advanced-form");
        setHgap(6);
        setVgap(4);
        // labels get a fixed share and wrap onto a second line rather than end in "…": "Tensor parallel (training)"
        // and "(serving)" must not both read "Tensor para…"
        ColumnConstraints labels = new ColumnConstraints();
        labels.setPercentWidth(46);
        ColumnConstraints editors = new ColumnConstraints();
        editors.setPercentWidth(54);
        editors.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(labels, editors);
        int r = 0;
        for (ScenarioField<?> f : ScenarioFields.ALL) {
            if (coveredByMainControls.contains(f)) {
                continue;
            }
            Label label = new Label(f.label());
            label.getStyleClass().add("field-label");
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
            Tooltip tip = new Tooltip(f.path() + "\n" + f.help() + "\nRange: " + f.rangeText()
                    + (f.unit().isEmpty() ? "" : " " + f.unit()) + "\nDefault: " + f.defaultText());
            tip.setWrapText(true);
            tip.setMaxWidth(380);
            label.setTooltip(tip);
            Control editor = editor(f);
            editor.setId("field-" + f.path().replace('.', '-'));
            editor.setMinWidth(60); // long prompts and choices must not widen the whole controls column
            label.setLabelFor(editor);
            GridPane.setHgrow(editor, Priority.ALWAYS);
            addRow(r++, label, editor);
            RefusalLine refusal = new RefusalLine("refusal-" + f.path().replace('.', '-'));
            add(refusal, 0, r++, 2, 1);
            refusals.put(editor, new Refusal(f, refusal));
        }
    }

    @Override
    public void requestLayout() {
        if (heights != null) { // a row changed (text, font, a marked error): its height may have too
            heights.forget();
        }
        super.requestLayout();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        heights.forget(); // heights last one layout pass: see HeightsByWidth
    }

    @Override
    protected double computePrefHeight(double width) {
        return heights.preferred(width, super::computePrefHeight);
    }

    @Override
    protected double computeMinHeight(double width) {
        return heights.minimum(width, super::computeMinHeight);
    }

    private Control editor(ScenarioField<?> f) {
        return switch (f.kind()) {
            case BOOLEAN -> checkBox(f);
            case CHOICE, GPU -> comboBox(f);
            default -> textField(f);
        };
    }

    private Control checkBox(ScenarioField<?> f) {
        CheckBox box = new CheckBox();
        box.setOnAction(e -> show(box, vm.setTextAtField(f, Boolean.toString(box.isSelected()))));
        rows.add(new Row(f, v -> box.setSelected(Boolean.parseBoolean(v))));
        return box;
    }

    private <T> Control comboBox(ScenarioField<T> f) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(vm.choices(f).stream().map(f::id).toList()));
        box.setPromptText("default: " + f.defaultText());
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().addListener((o, a, v) -> {
            if (!refreshing && v != null) {
                show(box, vm.setTextAtField(f, v));
            }
        });
        rows.add(new Row(f, box::setValue));
        return box;
    }

    private Control textField(ScenarioField<?> f) {
        TextField text = new TextField();
        text.setPromptText(f.defaultText());
        if (f.hasDerivedDefault()) {
            // the rule ("4M tokens up to 100B parameters, then …") does not fit a box: it shows the value it gives
            // now, and the rule reads in the label's tooltip
            text.setTooltip(new Tooltip("Empty: " + f.defaultText()));
        }
        Runnable commit = () -> {
            String t = text.getText().trim();
            String stored = vm.documentText(f);
            if (t.isEmpty() ? stored != null : !t.equals(stored)) {
                show(text, vm.setTextAtField(f, t));
            } else {
                show(text, null);
            }
        };
        text.setOnAction(e -> commit.run());
        text.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && text.getStyleClass().contains("refused")) {
                String stored = vm.documentText(f); // abandoned: the value in force again, and no reason left over
                text.setText(stored == null ? "" : stored);
                show(text, null);
                e.consume();
            }
        });
        text.focusedProperty().addListener((o, was, now) -> {
            if (was && !now) {
                commit.run();
            }
        });
        rows.add(new Row(f, v -> {
            if (f.hasDerivedDefault() && isNumber(f)) {
                text.setPromptText(Format.formatCount(((Number) vm.value(f)).doubleValue()) + " (default)");
            }
            if (!text.isFocused()) { // the scenario moved on: show the value in force, drop a refused one
                text.setText(v == null ? "" : v);
                show(text, null);
            }
        }));
        return text;
    }

    /** Marks a refused value and says why under it, in the labels on screen; clears both once a value is accepted. */
    private void show(Control editor, String problem) {
        Refusal refusal = refusals.get(editor);
        refusal.line().show(editor, problem == null ? null : RefusalWords.atField(problem, refusal.field()));
    }

    void refresh() {
        refreshing = true;
        try {
            for (Row row : rows) {
                row.refresh().accept(valueShown(row.field()));
            }
        } finally {
            refreshing = false;
        }
    }

    private static boolean isNumber(ScenarioField<?> f) {
        return f.kind() == ScenarioField.Kind.NUMBER || f.kind() == ScenarioField.Kind.WHOLE;
    }

    /** Text boxes show what the file sets (empty: the default); choices and check boxes show the value in force. */
    private <T> String valueShown(ScenarioField<T> f) {
        String stored = vm.documentText(f);
        boolean box = !isNumber(f) && f.kind() != ScenarioField.Kind.TEXT;
        return stored == null && box ? f.id(vm.value(f)) : stored;
    }
}
