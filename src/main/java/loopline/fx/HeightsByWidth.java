package loopline.fx;

import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * A region's minimum and preferred heights for the widths it was asked about, kept until it next asks for a
 * layout. JavaFX remembers a parent's sizes only for "any width" (-1); a region holding wrapped text is asked for
 * its height at a width, and a layout pass asks the same question many times (the grid for its rows' minimums and
 * preferences, the tile pane for the tallest card, the scroll pane for its content), each answer re-measuring every
 * line of text below it. Whatever changes a region's height below it (text, font, a child shown or hidden, padding)
 * also asks it for a layout, which is when {@link #forget()} is called — the same rule JavaFX's own size cache
 * follows. A container also forgets after laying out its children: JavaFX drops a child's layout request while its
 * parent is being laid out (a chart's axis measuring its new labels), so heights kept across passes could go stale.
 */
public final class HeightsByWidth {
    /** More widths than a layout pass asks about: past it the oldest answers are of no use (a window resized). */
    private static final int MAX_WIDTHS = 8;
    private final Map<Double, Double> preferred = new HashMap<>();
    private final Map<Double, Double> minimum = new HashMap<>();
    /** Counts forgets, so an answer computed while its region asked for a layout is not kept. */
    private long generation;

    /** The preferred height at {@code width}, measured by {@code measure} once per width until forgotten. */
    public double preferred(double width, DoubleUnaryOperator measure) {
        return remembered(preferred, width, measure);
    }

    /** The minimum height at {@code width}, measured by {@code measure} once per width until forgotten. */
    public double minimum(double width, DoubleUnaryOperator measure) {
        return remembered(minimum, width, measure);
    }

    /** Call from the region's {@code requestLayout()}: something below it changed. */
    public void forget() {
        generation++;
        preferred.clear();
        minimum.clear();
    }

    private double remembered(Map<Double, Double> heights, double width, DoubleUnaryOperator measure) {
        Double known = heights.get(width);
        if (known != null) {
            return known;
        }
        long before = generation;
        double height = measure.applyAsDouble(width); // not inside a map call: measuring may ask for a layout
        if (generation == before) {
            if (heights.size() >= MAX_WIDTHS) {
                heights.clear();
            }
            heights.put(width, height);
        }
        return height;
    }
}
