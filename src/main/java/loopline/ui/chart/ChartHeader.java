package loopline.ui.chart;

import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import loopline.fx.HeightCachingVBox;
import loopline.fx.WrappingLabel;
import loopline.present.Figure;

/** A chart's title, its subtitle (two lines when narrow) and the "why?" button that explains its main figure. */
public final class ChartHeader extends HeightCachingVBox {
    private final Label title = new Label();
    private final Label subtitle = new WrappingLabel();
    private final Button why = new Button("why?");
    private Figure figure;

    public ChartHeader(BiConsumer<Figure, Node> explain) {
        title.getStyleClass().add("card-title");
        subtitle.getStyleClass().add("chart-subtitle");
        // wraps: a narrow chart (the lifetime one, Presenter at 1280) takes two lines rather than cutting it
        subtitle.setMinHeight(Region.USE_PREF_SIZE);
        why.getStyleClass().add("why");
        why.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(0);
        why.setTooltip(new Tooltip("Show the formula and the inputs behind this chart"));
        why.setOnAction(e -> {
            if (figure != null && explain != null) {
                explain.accept(figure, why);
            }
        });
        why.setVisible(explain != null);
        why.setManaged(explain != null);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, title, spacer, why);
        top.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, subtitle);
        getStyleClass().add("chart-header");
    }

    void update(String titleText, String subtitleText, Figure explained) {
        title.setText(titleText);
        subtitle.setText(subtitleText);
        figure = explained;
    }
}
