package loopline.ui;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * A card's value with its range: side by side on one baseline when both fit the card's width, otherwise the range
 * on the line below, wrapped if even that is too narrow. The value is never cut and neither is the range, whatever
 * width the tile or Presenter mode gives the card.
 */
final class ValueAndRange extends Region {
    private static final double GAP = 4;
    private final Label value;
    private final Label range;

    ValueAndRange(Label value, Label range) {
        this.value = value;
        this.range = range;
        range.setWrapText(true);
        getChildren().addAll(value, range);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private boolean oneLine(double width) {
        return range.getText().isEmpty() || value.prefWidth(-1) + GAP + range.prefWidth(-1) <= width;
    }

    private double horizontalInsets() {
        Insets i = getInsets();
        return i.getLeft() + i.getRight();
    }

    @Override
    protected double computeMinWidth(double height) {
        return value.prefWidth(-1) + horizontalInsets();
    }

    @Override
    protected double computePrefWidth(double height) {
        return value.prefWidth(-1) + (range.getText().isEmpty() ? 0 : GAP + range.prefWidth(-1)) + horizontalInsets();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = (width < 0 ? computePrefWidth(-1) : width) - horizontalInsets();
        double lines = oneLine(inner)
                ? Math.max(value.prefHeight(-1), rangeTopOnOneLine() + range.prefHeight(-1))
                : value.prefHeight(-1) + range.prefHeight(inner);
        return lines + getInsets().getTop() + getInsets().getBottom();
    }

    /** How far below the value's top the range starts so that both share a baseline. */
    private double rangeTopOnOneLine() {
        return Math.max(0, value.getBaselineOffset() - range.getBaselineOffset());
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double width = getWidth() - horizontalInsets();
        double valueWidth = value.prefWidth(-1);
        double valueHeight = value.prefHeight(-1);
        value.resizeRelocate(in.getLeft(), in.getTop(), valueWidth, valueHeight);
        if (oneLine(width)) {
            range.resizeRelocate(in.getLeft() + valueWidth + GAP, in.getTop() + rangeTopOnOneLine(), range.prefWidth(-1),
                    range.prefHeight(-1));
        } else {
            range.resizeRelocate(in.getLeft(), in.getTop() + valueHeight, width, range.prefHeight(width));
        }
    }
}
