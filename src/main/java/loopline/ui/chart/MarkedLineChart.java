package loopline.ui.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import loopline.ui.chart.LabelPlacer.Box;
import loopline.ui.chart.LabelPlacer.Polyline;

/**
 * A line chart with labelled vertical and horizontal reference lines (current value, limits, targets), a
 * range band, labels at the ends of named lines, a note when the scenario has a problem, and the
 * baseline's ghost lines. Every label is placed clear of the curves and of the labels placed before it:
 * end labels first, then marker labels, then the note, so the note never hides a target's label.
 */
final class MarkedLineChart extends LineChart<Number, Number> {

    static final class PlacedMarker {
        /** Which marker this is (its style and direction), so a marker that stays keeps its nodes. */
        private final String key;
        private double axisValue;
        private final boolean vertical;
        private final Line line;
        private final Label label;

        PlacedMarker(String key, boolean vertical, Line line, Label label) {
            this.key = key;
            this.vertical = vertical;
            this.line = line;
            this.label = label;
        }

        String key() {
            return key;
        }

        double axisValue() {
            return axisValue;
        }

        boolean vertical() {
            return vertical;
        }

        Line line() {
            return line;
        }

        Label label() {
            return label;
        }
    }

    /** Space between a label and the line it names, in pixels. */
    private static final double PAD = 4;
    /** Narrower than this beside its line, a marker label does not wrap there (too few words a line). */
    private static final double MIN_WRAP_WIDTH = 90;

    private final ScaleAxis xAxis;
    private final ScaleAxis yAxis;
    private final List<PlacedMarker> markers = new ArrayList<>();
    /** The range band, drawn under the lines; its corners in axis values (log10 on log axes). */
    private final Polygon band = new Polygon();
    private double[] bandX = new double[0];
    private double[] bandLow = new double[0];
    private double[] bandHigh = new double[0];
    private final List<Label> endLabels = new ArrayList<>();
    private final Label note = new Label();
    private final GhostLines ghosts = new GhostLines();

    MarkedLineChart(ScaleAxis x, ScaleAxis y) {
        super(x, y);
        xAxis = x;
        yAxis = y;
        setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(false);
        setHorizontalZeroLineVisible(false);
        setVerticalZeroLineVisible(false);
        band.getStyleClass().add("chart-band");
        band.setMouseTransparent(true);
        note.getStyleClass().add("chart-problem");
        note.setMouseTransparent(true);
        note.setVisible(false);
        getPlotChildren().add(0, band);
        getPlotChildren().add(1, ghosts);
        getPlotChildren().add(note);
    }

    ScaleAxis x() {
        return xAxis;
    }

    ScaleAxis y() {
        return yAxis;
    }

    GhostLines ghosts() {
        return ghosts;
    }

    /** The group the curves are drawn in: plot coordinates for pointer positions. */
    Node plotContent() {
        return band.getParent();
    }

    /** Adds a node drawn above everything on the plot (the hover readout). */
    void addOverlay(Node node) {
        getPlotChildren().add(node);
    }

    /** Shows the band through these points (axis values), or none when the arrays are empty. */
    void setBand(double[] x, double[] low, double[] high) {
        bandX = x;
        bandLow = low;
        bandHigh = high;
        band.setVisible(x.length > 1);
        requestChartLayout();
    }

    /** Shows these markers, in this order; the nodes of one already shown stay where they are (no restyling). */
    void setMarkers(List<PlacedMarker> newMarkers) {
        for (PlacedMarker m : markers) {
            if (!newMarkers.contains(m)) {
                getPlotChildren().removeAll(m.line(), m.label());
            }
        }
        // below the note, whose box avoids theirs anyway, and below the end labels: a marker line that cannot be
        // kept clear of one (the break-even line near the lifetime chart's end) passes behind its box, not through its text
        int at = endLabels.isEmpty() ? getPlotChildren().indexOf(note) : getPlotChildren().indexOf(endLabels.get(0));
        for (PlacedMarker m : newMarkers) {
            if (!markers.contains(m)) {
                getPlotChildren().add(at++, m.line());
                getPlotChildren().add(at++, m.label());
            }
        }
        markers.clear();
        markers.addAll(newMarkers);
        requestChartLayout();
    }

    /** Moves marker {@code i} and relabels it, keeping its nodes. */
    void moveMarker(int i, double axisValue, String text) {
        PlacedMarker m = markers.get(i);
        m.axisValue = axisValue;
        m.label().setText(text);
        requestChartLayout();
    }

    /** One label per series, at its right end ({@code null}: none), in the series' colour class. */
    void setEndLabels(List<String> texts, List<String> styleClasses) {
        if (endLabels.size() != texts.size()) {
            getPlotChildren().removeAll(endLabels);
            endLabels.clear();
            for (int i = 0; i < texts.size(); i++) {
                Label l = new Label();
                l.getStyleClass().add("end-label");
                l.setMouseTransparent(true);
                endLabels.add(l);
            }
            getPlotChildren().addAll(getPlotChildren().indexOf(note), endLabels);
        }
        for (int i = 0; i < texts.size(); i++) {
            Label l = endLabels.get(i);
            l.setText(texts.get(i) == null ? "" : texts.get(i));
            l.setVisible(texts.get(i) != null);
            String colour = "end-" + styleClasses.get(i);
            if (!l.getStyleClass().contains(colour)) { // restyling costs a CSS pass: only when the series changed
                l.getStyleClass().setAll("label", "end-label", colour);
            }
        }
        requestChartLayout();
    }

    /** Brings the labels back above the curves after the series were re-created (new paths go on top). */
    void raiseLabels() {
        for (PlacedMarker m : markers) {
            m.line().toFront();
            m.label().toFront();
        }
        endLabels.forEach(Node::toFront);
        note.toFront();
    }

    /** A sentence over the plot (a problem), or none. */
    void setNote(String text) {
        note.setText(text == null ? "" : text);
        note.setVisible(text != null);
        requestChartLayout();
    }

    Label note() {
        return note;
    }

    List<Label> endLabels() {
        return endLabels;
    }

    List<PlacedMarker> markers() {
        return markers;
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        double width = xAxis.getWidth();
        double height = yAxis.getHeight();
        layoutBand();
        ghosts.layout(xAxis, yAxis, width, height);
        List<Polyline> curves = curves();
        List<Box> taken = new ArrayList<>();
        // labels keep clear of the markers' lines too (a marker's own label excepted), not only of the curves
        List<Polyline> markerLines = new ArrayList<>(markers.size());
        for (PlacedMarker m : markers) {
            double p = (m.vertical() ? xAxis : yAxis).getDisplayPosition(m.axisValue());
            markerLines.add(m.vertical() ? new Polyline(new double[] {p, p}, new double[] {0, height})
                    : new Polyline(new double[] {0, width}, new double[] {p, p}));
        }
        layoutEndLabels(curves, markerLines, taken, width, height); // one per series, so before the ghosts join the curves
        if (ghosts.showing()) {
            curves.addAll(ghosts.markLinesDrawn());
        }
        int vertical = 0;
        for (int i = 0; i < markers.size(); i++) {
            PlacedMarker m = markers.get(i);
            List<Polyline> others = new ArrayList<>(markerLines);
            others.remove(i);
            layoutMarker(m, m.vertical() ? vertical++ : 0, curves, others, taken, width, height);
        }
        if (note.isVisible()) {
            note.autosize();
            place(note, noteCandidates(note, width, height), curves, taken, width, height);
        }
    }

    /** The series as drawn, in plot pixels: what labels keep clear of. */
    private List<Polyline> curves() {
        List<Polyline> curves = new ArrayList<>(getData().size());
        for (XYChart.Series<Number, Number> s : getData()) {
            int n = s.getData().size();
            double[] px = new double[n];
            double[] py = new double[n];
            for (int i = 0; i < n; i++) {
                px[i] = xAxis.getDisplayPosition(s.getData().get(i).getXValue());
                py[i] = yAxis.getDisplayPosition(s.getData().get(i).getYValue());
            }
            curves.add(new Polyline(px, py));
        }
        return curves;
    }

    private void layoutEndLabels(List<Polyline> curves, List<Polyline> markerLines, List<Box> taken, double width, double height) {
        for (int i = 0; i < endLabels.size() && i < curves.size(); i++) {
            Label label = endLabels.get(i);
            Polyline c = curves.get(i);
            if (!label.isVisible() || c.x().length == 0) {
                continue;
            }
            label.autosize();
            double w = label.getWidth();
            double h = label.getHeight();
            double ex = Math.min(c.x()[c.x().length - 1], width);
            double ey = c.y()[c.y().length - 1];
            List<Box> candidates = new ArrayList<>();
            // never past the plot's left edge, where the start of the label would be cut off
            for (double x : new double[] {Math.max(0, ex - w - PAD), Math.max(0, ex - 1.6 * w - PAD)}) {
                for (double step = 0; step * (h + 2) < height; step++) { // just above or below the end, then further off
                    candidates.add(new Box(x, ey - h - PAD - step * (h + 2), w, h));
                    candidates.add(new Box(x, ey + PAD + step * (h + 2), w, h));
                }
            }
            place(label, candidates, markerLines, taken, width, height); // next to its own line by design
        }
    }

    private void layoutMarker(PlacedMarker m, int row, List<Polyline> curves, List<Polyline> otherLines, List<Box> taken, double width,
                              double height) {
        Label label = m.label();
        label.setWrapText(true);
        label.autosize();
        ScaleAxis axis = m.vertical() ? xAxis : yAxis;
        double p = axis.getDisplayPosition(m.axisValue());
        boolean visible = m.axisValue() >= axis.getLowerBound() && m.axisValue() <= axis.getUpperBound();
        m.line().setVisible(visible);
        label.setVisible(visible);
        List<Box> candidates = m.vertical() ? besideVerticalLine(m, label, p, row, curves, otherLines, taken, width, height)
                : alongHorizontalLine(m, label, p, width);
        if (visible) {
            // off the other vertical markers' lines where any place is (two markers close together: the label goes past the
            // other line rather than across it); then clear of the curves, then of every other line: among the places that
            // keep a readable gap from the curves (a third of CLEAR, or the best there is), the one farthest from curves and
            // lines alike, so a label sits a little nearer a curve rather than under another marker's line
            candidates = offVerticalLines(candidates, otherLines);
            double[] scores = new double[candidates.size()];
            double clearest = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < scores.length; i++) {
                scores[i] = LabelPlacer.score(candidates.get(i), curves, taken, width, height);
                clearest = Math.max(clearest, scores[i]);
            }
            double enough = Math.min(clearest, LabelPlacer.CLEAR / 3) - 1e-9;
            List<Box> clear = new ArrayList<>();
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] >= enough) {
                    clear.add(candidates.get(i));
                }
            }
            List<Polyline> all = new ArrayList<>(curves);
            all.addAll(otherLines);
            place(label, clear, all, taken, width, height);
            Box chosen = taken.get(taken.size() - 1);
            label.resize(chosen.w(), chosen.h()); // wrapped to the side it went to
        }
    }

    /** The candidates that no other vertical marker line crosses, or all of them when every one is crossed. */
    private static List<Box> offVerticalLines(List<Box> candidates, List<Polyline> otherLines) {
        List<Polyline> vertical = otherLines.stream().filter(l -> l.x().length == 2 && l.x()[0] == l.x()[1]).toList();
        if (vertical.isEmpty()) {
            return candidates;
        }
        List<Box> off = candidates.stream().filter(b -> LabelPlacer.distance(b, vertical) > 0).toList();
        return off.isEmpty() ? candidates : off;
    }

    /**
     * Places beside a vertical line: on each side the label wraps to that side's room, so it lies across its own line
     * only when neither side has {@link #MIN_WRAP_WIDTH}; preferred at the top, one row per vertical marker, then every
     * row down the line, and a little off the line when other labels or another marker's line crowd it.
     */
    private List<Box> besideVerticalLine(PlacedMarker m, Label label, double p, int row, List<Polyline> curves, List<Polyline> otherLines,
                                         List<Box> taken, double width, double height) {
        m.line().setStartX(p);
        m.line().setEndX(p);
        m.line().setStartY(0);
        m.line().setEndY(height);
        double natural = label.getWidth();
        double rightRoom = width - p - PAD;
        double leftRoom = p - PAD;
        boolean rightFits = natural <= rightRoom || rightRoom >= MIN_WRAP_WIDTH;
        boolean leftFits = natural <= leftRoom || leftRoom >= MIN_WRAP_WIDTH;
        // a side too narrow for the label is tried only when neither side is wide enough: slid inside the plot, across its line
        double[] right = rightFits || !leftFits ? wrappedTo(label, natural, rightRoom, width) : null;
        double[] left = leftFits || !rightFits ? wrappedTo(label, natural, leftRoom, width) : null;
        List<Box> candidates = new ArrayList<>();
        addBeside(candidates, p, row, right, left, 0, height, width);
        Box beside = LabelPlacer.best(candidates, curves, taken, width, height);
        if (!LabelPlacer.free(beside, taken, width, height) || LabelPlacer.distance(beside, otherLines) == 0) {
            addBeside(candidates, p, row, right, left, 0.5, height, width);
            addBeside(candidates, p, row, right, left, 1, height, width);
        }
        return candidates;
    }

    /** Width and height of {@code label} wrapped to {@code room} beside its line, or to the plot when the room is too narrow. */
    private static double[] wrappedTo(Label label, double natural, double room, double width) {
        double w = natural <= room ? natural : room >= MIN_WRAP_WIDTH ? room : Math.min(natural, Math.max(width, 1));
        return new double[] {w, w == natural ? label.getHeight() : label.prefHeight(w)};
    }

    /**
     * Boxes right and left of the line at x = {@code p} (a side given as null has none), {@code shift} of their width
     * further off, row by row (right, then left, at each); near an edge, slid inside.
     */
    private static void addBeside(List<Box> candidates, double p, int row, double[] right, double[] left, double shift, double height,
                                  double width) {
        List<Double> rightYs = right == null ? List.of() : rows(right[1], row, height);
        List<Double> leftYs = left == null ? List.of() : rows(left[1], row, height);
        for (int i = 0; i < Math.max(rightYs.size(), leftYs.size()); i++) {
            if (i < rightYs.size()) {
                candidates.add(new Box(Math.min(p + PAD + shift * right[0], width - right[0]), rightYs.get(i), right[0], right[1]));
            }
            if (i < leftYs.size()) {
                candidates.add(new Box(Math.max(p - PAD - left[0] - shift * left[0], 0), leftYs.get(i), left[0], left[1]));
            }
        }
    }

    /** Label tops for a label {@code h} high: its own row at the top first, then every row down the line, then the bottom. */
    private static List<Double> rows(double h, int row, double height) {
        List<Double> ys = new ArrayList<>();
        ys.add(2 + (h + 2) * row);
        for (double y = 2; y + h <= height; y += h + 2) {
            ys.add(y);
        }
        ys.add(height - h - 2);
        return ys;
    }

    /** Along a horizontal line: above or below it, at the ends, the middle or the quarters; wrapped to the plot if wider. */
    private List<Box> alongHorizontalLine(PlacedMarker m, Label label, double p, double width) {
        if (label.getWidth() > width && width > 0) {
            label.resize(width, label.prefHeight(width));
        }
        double w = label.getWidth();
        double h = label.getHeight();
        m.line().setStartX(0);
        m.line().setEndX(width);
        m.line().setStartY(p);
        m.line().setEndY(p);
        List<Box> candidates = new ArrayList<>();
        for (double x : new double[] {PAD, width - w - PAD, (width - w) / 2, (width - w) / 4, (width - w) * 3 / 4}) {
            candidates.add(new Box(x, p - h - 1, w, h));
            candidates.add(new Box(x, p + 1, w, h));
        }
        return candidates;
    }

    private static List<Box> noteCandidates(Label note, double width, double height) {
        double w = note.getWidth();
        double h = note.getHeight();
        double cx = (width - w) / 2;
        return List.of(new Box(cx, (height - h) / 2, w, h), new Box(cx, height * 0.25 - h / 2, w, h),
                new Box(cx, height * 0.75 - h / 2, w, h), new Box(cx, PAD, w, h), new Box(cx, height - h - PAD, w, h));
    }

    private static void place(Label label, List<Box> candidates, List<Polyline> curves, List<Box> taken, double width, double height) {
        Box b = LabelPlacer.best(candidates, curves, taken, width, height);
        label.relocate(b.x(), b.y());
        taken.add(b);
    }

    /** The band's outline: along the high edge left to right, back along the low edge. */
    private void layoutBand() {
        band.getPoints().clear();
        int n = bandX.length;
        for (int i = 0; i < n; i++) {
            band.getPoints().addAll(xAxis.getDisplayPosition(bandX[i]), yAxis.getDisplayPosition(bandHigh[i]));
        }
        for (int i = n - 1; i >= 0; i--) {
            band.getPoints().addAll(xAxis.getDisplayPosition(bandX[i]), yAxis.getDisplayPosition(bandLow[i]));
        }
        band.toBack();
    }
}
