package loopline.ui;

import java.nio.file.Path;

/**
 * What the view-model asks the person at the window before it would lose their work or needs a file name. The
 * window answers with dialogs ({@link WindowQuestions}); tests answer with canned replies.
 */
public interface UserQuestions {
    enum Answer { SAVE, DISCARD, CANCEL }

    /** "Save changes to {@code scenario}?" — Save, Don't save or Cancel. */
    Answer saveChangesTo(String scenario);

    /** Where to save: {@code proposedName} in {@code folder} (null: the user's home); null when cancelled. */
    Path chooseSaveFile(Path folder, String proposedName);

    /** Tells the user a save failed, and why. */
    void couldNotSave(String problem);

    /** For a view-model without a window (the CLI's tests, the report): never asks, so nothing is ever discarded. */
    UserQuestions NONE = new UserQuestions() {
        @Override
        public Answer saveChangesTo(String scenario) {
            return Answer.CANCEL;
        }

        @Override
        public Path chooseSaveFile(Path folder, String proposedName) {
            return null;
        }

        @Override
        public void couldNotSave(String problem) {
        }
    };
}
