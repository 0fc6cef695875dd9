package loopline.present;

import loopline.present.Figure;

/**
 * A figure on a card: a short label, its likely value for people, the range the uncertain inputs allow ("(86–140)",
 * empty when the figure is exact), a line of context, and what explains it.
 */
public record KeyFigure(String label, String value, String range, String detail, Side side, Figure figure, boolean problem) {

    /** A figure no uncertain input moves. */
    public KeyFigure(String label, String value, String detail, Side side, Figure figure, boolean problem) {
        this(label, value, "", detail, side, figure, problem);
    }
}
