package loopline.present;

import java.util.Arrays;
import java.util.Objects;

/**
 * One line on a chart; {@code styleClass} picks its colour from the stylesheet. {@code endLabel} is written
 * at the line's right end (null: none), for charts whose lines can run together.
 */
public record Series(String name, String styleClass, double[] x, double[] y, String endLabel) {

    /** A line without an end label. */
    public Series(String name, String styleClass, double[] x, double[] y) {
        this(name, styleClass, x, y, null);
    }

    /** Equal when drawn the same: the points by value (a record compares arrays by identity), so a view can skip a redraw. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && Objects.equals(name, s.name) && Objects.equals(styleClass, s.styleClass)
                && Arrays.equals(x, s.x) && Arrays.equals(y, s.y) && Objects.equals(endLabel, s.endLabel);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, styleClass, Arrays.hashCode(x), Arrays.hashCode(y), endLabel);
    }
}
