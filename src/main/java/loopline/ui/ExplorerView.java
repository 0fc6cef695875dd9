package loopline.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
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
    private final Appearance appearance = new Appearance();

    public ExplorerView(ExplorerViewModel vm, List<ExplorerViewModel.Preset> presets) {
        this.vm = vm;
        WhyPopover why = new WhyPopover();
        dashboard = new Dashboard((figure, owner) -> why.show(vm.explain(figure), owner));
        controls = new ControlsPanel(vm);

        presetPicker.setId("preset-picker");
        presetPicker.getItems().setAll(presets);
        presetPicker.setPromptText("Open a preset…");
        presetPicker.setPrefWidth(300);
        presetPicker.setTooltip(new Tooltip("Scenarios in presets/ — type to search"));
        presetPicker.valueProperty().addListener((o, a, p) -> {
            if (p != null && !sameFile(p.file(), vm.sourceProperty().get()) && !vm.open(p.file())) {
                // the scenario did not change, so neither does the picker; the banner says why
                javafx.application.Platform.runLater(() -> presetPicker.setValue(a));
            }
        });
        Button reset = button("Reset", "reset", "Undo every change since the scenario was opened", vm::resetToPreset);
        Button open = button("Open…", "open", "Open a scenario file", this::openFile);
        Button openModel = button("Model…", "open-model",
                "Open a model from its Hugging Face config.json (or drop the file or its folder on the window)", this::openModelConfig);
        Button save = button("Save as…", "save", "Save the scenario as JSON (written atomically)", this::saveFile);
        Label title = new Label("LoopLine");
        title.getStyleClass().add("app-title");
        title.setMinWidth(USE_PREF_SIZE);
        Label scenarioName = new Label();
        scenarioName.getStyleClass().add("scenario-name");
        scenarioName.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.modifiedProperty().get() ? "● modified, not saved"
                        : vm.sourceProperty().get() == null ? "" : vm.sourceProperty().get().getFileName().toString(),
                vm.modifiedProperty(), vm.sourceProperty()));
        // the file name gives way first, then the picker, so the commands never leave the window
        scenarioName.setMinWidth(0);
        scenarioName.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(scenarioName, Priority.ALWAYS);
        presetPicker.setMinWidth(160);
        ToggleButton presenter = toggle("Presenter", "presenter", "Larger text for a projector", appearance.presenterProperty());
        ToggleButton theme = toggle("Dark", "theme", "Dark colours, for a projector in a dim room", appearance.darkProperty());
        actions.getChildren().addAll(presenter, theme, reset, open, openModel, save);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setMinWidth(USE_PREF_SIZE);
        // an HBox, not a ToolBar: a ToolBar hides what does not fit behind "»", out of sight and out of the scene
        HBox toolbar = new HBox(10, title, presetPicker, scenarioName, actions);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("app-toolbar");

        setTop(toolbar);

        ScrollPane left = new ScrollPane(controls);
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.getStyleClass().add("controls-scroll");
        setLeft(left);

        // the dashboard fills the viewport when it fits and scrolls when it does not: it never shrinks below
        // its rows' minimum heights at the current text size (so Presenter's larger cards stay reachable)
        ScrollPane center = new ScrollPane(dashboard);
        center.setFitToWidth(true);
        center.setFitToHeight(true);
        center.getStyleClass().add("dashboard-scroll");
        center.setId("dashboard-scroll");
        // the status line heads the dashboard's column, where its messages are about; the controls keep their height
        VBox.setVgrow(center, Priority.ALWAYS);
        setCenter(new VBox(new StatusLine(vm.problemProperty(), vm.warningsProperty()), center));
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null && was == null) {
                appearance.applyTo(this, scene.widthProperty());
            }
        });

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

    /** Adds commands to the toolbar (the report's, which live in their own package). */
    public void addActions(Button... buttons) {
        actions.getChildren().addAll(buttons);
    }

    private static ToggleButton toggle(String text, String id, String tip, javafx.beans.property.BooleanProperty state) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.selectedProperty().bindBidirectional(state);
        return b;
    }

    /** Presenter, theme and text size: what the window remembers between runs. */
    public Appearance appearance() {
        return appearance;
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
