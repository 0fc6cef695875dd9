package loopline.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Parent;

/**
 * How the window looks, as style classes on its root: {@code presenter} (larger text), {@code dark} (the
 * projector palette) and a text-size step from the window's width ({@code wide}, {@code wider}). The
 * stylesheet decides what each class means; this class only says which apply, so the look stays in CSS.
 */
public final class Appearance {
    /** From this width the text grows one step, and from the next one more: a 2560-wide screen is read from further away. */
    static final double WIDE = 1800;
    static final double WIDER = 2400;

    private final BooleanProperty presenter = new SimpleBooleanProperty(this, "presenter");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");

    /** Keeps {@code root}'s classes in step with the toggles and with {@code width} (the scene's). */
    void applyTo(Parent root, ObservableDoubleValue width) {
        presenter.addListener((o, a, on) -> toggle(root, "presenter", on));
        dark.addListener((o, a, on) -> toggle(root, "dark", on));
        width.addListener((o, a, w) -> sizeClasses(root, w.doubleValue()));
        toggle(root, "presenter", presenter.get());
        toggle(root, "dark", dark.get());
        sizeClasses(root, width.get());
    }

    private static void sizeClasses(Parent root, double width) {
        toggle(root, "wide", width >= WIDE && width < WIDER);
        toggle(root, "wider", width >= WIDER);
    }

    private static void toggle(Parent root, String styleClass, boolean on) {
        if (!on) {
            root.getStyleClass().remove(styleClass);
        } else if (!root.getStyleClass().contains(styleClass)) {
            root.getStyleClass().add(styleClass);
        }
    }

    public BooleanProperty presenterProperty() {
        return presenter;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }
}
