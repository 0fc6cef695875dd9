package loopline.ui;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * The lines above the dashboard: the problem banner or, when there is no problem, the estimate's warnings, or, when
 * all is well, what the scenario is (its title in bold, then its description, or once edited its inputs as they are
 * now). The text wraps onto two lines, which the line always takes, shown or not, so a message appearing never moves
 * the dashboard under the pointer. A message longer than that ends in "…" with a "more" link at its end that opens
 * the line to its whole text (and "less" closes it): on a projector a tooltip is no way to read a sentence.
 */
final class StatusLine extends Region {
    /** The scenario's title takes at most this share of the line, the description the rest. */
    private static final double TITLE_SHARE = 0.32;

    private final Label title;
    private final HBox heading;
    private final Label warnings;
    private final Label problem;
    private final Label twoLines = new Label("·\n·"); // the height of two lines of message text: never seen
    private final Hyperlink more = new Hyperlink("more");
    private final BooleanProperty expanded = new SimpleBooleanProperty(this, "expanded");

    StatusLine(ObservableStringValue problemText, ObservableStringValue warningsText, ObservableStringValue titleText,
               ObservableStringValue descriptionText) {
        getStyleClass().add("status-line");
        BooleanBinding hasProblem = Bindings.isNotNull(problemText);
        BooleanBinding hasWarnings = Bindings.isNotNull(warningsText);
        title = message("scenario-title", titleText);
        Label description = message("scenario-description", descriptionText);
        HBox.setHgrow(description, Priority.ALWAYS);
        heading = new HBox(title, description);
        heading.setId("scenario-heading");
        heading.setAlignment(Pos.TOP_LEFT);
        heading.visibleProperty().bind(Bindings.isNotNull(descriptionText).and(hasProblem.not()).and(hasWarnings.not()));
        warnings = message("warnings-strip", warningsText);
        warnings.visibleProperty().bind(hasWarnings.and(hasProblem.not()));
        problem = message("problem-banner", problemText); // above the others: a problem matters more
        problem.visibleProperty().bind(hasProblem);
        twoLines.getStyleClass().add("scenario-description");
        twoLines.setVisible(false);
        more.setId("status-more");
        more.getStyleClass().add("status-more");
        more.setFocusTraversable(false);
        more.setOnAction(e -> expanded.set(!expanded.get()));
        more.textProperty().bind(Bindings.when(expanded).then("less").otherwise("more"));
        expanded.addListener((o, was, now) -> requestLayout());
        getChildren().addAll(twoLines, heading, warnings, problem, more);
        Rectangle clip = new Rectangle(); // a message is never drawn over the dashboard below the line
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }

    private static Label message(String id, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(id);
        label.setWrapText(true);
        label.setMinWidth(0);
        label.setMinHeight(0);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMaxHeight(Double.MAX_VALUE);
        label.setAlignment(Pos.TOP_LEFT);
        label.textProperty().bind(Bindings.when(Bindings.isNull(text)).then("").otherwise(text));
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        tip.textProperty().bind(label.textProperty());
        label.setTooltip(tip);
        return label;
    }

    /** Whether the line is open to the whole of its message (after "more"). */
    BooleanProperty expandedProperty() {
        return expanded;
    }

    /** The message on show: the problem, else the warnings, else what the scenario is. */
    private Region shown() {
        return problem.isVisible() ? problem : warnings.isVisible() ? warnings : heading;
    }

    private double collapsedHeight() {
        return snapSizeY(twoLines.prefHeight(-1));
    }

    /** How tall the message on show would be, all of it, at this width. */
    private double wholeHeight(double width) {
        fitTitle(width);
        return snapSizeY(shown().prefHeight(width));
    }

    /** The title keeps its whole width up to its share of the line (it wraps beyond), the description the rest. */
    private void fitTitle(double width) {
        double share = Math.floor(width * TITLE_SHARE);
        title.setMaxWidth(share);
        title.setMinWidth(Math.min(share, Math.ceil(title.prefWidth(-1))));
    }

    private boolean overflows(double width) {
        return wholeHeight(width) > collapsedHeight() + 0.5;
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width < 0 ? getWidth() : width;
        double collapsed = collapsedHeight();
        if (!expanded.get() || w <= 0) {
            return collapsed;
        }
        return Math.max(collapsed, wholeHeight(w - more.prefWidth(-1)));
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 0; // the line takes the width it is given; its messages wrap to it
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        boolean overflowing = overflows(w);
        if (!overflowing && expanded.get()) {
            expanded.set(false); // nothing more to read: the next long message starts closed
        }
        more.setVisible(overflowing);
        double linkWidth = overflowing ? snapSizeX(more.prefWidth(-1)) : 0;
        double messageWidth = w - linkWidth;
        fitTitle(messageWidth);
        for (Node message : List.of(heading, warnings, problem)) {
            layoutInArea(message, 0, 0, messageWidth, h, 0, HPos.LEFT, VPos.TOP);
        }
        twoLines.resizeRelocate(0, 0, 0, 0);
        if (overflowing) {
            layoutInArea(more, messageWidth, 0, linkWidth, h, 0, HPos.RIGHT, VPos.BOTTOM);
        }
    }
}
