package loopline.ui;

import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * The line under an editor that says why the value typed into it was refused, in the words on screen; it marks the
 * editor as it shows and takes no room while there is nothing to say.
 */
final class RefusalLine extends Label {
    RefusalLine(String id) {
        setId(id);
        getStyleClass().add("field-refusal");
        setWrapText(true);
        setMinHeight(Region.USE_PREF_SIZE);
        setMaxWidth(Double.MAX_VALUE);
        show(null, null);
    }

    /** Says {@code reason} under {@code editor} and marks it refused; null clears both. */
    void show(Control editor, String reason) {
        if (editor != null) {
            editor.getStyleClass().remove("refused");
            if (reason != null) {
                editor.getStyleClass().add("refused");
            }
        }
        if (reason != null) {
            setText(reason);
        }
        setVisible(reason != null);
        setManaged(reason != null);
    }
}
