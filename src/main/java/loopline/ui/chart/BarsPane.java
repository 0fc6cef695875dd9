package loopline.ui.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import loopline.present.BarData;
import loopline.present.Segment;

/**
 * Horizontal stacked bars drawn to scale, with an optional limit line (a GPU's memory). Widths are laid
 * out from the current size, so the bars stay proportional however the window is resized.
 */
final class BarsPane extends Region {
    private static final double LABEL_WIDTH = 120;
    private static final double ROW_HEIGHT = 30;
    private static final double ROW_GAP = 12;
    private static final double TOP = 18;

    private record RowNodes(Label name, List<Region> segments, List<Tooltip> tips, List<Double> values, Label total) {
    }

    private final List<RowNodes> rows = new ArrayList<>();
    private final Line limitLine = new Line();
    private final Label limitLabel = new Label();
    private double scaleMax = 1;
    private double limit;

    BarsPane() {
        limitLine.getStyleClass().add("limit-line");
        limitLabel.getStyleClass().add("limit-label");
        getStyleClass().add("bars");
    }

    void show(BarData d) {
        double max = d.limit();
        for (BarData.Row row : d.rows()) {
            max = Math.max(max, row.total());
        }
        scaleMax = max <= 0 ? 1 : max * 1.02;
        limit = d.limit();
        if (!sameShape(d)) {
            build(d);
        }
        for (int r = 0; r < d.rows().size(); r++) {
            BarData.Row row = d.rows().get(r);
            RowNodes nodes = rows.get(r);
            nodes.name().setText(row.label());
            for (int i = 0; i < row.segments().size(); i++) {
                Segment s = row.segments().get(i);
                nodes.values().set(i, s.value());
                nodes.tips().get(i).setText(s.label() + ": " + d.format().apply(s.value()));
            }
            nodes.total().setText(d.format().apply(row.total()));
        }
        limitLabel.setText(d.limitLabel() == null ? "" : d.limitLabel());
        limitLine.setVisible(d.limit() > 0);
        limitLabel.setVisible(d.limit() > 0);
        requestLayout();
    }

    /** Same rows with the same segment kinds: only sizes and texts change, no node is re-created. */
    private boolean sameShape(BarData d) {
        if (rows.size() != d.rows().size()) {
            return false;
        }
        for (int r = 0; r < rows.size(); r++) {
            List<Segment> segments = d.rows().get(r).segments();
            if (rows.get(r).segments().size() != segments.size()) {
                return false;
            }
            for (int i = 0; i < segments.size(); i++) {
                if (!rows.get(r).segments().get(i).getStyleClass().contains("segment-" + segments.get(i).styleClass())) {
                    return false;
                }
            }
        }
        return true;
    }

    private void build(BarData d) {
        getChildren().clear();
        rows.clear();
        for (BarData.Row row : d.rows()) {
            Label name = new Label();
            name.getStyleClass().add("bar-row-label");
            List<Region> segments = new ArrayList<>();
            List<Tooltip> tips = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (Segment s : row.segments()) {
                Region r = new Region();
                r.getStyleClass().addAll("bar-segment", "segment-" + s.styleClass());
                Tooltip tip = new Tooltip();
                Tooltip.install(r, tip);
                segments.add(r);
                tips.add(tip);
                values.add(0.0);
            }
            Label total = new Label();
            total.getStyleClass().add("bar-total");
            rows.add(new RowNodes(name, segments, tips, values, total));
            getChildren().add(name);
            getChildren().addAll(segments);
            getChildren().add(total);
        }
        getChildren().addAll(limitLine, limitLabel);
    }

    @Override
    protected double computePrefHeight(double width) {
        return TOP + rows.size() * (ROW_HEIGHT + ROW_GAP) + 4;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        // the totals sit after their bars, never on them: room for the widest is kept at the right, so the
        // label reads on the card's colour in either theme rather than on a dark or light segment
        double totalsWidth = 0;
        for (RowNodes row : rows) {
            row.total().autosize();
            totalsWidth = Math.max(totalsWidth, row.total().getWidth() + 6);
        }
        // row names keep their room when the text grows (Presenter, large screens)
        double labelWidth = LABEL_WIDTH;
        for (RowNodes row : rows) {
            labelWidth = Math.max(labelWidth, row.name().prefWidth(-1) + 6);
        }
        labelWidth = Math.min(labelWidth, Math.max(LABEL_WIDTH, getWidth() * 0.4));
        double barWidth = Math.max(40, getWidth() - labelWidth - 8 - totalsWidth);
        double y = TOP;
        for (RowNodes row : rows) {
            row.name().resizeRelocate(0, y, labelWidth - 6, ROW_HEIGHT);
            double x = labelWidth;
            for (int i = 0; i < row.segments().size(); i++) {
                double w = barWidth * row.values().get(i) / scaleMax;
                row.segments().get(i).resizeRelocate(x, y, Math.max(0, w), ROW_HEIGHT);
                x += w;
            }
            Label total = row.total();
            total.relocate(x + 6, y + (ROW_HEIGHT - total.getHeight()) / 2);
            y += ROW_HEIGHT + ROW_GAP;
        }
        if (limit > 0) {
            double lx = labelWidth + barWidth * limit / scaleMax;
            limitLine.setStartX(lx);
            limitLine.setEndX(lx);
            limitLine.setStartY(TOP - 4);
            limitLine.setEndY(y - ROW_GAP + 4);
            limitLabel.autosize();
            limitLabel.relocate(Math.max(labelWidth, lx - limitLabel.getWidth()), 0);
        }
    }
}
