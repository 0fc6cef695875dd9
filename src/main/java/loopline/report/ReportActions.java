package loopline.report;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import loopline.data.AtomicFile;
import loopline.data.InputFiles;
import loopline.data.InvalidDataException;
import loopline.engine.Estimate;
import loopline.present.ReportText;
import loopline.present.launch.LaunchConfig;
import loopline.present.launch.LaunchFormat;
import loopline.ui.Dialogs;
import loopline.ui.ExplorerViewModel;
import loopline.ui.FileNames;

/**
 * The window's report commands: export a page or a slide PNG through a file chooser, a launch script for the chosen
 * shape, or copy the report as an image with its key figures as text. The layout last chosen is what the Export button and Ctrl/Cmd+E export next.
 */
public final class ReportActions {
    /** Asks where to save: in the window the platform's file chooser; in a test, an answer given at once. */
    @FunctionalInterface
    interface SaveDialog {
        File show(FileChooser chooser, Window owner);
    }

    private final ExplorerViewModel vm;
    private final SaveDialog saveDialog;
    /** Shows a short confirmation after a command succeeds (the window's toast). */
    private final Consumer<String> confirmation;
    private ReportLayout lastLayout = ReportLayout.PAGE;
    private SplitMenuButton exportControl;

    public ReportActions(ExplorerViewModel vm) {
        this(vm, message -> { });
    }

    /** @param confirmation shows a short confirmation after a command succeeds (the window's toast) */
    public ReportActions(ExplorerViewModel vm, Consumer<String> confirmation) {
        this(vm, FileChooser::showSaveDialog, confirmation);
    }

    ReportActions(ExplorerViewModel vm, SaveDialog saveDialog) {
        this(vm, saveDialog, message -> { });
    }

    ReportActions(ExplorerViewModel vm, SaveDialog saveDialog, Consumer<String> confirmation) {
        this.vm = vm;
        this.saveDialog = saveDialog;
        this.confirmation = confirmation;
    }

    /**
     * The toolbar's Export control ({@code #export}): clicking it exports the layout last chosen; its menu offers
     * both, {@code #export-page} and {@code #export-slide}, and remembers the choice.
     */
    public SplitMenuButton exportControl(Supplier<Window> owner) {
        MenuItem page = new MenuItem("Page report (PNG)…");
        page.setId("export-page");
        page.setOnAction(e -> exportPng(owner.get(), ReportLayout.PAGE));
        MenuItem slide = new MenuItem("Slide 16:9 (PNG)…");
        slide.setId("export-slide");
        slide.setOnAction(e -> exportPng(owner.get(), ReportLayout.SLIDE));
        exportControl = new SplitMenuButton(page, slide, new SeparatorMenuItem());
        for (LaunchFormat format : LaunchFormat.values()) {
            MenuItem launch = new MenuItem("Launch script: " + format.label() + (format.serving() ? "" : " (training)") + "…");
            launch.setId("export-" + format.id());
            launch.setOnAction(e -> exportLaunch(owner.get(), format));
            exportControl.getItems().add(launch);
        }
        exportControl.setId("export");
        exportControl.setOnAction(e -> exportPng(owner.get()));
        showLastLayout();
        return exportControl;
    }

    /** Which layout the Export button and Ctrl/Cmd+E export: the page until the menu chooses the slide. */
    public ReportLayout lastLayout() {
        return lastLayout;
    }

    /** Exports the layout last chosen (Ctrl/Cmd+E and the Export button). */
    public void exportPng(Window owner) {
        exportPng(owner, lastLayout);
    }

    /** Asks where to save (proposing scenario name, "-slide" for a slide, and date); the chooser confirms replacing a file. */
    public void exportPng(Window owner, ReportLayout layout) {
        choose(layout);
        FileChooser chooser = new FileChooser();
        chooser.setTitle(layout == ReportLayout.SLIDE ? "Export a 16:9 slide (PNG)" : "Export a page report (PNG)");
        chooser.setInitialFileName(proposedFileName(layout));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PNG image (*.png)", "*.png"),
                new FileChooser.ExtensionFilter("JPEG image (*.jpg)", "*.jpg", "*.jpeg"));
        File file = saveDialog.show(chooser, owner);
        if (file != null) {
            exportTo(owner, withImageEnding(file.toPath(), chooser.getSelectedExtensionFilter()), layout);
        }
    }

    /**
     * A name typed without an ending ("report") gets the chosen filter's (".png"), as a save dialog promises;
     * any other ending is left for the writer to accept or refuse.
     */
    static Path withImageEnding(Path file, FileChooser.ExtensionFilter chosen) {
        String name = file.getFileName().toString();
        if (name.contains(".")) {
            return file;
        }
        String ending = chosen == null ? ".png" : chosen.getExtensions().get(0).substring(1);
        return file.resolveSibling(name + ending);
    }

    /** "70b-a-terabyte-to-train-2026-11-26.png", or "…-2026-11-26-slide.png" for a slide. */
    public String proposedFileName(ReportLayout layout) {
        String page = FileNames.report(vm.scenario().name(), LocalDate.now());
        return layout == ReportLayout.SLIDE ? page.substring(0, page.length() - ".png".length()) + "-slide.png" : page;
    }

    /** Writes the page report; see {@link #exportTo(Window, Path, ReportLayout)}. */
    public boolean exportTo(Window owner, Path file) {
        return exportTo(owner, file, ReportLayout.PAGE);
    }

    /** Renders and writes; a failure shows a dialog naming the path and leaves no partial file. */
    public boolean exportTo(Window owner, Path file, ReportLayout layout) {
        try {
            InputFiles.catalogs().with(vm.sourceProperty().get(), "the scenario open in this window")
                    .refuseAsOutput(file, "choose another name for the report");
            ReportImageWriter.write(render(layout), file, true);
            confirmation.accept("Saved the " + (layout == ReportLayout.SLIDE ? "slide" : "report") + " to " + shortPath(file));
            return true;
        } catch (InvalidDataException e) {
            Dialogs.error(owner, "Could not export the report", e.getMessage());
            return false;
        }
    }

    /**
     * Asks where to save the launch script for the shape the estimate chose ({@link LaunchConfig}) and writes it atomically;
     * a model with no checkpoint, or a launcher that cannot run this scenario, gets a dialog saying why.
     */
    public void exportLaunch(Window owner, LaunchFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the " + format.label() + " launch script");
        chooser.setInitialFileName(FileNames.launch(vm.scenario().name(), format.id()));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Shell script (*.sh)", "*.sh"));
        File file = saveDialog.show(chooser, owner);
        if (file != null) {
            exportLaunchTo(owner, file.toPath(), format);
        }
    }

    /** Writes the launch script to {@code file}; a refusal shows a dialog and writes nothing. */
    public boolean exportLaunchTo(Window owner, Path file, LaunchFormat format) {
        String title = "Could not write the " + format.label() + " launch script";
        String checkpoint = vm.checkpoint();
        if (checkpoint == null) {
            Dialogs.error(owner, title, vm.scenario().model().name() + " has no checkpoint to load: its catalog entry names none, or "
                    + "the model was resized or edited. Import the checkpoint's config.json with Model… and export again.");
            return false;
        }
        try {
            InputFiles.catalogs().with(vm.sourceProperty().get(), "the scenario open in this window")
                    .refuseAsOutput(file, "choose another name for the launch script");
            String text = LaunchConfig.of(format, vm.estimate(), checkpoint, "LoopLine " + Version.current() + " · " + LocalDate.now());
            AtomicFile.write(file, true, stream -> stream.write(text.getBytes(StandardCharsets.UTF_8)));
            confirmation.accept("Saved the " + format.label() + " launch script to " + shortPath(file));
            return true;
        } catch (IllegalArgumentException | InvalidDataException e) {
            Dialogs.error(owner, title, e.getMessage());
            return false;
        }
    }

    /** The page report as an image and, beside it, the key figures as plain text for where an image cannot go. */
    public void copyToClipboard() {
        ClipboardContent content = new ClipboardContent();
        content.putImage(render(ReportLayout.PAGE));
        content.putString(ReportText.keyFiguresText(vm.estimate(), LocalDate.now()));
        Clipboard.getSystemClipboard().setContent(content);
        confirmation.accept("Report copied to the clipboard");
    }

    /** The path as a person reads it: the home folder as "~". */
    static String shortPath(Path file) {
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath();
        Path absolute = file.toAbsolutePath();
        return absolute.startsWith(home) ? "~" + File.separator + home.relativize(absolute) : absolute.toString();
    }

    private void choose(ReportLayout layout) {
        lastLayout = layout;
        showLastLayout();
    }

    private void showLastLayout() {
        if (exportControl != null) {
            boolean slide = lastLayout == ReportLayout.SLIDE;
            exportControl.setText(slide ? "Export slide…" : "Export PNG…");
            exportControl.setTooltip(new Tooltip((slide ? "Export a 16:9 slide" : "Export a PNG page report")
                    + " of this scenario (Ctrl/Cmd+E); the arrow offers the page or a 16:9 slide"));
        }
    }

    private WritableImage render(ReportLayout layout) {
        Estimate estimate = vm.estimate();
        // with a pinned baseline A, the report compares with it, as the window does
        ExplorerViewModel.Baseline a = vm.baselineProperty().get();
        return ReportRenderer.render(layout, estimate, a == null ? null : a.estimate(), ReportRenderer.DEFAULT_SCALE, LocalDate.now());
    }
}
