package loopline.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import loopline.engine.Scenario;
import loopline.engine.ScenarioField;
import loopline.engine.ScenarioFields;
import loopline.engine.hardware.Gpu;
import loopline.engine.model.ModelArchitecture;
import loopline.fx.HeightCachingVBox;
import loopline.fx.WrappingLabel;
import loopline.present.Format;
import loopline.present.GpuSummary;
import loopline.present.ModelSummary;

/**
 * The left-hand controls, in the engine's terms. The main questions — model size, precision, GPU, traffic —
 * are sliders and buttons; every other scenario field is in "Advanced", generated from the field declarations.
 */
final class ControlsPanel extends HeightCachingVBox { // its rows wrap: see HeightsByWidth
    private final ExplorerViewModel vm;
    private final List<SliderRow> sliders = new ArrayList<>();
    private final List<ChoiceRow<?>> choices = new ArrayList<>();
    /** The fields a main control edits; the Advanced form shows exactly the others. */
    private final Set<ScenarioField<?>> covered = new HashSet<>();
    /** Each GPU picker's caption and how it reads now (its price follows the cost mode as well as the GPU). */
    private final java.util.Map<Label, java.util.function.Supplier<String>> captions = new java.util.LinkedHashMap<>();
    private final ComboBox<ModelArchitecture> modelPicker = new ComboBox<>();
    private final Label modelNote = new WrappingLabel();
    /** What the picker says when the scenario's model is not a catalog entry: derived by size, or imported. */
    private String offCatalogLabel = ModelSummary.DERIVED_PICKER_LABEL;
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
                setText(empty || m == null ? offCatalogLabel : m.name());
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
                + "to a derived Llama-shaped dense model of that size.", 1e8, 2e12, true,
                Format::formatParameters, s -> s.model().totalParameters(), ExplorerViewModel::setModelParameters));
        modelNote.setId("model-note");
        modelNote.getStyleClass().add("control-note");
        getChildren().add(modelNote);

        section("Precision");
        choice(new ChoiceRow<>("training-precision", "Training", ScenarioFields.TRAINING_PRECISION, vm));
        choice(new ChoiceRow<>("serving-precision", "Serving", ScenarioFields.SERVING_PRECISION, vm));

        section("GPU type");
        gpuPicker(trainingGpu, "training-gpu", "Training", ScenarioFields.TRAINING_GPU);
        gpuPicker(servingGpu, "serving-gpu", "Serving", ScenarioFields.SERVING_GPU);
        sameGpu.setId("same-gpu");
        sameGpu.setOnAction(e -> {
            vm.setServingGpuSameAsTraining(sameGpu.isSelected());
            sameGpu.setSelected(vm.servingGpuSameAsTraining()); // the box always shows what the document says
        });
        // Follows the document, not the estimate: ticking it when the GPUs already match, or unticking it, leaves the
        // scenario equal, so the scenario's listeners never hear of it. The view-model updates this after every
        // change, undo and open included. (The box is clicked, so it cannot be bound; it is told instead.)
        sameGpu.setSelected(vm.servingGpuSameAsTraining());
        vm.servingGpuSameAsTrainingProperty().addListener((o, was, same) -> sameGpu.setSelected(same));
        servingGpu.disableProperty().bind(vm.servingGpuSameAsTrainingProperty());
        getChildren().add(sameGpu);
        choice(new ChoiceRow<>("cost-mode", "GPUs are", ScenarioFields.COST_MODE, vm));

        section("Traffic");
        fieldSlider("requests-per-day", ScenarioFields.REQUESTS_PER_DAY, 1e3, 1e10, true, Format::formatCount, roundTo(1));
        fieldSlider("prompt-tokens", ScenarioFields.PROMPT_TOKENS, 16, 131_072, true, Format::formatCount, roundTo(1));
        fieldSlider("output-tokens", ScenarioFields.OUTPUT_TOKENS, 1, 32_768, true, Format::formatCount, roundTo(1));

        section("Training workload");
        choice(new ChoiceRow<>("training-method", "Method", ScenarioFields.TRAINING_METHOD, vm));
        fieldSlider("training-tokens", ScenarioFields.TRAINING_TOKENS, 1e6, 1e14, true, Format::formatCount, v -> v);
        fieldSlider("gpu-count", ScenarioFields.TRAINING_GPU_COUNT, 1, 100_000, true, Format::formatWhole, this::wholeParallelGroups);
        fieldSlider("mfu", ScenarioFields.MFU, 0.1, 0.7, false, Format::formatPercent, roundTo(0.01));

        section("Serving target");
        fieldSlider("target-speed", ScenarioFields.TARGET_SPEED, 1, 200, true, Format::formatNumber, roundTo(0.1));

        advanced = new AdvancedForm(vm, covered);
        // folded, the form is out of the scene: its forty rows are hundreds of nodes that every frame would walk
        // (bounds, CSS) while a slider is dragged, though nobody sees them
        TitledPane more = new TitledPane("Advanced: all other fields", null);
        more.setId("advanced");
        more.setExpanded(false);
        more.setAnimated(false);
        more.expandedProperty().addListener((o, was, now) -> {
            if (now) {
                advanced.refresh();
            }
            more.setContent(now ? advanced : null);
        });
        this.advancedPane = more;
        getChildren().add(more);

        vm.scenarioProperty().addListener((o, a, s) -> refresh(s));
    }

    /** A GPU count the cluster splits evenly into TP × PP groups (the scenario refuses any other). */
    private double wholeParallelGroups(double gpus) {
        long group = Math.round(vm.value(ScenarioFields.TRAINING_TP) * vm.value(ScenarioFields.PIPELINE_PARALLEL));
        return Math.max(group, Math.round(gpus / group) * group);
    }

    private static DoubleUnaryOperator roundTo(double step) {
        return v -> Math.round(v / step) * step;
    }

    /** A slider over a numeric field, labelled and explained by its declaration; {@code toValue} snaps the track to values worth keeping. */
    private void fieldSlider(String id, ScenarioField<Double> field, double min, double max, boolean log,
                             DoubleFunction<String> format, DoubleUnaryOperator toValue) {
        covered.add(field);
        slider(new SliderRow.Spec(id, field.label(), field.help(), min, max, log, format, field::get,
                (m, v) -> m.set(field, toValue.applyAsDouble(v)), field));
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

    /** A row of buttons, whose field the Advanced form then leaves out (one control per field). */
    private void choice(ChoiceRow<?> row) {
        covered.add(row.field());
        choices.add(row);
        getChildren().add(row);
    }

    /** {@code role} is "Training" or "Serving": the caption says "GPU" or "accelerator" by what is chosen. */
    private void gpuPicker(ComboBox<Gpu> box, String id, String role, ScenarioField<Gpu> field) {
        covered.add(field);
        box.setId(id);
        box.setItems(FXCollections.observableArrayList(vm.choices(field)));
        box.setConverter(converter(g -> g == null ? "" : GpuSummary.pickerLabel(g)));
        // the panel is narrower than a list label: the chosen entry shows its name, its figures are in the caption
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Gpu g, boolean empty) {
                super.updateItem(g, empty);
                setText(empty || g == null ? "" : g.name());
            }
        });
        box.setMaxWidth(Double.MAX_VALUE);
        Label caption = new WrappingLabel();
        caption.setText(role + " GPU");
        caption.setId(id + "-caption");
        caption.getStyleClass().add("control-label");
        caption.setLabelFor(box);
        box.valueProperty().addListener((o, a, g) -> {
            caption.setText(captionFor(role, g));
            // where the price comes from, and for an "est." one why LoopLine set it
            box.setTooltip(g == null ? null : priceTooltip(g));
            if (!refreshing && g != null) {
                vm.set(field, g);
            }
        });
        getChildren().add(new VBox(2, caption, box));
        captions.put(caption, () -> captionFor(role, box.getValue()));
    }

    private String captionFor(String role, Gpu g) {
        return g == null ? role + " GPU" : vm.scenario() == null ? GpuSummary.caption(role, g) : GpuSummary.caption(role, g, vm.scenario());
    }

    private static Tooltip priceTooltip(Gpu g) {
        Tooltip t = new Tooltip("Price " + g.priceDate() + ": " + g.priceSource());
        t.setWrapText(true);
        t.setMaxWidth(480);
        return t;
    }

    void refresh(Scenario s) {
        if (s == null) {
            return;
        }
        refreshing = true;
        try {
            sliders.forEach(r -> r.refresh(s));
            choices.forEach(ChoiceRow::refresh);
            captions.forEach((label, text) -> label.setText(text.get())); // the price follows the cost mode too
            ModelArchitecture m = s.model();
            ModelArchitecture inCatalog = vm.models().stream().filter(c -> c.id().equals(m.id())).findFirst().orElse(null);
            offCatalogLabel = ModelSummary.pickerLabel(m);
            modelPicker.setValue(inCatalog);
            if (inCatalog == null) { // the value may have been null already, so the cell is not told: tell it
                modelPicker.getButtonCell().setText(offCatalogLabel);
            }
            modelNote.setText(ModelSummary.of(m));
            trainingGpu.setValue(ScenarioFields.TRAINING_GPU.get(s));
            servingGpu.setValue(ScenarioFields.SERVING_GPU.get(s));
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
