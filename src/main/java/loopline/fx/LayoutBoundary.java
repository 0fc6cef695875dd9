package loopline.fx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.geometry.Orientation;
import javafx.scene.layout.Region;

/**
 * Keeps a change inside a region from re-laying out everything around it. In JavaFX a changed label asks its
 * parent for a layout, which asks its parent, up to the window: on the next pulse every container on the way
 * measures all its children again (the dashboard's grid every chart and card, the tile pane every card, the
 * scroll pane the whole dashboard), although a new value in a card or a chart rarely changes an answer its
 * parent relies on. Wrapped in a boundary, the region becomes a layout root (JavaFX stops a layout request at an
 * unmanaged node): a change inside it lays out only the region, at the size it already has.
 * <p>
 * The boundary stands in for the region towards the parent and remembers each size the parent asked it (a
 * vertical box that fills its width asks a child's minimum and maximum width and its heights at that width, never
 * its preferred width). When the region is laid out after a change, its styles applied by then, the boundary asks
 * the region those questions again and, if an answer moved, asks the parent for a layout after all. That layout
 * comes a pulse later, so for one frame the region shows its new content at its old size. A boundary inside another
 * is heard a pulse later still (the outer one checks before the inner one's content is laid out): wrap siblings,
 * not their parent and them both.
 */
public final class LayoutBoundary extends Region {
    /** More answers than a parent asks between two layout requests: past it, a window was resized many times. */
    private static final int MAX_ANSWERS = 32;
    private final Region content;
    /** Each size the parent asked since the boundary last asked it for a layout, with the answer it got. */
    private final Map<Question, Double> answered = new HashMap<>();
    /** Set while the boundary resizes and lays out the content (the parent is laying the boundary out). */
    private boolean layingOut;
    /**
     * Set when the content asked for a layout itself (something inside it changed), until it is laid out. The parent
     * may lay the boundary out in the same pass and be answered from JavaFX's cache of the boundary's sizes, which
     * only a layout request of the boundary clears: so the answers are checked then too.
     */
    private boolean contentChanged;

    public LayoutBoundary(Region content) {
        this.content = content;
        content.setManaged(false); // an unmanaged node is a layout root: its layout requests stop at it
        getChildren().add(content);
        // a size set on the content itself (in em, so Presenter changes it) would ask its parent for a layout, but
        // JavaFX does not pass that on from a layout root: the boundary listens for it
        for (Observable size : List.of(content.minWidthProperty(), content.prefWidthProperty(),
                content.maxWidthProperty(), content.minHeightProperty(), content.prefHeightProperty(), content.maxHeightProperty())) {
            size.addListener(o -> requestLayout());
        }
        content.needsLayoutProperty().addListener((o, was, needs) -> {
            if (needs) {
                contentChanged |= !layingOut;
            } else if (contentChanged) {
                contentChanged = false;
                if (anAnswerMoved()) {
                    requestLayout(); // the parent holds a size that is no longer true: it lays the boundary out again
                }
            }
        });
    }

    @Override
    public void requestLayout() {
        if (answered != null) { // null while Region's constructor asks for a layout
            answered.clear(); // JavaFX forgets the boundary's cached sizes too: the parent will ask again
        }
        super.requestLayout();
    }

    @Override
    protected void layoutChildren() {
        layingOut = true;
        try {
            content.resizeRelocate(0, 0, getWidth(), getHeight());
            content.layout(); // now, while the answers the parent just got are the content's
        } finally {
            layingOut = false;
        }
    }

    private boolean anAnswerMoved() {
        for (Map.Entry<Question, Double> e : answered.entrySet()) {
            if (e.getKey().askOf(content) != e.getValue()) {
                return true;
            }
        }
        return false;
    }

    private double answer(Size size, double given) {
        Question q = new Question(size, given);
        double value = q.askOf(content);
        if (answered.size() >= MAX_ANSWERS) {
            requestLayout(); // start over rather than grow: the parent asks again what it needs
        }
        answered.put(q, value);
        return value;
    }

    @Override
    public Orientation getContentBias() {
        return content.getContentBias();
    }

    @Override
    public double getBaselineOffset() {
        return content.getBaselineOffset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return answer(Size.MIN_WIDTH, height);
    }

    @Override
    protected double computePrefWidth(double height) {
        return answer(Size.PREF_WIDTH, height);
    }

    @Override
    protected double computeMaxWidth(double height) {
        return answer(Size.MAX_WIDTH, height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return answer(Size.MIN_HEIGHT, width);
    }

    @Override
    protected double computePrefHeight(double width) {
        return answer(Size.PREF_HEIGHT, width);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return answer(Size.MAX_HEIGHT, width);
    }

    /** The six sizes a parent may ask a child, each given the other dimension (-1: any). */
    private enum Size {
        MIN_WIDTH(Region::minWidth), PREF_WIDTH(Region::prefWidth), MAX_WIDTH(Region::maxWidth),
        MIN_HEIGHT(Region::minHeight), PREF_HEIGHT(Region::prefHeight), MAX_HEIGHT(Region::maxHeight);

        private final Ask ask;

        Size(Ask ask) {
            this.ask = ask;
        }
    }

    @FunctionalInterface
    private interface Ask {
        double of(Region r, double given);
    }

    private record Question(Size size, double given) {
        double askOf(Region r) {
            return size.ask.of(r, given);
        }
    }
}
