package loopline.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import loopline.ui.chart.LabelPlacer.Box;
import loopline.ui.chart.LabelPlacer.Polyline;
import org.junit.jupiter.api.Test;

/** Placing a label: clear of the curves, of labels placed before, and inside the plot. */
class LabelPlacerTest {
    /** A curve rising from bottom left to top right of a 200 × 100 plot. */
    private static final Polyline DIAGONAL = new Polyline(new double[] {0, 200}, new double[] {100, 0});

    @Test
    void distanceIsZeroWhenTheCurveCrossesTheBoxAndTheGapOtherwise() {
        assertThat(LabelPlacer.distance(new Box(90, 40, 20, 10), List.of(DIAGONAL))).isZero();
        assertThat(LabelPlacer.distance(new Box(0, 0, 20, 10), List.of(DIAGONAL))).isGreaterThan(50);
        Polyline flat = new Polyline(new double[] {0, 100}, new double[] {50, 50});
        assertThat(LabelPlacer.distance(new Box(10, 30, 20, 10), List.of(flat))).isCloseTo(10, within(1e-9));
        assertThat(LabelPlacer.distance(new Box(120, 45, 20, 10), List.of(flat))).as("past the end").isCloseTo(20, within(1e-9));
    }

    @Test
    void theLabelGoesWhereNoCurveRunsThroughIt() {
        // candidates in order of preference: the first sits on the diagonal, the second is clear of it
        List<Box> candidates = List.of(new Box(90, 40, 30, 12), new Box(10, 10, 30, 12), new Box(150, 80, 30, 12));
        assertThat(LabelPlacer.best(candidates, List.of(DIAGONAL), List.of(), 200, 100)).isEqualTo(candidates.get(1));
    }

    @Test
    void whenEveryCandidateIsClearThePreferredOneWins() {
        List<Box> candidates = List.of(new Box(150, 80, 30, 12), new Box(10, 10, 30, 12));
        assertThat(LabelPlacer.best(candidates, List.of(DIAGONAL), List.of(), 200, 100)).isEqualTo(candidates.get(0));
    }

    @Test
    void aLabelAlreadyPlacedOrTheEdgeOfThePlotWeighsMoreThanACurve() {
        Box taken = new Box(5, 5, 40, 14);
        List<Box> candidates = List.of(new Box(10, 10, 30, 12), new Box(180, -5, 30, 12), new Box(90, 40, 30, 12));
        assertThat(LabelPlacer.best(candidates, List.of(DIAGONAL), List.of(taken), 200, 100))
                .as("on the curve beats over a label or outside").isEqualTo(candidates.get(2));
    }

    @Test
    void whenEveryCandidateOverlapsTheSmallestOverlapWins() {
        Box taken = new Box(0, 0, 100, 20);
        List<Box> candidates = List.of(new Box(0, 10, 50, 20), new Box(0, 18, 50, 20));
        assertThat(LabelPlacer.best(candidates, List.of(), List.of(taken), 200, 100)).isEqualTo(candidates.get(1));
    }
}
