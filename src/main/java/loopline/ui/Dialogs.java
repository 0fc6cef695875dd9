package loopline.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Modal messages for problems the user must see (a failed save or export) and the one question before losing edits. */
public final class Dialogs {
    private static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    private static final ButtonType DONT_SAVE = new ButtonType("Don't save", ButtonBar.ButtonData.NO);

    private Dialogs() {
    }

    public static void error(Window owner, String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(owner);
        alert.setHeaderText(header);
        alert.getDialogPane().setMinWidth(520);
        alert.show();
    }

    /** The dialog takes the window's stylesheet and its theme and presenter classes, so it reads like the window. */
    private static void lookLikeTheWindow(Alert alert, Window owner) {
        if (owner != null && owner.getScene() != null) {
            alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            owner.getScene().getRoot().getStyleClass().stream().filter(c -> !c.equals("root"))
                    .forEach(c -> alert.getDialogPane().getStyleClass().add(c));
        }
    }

    /** "Save changes to X?" with Save, Don't save and Cancel; closing the dialog is Cancel. */
    static UserQuestions.Answer askSaveChanges(Window owner, String scenario) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Your edits are lost if you don't save them.", SAVE, DONT_SAVE, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save changes to " + scenario + "?");
        alert.getDialogPane().setId("save-changes");
        lookLikeTheWindow(alert, owner);
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return answer == SAVE ? UserQuestions.Answer.SAVE
                : answer == DONT_SAVE ? UserQuestions.Answer.DISCARD : UserQuestions.Answer.CANCEL;
    }
}
