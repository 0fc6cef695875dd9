package loopline.ui;

import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.scene.control.Label;
import javafx.util.Duration;

/**
 * A short confirmation ("Report copied to the clipboard") that floats over the window's bottom-right corner and
 * fades after a few seconds. It is never part of the layout, so it cannot move anything under the pointer, and it
 * ignores the mouse so it never takes a click meant for what is beneath it.
 */
final class Toast extends Label {
    static final Duration SHOWN_FOR = Duration.seconds(4);
    private static final double MARGIN = 16;
    private final SequentialTransition fade;

    Toast() {
        setId("toast");
        getStyleClass().add("toast");
        setManaged(false);
        setMouseTransparent(true);
        setVisible(false);
        setWrapText(true);
        setMaxWidth(520);
        FadeTransition out = new FadeTransition(Duration.millis(400), this);
        out.setFromValue(1);
        out.setToValue(0);
        fade = new SequentialTransition(new PauseTransition(SHOWN_FOR), out);
        fade.setOnFinished(e -> setVisible(false));
    }

    void show(String message) {
        fade.stop();
        setText(message);
        setOpacity(1);
        setVisible(true);
        fade.playFromStart();
    }

    /** Places itself in the bottom-right corner of a {@code width × height} parent. */
    void placeIn(double width, double height) {
        double w = Math.min(prefWidth(-1), getMaxWidth());
        double h = prefHeight(w);
        resizeRelocate(width - w - MARGIN, height - h - MARGIN, w, h);
    }
}
