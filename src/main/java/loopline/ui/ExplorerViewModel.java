package loopline.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import loopline.data.Catalogs;
import loopline.data.InputFiles;
import loopline.data.InvalidDataException;
import loopline.data.ModelConfigImport;
import loopline.data.ModelSwitch;
import loopline.data.Presets;
import loopline.data.ScenarioDocument;
import loopline.data.ScenarioReader;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import loopline.engine.Scenario;
import loopline.engine.ScenarioField;
import loopline.engine.ScenarioFields;
import loopline.engine.model.ModelArchitecture;
import loopline.present.Charts;
import loopline.present.ChartsFactory;
import loopline.present.Explanation;
import loopline.present.Explanations;
import loopline.present.Figure;
import loopline.present.KeyFigure;
import loopline.present.KeyFigures;
import loopline.present.ReportText;
import loopline.present.Warnings;

/**
 * The explorer's state: the scenario being edited (as its document, so "Save" writes exactly what the user
 * set), and the estimate, charts and cards computed from it. Edits are typed ({@link #set}) and checked when
 * made; the engine runs are coalesced: however many edits arrive while one estimate is being computed, the next
 * computation takes only the latest. In the window the estimate is computed off the UI thread and only the newest
 * result is shown, so dragging a slider costs the UI thread the drawing, not the engine.
 *
 * <p>Every accepted edit can be undone ({@link EditHistory} says when edits join one step). "Reset to preset" is an
 * edit too, so it can be undone; opening a file starts a new history, after asking before unsaved edits are lost
 * ({@link #switchTo}). A pinned baseline ({@link #pinBaseline}) stays while the scenario changes, for A/B compare.
 */
public final class ExplorerViewModel {
    /** How binding errors name the window's scenario; stripped, since the banner is about this scenario. */
    private static final String SOURCE = "scenario";
    private static final String NOTHING_OPEN = "no scenario is open";
    private final Catalogs catalogs;
    private final Consumer<Runnable> scheduler;
    /** Where estimates are computed (a background thread in the window), or null: on the UI thread, in the scheduler's turn. */
    private final Executor computer;

    private ScenarioDocument document;
    /** The document as last opened or saved: "modified" means the document is no longer this one. */
    private ScenarioDocument savedDocument;
    /** The app's presets: "Save" never overwrites one in place, it asks for a new file. */
    private Path presetFolder = Catalogs.home().resolve("presets");
    private UserQuestions questions = UserQuestions.NONE;
    private final EditHistory<Snapshot> history;
    /** The latest accepted scenario while its estimate is not yet shown; null when the outputs are current. */
    private Scenario pending;
    /** Counts accepted scenarios (opens and edits), so a result computed for an older one is never shown over a newer. */
    private long acceptedVersion;
    private long publishedVersion;
    private boolean computing;
    /** What importing the current model found worth saying; shown with the estimate's warnings until the model changes. */
    private List<String> modelWarnings = List.of();
    /** The shown scenario's inputs on one line (made with its estimate, off the UI thread), for {@link #summary}. */
    private String essentials = "";

    private final ReadOnlyObjectWrapper<Path> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ReadOnlyObjectWrapper<Estimate> estimate = new ReadOnlyObjectWrapper<>(this, "estimate");
    private final ReadOnlyObjectWrapper<Charts> charts = new ReadOnlyObjectWrapper<>(this, "charts");
    private final ReadOnlyObjectWrapper<List<KeyFigure>> keyFigures = new ReadOnlyObjectWrapper<>(this, "keyFigures", List.of());
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyStringWrapper warnings = new ReadOnlyStringWrapper(this, "warnings");
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper(this, "modified");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyBooleanWrapper servingGpuSameAsTraining = new ReadOnlyBooleanWrapper(this, "servingGpuSameAsTraining", true);
    private final ReadOnlyObjectWrapper<Baseline> baseline = new ReadOnlyObjectWrapper<>(this, "baseline");

    /** What undo brings back: the document, its bound scenario, and what importing its model warned about. */
    private record Snapshot(ScenarioDocument document, Scenario scenario, List<String> modelWarnings) {
    }

    /** A scenario file the window offers to open, by its name. */
    public record Preset(Path file, String name, String description) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The scenario files in a folder, {@code default.json} first. */
    public static List<Preset> presetsIn(Path dir) {
        return Presets.list(dir).stream().map(p -> new Preset(p.file(), p.name(), p.description())).toList();
    }

    /** @param scheduler runs a recomputation later, on the UI thread (Platform::runLater in the window; directly in tests) */
    public ExplorerViewModel(Catalogs catalogs, Consumer<Runnable> scheduler) {
        this(catalogs, scheduler, null, System::currentTimeMillis);
    }

    /** @param clockMillis the time edits are made at, which decides which edits undo together (a fake clock in tests) */
    public ExplorerViewModel(Catalogs catalogs, Consumer<Runnable> scheduler, LongSupplier clockMillis) {
        this(catalogs, scheduler, null, clockMillis);
    }

    /**
     * @param scheduler   runs work on the UI thread later (Platform::runLater)
     * @param computer    computes estimates off the UI thread (one background thread, so results arrive in order), or
     *                    null to compute them on the UI thread in the scheduler's turn
     * @param clockMillis the time edits are made at, which decides which edits undo together
     */
    public ExplorerViewModel(Catalogs catalogs, Consumer<Runnable> scheduler, Executor computer, LongSupplier clockMillis) {
        this.catalogs = catalogs;
        this.scheduler = scheduler;
        this.computer = computer;
        this.history = new EditHistory<>(clockMillis);
    }

    /** Who answers "Save changes?" and "Save where?" (the window's dialogs; canned answers in tests). */
    public void setQuestions(UserQuestions questions) {
        this.questions = questions;
    }

    /** The folder of read-only presets, which Save (Ctrl/Cmd+S) turns into Save as. */
    public void setPresetFolder(Path folder) {
        this.presetFolder = folder;
    }

    /** The values a choice or GPU field may take, for the controls that offer them. */
    @SuppressWarnings("unchecked")
    public <T> List<T> choices(ScenarioField<T> field) {
        return field.kind() == ScenarioField.Kind.GPU ? (List<T>) List.copyOf(catalogs.gpus().values()) : field.choices();
    }

    /** The catalog's models, for the model picker. */
    public List<ModelArchitecture> models() {
        return List.copyOf(catalogs.models().values());
    }

    // ---- outputs ------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Estimate> estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Charts> chartsProperty() {
        return charts.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<KeyFigure>> keyFiguresProperty() {
        return keyFigures.getReadOnlyProperty();
    }

    /** The last thing that went wrong (a preset that did not load, a value the scenario rejects), or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What the estimate warns about (a run that does not fit, a GPU without the chosen format), or null. */
    public ReadOnlyStringProperty warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Whether serving leaves its GPU unset and so uses the training GPU; follows the document after every change. */
    public ReadOnlyBooleanProperty servingGpuSameAsTrainingProperty() {
        return servingGpuSameAsTraining.getReadOnlyProperty();
    }

    /**
     * A pinned scenario ("A"): its estimate with the charts and cards made from it, drawn as ghosts and changes behind
     * the current scenario while that changes.
     */
    public record Baseline(Estimate estimate, Charts charts, List<KeyFigure> keyFigures) {
        public String name() {
            return estimate.scenario().name();
        }
    }

    /** The pinned baseline, or null when none is pinned. */
    public ReadOnlyObjectProperty<Baseline> baselineProperty() {
        return baseline.getReadOnlyProperty();
    }

    public boolean hasBaseline() {
        return baseline.get() != null;
    }

    public Scenario scenario() {
        return scenario.get();
    }

    public Estimate estimate() {
        return estimate.get();
    }

    /** The weights a launch configuration of this scenario loads, or null when the model names none (see ScenarioDocument). */
    public String checkpoint() {
        return document.checkpoint(catalogs);
    }

    /** The latest accepted scenario: the one being computed when an edit has not been shown yet. */
    private Scenario latest() {
        return pending != null ? pending : scenario();
    }

    /** The value in force for a field: the document's, or the default it takes; the latest accepted edit counts. */
    public <T> T value(ScenarioField<T> field) {
        return field.get(latest());
    }

    /** The field's value as the scenario file holds it, or null when the field takes its default. */
    public String documentText(ScenarioField<?> field) {
        return document == null || !document.isSet(field) ? null : idOf(field);
    }

    private <T> String idOf(ScenarioField<T> field) {
        return field.id(document.get(field));
    }

    // ---- commands -----------------------------------------------------------------------------

    /**
     * Opens a scenario file. On any problem the current scenario stays as it was and {@link #problemProperty()}
     * names the file, field and problem.
     */
    public boolean open(Path file) {
        try {
            ScenarioDocument doc = ScenarioDocument.read(file, catalogs);
            Scenario s = ScenarioReader.bind(doc, catalogs, file.toString());
            modelWarnings = List.of();
            savedDocument = doc;
            document = doc;
            history.clear();
            problem.set(null);
            documentChanged();
            publishNow(s); // at once: whoever opened a file sees it opened
            source.set(file); // last: whoever lists the file finds the scenario's name already current
            return true;
        } catch (InvalidDataException e) {
            problem.set(e.getMessage());
            return false;
        }
    }

    /**
     * Opens another scenario file unless that would lose unsaved edits the user wants to keep: with edits, it first
     * asks "Save changes?" (Save saves them, Cancel keeps the scenario as it is). Returns whether it opened.
     */
    public boolean switchTo(Path file) {
        return mayDiscardEdits() && open(file);
    }

    /**
     * Whether the current scenario may be replaced or the window closed: true without unsaved edits, or when the
     * user saved them or chose not to; false when they cancelled or the save failed.
     */
    public boolean mayDiscardEdits() {
        if (document == null || !modified.get()) {
            return true;
        }
        return switch (questions.saveChangesTo(displayName())) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    /** The scenario as the "Save changes?" question names it: its file, or its name before it has one. */
    private String displayName() {
        return source.get() != null ? source.get().getFileName().toString() : scenario().name();
    }

    /** Goes back to the document as last opened or saved; an edit like any other, so it can be undone. */
    public void resetToPreset() {
        if (savedDocument != null && document != savedDocument) {
            ScenarioDocument saved = savedDocument;
            changeModel(d -> saved, List.of(), null);
        }
    }

    /**
     * Save (Ctrl/Cmd+S): writes over the scenario's own file, or asks where (Save as) when it has none or it is one
     * of the app's presets. Returns whether it saved.
     */
    public boolean save() {
        Path file = source.get();
        if (file == null || ScenarioFiles.isIn(file, presetFolder) || !Files.isWritable(file)) {
            return saveAsChosenFile();
        }
        return reportSaveProblem(write(file, false));
    }

    /** Save as (Ctrl/Cmd+Shift+S): asks for a file, proposing the scenario's name, and saves there. */
    public boolean saveAsChosenFile() {
        if (document == null) {
            return false;
        }
        Path current = source.get();
        // the scenario's own folder, presets included (a copy saved there joins the picker); the chooser falls back to
        // the user's home where that folder cannot be written (an installed app's presets)
        Path folder = current == null ? null : current.toAbsolutePath().getParent();
        Path file = questions.chooseSaveFile(folder, FileNames.slug(scenario().name()) + ".json");
        return file != null && reportSaveProblem(saveAs(file));
    }

    private boolean reportSaveProblem(String problemOrNull) {
        if (problemOrNull != null) {
            questions.couldNotSave(problemOrNull);
        }
        return problemOrNull == null;
    }

    /**
     * Writes the scenario atomically; only accepted edits are in the document, so the file always reopens. The
     * scenario takes its name from the file ({@link ScenarioFiles#nameFor}), so a copy never shares its original's
     * title. Returns why it could not be written, or null.
     */
    public String saveAs(Path file) {
        return write(file, true);
    }

    /** Writes the document to {@code file}, first naming the scenario after the file when asked to (Save as). */
    private String write(Path file, boolean nameAfterFile) {
        if (document == null) {
            return NOTHING_OPEN;
        }
        Scenario current = latest();
        String name = nameAfterFile ? ScenarioFiles.nameFor(file, current.name()) : current.name();
        ScenarioDocument named;
        Scenario renamed;
        try {
            named = name.equals(current.name()) ? document : document.with(ScenarioFields.NAME, name);
            renamed = named == document ? current : ScenarioReader.bind(named, catalogs, SOURCE);
            InputFiles.catalogs().refuseAsOutput(file, "choose another name for the scenario");
            named.write(file);
        } catch (InvalidDataException e) {
            return e.getMessage();
        }
        document = named;
        savedDocument = named;
        documentChanged();
        if (renamed != scenario()) {
            publishNow(renamed);
        }
        source.set(file);
        return null;
    }

    // ---- undo and redo ------------------------------------------------------------------------

    /** Undoes the last step (Ctrl/Cmd+Z); the controls show the restored values as the scenario republishes. */
    public void undo() {
        if (history.canUndo()) {
            restore(history.undo(snapshot()));
        }
    }

    /** Redoes the last undone step (Shift+Ctrl/Cmd+Z, Ctrl+Y). */
    public void redo() {
        if (history.canRedo()) {
            restore(history.redo(snapshot()));
        }
    }

    private Snapshot snapshot() {
        return new Snapshot(document, latest(), modelWarnings);
    }

    private void restore(Snapshot s) {
        document = s.document();
        modelWarnings = s.modelWarnings();
        pending = s.scenario();
        acceptedVersion++;
        problem.set(null);
        documentChanged();
        requestRecompute();
    }

    /** Everything that follows the document itself rather than the estimate. */
    private void documentChanged() {
        modified.set(document != savedDocument);
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        servingGpuSameAsTraining.set(document == null || !document.isSet(ScenarioFields.SERVING_GPU));
    }

    /** The scenario's title, as its file names it ("70B: a terabyte to train, a few GPUs to serve"). */
    public javafx.beans.binding.StringBinding title() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> scenario() == null ? null : scenario().name(), scenario);
    }

    /**
     * What the scenario is, for the line above the dashboard: the file's own description while nothing is edited, then
     * the inputs as they now are (the description would go stale: "20M requests a day" after traffic doubled).
     */
    public javafx.beans.binding.StringBinding summary() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> {
            Scenario s = scenario();
            if (s == null) {
                return null;
            }
            return !modified.get() && !s.description().isBlank() ? s.description() : essentials;
        }, scenario, modified);
    }

    // ---- A/B compare --------------------------------------------------------------------------

    /** Pins the current estimate, its charts and cards as baseline A; it stays until cleared, whatever opens. */
    public void pinBaseline() {
        if (pending != null) { // pin what the controls show, not the estimate an edit is about to replace
            publishNow(pending);
        }
        if (estimate() == null) {
            return;
        }
        baseline.set(new Baseline(estimate(), charts.get(), keyFigures.get()));
    }

    public void clearBaseline() {
        baseline.set(null);
    }

    /** The "why?" of one figure of the current estimate. */
    public Explanation explain(Figure figure) {
        return figure == null || estimate() == null ? null : Explanations.explain(figure, estimate());
    }

    /**
     * Sets one field. A value the field or the scenario refuses never enters the document: the last valid
     * value stays in force, {@link #problemProperty()} says why, and so does the returned text (null when accepted).
     */
    public <T> String set(ScenarioField<T> field, T value) {
        return edit(d -> d.with(field, value), gestureOf(field));
    }

    /**
     * Which edits undo together: a number moves by sliding (or by key repeats), so a burst of edits to one numeric
     * field is one step; a choice (precision, GPU, method, a tick box) is clicked, so each click is a step of its own.
     */
    private static Object gestureOf(ScenarioField<?> field) {
        return field.type() == Double.class ? field : null;
    }

    /** Sets a field from typed-in text, read like {@code --set}; each typed value is a step of its own. */
    public String setText(ScenarioField<?> field, String raw) {
        return edit(d -> d.withText(field, raw, catalogs, field.path()), null);
    }

    /** Leaves a field out so it takes its default again. */
    public String clear(ScenarioField<?> field) {
        return edit(d -> d.without(field), null);
    }

    /**
     * As {@link #setText}, or {@link #clear} for blank text, for an editor that shows a refusal beside itself:
     * a refused value leaves the status line as it was (the message belongs at the box, and goes with the edit).
     */
    public String setTextAtField(ScenarioField<?> field, String raw) {
        String shown = problem.get();
        String refusal = raw.isBlank() ? clear(field) : setText(field, raw);
        if (refusal != null) {
            problem.set(shown);
        }
        return refusal;
    }

    /** The model-size slider's gesture, for undo (picking a catalog model is a click, a step of its own). */
    private static final String MODEL_SIZE = "model size";

    public void selectModel(String id) {
        changeModel(d -> d.withModelId(id), List.of(), null);
    }

    /** Switches to a derived dense model of this size (off the catalog). */
    public void setModelParameters(double parameters) {
        changeModel(d -> d.withModelParameters(parameters), List.of(), MODEL_SIZE);
    }

    /**
     * Imports a Hugging Face config.json, or a folder holding one, as the scenario's model; the document keeps its
     * architecture inline, so a saved file stands alone. A config LoopLine cannot model leaves the scenario as it
     * was and {@link #problemProperty()} names the architecture and the field; returns whether it was imported.
     */
    public boolean openModelConfig(Path path) {
        ModelConfigImport imported;
        try {
            imported = ModelConfigImport.read(path);
        } catch (InvalidDataException e) {
            problem.set(e.getMessage());
            return false;
        }
        return changeModel(d -> d.withInlineModel(imported.entry()), imported.warnings(), null) == null;
    }

    private String changeModel(UnaryOperator<ScenarioDocument> change, List<String> warningsOfTheNewModel, Object undoKey) {
        List<String> warningsBefore = modelWarnings;
        Snapshot before = document == null ? null : snapshot(); // taken while the warnings are still the old model's
        UnaryOperator<ScenarioDocument> fitted = d -> {
            // a pinned TP the new model's heads do not split is fitted to it, and the warnings strip says how
            ModelSwitch fit = ModelSwitch.fitting(change.apply(d), catalogs, SOURCE);
            List<String> w = new java.util.ArrayList<>(warningsOfTheNewModel);
            w.addAll(fit.notes());
            modelWarnings = List.copyOf(w); // before the edit lands: a direct scheduler publishes inside it
            return fit.document();
        };
        String refused = edit(fitted, undoKey, before);
        if (refused != null) {
            modelWarnings = warningsBefore;
        }
        return refused;
    }

    /** Serving uses the training GPU unless set: "same as training" is the field left out. */
    public void setServingGpuSameAsTraining(boolean same) {
        if (same) {
            clear(ScenarioFields.SERVING_GPU);
        } else {
            set(ScenarioFields.SERVING_GPU, value(ScenarioFields.SERVING_GPU));
        }
    }

    public boolean servingGpuSameAsTraining() {
        return servingGpuSameAsTraining.get();
    }

    private String edit(UnaryOperator<ScenarioDocument> change, Object undoKey) {
        return edit(change, undoKey, document == null ? null : snapshot());
    }

    /** @param before the state undo returns to (taken before a model change swapped the model's warnings) */
    private String edit(UnaryOperator<ScenarioDocument> change, Object undoKey, Snapshot before) {
        if (document == null) {
            return NOTHING_OPEN;
        }
        try {
            ScenarioDocument next = change.apply(document);
            Scenario s = ScenarioReader.bind(next, catalogs, SOURCE);
            history.recordEdit(before, undoKey);
            document = next;
            pending = s;
            acceptedVersion++;
            documentChanged();
            problem.set(null);
            requestRecompute();
            return null;
        } catch (InvalidDataException e) {
            String message = e.getMessage().replaceFirst("^" + SOURCE + ": ", "");
            problem.set(message);
            return message;
        }
    }

    private void requestRecompute() {
        if (computing) {
            return; // when the estimate in flight lands, the next one starts from the latest edit
        }
        computing = true;
        if (computer == null) {
            scheduler.accept(() -> show(pending == null ? null : compute(acceptedVersion, pending)));
            return;
        }
        long version = acceptedVersion;
        Scenario s = pending;
        computer.execute(() -> {
            Outputs outputs;
            try {
                outputs = compute(version, s);
            } catch (RuntimeException e) { // a defect, not bad input (the scenario bound): say so, keep the last outputs
                scheduler.accept(() -> {
                    computing = false;
                    problem.set("could not estimate this scenario: " + e);
                });
                return;
            }
            scheduler.accept(() -> show(outputs));
        });
    }

    /** On the UI thread: shows a computed estimate unless a newer one is already shown, then catches up with later edits. */
    private void show(Outputs outputs) {
        computing = false;
        if (outputs != null && outputs.version() > publishedVersion) {
            publish(outputs);
        }
        if (pending != null && acceptedVersion > publishedVersion) {
            requestRecompute();
        } else {
            pending = null;
        }
    }

    /** Everything the window shows of one scenario: pure, so it may run on any thread. */
    private record Outputs(long version, Scenario scenario, Estimate estimate, Charts charts, List<KeyFigure> keyFigures,
                           List<String> warnings, String essentials) {
    }

    /** Computes and shows {@code s} on this thread, now; whatever is in flight for an older scenario is then dropped. */
    private void publishNow(Scenario s) {
        pending = null;
        publish(compute(++acceptedVersion, s));
    }

    private Outputs compute(long version, Scenario s) {
        Estimate e = Estimator.estimate(s, catalogs.apiOffersFor(s.model().id()));
        return new Outputs(version, s, e, ChartsFactory.of(e), KeyFigures.of(e), Warnings.of(e), ReportText.essentials(s));
    }

    private void publish(Outputs o) {
        publishedVersion = o.version();
        estimate.set(o.estimate());
        keyFigures.set(o.keyFigures());
        List<String> w = new java.util.ArrayList<>(modelWarnings);
        w.addAll(o.warnings());
        warnings.set(w.isEmpty() ? null : String.join("  ·  ", w));
        essentials = o.essentials(); // before the scenario: the summary reads it when the scenario changes
        scenario.set(o.scenario());
        charts.set(o.charts()); // last: whoever listens to charts sees every other output already current
    }
}
