package loopline.report;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
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

/** The window's report commands: export a PNG through a file chooser, or copy the report as an image. */
public final class ReportActions {
    private final ExplorerViewModel vm;

    public ReportActions(ExplorerViewModel vm) {
        this.vm = vm;
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
    }

    private WritableImage render() {
        Estimate estimate = vm.estimate();
        return ReportRenderer.render(estimate, ReportRenderer.DEFAULT_SCALE, LocalDate.now());
    }
}
