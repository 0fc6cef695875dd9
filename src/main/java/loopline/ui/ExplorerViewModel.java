package loopline.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import loopline.data.Catalogs;
import loopline.data.InvalidDataException;
import loopline.data.ModelConfigImport;
import loopline.data.Presets;
import loopline.data.ScenarioDocument;
import loopline.data.ScenarioReader;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import loopline.engine.ModelArchitecture;
import loopline.engine.Scenario;
import loopline.engine.ScenarioField;
import loopline.engine.ScenarioFields;
import loopline.present.Charts;
import loopline.present.ChartsFactory;
import loopline.present.Explanation;
import loopline.present.Explanations;
import loopline.present.Figure;
import loopline.present.KeyFigure;
import loopline.present.KeyFigures;
import loopline.present.Warnings;

/**
 * The explorer's state: the scenario being edited (as its document, so "Save" writes exactly what the user
 * set), and the estimate, charts and cards computed from it. Edits are typed ({@link #set}) and checked when
 * made; the engine runs are coalesced: however many edits arrive while one estimate is being computed, the next
 * computation takes only the latest. In the window the estimate is computed off the UI thread and only the newest
 * result is shown, so dragging a slider costs the UI thread the drawing, not the engine.
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
    private ScenarioDocument presetDocument;
    /** The latest accepted scenario while its estimate is not yet shown; null when the outputs are current. */
    private Scenario pending;
    /** Counts accepted scenarios (opens and edits), so a result computed for an older one is never shown over a newer. */
    private long acceptedVersion;
    private long publishedVersion;
    private boolean computing;
    /** What importing the current model found worth saying; shown with the estimate's warnings until the model changes. */
    private List<String> modelWarnings = List.of();

    private final ReadOnlyObjectWrapper<Path> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ReadOnlyObjectWrapper<Estimate> estimate = new ReadOnlyObjectWrapper<>(this, "estimate");
    private final ReadOnlyObjectWrapper<Charts> charts = new ReadOnlyObjectWrapper<>(this, "charts");
    private final ReadOnlyObjectWrapper<List<KeyFigure>> keyFigures = new ReadOnlyObjectWrapper<>(this, "keyFigures", List.of());
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyStringWrapper warnings = new ReadOnlyStringWrapper(this, "warnings");
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper(this, "modified");

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
        this(catalogs, scheduler, null);
    }

    /**
     * @param scheduler runs work on the UI thread later (Platform::runLater)
     * @param computer  computes estimates off the UI thread (one background thread: results arrive in order)
     */
    public ExplorerViewModel(Catalogs catalogs, Consumer<Runnable> scheduler, Executor computer) {
        this.catalogs = catalogs;
        this.scheduler = scheduler;
        this.computer = computer;
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

    public Scenario scenario() {
        return scenario.get();
    }

    public Estimate estimate() {
        return estimate.get();
    }

    /** The value in force for a field: the document's, or the default it takes; the latest accepted edit counts. */
    public <T> T value(ScenarioField<T> field) {
        return field.get(pending != null ? pending : scenario());
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
            presetDocument = doc;
            document = doc;
            source.set(file);
            problem.set(null);
            modified.set(false);
            pending = null;
            publish(compute(++acceptedVersion, s)); // at once: whoever opened a file sees it opened
            return true;
        } catch (InvalidDataException e) {
            problem.set(e.getMessage());
            return false;
        }
    }

    public void resetToPreset() {
        if (presetDocument != null && changeModel(d -> presetDocument, List.of()) == null) {
            modified.set(false);
        }
    }

    /**
     * Writes the scenario atomically; only accepted edits are in the document, so the file always reopens.
     * Returns why it could not be written, or null.
     */
    public String saveAs(Path file) {
        if (document == null) {
            return NOTHING_OPEN;
        }
        try {
            document.write(file);
        } catch (InvalidDataException e) {
            return e.getMessage();
        }
        presetDocument = document;
        source.set(file);
        modified.set(false);
        return null;
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
        return edit(d -> d.with(field, value));
    }

    /** Sets a field from typed-in text, read like {@code --set}. */
    public String setText(ScenarioField<?> field, String raw) {
        return edit(d -> d.withText(field, raw, catalogs, field.path()));
    }

    /** Leaves a field out so it takes its default again. */
    public String clear(ScenarioField<?> field) {
        return edit(d -> d.without(field));
    }

    public void selectModel(String id) {
        changeModel(d -> d.withModelId(id), List.of());
    }

    /** Switches to a derived dense model of this size (off the catalog). */
    public void setModelParameters(double parameters) {
        changeModel(d -> d.withModelParameters(parameters), List.of());
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
        return changeModel(d -> d.withInlineModel(imported.entry()), imported.warnings()) == null;
    }

    private String changeModel(UnaryOperator<ScenarioDocument> change, List<String> warningsOfTheNewModel) {
        List<String> before = modelWarnings;
        modelWarnings = warningsOfTheNewModel; // before the edit: a direct scheduler publishes inside it
        String refused = edit(change);
        if (refused != null) {
            modelWarnings = before;
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
        return !document.isSet(ScenarioFields.SERVING_GPU);
    }

    private String edit(UnaryOperator<ScenarioDocument> change) {
        if (document == null) {
            return NOTHING_OPEN;
        }
        try {
            ScenarioDocument next = change.apply(document);
            Scenario s = ScenarioReader.bind(next, catalogs, SOURCE);
            document = next;
            pending = s;
            acceptedVersion++;
            modified.set(true);
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
                           List<String> warnings) {
    }

    private Outputs compute(long version, Scenario s) {
        Estimate e = Estimator.estimate(s, catalogs.apiOffersFor(s.model().id()));
        return new Outputs(version, s, e, ChartsFactory.of(e), KeyFigures.of(e), Warnings.of(e));
    }

    private void publish(Outputs o) {
        publishedVersion = o.version();
        estimate.set(o.estimate());
        keyFigures.set(o.keyFigures());
        List<String> w = new java.util.ArrayList<>(modelWarnings);
        w.addAll(o.warnings());
        warnings.set(w.isEmpty() ? null : String.join("  ·  ", w));
        scenario.set(o.scenario());
        charts.set(o.charts()); // last: whoever listens to charts sees every other output already current
    }
}
