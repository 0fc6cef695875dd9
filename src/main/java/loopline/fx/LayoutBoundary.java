package loopline.fx;

import javafx.geometry.Orientation;
import javafx.scene.layout.Region;

/**
 * Keeps a change inside a region from re-laying out everything around it. In JavaFX a changed label asks its
 * parent for a layout, which asks its parent, up to the window: on the next pulse every container on the way
 * measures all its children again (the dashboard's grid every chart and card, the tile pane every card, the
 * scroll pane the whole dashboard), although a new value in a card or a chart rarely changes the card's or the
 * chart's size. Wrapped in a boundary, the region becomes a layout root (JavaFX stops a layout request at an
 * unmanaged node): a change inside it lays out only the region, at the size it already has. The boundary stands
 * in for it towards the parent, giving the parent the region's sizes; when the region is laid out after a change
 * (its styles applied by then), the boundary measures it again and, if its minimum, preferred or maximum size
 * moved, asks the parent for a layout after all. That one re-layout comes a pulse later, so for one frame the
 * region shows its new content at its old size.
 */
public final class LayoutBoundary extends Region {
    private final Region content;
    /** The content's sizes as last given to the parent (when it last laid the boundary out). */
    private Sizes given;
    /** Set while the boundary itself lays the content out: its sizes were just measured, no need to again. */
    private boolean layingOut;

    public LayoutBoundary(Region content) {
        this.content = content;
        content.setManaged(false); // an unmanaged node is a layout root: its layout requests stop at it
        getChildren().add(content);
        content.needsLayoutProperty().addListener((o, was, needs) -> {
            if (!needs && !layingOut && given != null && !Sizes.of(content, getWidth(), getHeight()).equals(given)) {
                requestLayout(); // its size changed: the parent must hear of it (next pulse)
            }
        });
    }

    public Region content() {
        return content;
    }

    @Override
    protected void layoutChildren() {
        given = Sizes.of(content, getWidth(), getHeight());
        layingOut = true;
        try {
            content.resizeRelocate(0, 0, getWidth(), getHeight());
            content.layout(); // now, while its sizes are known to be the ones given
        } finally {
            layingOut = false;
        }
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
        return content.minWidth(height);
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(height);
    }

    @Override
    protected double computeMaxWidth(double height) {
        return content.maxWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return content.minHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(width);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return content.maxHeight(width);
    }

    /** What a parent asks of a child, at the size the child has: a horizontal bias measures heights at its width. */
    private record Sizes(double minWidth, double prefWidth, double maxWidth, double minHeight, double prefHeight,
                         double maxHeight) {
        static Sizes of(Region r, double width, double height) {
            Orientation bias = r.getContentBias();
            double w = bias == Orientation.HORIZONTAL ? width : -1;
            double h = bias == Orientation.VERTICAL ? height : -1;
            return new Sizes(r.minWidth(h), r.prefWidth(h), r.maxWidth(h), r.minHeight(w), r.prefHeight(w), r.maxHeight(w));
        }
    }
}
