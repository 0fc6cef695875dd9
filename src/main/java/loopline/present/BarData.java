package loopline.present;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A horizontal bar chart: one row per entry of {@code rows}, each a stack of segments, with an optional
 * limit line (a GPU's memory). {@code verdict} is the sentence under the bars ("fits", "needs 56 GPUs").
 */
public record BarData(String title, String subtitle, List<Row> rows, double limit, String limitLabel,
                      DoubleFunction<String> format, Side side, Figure figure, String verdict, boolean problem) {

    public record Row(String label, List<Segment> segments) {
        public double total() {
            double t = 0;
            for (Segment s : segments) {
                t += s.value();
            }
            return t;
        }
    }
}
