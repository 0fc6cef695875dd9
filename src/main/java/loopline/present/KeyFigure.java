package loopline.present;

import loopline.present.Figure;

/** A figure on a card: a short label, its value for people, a line of context, and what explains it. */
public record KeyFigure(String label, String value, String detail, Side side, Figure figure, boolean problem) {
}
