package loopline.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import loopline.present.BarData;
import loopline.present.Segment;

/**
 * Horizontal stacked bars drawn to scale, with an optional limit line (a GPU's memory) and, when a
 * baseline is pinned, each row's baseline total as a dashed outline behind the bar. Widths are laid out
 * from the current size, so the bars stay proportional however the window is resized. Hovering a segment
 * names it and its value; the text is made on hover only.
 */
final class BarsPane extends Region {
    private static final double LABEL_WIDTH = 120;
    private static final double ROW_HEIGHT = 30;
    private static final double ROW_GAP = 12;
    private static final double TOP = 18;
    /** The ghost outline stands a little proud of the bar, so it shows even where the bar covers it. */
    private static final double GHOST_OUTSET = 3;

    private record RowNodes(Label name, Region ghost, List<Region> segments, List<String> names, List<Double> values, Label total) {
    }

    private final List<RowNodes> rows = new ArrayList<>();
    private final Line limitLine = new Line();
    private final Label limitLabel = new Label();
    private final Label readout = new Label();
    private double scaleMax = 1;
    private double limit;
    /** Each row's baseline total; empty when no baseline is pinned. */
    private List<Double> ghostTotals = List.of();
    private DoubleFunction<String> format = Double::toString;

    BarsPane() {
        limitLine.getStyleClass().add("limit-line");
        limitLabel.getStyleClass().add("limit-label");
        readout.getStyleClass().add("hover-readout");
        readout.setMouseTransparent(true);
        readout.setManaged(false);
        readout.setVisible(false);
        getStyleClass().add("bars");
    }

    /** Shows {@code d}, with {@code baseline}'s row totals as ghosts (null: none); the scale covers both. */
    void show(BarData d, BarData baseline) {
        double max = d.limit();
        for (BarData.Row row : d.rows()) {
            max = Math.max(max, row.total());
        }
        List<Double> totals = new ArrayList<>();
        if (baseline != null) {
            for (int r = 0; r < d.rows().size(); r++) {
                double t = r < baseline.rows().size() ? baseline.rows().get(r).total() : 0;
                totals.add(t);
                max = Math.max(max, t);
            }
        }
        ghostTotals = totals;
        format = d.format();
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
                nodes.names().set(i, s.label());
            }
            nodes.ghost().setVisible(!ghostTotals.isEmpty());
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
            Region ghost = new Region();
            ghost.getStyleClass().add("bar-ghost");
            ghost.setMouseTransparent(true);
            List<Region> segments = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            RowNodes nodes = new RowNodes(name, ghost, segments, names, values, new Label());
            for (Segment s : row.segments()) {
                Region r = new Region();
                r.getStyleClass().addAll("bar-segment", "segment-" + s.styleClass());
                int index = segments.size();
                r.addEventHandler(MouseEvent.MOUSE_MOVED, e -> showReadout(nodes, index, e));
                r.addEventHandler(MouseEvent.MOUSE_EXITED, e -> readout.setVisible(false));
                segments.add(r);
                names.add(s.label());
                values.add(0.0);
            }
            nodes.total().getStyleClass().add("bar-total");
            rows.add(nodes);
            getChildren().addAll(name, ghost);
            getChildren().addAll(segments);
            getChildren().add(nodes.total());
        }
        getChildren().addAll(limitLine, limitLabel, readout);
    }

    /** "Weights: 17.6 GB" beside the pointer over a segment. */
    private void showReadout(RowNodes row, int segment, MouseEvent e) {
        readout.setText(row.names().get(segment) + ": " + format.apply(row.values().get(segment)));
        readout.applyCss(); // sized now: it is laid out here, not by the pane
        readout.autosize();
        double x = e.getX() + row.segments().get(segment).getLayoutX() + 12;
        if (x + readout.getWidth() > getWidth()) {
            x = Math.max(0, x - readout.getWidth() - 24);
        }
        readout.relocate(x, Math.max(0, row.segments().get(segment).getLayoutY() - readout.getHeight() - 2));
        readout.setVisible(true);
        readout.toFront();
    }

    /** The hover label, for tests. */
    Label readout() {
        return readout;
    }

    /** Each row's ghost outline, for tests. */
    List<Region> ghosts() {
        return rows.stream().map(RowNodes::ghost).toList();
    }

    @Override
    protected double computePrefHeight(double width) {
        return top() + rows.size() * (ROW_HEIGHT + ROW_GAP) + 4;
    }

    /** Where the first bar starts: below the limit's label, and below it by the ghost's outset too when one is drawn. */
    private double top() {
        if (limit <= 0) {
            return TOP;
        }
        return Math.max(TOP, Math.ceil(limitLabel.prefHeight(-1)) + 1 + (ghostTotals.isEmpty() ? 0 : GHOST_OUTSET));
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
        double top = top();
        double y = top;
        for (int r = 0; r < rows.size(); r++) {
            RowNodes row = rows.get(r);
            row.name().resizeRelocate(0, y, labelWidth - 6, ROW_HEIGHT);
            if (r < ghostTotals.size()) {
                row.ghost().resizeRelocate(labelWidth, y - GHOST_OUTSET, barWidth * ghostTotals.get(r) / scaleMax, ROW_HEIGHT + 2 * GHOST_OUTSET);
            }
            double x = labelWidth;
            for (int i = 0; i < row.segments().size(); i++) {
                double w = barWidth * row.values().get(i) / scaleMax;
                row.segments().get(i).resizeRelocate(x, y, Math.max(0, w), ROW_HEIGHT);
                x += w;
            }
            Label total = row.total();
            double tx = x + 6;
            double lx = labelWidth + barWidth * limit / scaleMax;
            if (limit > 0 && x < lx && tx + total.getWidth() + 3 > lx) {
                tx = lx + 6; // the limit line would cross the figure: it moves past the line
            }
            total.relocate(tx, y + (ROW_HEIGHT - total.getHeight()) / 2);
            y += ROW_HEIGHT + ROW_GAP;
        }
        if (limit > 0) {
            double lx = labelWidth + barWidth * limit / scaleMax;
            limitLine.setStartX(lx);
            limitLine.setEndX(lx);
            limitLine.setStartY(top - 4);
            limitLine.setEndY(y - ROW_GAP + 4);
            limitLabel.autosize();
            limitLabel.relocate(Math.max(labelWidth, lx - limitLabel.getWidth()), 0);
        }
    }
}
