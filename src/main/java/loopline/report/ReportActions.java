package loopline.report;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import loopline.data.InvalidDataException;
import loopline.engine.Estimate;
import loopline.ui.Dialogs;
import loopline.ui.ExplorerViewModel;
import loopline.ui.FileNames;

/**
 * The window's report commands: export a PNG through a file chooser, or copy the report as an image. Each one that
 * succeeds says so in a line ("Report copied to the clipboard") for the window to show briefly.
 */
public final class ReportActions {
    private final ExplorerViewModel vm;
    private final Consumer<String> confirmation;

    public ReportActions(ExplorerViewModel vm) {
        this(vm, message -> { });
    }

    /** @param confirmation shows a short confirmation after a command succeeds (the window's toast) */
    public ReportActions(ExplorerViewModel vm, Consumer<String> confirmation) {
        this.vm = vm;
        this.confirmation = confirmation;
    }

    /** Asks where to save (proposing scenario name and date); the chooser itself confirms replacing a file. */
    public void exportPng(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export PNG report");
        chooser.setInitialFileName(FileNames.report(vm.scenario().name(), LocalDate.now()));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image (*.png)", "*.png"));
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            exportTo(owner, file.toPath());
        }
    }

    /** Renders and writes; a failure shows a dialog naming the path and leaves no partial file. */
    public boolean exportTo(Window owner, Path file) {
        try {
            PngWriter.write(render(), file, true);
            confirmation.accept("Saved the report to " + shortPath(file));
            return true;
        } catch (InvalidDataException e) {
            Dialogs.error(owner, "Could not export the report", e.getMessage());
            return false;
        }
    }

    public void copyToClipboard() {
        ClipboardContent content = new ClipboardContent();
        content.putImage(render());
        Clipboard.getSystemClipboard().setContent(content);
        confirmation.accept("Report copied to the clipboard");
    }

    /** The path as a person reads it: the home folder as "~". */
    static String shortPath(Path file) {
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath();
        Path absolute = file.toAbsolutePath();
        return absolute.startsWith(home) ? "~" + File.separator + home.relativize(absolute) : absolute.toString();
    }

    private WritableImage render() {
        Estimate estimate = vm.estimate();
        return ReportRenderer.render(estimate, ReportRenderer.DEFAULT_SCALE, LocalDate.now());
    }
}
