package loopline.fx;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Skin;
import javafx.scene.control.skin.ScrollPaneSkin;

/**
 * A scroll pane for content that changes while it is looked at (the dashboard, the controls). JavaFX's skin
 * caches its viewport as an image, which pays for content that only scrolls; content that changes invalidates
 * the image every frame, so each frame renders the whole viewport into the image and then draws the image —
 * twice the work, and all of it, where without the cache only the changed parts are painted again. On a
 * two-core laptop with software rendering that render competes with the next slider move for the CPU.
 */
public final class LiveScrollPane extends ScrollPane {
    public LiveScrollPane(Node content) {
        super(content);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        ScrollPaneSkin skin = new ScrollPaneSkin(this);
        for (Node n : skin.getChildren()) {
            if (n.getStyleClass().contains("viewport")) {
                n.setCache(false);
            }
        }
        return skin;
    }
}
