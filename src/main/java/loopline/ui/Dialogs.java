package loopline.ui;

import javafx.scene.control.Alert;
import javafx.stage.Window;

/** Modal messages for problems the user must see (a failed save or export). */
public final class Dialogs {
    private Dialogs() {
    }

    public static void error(Window owner, String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(owner);
        alert.setHeaderText(header);
        alert.getDialogPane().setMinWidth(520);
        alert.show();
    }
}
