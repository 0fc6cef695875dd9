package loopline.ui;

import static loopline.present.Format.formatNumber;
import static loopline.present.Format.formatParameters;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleFunction;
import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import loopline.engine.Gpu;
import loopline.engine.ModelArchitecture;
import loopline.engine.Scenario;
import loopline.engine.ScenarioField;
import loopline.engine.ScenarioFields;
import loopline.present.Format;

/**
 * The left-hand controls, in the engine's terms. The main questions — model size, precision, GPU, traffic —
 * are sliders and buttons; every other scenario field is in "Advanced", generated from the schema.
 */
final class ControlsPanel extends VBox {
    private final ExplorerViewModel vm;
    private final List<SliderRow> sliders = new ArrayList<>();
    private final List<ChoiceRow<?>> choices = new ArrayList<>();
    /** The fields a main control edits; the Advanced form shows exactly the others. */
    private final Set<ScenarioField<?>> covered = new HashSet<>();
    private final ComboBox<ModelArchitecture> modelPicker = new ComboBox<>();
    private final Label modelNote = new Label();
    private final ComboBox<Gpu> trainingGpu = new ComboBox<>();
    private final ComboBox<Gpu> servingGpu = new ComboBox<>();
    private final CheckBox sameGpu = new CheckBox("same as training");
    private final AdvancedForm advanced;
    private TitledPane advancedPane;
    private boolean refreshing;

    ControlsPanel(ExplorerViewModel vm) {
        this.vm = vm;
        getStyleClass().add("controls");
        setSpacing(6);

        section("Model");
        modelPicker.setId("model-picker");
        modelPicker.setItems(FXCollections.observableArrayList(vm.models()));
        modelPicker.setConverter(converter(m -> m == null ? "" : m.name()));
        modelPicker.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(ModelArchitecture m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? "Derived model (size slider)" : m.name());
            }
        });
        modelPicker.setMaxWidth(Double.MAX_VALUE);
        modelPicker.setTooltip(new Tooltip("A model from assets/models.json, with its real architecture"));
        modelPicker.valueProperty().addListener((o, a, m) -> {
            if (!refreshing && m != null) {
                vm.selectModel(m.id());
            }
        });
        getChildren().add(modelPicker);
        slider(new SliderRow.Spec("model-size", "Model size", "Total parameters. Moving it off a catalog model switches "
                + "to a derived Llama-shaped dense model of exactly that size.", 1e8, 2e12, true,
                Format::formatParameters, s -> s.model().totalParameters(), ExplorerViewModel::setModelParameters));
        modelNote.getStyleClass().add("control-note");
        modelNote.setWrapText(true);
        getChildren().add(modelNote);

        section("Precision");
        choice(new ChoiceRow<>("training-precision", "Training", ScenarioFields.TRAINING_PRECISION, vm));
        choice(new ChoiceRow<>("serving-precision", "Serving", ScenarioFields.SERVING_PRECISION, vm));

        section("GPU type");
        gpuPicker(trainingGpu, "training-gpu", "Training GPU", ScenarioFields.TRAINING_GPU);
        gpuPicker(servingGpu, "serving-gpu", "Serving GPU", ScenarioFields.SERVING_GPU);
        sameGpu.setId("same-gpu");
        sameGpu.setOnAction(e -> vm.setServingGpuSameAsTraining(sameGpu.isSelected()));
        getChildren().add(sameGpu);

        section("Traffic");
        fieldSlider("requests-per-day", ScenarioFields.REQUESTS_PER_DAY, 1e3, 1e10, Format::formatCount, 1);
        fieldSlider("prompt-tokens", ScenarioFields.PROMPT_TOKENS, 16, 131_072, Format::formatCount, 1);
        fieldSlider("output-tokens", ScenarioFields.OUTPUT_TOKENS, 1, 32_768, Format::formatCount, 1);

        section("Training workload");
        fieldSlider("training-tokens", ScenarioFields.TRAINING_TOKENS, 1e9, 1e14, Format::formatCount, 0);
        covered.add(ScenarioFields.TRAINING_GPU_COUNT);
        slider(new SliderRow.Spec("gpu-count", ScenarioFields.TRAINING_GPU_COUNT.label(), ScenarioFields.TRAINING_GPU_COUNT.help()
                + "; the slider keeps it a multiple of TP × PP", 1, 100_000, true, Format::formatWhole,
                ScenarioFields.TRAINING_GPU_COUNT::get, ControlsPanel::writeGpuCount));
        slider(new SliderRow.Spec("mfu", "MFU", ScenarioFields.MFU.help(), 0.1, 0.7, false, Format::formatPercent,
                ScenarioFields.MFU::get, (m, v) -> m.set(ScenarioFields.MFU, Math.round(v * 100) / 100.0)));
        covered.add(ScenarioFields.MFU);

        section("Serving target");
        fieldSlider("target-speed", ScenarioFields.TARGET_SPEED, 1, 200, v -> formatNumber(v), 0.1);

        advanced = new AdvancedForm(vm, covered);
        TitledPane more = new TitledPane("Advanced: every scenario field", advanced);
        more.setId("advanced");
        more.setExpanded(false);
        more.setAnimated(false);
        more.expandedProperty().addListener((o, was, now) -> {
            if (now) {
                advanced.refresh();
            }
        });
        this.advancedPane = more;
        getChildren().add(more);

        vm.scenarioProperty().addListener((o, a, s) -> refresh(s));
    }

    private static void writeGpuCount(ExplorerViewModel m, double v) {
        long step = Math.round(m.value(ScenarioFields.TRAINING_TP) * m.value(ScenarioFields.PIPELINE_PARALLEL));
        m.set(ScenarioFields.TRAINING_GPU_COUNT, (double) Math.max(step, Math.round(v / step) * step));
    }

    /** A log slider over a numeric field, its value rounded to {@code step} (0: not rounded). */
    private void fieldSlider(String id, ScenarioField<Double> field, double min, double max, DoubleFunction<String> format, double step) {
        covered.add(field);
        slider(new SliderRow.Spec(id, field.label(), field.help(), min, max, true, format, field::get,
                (m, v) -> m.set(field, step > 0 ? Math.round(v / step) * step : v)));
    }

    /** Whether a main control edits this field (then the Advanced form leaves it out). */
    boolean covers(ScenarioField<?> field) {
        return covered.contains(field);
    }

    private void section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        getChildren().add(l);
    }

    private void slider(SliderRow.Spec spec) {
        SliderRow row = new SliderRow(spec, vm);
        sliders.add(row);
        getChildren().add(row);
    }

    private void choice(ChoiceRow<?> row) {
        choices.add(row);
        getChildren().add(row);
    }

    private void gpuPicker(ComboBox<Gpu> box, String id, String label, ScenarioField<Gpu> field) {
        covered.add(field);
        box.setId(id);
        box.setItems(FXCollections.observableArrayList(vm.choices(field)));
        box.setConverter(converter(g -> g == null ? "" : g.name()));
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().addListener((o, a, g) -> {
            if (!refreshing && g != null) {
                vm.set(field, g);
            }
        });
        Label l = new Label(label);
        l.getStyleClass().add("control-label");
        l.setLabelFor(box);
        getChildren().add(new VBox(2, l, box));
    }

    void refresh(Scenario s) {
        if (s == null) {
            return;
        }
        refreshing = true;
        try {
            sliders.forEach(r -> r.refresh(s));
            choices.forEach(ChoiceRow::refresh);
            ModelArchitecture m = s.model();
            modelPicker.setValue(vm.models().stream().filter(c -> c.id().equals(m.id())).findFirst().orElse(null));
            modelNote.setText(m.derived()
                    ? "Derived architecture: " + formatNumber(m.layers()) + " layers, hidden " + Format.formatWhole(m.hiddenSize())
                        + " (Llama-shaped, " + formatParameters(m.totalParameters()) + ")"
                    : m.id().equals("custom") ? "Custom architecture from the scenario file"
                    : formatNumber(m.layers()) + " layers · hidden " + Format.formatWhole(m.hiddenSize()) + " · "
                        + formatNumber(m.attentionHeads()) + " heads / " + formatNumber(m.kvHeads()) + " KV"
                        + (m.moe() != null ? " · MoE " + formatNumber(m.moe().activeExperts()) + " of " + formatNumber(m.moe().experts()) : "")
                        + (m.mla() != null ? " · MLA" : ""));
            trainingGpu.setValue(ScenarioFields.TRAINING_GPU.get(s));
            servingGpu.setValue(ScenarioFields.SERVING_GPU.get(s));
            sameGpu.setSelected(vm.servingGpuSameAsTraining());
            servingGpu.setDisable(sameGpu.isSelected());
            if (advancedPane.isExpanded()) { // a collapsed form is refreshed when it opens
                advanced.refresh();
            }
        } finally {
            refreshing = false;
        }
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return show.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
