package loopline.ui;

import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import loopline.fx.HeightCachingVBox;
import loopline.fx.WrappingLabel;
import loopline.present.Change;
import loopline.present.Figure;
import loopline.present.KeyFigure;

/**
 * One key figure: label, value and its range, the change against a baseline when one is pinned, a line of
 * context, the side's colour, and "why?". Nothing on it is ever cut: a range that does not fit beside the value
 * goes to the next line, and the detail wraps. Ctrl/Cmd+C or the context menu copies the figure as text.
 */
public final class FigureCard extends HeightCachingVBox {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private final Label label = new Label();
    private final Label value = new Label();
    private final Label range = new WrappingLabel();
    private final Label change = new WrappingLabel();
    private final Label detail = new WrappingLabel();
    private Figure figure;
    private String text = "";
    /** Where height is scarce (a 16:9 slide), a change from the baseline takes the place of the line of context. */
    private boolean changeReplacesDetail;

    public FigureCard(BiConsumer<Figure, Node> explain, boolean explainable) {
        Button why = new Button("?");
        why.setVisible(explainable);
        why.setManaged(explainable);
        why.getStyleClass().add("why-small");
        why.setAccessibleText("why?");
        why.setOnAction(e -> explain.accept(figure, why));
        label.getStyleClass().add("card-label");
        value.getStyleClass().add("card-value");
        range.getStyleClass().add("card-range");
        change.getStyleClass().add("card-change");
        detail.getStyleClass().add("card-detail");
        change.setMinHeight(Region.USE_PREF_SIZE);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        ValueAndRange valueRow = new ValueAndRange(value, range);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(4, label, spacer, why);
        top.setAlignment(Pos.CENTER_LEFT);
        showChange(null);
        getChildren().addAll(top, valueRow, change, detail);
        getStyleClass().add("figure-card");
        copyable();
    }

    /** Copy from the context menu, or with Ctrl/Cmd+C once a click or Tab has focused the card. */
    private void copyable() {
        setFocusTraversable(true);
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(e -> copyToClipboard());
        ContextMenu menu = new ContextMenu(copy);
        setOnContextMenuRequested(e -> menu.show(this, e.getScreenX(), e.getScreenY()));
        setOnMouseClicked(e -> {
            if (!(e.getTarget() instanceof Node n && isWhyButton(n))) { // "why?" keeps its own focus for its pop-over
                requestFocus();
            }
        });
        setOnKeyPressed(e -> {
            if (COPY.match(e)) {
                copyToClipboard();
                e.consume();
            }
        });
    }

    private static boolean isWhyButton(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (at.getStyleClass().contains("why-small")) {
                return true;
            }
        }
        return false;
    }

    public void show(KeyFigure k) {
        show(k, null);
    }

    /** Lets the change from a baseline replace the line of context, so a compared card is no taller than a plain one. */
    public void setChangeReplacesDetail(boolean replaces) {
        changeReplacesDetail = replaces;
    }

    /** Shows {@code current}; with a {@code baseline} (the same figure of the pinned scenario), also what changed. */
    public void show(KeyFigure current, KeyFigure baseline) {
        label.setText(current.label());
        value.setText(current.value());
        range.setText(current.range());
        detail.setText(current.detail());
        figure = current.figure();
        Change c = baseline == null ? null : Change.between(baseline, current);
        showChange(c);
        boolean detailShown = !(changeReplacesDetail && c != null);
        detail.setVisible(detailShown);
        detail.setManaged(detailShown);
        text = current.asText() + (c == null ? "" : " · " + c.text() + " vs baseline");
        setAccessibleText(text);
        styleOnly(current.side().styleClass(), "training", "inference", "both");
        if (current.problem() != getStyleClass().contains("problem")) {
            if (current.problem()) {
                getStyleClass().add("problem");
            } else {
                getStyleClass().remove("problem");
            }
        }
    }

    private void showChange(Change c) {
        change.setVisible(c != null);
        change.setManaged(c != null);
        change.setText(c == null ? "" : c.text());
        Change.Effect effect = c == null ? Change.Effect.NEUTRAL : c.effect();
        if (!change.getStyleClass().contains(effect.styleClass())) {
            for (Change.Effect e : Change.Effect.values()) {
                change.getStyleClass().remove(e.styleClass());
            }
            change.getStyleClass().add(effect.styleClass());
        }
    }

    /** Keeps exactly one of {@code all} on the card; restyling costs a CSS pass, so only on change. */
    private void styleOnly(String wanted, String... all) {
        if (!getStyleClass().contains(wanted)) {
            getStyleClass().removeAll(all);
            getStyleClass().add(wanted);
        }
    }

    /** Puts the figure on the clipboard as text: "Training cost: $14.8M ($8.41M–$26.9M)". */
    public void copyToClipboard() {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The figure as the clipboard gets it. */
    public String asText() {
        return text;
    }

    public String valueText() {
        return value.getText();
    }

    public String labelText() {
        return label.getText();
    }

    /** The change against the baseline as shown, or empty when no baseline is pinned. */
    public String changeText() {
        return change.getText();
    }
}
