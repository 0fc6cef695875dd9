package loopline.ui.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import loopline.fx.HeightCachingVBox;
import loopline.fx.WrappingLabel;
import loopline.present.BarData;
import loopline.present.Figure;
import loopline.present.Segment;

/** Draws a {@link BarData}: header, bars to scale against the limit, a legend and the verdict sentence. */
public final class BarChartView extends HeightCachingVBox {
    /** What is drawn now, so an update that changes nothing costs nothing (no new layout of the chart). */
    private BarData shown;
    private BarData shownBaseline;
    private final ChartHeader header;
    private final BarsPane bars = new BarsPane();
    private final Legend legend = new Legend();
    private final Label verdict = new WrappingLabel();

    public BarChartView(String sideStyle, BiConsumer<Figure, Node> explain) {
        header = new ChartHeader(explain);
        verdict.getStyleClass().add("verdict");
        getChildren().addAll(header, bars, legend, verdict);
        getStyleClass().addAll("chart-card", sideStyle);
    }

    /** Shows {@code d} alone. */
    public void update(BarData d) {
        update(d, null);
    }

    /** Shows {@code d} with each row's {@code baseline} total as a dashed ghost outline (null: no ghost). */
    public void update(BarData d, BarData baseline) {
        if (d.equals(shown) && Objects.equals(baseline, shownBaseline)) {
            return; // unchanged by this edit: nothing to lay out again
        }
        shown = d;
        shownBaseline = baseline;
        header.update(d.title(), d.subtitle(), d.figure());
        bars.show(d, baseline);
        Map<String, Legend.Entry> entries = new LinkedHashMap<>();
        for (BarData.Row row : d.rows()) {
            for (Segment s : row.segments()) {
                entries.putIfAbsent(s.styleClass(), new Legend.Entry(s.label() + " " + d.format().apply(s.value()),
                        "segment-" + s.styleClass()));
            }
        }
        List<Legend.Entry> shown = new ArrayList<>(entries.values());
        if (baseline != null) {
            shown.add(Legend.Entry.GHOST);
        }
        legend.show(shown, false);
        verdict.setText(d.verdict());
        if (d.problem() != verdict.getStyleClass().contains("problem")) {
            if (d.problem()) {
                verdict.getStyleClass().add("problem");
            } else {
                verdict.getStyleClass().remove("problem");
            }
        }
    }

    BarsPane bars() {
        return bars;
    }

    public List<Node> segmentNodes() {
        return bars.getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass().contains("bar-segment")).toList();
    }
}
