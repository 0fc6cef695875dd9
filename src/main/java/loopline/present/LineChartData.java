package loopline.present;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Everything a line chart draws: titles, axis labels and how to format their ticks, log or linear axes,
 * the series, the markers and the range band around them (null when the chart has none). {@code problem} is a
 * sentence shown over the chart when the scenario is not feasible (null when it is).
 */
public record LineChartData(String title, String subtitle, String xLabel, String yLabel, boolean logX, boolean logY,
                            DoubleFunction<String> xFormat, DoubleFunction<String> yFormat, List<Series> series,
                            List<Marker> markers, Side side, Figure figure, String problem, Band band) {

    /** A chart without a band. */
    public LineChartData(String title, String subtitle, String xLabel, String yLabel, boolean logX, boolean logY,
                         DoubleFunction<String> xFormat, DoubleFunction<String> yFormat, List<Series> series,
                         List<Marker> markers, Side side, Figure figure, String problem) {
        this(title, subtitle, xLabel, yLabel, logX, logY, xFormat, yFormat, series, markers, side, figure, problem, null);
    }
}
