package loopline.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import loopline.data.Catalogs;
import loopline.data.InvalidDataException;
import loopline.data.ScenarioDocument;
import loopline.data.ScenarioReader;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import loopline.engine.Scenario;
import loopline.present.Charts;
import loopline.present.ChartsFactory;
import loopline.present.KeyFigure;
import loopline.present.KeyFigures;

/**
 * The explorer's state: the scenario being edited (as its JSON document, so "Save" writes exactly what
 * the user sees), and the estimate, charts and cards computed from it. Edits are coalesced: however
 * many arrive before the scheduler runs, the engine runs once.
 */
public final class ExplorerViewModel {
    private final Catalogs catalogs;
    private final Consumer<Runnable> scheduler;

    private ScenarioDocument document;
    private ScenarioDocument presetDocument;
    private boolean recomputePending;

    private final ReadOnlyObjectWrapper<Path> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ReadOnlyObjectWrapper<Estimate> estimate = new ReadOnlyObjectWrapper<>(this, "estimate");
    private final ReadOnlyObjectWrapper<Charts> charts = new ReadOnlyObjectWrapper<>(this, "charts");
    private final ReadOnlyObjectWrapper<List<KeyFigure>> keyFigures = new ReadOnlyObjectWrapper<>(this, "keyFigures", List.of());
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyStringWrapper warnings = new ReadOnlyStringWrapper(this, "warnings");
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper(this, "modified");

    /** @param scheduler runs a recomputation later (Platform::runLater in the window; directly in tests) */
    public ExplorerViewModel(Catalogs catalogs, Consumer<Runnable> scheduler) {
        this.catalogs = catalogs;
        this.scheduler = scheduler;
    }

    public Catalogs catalogs() {
        return catalogs;
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

    /** The value the scenario file holds at a path, or null when the field takes its default. */
    public String documentValue(String path) {
        var v = document == null ? null : document.get(path);
        if (v == null) {
            return null;
        }
        if (v.isNumber()) { // 15000000000000, not 1.5E13
            return v.decimalValue().stripTrailingZeros().toPlainString();
        }
        return v.isTextual() ? v.asText() : v.toString();
    }

    // ---- commands -----------------------------------------------------------------------------

    /**
     * Opens a scenario file. On any problem the current scenario stays as it was and {@link #problemProperty()}
     * names the file, field and problem.
     */
    public boolean open(Path file) {
        try {
            ScenarioDocument doc = ScenarioDocument.read(file);
            Scenario s = ScenarioReader.bind(doc, catalogs, file.toString());
            presetDocument = doc.copy();
            document = doc;
            source.set(file);
            problem.set(null);
            modified.set(false);
            publish(s);
            return true;
        } catch (InvalidDataException e) {
            problem.set(e.getMessage());
            return false;
        }
    }

    public void resetToPreset() {
        if (presetDocument != null) {
            document = presetDocument.copy();
            modified.set(false);
            requestRecompute();
        }
    }

    /** Writes the scenario atomically; the file on disk is never half-written. */
    public void saveAs(Path file) {
        document.write(file);
        presetDocument = document.copy();
        source.set(file);
        modified.set(false);
    }

    public void setNumber(String path, double value) {
        edit(d -> d.set(path, value));
    }

    public void setText(String path, String value) {
        edit(d -> d.set(path, value));
    }

    public void setFlag(String path, boolean value) {
        edit(d -> d.set(path, value));
    }

    /** Removes a field so it takes its default again. */
    public void clear(String path) {
        edit(d -> d.remove(path));
    }

    /** Applies a typed-in {@code path=value}, validated like {@code --set}. */
    public void apply(String path, String rawValue) {
        edit(d -> d.apply(path + "=" + rawValue, catalogs));
    }

    public void selectModel(String id) {
        edit(d -> d.setModelId(id));
    }

    /** Switches to a derived dense model of this size (off the catalog). */
    public void setModelParameters(double parameters) {
        edit(d -> d.setModelParameters(parameters));
    }

    /** Serving uses the training GPU unless set: "same as training" is the field left out. */
    public void setServingGpuSameAsTraining(boolean same) {
        if (same) {
            clear("inference.gpu");
        } else {
            setText("inference.gpu", scenario().inference().gpu().id());
        }
    }

    public boolean servingGpuSameAsTraining() {
        return document.get("inference.gpu") == null;
    }

    private void edit(Consumer<ScenarioDocument> change) {
        try {
            change.accept(document);
            modified.set(true);
            requestRecompute();
        } catch (InvalidDataException e) {
            problem.set(e.getMessage().replaceFirst("^--set ", "")); // the field, without the command-line wording
        }
    }

    private void requestRecompute() {
        if (!recomputePending) {
            recomputePending = true;
            scheduler.accept(this::recompute);
        }
    }

    private void recompute() {
        recomputePending = false;
        try {
            publish(ScenarioReader.bind(document, catalogs, "scenario"));
            problem.set(null);
        } catch (InvalidDataException e) {
            problem.set(e.getMessage().replaceFirst("^scenario: ", ""));
        }
    }

    private void publish(Scenario s) {
        Estimate e = Estimator.estimate(s);
        Charts newCharts = ChartsFactory.of(e);
        estimate.set(e);
        keyFigures.set(KeyFigures.of(e));
        List<String> w = e.warnings();
        warnings.set(w.isEmpty() ? null : String.join("  ·  ", w));
        scenario.set(s);
        charts.set(newCharts); // last: whoever listens to charts sees every other output already current
    }
}
