package loopline.ui;

import static loopline.engine.Units.formatCount;
import static loopline.engine.Units.formatNumber;
import static loopline.engine.Units.formatParameters;

import java.util.ArrayList;
import java.util.List;
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
import loopline.engine.Units;

/**
 * The left-hand controls, in the engine's terms. The main questions — model size, precision, GPU, traffic —
 * are sliders and buttons; every other scenario field is in "Advanced", generated from the schema.
 */
final class ControlsPanel extends VBox {
    private final ExplorerViewModel vm;
    private final List<SliderRow> sliders = new ArrayList<>();
    private final List<ChoiceRow> choices = new ArrayList<>();
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
        modelPicker.setItems(FXCollections.observableArrayList(vm.catalogs().models().values()));
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
                Units::formatParameters, s -> s.model().totalParameters(), ExplorerViewModel::setModelParameters));
        modelNote.getStyleClass().add("control-note");
        modelNote.setWrapText(true);
        getChildren().add(modelNote);

        section("Precision");
        choice(new ChoiceRow("training-precision", "Training", "Number format of training's matmuls; "
                + "all keep an fp32 master copy of the weights except fp32 itself", List.of("fp32", "bf16", "fp8"),
                s -> s.training().precision().id(), "training.precision", vm));
        choice(new ChoiceRow("serving-precision", "Serving", "Weight format when serving; int8/int4 are weight-only "
                + "quantisation", List.of("fp32", "bf16", "fp8", "int8", "int4"),
                s -> s.inference().precision().id(), "inference.precision", vm));

        section("GPU type");
        gpuPicker(trainingGpu, "training-gpu", "Training GPU", "training.gpu");
        gpuPicker(servingGpu, "serving-gpu", "Serving GPU", "inference.gpu");
        sameGpu.setId("same-gpu");
        sameGpu.setOnAction(e -> vm.setServingGpuSameAsTraining(sameGpu.isSelected()));
        getChildren().add(sameGpu);

        section("Traffic");
        slider(new SliderRow.Spec("requests-per-day", "Requests per day", "Average requests a day; replicas are sized "
                + "for the peak (peak-to-average in Advanced)", 1e3, 1e10, true, Units::formatCount,
                s -> s.inference().requestsPerDay(), (m, v) -> m.setNumber("inference.requestsPerDay", Math.round(v))));
        slider(new SliderRow.Spec("prompt-tokens", "Prompt tokens per request", "Tokens read before the first output token",
                16, 131_072, true, v -> formatCount(v), s -> s.inference().promptTokens(),
                (m, v) -> m.setNumber("inference.promptTokens", Math.round(v))));
        slider(new SliderRow.Spec("output-tokens", "Output tokens per request", "Tokens generated per request",
                1, 32_768, true, v -> formatCount(v), s -> s.inference().outputTokens(),
                (m, v) -> m.setNumber("inference.outputTokens", Math.round(v))));

        section("Training workload");
        slider(new SliderRow.Spec("training-tokens", "Tokens to train on", "Training tokens (Chinchilla-optimal is about 20 per parameter)",
                1e9, 1e14, true, v -> formatCount(v), s -> s.training().tokens(), (m, v) -> m.setNumber("training.tokens", v)));
        slider(new SliderRow.Spec("gpu-count", "Training GPUs", "GPUs in the cluster; rounded to a multiple of TP × PP",
                1, 100_000, true, Units::formatWhole, s -> s.training().gpuCount(), ControlsPanel::writeGpuCount));
        slider(new SliderRow.Spec("mfu", "MFU", "Model FLOPs utilisation: share of peak the run achieves (Llama 3 405B: 38–43%)",
                0.1, 0.7, false, Units::formatPercent, s -> s.training().mfu(),
                (m, v) -> m.setNumber("training.mfu", Math.round(v * 100) / 100.0)));

        section("Serving target");
        slider(new SliderRow.Spec("target-speed", "Tokens/s per user", "Speed each user sees while text streams; "
                + "the batch is the largest that keeps it", 1, 200, true, v -> formatNumber(v),
                s -> s.inference().targetTokensPerSecondPerUser(),
                (m, v) -> m.setNumber("inference.targetTokensPerSecondPerUser", Math.round(v * 10) / 10.0)));

        advanced = new AdvancedForm(vm);
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
        int step = m.scenario().training().tensorParallel() * m.scenario().training().pipelineParallel();
        m.setNumber("training.gpuCount", Math.max(step, Math.round(v / step) * (long) step));
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

    private void choice(ChoiceRow row) {
        choices.add(row);
        getChildren().add(row);
    }

    private void gpuPicker(ComboBox<Gpu> box, String id, String label, String path) {
        box.setId(id);
        box.setItems(FXCollections.observableArrayList(vm.catalogs().gpus().values()));
        box.setConverter(converter(g -> g == null ? "" : g.name()));
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().addListener((o, a, g) -> {
            if (!refreshing && g != null) {
                vm.setText(path, g.id());
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
            choices.forEach(r -> r.refresh(s));
            ModelArchitecture m = s.model();
            modelPicker.setValue(vm.catalogs().models().get(m.id()));
            modelNote.setText(m.derived()
                    ? "Derived architecture: " + formatNumber(m.layers()) + " layers, hidden " + Units.formatWhole(m.hiddenSize())
                        + " (Llama-shaped, " + formatParameters(m.totalParameters()) + ")"
                    : m.id().equals("custom") ? "Custom architecture from the scenario file"
                    : formatNumber(m.layers()) + " layers · hidden " + Units.formatWhole(m.hiddenSize()) + " · "
                        + formatNumber(m.attentionHeads()) + " heads / " + formatNumber(m.kvHeads()) + " KV"
                        + (m.moe() != null ? " · MoE " + formatNumber(m.moe().activeExperts()) + " of " + formatNumber(m.moe().experts()) : "")
                        + (m.mla() != null ? " · MLA" : ""));
            trainingGpu.setValue(s.training().gpu());
            servingGpu.setValue(s.inference().gpu());
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
