package loopline.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The window's answers to the view-model's questions: a Save / Don't save / Cancel dialog and a file chooser. */
final class WindowQuestions implements UserQuestions {
    private final Supplier<Window> owner;

    WindowQuestions(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Answer saveChangesTo(String scenario) {
        return Dialogs.askSaveChanges(owner.get(), scenario);
    }

    @Override
    public Path chooseSaveFile(Path folder, String proposedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save scenario");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (*.json)", "*.json"));
        File start = folder == null ? null : folder.toFile();
        if (start == null || !start.canWrite()) { // an installed app's presets are read-only: save in the user's folder
            start = new File(System.getProperty("user.home"));
        }
        chooser.setInitialDirectory(start);
        chooser.setInitialFileName(proposedName);
        File f = chooser.showSaveDialog(owner.get());
        return f == null ? null : f.toPath();
    }

    @Override
    public void couldNotSave(String problem) {
        Dialogs.error(owner.get(), "Could not save the scenario", problem);
    }
}
