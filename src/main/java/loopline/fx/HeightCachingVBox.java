package loopline.fx;

import javafx.scene.layout.VBox;

/**
 * A VBox that measures its height once per width within a layout pass (see {@link HeightsByWidth}): for the cards and
 * charts, whose wrapped text makes every height question a fresh measurement of every line below them.
 */
public class HeightCachingVBox extends VBox {
    private final HeightsByWidth heights = new HeightsByWidth();

    @Override
    public void requestLayout() {
        if (heights != null) { // VBox's constructor asks for a layout before this class's fields exist
            heights.forget();
        }
        super.requestLayout();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        heights.forget(); // heights last one layout pass: see HeightsByWidth
    }

    @Override
    protected double computePrefHeight(double width) {
        return heights.preferred(width, super::computePrefHeight);
    }

    @Override
    protected double computeMinHeight(double width) {
        return heights.minimum(width, super::computeMinHeight);
    }
}
