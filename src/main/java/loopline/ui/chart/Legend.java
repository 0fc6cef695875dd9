package loopline.ui.chart;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/** A small legend: a colour swatch per entry, coloured by the same style class as its series or segment. */
final class Legend extends FlowPane {
    record Entry(String text, String styleClass) {
        /** Says how the pinned baseline is drawn. */
        static final Entry GHOST = new Entry("dashed: baseline", "legend-ghost");
    }

    Legend() {
        super(12, 2);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("ll-legend");
        setMinHeight(Region.USE_PREF_SIZE); // never squeezed below its wrapped lines: see LineChartView.layoutChildren
    }

    private List<String> styles = List.of();



    /** Relabels in place when the entries are the same kinds as before; rebuilds otherwise. */
    void show(List<Entry> entries, boolean lines) {
        List<String> newStyles = entries.stream().map(Entry::styleClass).toList();
        if (newStyles.equals(styles)) {
            for (int i = 0; i < entries.size(); i++) {
                ((Label) getChildren().get(i)).setText(entries.get(i).text());
            }
            return;
        }
        styles = newStyles;
        getChildren().clear();
        for (Entry e : entries) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll(lines ? "legend-line" : "legend-box", e.styleClass());
            Label label = new Label(e.text(), swatch);
            label.getStyleClass().add("legend-label");
            getChildren().add(label);
        }
    }
}
