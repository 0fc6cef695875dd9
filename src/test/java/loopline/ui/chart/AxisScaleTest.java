package loopline.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import loopline.present.Format;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Where axes put their ticks: every decade or an even step of decades, 1-2-5 linear steps, labels apart. */
class AxisScaleTest {
    /** A label's width as the window's 11 px font sets it, roughly: 6.5 px a character and a little padding. */
    private static DoubleUnaryOperator widthOf(java.util.function.DoubleFunction<String> format, boolean log) {
        return v -> 6.5 * format.apply(AxisScale.fromAxis(v, log)).length() + 4;
    }

    private static final DoubleUnaryOperator LINE_HEIGHT = v -> 15;

    private static List<String> labels(AxisScale.Ticks ticks, java.util.function.DoubleFunction<String> format, boolean log) {
        List<String> out = new ArrayList<>();
        ticks.major().forEach(t -> out.add(format.apply(AxisScale.fromAxis(t, log))));
        return out;
    }

    @Test
    void aDollarAxisOverNineDecadesLabelsEveryDecadeWhenTallAndEveryThirdWhenShort() {
        AxisScale.Range r = AxisScale.range(12, 3e9, true, true);
        assertThat(r).isEqualTo(new AxisScale.Range(1, 10));
        AxisScale.Ticks tall = AxisScale.ticks(r.lower(), r.upper(), true, 300, LINE_HEIGHT);
        assertThat(labels(tall, Format::formatUsd, true))
                .containsExactly("$10.00", "$100", "$1k", "$10k", "$100k", "$1M", "$10M", "$100M", "$1B", "$10B");
        // 80 px: a short cost chart. Every third decade, all of them round thousands, never "$10k, $1M, $10M"
        AxisScale.Ticks strip = AxisScale.ticks(r.lower(), r.upper(), true, 80, LINE_HEIGHT);
        assertThat(labels(strip, Format::formatUsd, true)).containsExactly("$1k", "$1M", "$1B");
        assertThat(strip.minor()).contains(1.0, 2.0, 4.0, 5.0, 7.0, 8.0, 10.0);
    }

    @Test
    void aWideLogAxisLabelsOneTwoFiveAndANarrowOneDecadesWithMinorTicksAtTwoAndFive() {
        DoubleUnaryOperator width = widthOf(Format::formatCount, true);
        AxisScale.Ticks wide = AxisScale.ticks(2, 5, true, 450, width);
        assertThat(labels(wide, Format::formatCount, true))
                .containsExactly("100", "200", "500", "1,000", "2,000", "5,000", "10k", "20k", "50k", "100k");
        AxisScale.Ticks narrow = AxisScale.ticks(2, 5, true, 180, width);
        assertThat(labels(narrow, Format::formatCount, true)).containsExactly("100", "1,000", "10k", "100k");
        assertThat(narrow.minor()).hasSize(6).contains(2 + Math.log10(2), 4 + Math.log10(5));
    }

    @Test
    void linearAxesStepByOneTwoOrFiveAndStartAtZero() {
        AxisScale.Range r = AxisScale.range(0, 33.7e6, false, true);
        assertThat(r.lower()).isZero();
        assertThat(r.upper()).isGreaterThanOrEqualTo(33.7e6 * 1.08).isEqualTo(40e6);
        AxisScale.Ticks t = AxisScale.ticks(r.lower(), r.upper(), false, 120, LINE_HEIGHT);
        assertThat(labels(t, Format::formatUsd, false)).containsExactly("$0", "$10M", "$20M", "$30M", "$40M");
    }

    @Property
    void logTicksAreWholeDecadesEvenlySpacedAndEveryDecadeWhenThereIsRoom(@ForAll @IntRange(min = -6, max = 12) int lower,
                                                                         @ForAll @IntRange(min = 1, max = 16) int decades,
                                                                         @ForAll @DoubleRange(min = 40, max = 1600) double length,
                                                                         @ForAll @DoubleRange(min = 8, max = 90) double labelSize) {
        int upper = lower + decades;
        DoubleUnaryOperator size = v -> labelSize;
        AxisScale.Ticks t = AxisScale.ticks(lower, upper, true, length, size);
        List<Double> major = t.major();
        assertThat(major).isNotEmpty();
        assertThat(AxisScale.fits(major, lower, upper, length, size)).as("labels never touch").isTrue();
        assertThat(major).allSatisfy(v -> assertThat(v).isBetween(lower - 1e-9, upper + 1e-9));
        boolean oneTwoFive = major.stream().anyMatch(v -> Math.abs(v - Math.rint(v)) > 1e-9);
        if (!oneTwoFive) {
            for (int i = 2; i < major.size(); i++) {
                assertThat(major.get(i) - major.get(i - 1)).as("one step all along").isCloseTo(major.get(1) - major.get(0), within(1e-9));
            }
            List<Double> everyDecade = new ArrayList<>();
            for (int d = lower; d <= upper; d++) {
                everyDecade.add((double) d);
            }
            if (AxisScale.fits(everyDecade, lower, upper, length, size)) {
                assertThat(major).as("no decade skipped when all fit").isEqualTo(everyDecade);
            }
        } else {
            assertThat(major).as("1-2-5 covers every decade").containsAll(List.of((double) lower, (double) upper));
        }
    }

    @Property
    void linearTicksAreRoundStepsThatFitTheirLabels(@ForAll @DoubleRange(min = -4, max = 12) double exponent,
                                                   @ForAll @DoubleRange(min = 40, max = 1600) double length,
                                                   @ForAll @DoubleRange(min = 8, max = 90) double labelSize) {
        AxisScale.Range r = AxisScale.range(0, Math.pow(10, exponent), false, true);
        DoubleUnaryOperator size = v -> labelSize;
        List<Double> major = AxisScale.ticks(r.lower(), r.upper(), false, length, size).major();
        assertThat(major.get(0)).isZero();
        assertThat(AxisScale.fits(major, r.lower(), r.upper(), length, size)).isTrue();
        if (major.size() > 1) {
            double step = major.get(1) - major.get(0);
            double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
            assertThat(List.of(1.0, 2.0, 5.0)).anySatisfy(m -> assertThat(mantissa).isCloseTo(m, within(1e-6)));
            assertThat(major.get(major.size() - 1)).isLessThanOrEqualTo(r.upper() * (1 + 1e-9));
        }
    }
}
