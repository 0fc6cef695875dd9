package loopline.present;

/**
 * One line on a chart; {@code styleClass} picks its colour from the stylesheet. {@code endLabel} is written
 * at the line's right end (null: none), for charts whose lines can run together.
 */
public record Series(String name, String styleClass, double[] x, double[] y, String endLabel) {

    /** A line without an end label. */
    public Series(String name, String styleClass, double[] x, double[] y) {
        this(name, styleClass, x, y, null);
    }
}
