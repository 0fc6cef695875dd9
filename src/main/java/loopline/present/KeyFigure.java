package loopline.present;

/**
 * A figure on a card: a short label, its likely value for people, the range the uncertain inputs allow ("(86–140 days)",
 * empty when the figure is exact), a line of context, and what explains it. {@code amount} is the likely value as a
 * number in {@code measure}'s unit (NaN when the figure cannot be had, shown "—"), and {@code better} says which way
 * it improves, so two scenarios' cards can say what changed and whether for the better ({@link Change}).
 */
public record KeyFigure(String label, String value, String range, String detail, Side side, Figure figure, boolean problem,
                        double amount, Measure measure, Better better) {

    /** Which way a figure improves: cost and time down, speed up; inputs and break-even neither. */
    public enum Better { LOWER, HIGHER, NEITHER }

    /** A figure no uncertain input moves. */
    public KeyFigure(String label, String value, String detail, Side side, Figure figure, boolean problem,
                     double amount, Measure measure, Better better) {
        this(label, value, "", detail, side, figure, problem, amount, measure, better);
    }

    /** The card as one line of text, for the clipboard: "Training cost: $14.8M ($8.41M–$26.9M)". */
    public String asText() {
        return label + ": " + value + (range.isEmpty() ? "" : " " + range);
    }
}
