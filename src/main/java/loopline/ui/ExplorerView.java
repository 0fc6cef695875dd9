package loopline.ui;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import loopline.fx.LayoutBoundary;
import loopline.fx.LiveScrollPane;
import org.controlsfx.control.SearchableComboBox;

/** The window's content: toolbar and problem banner, controls on the left, the dashboard in the middle. */
public final class ExplorerView extends BorderPane {
    private final ExplorerViewModel vm;
    private final Dashboard dashboard;
    private final ControlsPanel controls;
    private final SearchableComboBox<ExplorerViewModel.Preset> presetPicker = new SearchableComboBox<>();
    private final HBox actions = new HBox(6);
    private final Appearance appearance = new Appearance();
    private final Toast toast = new Toast();

    public ExplorerView(ExplorerViewModel vm, List<ExplorerViewModel.Preset> presets) {
        this.vm = vm;
        vm.setQuestions(new WindowQuestions(this::window));
        WhyPopover why = new WhyPopover();
        dashboard = new Dashboard((figure, owner) -> why.show(vm.explain(figure), owner));
        controls = new ControlsPanel(vm);

        presetPicker.setId("preset-picker");
        presetPicker.getItems().setAll(presets);
        presetPicker.setPromptText("Open a preset…");
        presetPicker.setTooltip(new Tooltip("Scenarios in presets/ — type to search"));
        presetPicker.valueProperty().addListener((o, a, p) -> {
            if (p != null && !ScenarioFiles.sameFile(p.file(), vm.sourceProperty().get()) && !vm.switchTo(p.file())) {
                // the scenario did not change (kept on Cancel, or the file is broken and the banner says why),
                // so neither does the picker
                javafx.application.Platform.runLater(() -> presetPicker.setValue(a));
            }
        });
        Button undo = button("↶", "undo", "Undo the last change (Ctrl/Cmd+Z)", vm::undo);
        undo.disableProperty().bind(vm.canUndoProperty().not());
        Button redo = button("↷", "redo", "Redo the change just undone (Shift+Ctrl/Cmd+Z)", vm::redo);
        redo.disableProperty().bind(vm.canRedoProperty().not());
        undo.setAccessibleText("Undo"); // the toolbar is full at 1280 px: arrows, named for screen readers and tooltips
        redo.setAccessibleText("Redo");
        Button reset = button("Reset", "reset", "Go back to the scenario as it was opened or last saved (Ctrl/Cmd+Z undoes this too)",
                vm::resetToPreset);
        reset.disableProperty().bind(vm.modifiedProperty().not());
        Button open = button("Open…", "open", "Open a scenario file (Ctrl/Cmd+O)", this::openFile);
        Button openModel = button("Model…", "open-model",
                "Open a model from its Hugging Face config.json (or drop the file or its folder on the window)", this::openModelConfig);
        Button save = button("Save as…", "save", "Save the scenario as JSON under a new name (Ctrl/Cmd+Shift+S; Ctrl/Cmd+S saves)",
                () -> confirmSaved(vm.saveAsChosenFile()));
        ToggleButton pin = pinBaselineToggle();
        Label title = new Label("LoopLine");
        title.getStyleClass().add("app-title");
        title.setMinWidth(USE_PREF_SIZE);
        // the picker's face names the scenario's file (its title heads the status line below, where it wraps);
        // the list it opens holds the titles
        Label scenarioName = new Label();
        scenarioName.getStyleClass().add("scenario-name");
        scenarioName.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.modifiedProperty().get() ? "● " + fileName() + ", not saved" : fileName(),
                vm.modifiedProperty(), vm.sourceProperty()));
        presetPicker.setButtonCell(new FileNameCell(scenarioName));
        // the picker gives way first (its file name then ends in "…", the window's title still has it whole),
        // so the commands never leave the window
        presetPicker.setMinWidth(160);
        presetPicker.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(presetPicker, Priority.SOMETIMES);
        ToggleButton presenter = toggle("Presenter", "presenter", "Larger text for a projector", appearance.presenterProperty());
        ToggleButton theme = toggle("Dark", "theme", "Dark colours, for a projector in a dim room", appearance.darkProperty());
        actions.getChildren().addAll(presenter, theme, pin, undo, redo, reset, open, openModel, save);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setMinWidth(USE_PREF_SIZE);
        // an HBox, not a ToolBar: a ToolBar hides what does not fit behind "»", out of sight and out of the scene
        Region gap = new Region(); // the picker takes what its name needs, the rest stays between it and the commands
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox toolbar = new HBox(10, title, presetPicker, gap, actions);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("app-toolbar");

        setTop(toolbar);

        ScrollPane left = new LiveScrollPane(new LayoutBoundary(controls)); // a slider's new value lays out only the controls
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.getStyleClass().add("controls-scroll");
        setLeft(left);

        // the dashboard fills the viewport when it fits and scrolls when it does not: it never shrinks below
        // its rows' minimum heights at the current text size (so Presenter's larger cards stay reachable)
        ScrollPane center = new LiveScrollPane(dashboard); // a viewport redrawn where it changed, not as a whole image
        center.setFitToWidth(true);
        center.setFitToHeight(true);
        center.getStyleClass().add("dashboard-scroll");
        center.setId("dashboard-scroll");
        // the status line heads the dashboard's column, where its messages are about; the controls keep their height
        VBox.setVgrow(center, Priority.ALWAYS);
        setCenter(new VBox(new LayoutBoundary(new StatusLine(vm.problemProperty(), vm.warningsProperty(), vm.title(), vm.summary())), center));
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null && was == null) {
                appearance.applyTo(this, scene.widthProperty());
            }
        });

        getChildren().add(toast);
        acceptDroppedModelConfigs();
        vm.chartsProperty().addListener((o, a, c) -> showEstimate());
        vm.baselineProperty().addListener((o, a, b) -> showEstimate()); // pinned or unpinned: ghosts and changes follow
        vm.sourceProperty().addListener((o, a, path) -> listAndSelect(path));
        if (vm.chartsProperty().get() != null) {
            showEstimate();
            controls.refresh(vm.scenario());
            listAndSelect(vm.sourceProperty().get());
        }
    }

    /** The estimate's charts and cards, over the pinned baseline A when there is one. */
    private void showEstimate() {
        ExplorerViewModel.Baseline a = vm.baselineProperty().get();
        if (vm.chartsProperty().get() != null) {
            dashboard.show(vm.chartsProperty().get(), vm.keyFiguresProperty().get(), a == null ? null : a.charts(),
                    a == null ? null : a.keyFigures());
        }
    }

    /**
     * The window's title: the scenario's file, marked while edits are unsaved ("● default.json — LoopLine"), since
     * the toolbar may have room for only part of the name.
     */
    public javafx.beans.binding.StringBinding windowTitle() {
        return javafx.beans.binding.Bindings.createStringBinding(
                () -> (vm.modifiedProperty().get() ? "● " : "") + (fileName().isEmpty() ? "" : fileName() + " — ") + "LoopLine",
                vm.modifiedProperty(), vm.sourceProperty());
    }

    /** The scenario's file name, or "" before it has a file. */
    private String fileName() {
        Path file = vm.sourceProperty().get();
        return file == null ? "" : file.getFileName().toString();
    }

    /** Shows the file just opened or saved in the picker, listing it first if it is new (a saved copy, a file opened). */
    private void listAndSelect(Path path) {
        if (path == null) {
            return;
        }
        List<ExplorerViewModel.Preset> listed = ScenarioFiles.listing(presetPicker.getItems(), path, vm.scenario().name());
        if (!listed.equals(presetPicker.getItems())) {
            presetPicker.getItems().setAll(listed);
        }
        presetPicker.setValue(listed.get(ScenarioFiles.indexOf(listed, path)));
    }

    /** "Pin as A": keeps the current estimate as the baseline the charts and cards compare against, until unpinned. */
    private ToggleButton pinBaselineToggle() {
        ToggleButton pin = new ToggleButton(PIN);
        pin.setId("pin-baseline");
        pin.setTooltip(new Tooltip(PIN_TIP));
        pin.setOnAction(e -> {
            if (pin.isSelected()) {
                vm.pinBaseline();
            } else {
                vm.clearBaseline();
            }
        });
        vm.baselineProperty().addListener((o, was, baseline) -> {
            pin.setSelected(baseline != null);
            pin.setText(baseline == null ? PIN : "Unpin A");
            pin.getTooltip().setText(baseline == null ? PIN_TIP : "Stop comparing with A: " + baseline.name());
        });
        return pin;
    }

    private static final String PIN = "Pin as A";
    private static final String PIN_TIP = "Keep this scenario as baseline A: change anything, or open another scenario, and compare it with A";

    /** The window's keyboard commands; the app puts them on the scene. Shortcut is Ctrl, or Cmd on a Mac. */
    public Map<KeyCombination, Runnable> shortcuts() {
        Map<KeyCombination, Runnable> keys = new LinkedHashMap<>();
        keys.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), vm::undo);
        keys.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), vm::redo);
        keys.put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), vm::redo); // as on Windows
        keys.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), () -> confirmSaved(vm.save()));
        keys.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> confirmSaved(vm.saveAsChosenFile()));
        keys.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::openFile);
        return keys;
    }

    /** A short confirmation over the bottom-right corner that fades by itself ("Report copied to the clipboard"). */
    public void confirm(String message) {
        toast.show(message);
        requestLayout();
    }

    private void confirmSaved(boolean saved) {
        if (saved) {
            confirm("Saved " + vm.sourceProperty().get().getFileName());
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        toast.placeIn(getWidth(), getHeight()); // over everything, outside the layout
    }

    /** Adds commands to the toolbar (the report's, which live in their own package: a button or the export menu). */
    public void addActions(javafx.scene.control.ButtonBase... buttons) {
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
            vm.switchTo(f.toPath());
        }
    }

    private void openModelConfig() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a model's config.json");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Hugging Face config (*.json)", "*.json"));
        java.io.File f = chooser.showOpenDialog(window());
        if (f != null) {
            importModel(f.toPath());
        }
    }

    /**
     * Imports a config.json (or its folder) as the scenario's model; a refusal opens a dialog with the whole reason,
     * wrapped, since the status line has room for one line of it. Returns whether it was imported.
     */
    boolean importModel(Path config) {
        boolean imported = vm.openModelConfig(config);
        if (!imported) {
            Dialogs.error(window(), "This model cannot be imported", vm.problemProperty().get());
        }
        return imported;
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
            java.io.File dropped = one ? e.getDragboard().getFiles().get(0) : null;
            e.setDropCompleted(one);
            if (dropped != null) {
                // after the drop completes: the dialog a refusal opens must not hold the drag-and-drop gesture
                javafx.application.Platform.runLater(() -> importModel(dropped.toPath()));
            }
            e.consume();
        });
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

    /** The picker's face: the scenario's file name (with "not saved" once edited), not the chosen entry's title. */
    private static final class FileNameCell extends javafx.scene.control.ListCell<ExplorerViewModel.Preset> {
        FileNameCell(Label name) {
            name.setMinWidth(0);
            setGraphic(name);
            setText(null);
            // the combo box's skin writes the chosen entry's title into its face when the list closes or filters:
            // the face keeps the file name
            graphicProperty().addListener((o, was, now) -> {
                if (now != name) {
                    setGraphic(name);
                }
            });
            textProperty().addListener((o, was, now) -> {
                if (now != null) {
                    setText(null);
                }
            });
        }

        @Override
        protected void updateItem(ExplorerViewModel.Preset item, boolean empty) {
            super.updateItem(item, empty);
            setText(null); // the graphic says it; the cell's own text would repeat the title
        }
    }
}
