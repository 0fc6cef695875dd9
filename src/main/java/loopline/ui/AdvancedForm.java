package loopline.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import loopline.data.FieldSpec;
import loopline.data.ScenarioSchema;

/**
 * Every scenario field the main controls do not cover, generated from {@link ScenarioSchema}: a text box,
 * a choice or a check box per field. An empty box means "the default", shown as its placeholder.
 */
final class AdvancedForm extends GridPane {
    /** Fields the main controls already edit. */
    static final Set<String> COVERED = Set.of("training.gpu", "inference.gpu", "training.precision", "inference.precision",
            "inference.requestsPerDay", "inference.promptTokens", "inference.outputTokens", "training.tokens",
            "training.gpuCount", "training.mfu", "inference.targetTokensPerSecondPerUser");

    private interface Editor {
        void refresh(String value);
    }

    private record Row(FieldSpec field, Editor editor) {
    }

    private final ExplorerViewModel vm;
    private final List<Row> rows = new ArrayList<>();
    private boolean refreshing;

    AdvancedForm(ExplorerViewModel vm) {
        this.vm = vm;
        getStyleClass().add("advanced-form");
        setHgap(6);
        setVgap(4);
        int r = 0;
        for (FieldSpec f : ScenarioSchema.FIELDS) {
            if (COVERED.contains(f.path())) {
                continue;
            }
            Label label = new Label(f.path());
            label.getStyleClass().add("field-label");
            Tooltip tip = new Tooltip(f.help() + "\nRange: " + f.rangeText() + (f.unit().isEmpty() ? "" : " " + f.unit())
                    + "\nDefault: " + f.defaultText());
            tip.setWrapText(true);
            tip.setMaxWidth(380);
            label.setTooltip(tip);
            Node editor = editor(f);
            GridPane.setHgrow(editor, Priority.ALWAYS);
            addRow(r++, label, editor);
        }
    }

    private Node editor(FieldSpec f) {
        String id = "field-" + f.path().replace('.', '-');
        switch (f.kind()) {
            case BOOLEAN -> {
                CheckBox box = new CheckBox();
                box.setId(id);
                box.setOnAction(e -> vm.setFlag(f.path(), box.isSelected()));
                rows.add(new Row(f, v -> box.setSelected(v != null ? Boolean.parseBoolean(v) : (Boolean) f.defaultValue())));
                return box;
            }
            case CHOICE, GPU -> {
                List<String> items = f.kind() == FieldSpec.Kind.GPU ? new ArrayList<>(vm.catalogs().gpus().keySet()) : f.choices();
                ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(items));
                box.setId(id);
                box.setPromptText("default: " + f.defaultText());
                box.setMaxWidth(Double.MAX_VALUE);
                box.valueProperty().addListener((o, a, v) -> {
                    if (!refreshing && v != null) {
                        vm.setText(f.path(), v);
                    }
                });
                rows.add(new Row(f, v -> box.setValue(v != null ? v : (String) f.defaultValue())));
                return box;
            }
            default -> {
                TextField text = new TextField();
                text.setId(id);
                text.setPromptText(f.defaultText());
                Runnable commit = () -> {
                    String t = text.getText().trim();
                    if (t.isEmpty()) {
                        vm.clear(f.path());
                    } else if (!t.equals(vm.documentValue(f.path()))) {
                        vm.apply(f.path(), t);
                    }
                };
                text.setOnAction(e -> commit.run());
                text.focusedProperty().addListener((o, was, now) -> {
                    if (was && !now) {
                        commit.run();
                    }
                });
                rows.add(new Row(f, v -> {
                    if (!text.isFocused()) {
                        text.setText(v == null ? "" : v);
                    }
                }));
                return text;
            }
        }
    }

    void refresh() {
        refreshing = true;
        try {
            for (Row row : rows) {
                row.editor().refresh(vm.documentValue(row.field().path()));
            }
        } finally {
            refreshing = false;
        }
    }
}
