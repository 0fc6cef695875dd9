package loopline.fx;

import javafx.scene.control.Label;

/**
 * A label that wraps its text and measures its height once per width until its text, font or padding change.
 * A wrapped label's height at a width is a fresh text layout in JavaFX each time it is asked, and a layout pass
 * asks several times (its box for minimum and preferred heights, then again to place it).
 */
public class WrappingLabel extends Label {
    private final HeightsByWidth heights = new HeightsByWidth();

    public WrappingLabel() {
        setWrapText(true);
    }

    @Override
    public void requestLayout() {
        if (heights != null) { // Label's constructor asks for a layout before this class's fields exist
            heights.forget();
        }
        super.requestLayout();
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
