package loopline.report;

import java.time.LocalDate;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import loopline.engine.Scenario;

/** The pieces the page and the slide share, so both say the same thing the same way; sizes come from the stylesheet. */
final class ReportParts {
    private ReportParts() {
    }

    static Label text(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        return label;
    }

    /**
     * The title with the version and date at its right, then the lines under it at the full width (so a long one
     * wraps instead of losing its end).
     */
    static VBox head(Scenario s, LocalDate date, Node... underTitle) {
        Label title = text(s.name(), "report-title");
        title.setId("report-title");
        title.setWrapText(true);
        Label stamp = text("LoopLine " + Version.current() + " · " + date, "report-stamp");
        stamp.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox top = new HBox(12, title, stamp);
        top.setAlignment(Pos.TOP_LEFT);
        VBox head = new VBox(2, top);
        head.getChildren().addAll(underTitle);
        return head;
    }

    /** "Compared with A: <name>", then {@code more} (the slide's one-line list of changes), under the title. */
    static Label comparedWith(Scenario baseline, String more) {
        Label line = text("Compared with A: " + baseline.name() + more, "report-baseline");
        line.setId("report-baseline");
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        return line;
    }

    /** A column's coloured heading, as the window draws it: title and subtitle in white on the side's colour. */
    static VBox columnHeader(String title, String subtitle, String side) {
        Label sub = text(subtitle, "column-subtitle");
        sub.setWrapText(true); // a fine-tune's subtitle is long; in large type it takes two lines
        sub.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(0, text(title, "column-title"), sub);
        box.getStyleClass().addAll("column-header", side);
        return box;
    }
}
