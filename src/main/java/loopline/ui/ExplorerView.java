package loopline.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.control.SearchableComboBox;

/** The window's content: toolbar and problem banner, controls on the left, the dashboard in the middle. */
public final class ExplorerView extends BorderPane {
    private final ExplorerViewModel vm;
    private final Dashboard dashboard;
    private final ControlsPanel controls;
    private final SearchableComboBox<ExplorerViewModel.Preset> presetPicker = new SearchableComboBox<>();
    private final HBox actions = new HBox(6);

    public ExplorerView(ExplorerViewModel vm, List<ExplorerViewModel.Preset> presets) {
        this.vm = vm;
        WhyPopover why = new WhyPopover();
        dashboard = new Dashboard((figure, owner) -> why.show(vm.explain(figure), owner));
        controls = new ControlsPanel(vm);

        presetPicker.setId("preset-picker");
        presetPicker.getItems().setAll(presets);
        presetPicker.setPromptText("Open a preset…");
        presetPicker.setPrefWidth(380);
        presetPicker.setTooltip(new Tooltip("Scenarios in presets/ — type to search"));
        presetPicker.valueProperty().addListener((o, a, p) -> {
            if (p != null && !sameFile(p.file(), vm.sourceProperty().get()) && !vm.open(p.file())) {
                // the scenario did not change, so neither does the picker; the banner says why
                javafx.application.Platform.runLater(() -> presetPicker.setValue(a));
            }
        });
        Button reset = button("Reset to preset", "reset", "Undo every change since the scenario was opened", vm::resetToPreset);
        Button open = button("Open…", "open", "Open a scenario file", this::openFile);
        Button openModel = button("Open model…", "open-model",
                "Use a model from its Hugging Face config.json (or drop the file or its folder on the window)", this::openModelConfig);
        Button save = button("Save as…", "save", "Save the scenario as JSON (written atomically)", this::saveFile);
        Label title = new Label("LoopLine");
        title.getStyleClass().add("app-title");
        Label scenarioName = new Label();
        scenarioName.getStyleClass().add("scenario-name");
        scenarioName.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.modifiedProperty().get() ? "● modified, not saved"
                        : vm.sourceProperty().get() == null ? "" : vm.sourceProperty().get().getFileName().toString(),
                vm.modifiedProperty(), vm.sourceProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        javafx.scene.control.ToggleButton presenter = new javafx.scene.control.ToggleButton("Presenter");
        presenter.setId("presenter");
        presenter.setTooltip(new Tooltip("Larger text for a projector"));
        presenter.selectedProperty().addListener((o, was, on) -> {
            if (on) {
                getStyleClass().add("presenter");
            } else {
                getStyleClass().remove("presenter");
            }
        });
        actions.getChildren().addAll(presenter, reset, open, openModel, save);
        actions.setAlignment(Pos.CENTER_RIGHT);
        ToolBar toolbar = new ToolBar(title, presetPicker, scenarioName, spacer, actions);

        setTop(new VBox(toolbar, messageStrip("problem-banner", vm.problemProperty()),
                messageStrip("warnings-strip", vm.warningsProperty())));

        ScrollPane left = new ScrollPane(controls);
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setPrefWidth(320);
        left.getStyleClass().add("controls-scroll");
        setLeft(left);

        ScrollPane center = new ScrollPane(dashboard);
        center.setFitToWidth(true);
        center.setFitToHeight(true);
        dashboard.setMinHeight(790);
        dashboard.setMinWidth(860);
        center.getStyleClass().add("dashboard-scroll");
        setCenter(center);

        acceptDroppedModelConfigs();
        vm.chartsProperty().addListener((o, a, c) -> dashboard.show(c, vm.keyFiguresProperty().get()));
        vm.sourceProperty().addListener((o, a, path) -> selectPreset(path, presets));
        if (vm.chartsProperty().get() != null) {
            dashboard.show(vm.chartsProperty().get(), vm.keyFiguresProperty().get());
            controls.refresh(vm.scenario());
            selectPreset(vm.sourceProperty().get(), presets);
        }
    }

    private void selectPreset(Path path, List<ExplorerViewModel.Preset> presets) {
        presets.stream().filter(p -> sameFile(p.file(), path)).findFirst().ifPresent(presetPicker::setValue);
    }

    private static boolean sameFile(Path a, Path b) {
        return a != null && b != null && a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** A full-width line under the toolbar that shows a message while there is one, and takes no space otherwise. */
    private static Label messageStrip(String id, javafx.beans.value.ObservableStringValue message) {
        Label strip = new Label();
        strip.setId(id);
        strip.getStyleClass().add(id);
        strip.setWrapText(true);
        strip.setMaxWidth(Double.MAX_VALUE);
        strip.textProperty().bind(message);
        strip.visibleProperty().bind(javafx.beans.binding.Bindings.isNotNull(message));
        strip.managedProperty().bind(strip.visibleProperty());
        return strip;
    }

    /** Adds commands to the toolbar (the report's, which live in their own package: a button or the export menu). */
    public void addActions(javafx.scene.control.ButtonBase... buttons) {
        actions.getChildren().addAll(buttons);
    }

    public static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    ControlsPanel controls() {
        return controls;
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void openFile() {
        FileChooser chooser = jsonChooser("Open scenario");
        java.io.File f = chooser.showOpenDialog(window());
        if (f != null) {
            vm.open(f.toPath());
        }
    }

    private void openModelConfig() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a model's config.json");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Hugging Face config (*.json)", "*.json"));
        java.io.File f = chooser.showOpenDialog(window());
        if (f != null) {
            vm.openModelConfig(f.toPath());
        }
    }

    /** A config.json, or a downloaded model's folder, dropped anywhere on the window becomes the scenario's model. */
    private void acceptDroppedModelConfigs() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean one = e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1;
            e.setDropCompleted(one && vm.openModelConfig(e.getDragboard().getFiles().get(0).toPath()));
            e.consume();
        });
    }

    private void saveFile() {
        FileChooser chooser = jsonChooser("Save scenario");
        java.io.File folder = chooser.getInitialDirectory();
        if (folder == null || !folder.canWrite()) { // an installed app's presets are read-only: save in the user's folder
            chooser.setInitialDirectory(new java.io.File(System.getProperty("user.home")));
        }
        chooser.setInitialFileName(FileNames.slug(vm.scenario().name()) + ".json");
        java.io.File f = chooser.showSaveDialog(window());
        if (f != null) {
            String problem = vm.saveAs(f.toPath());
            if (problem != null) {
                Dialogs.error(window(), "Could not save the scenario", problem);
            }
        }
    }

    private FileChooser jsonChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (*.json)", "*.json"));
        Path source = vm.sourceProperty().get();
        if (source != null && source.toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(source.toAbsolutePath().getParent().toFile());
        }
        return chooser;
    }
}
