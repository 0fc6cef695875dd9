package loopline.present;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loopline.engine.TypedNumber;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Format over its whole domain: every string reads back to within a few per cent of its value, counted nouns agree
 * with their number, a unit never shows "1,000" of itself, and nothing shows NaN, Infinity or E notation.
 */
class FormatProperties {
    private static final double SECONDS_PER_DAY = 86_400;
    private static final double SECONDS_PER_MONTH = 30 * SECONDS_PER_DAY;
    private static final Map<String, Double> SECONDS_IN = Map.ofEntries(Map.entry("µs", 1e-6), Map.entry("ms", 1e-3),
            Map.entry("s", 1.0), Map.entry("minute", 60.0), Map.entry("minutes", 60.0), Map.entry("hour", 3600.0),
            Map.entry("hours", 3600.0), Map.entry("day", SECONDS_PER_DAY), Map.entry("days", SECONDS_PER_DAY),
            Map.entry("month", SECONDS_PER_MONTH), Map.entry("months", SECONDS_PER_MONTH),
            Map.entry("year", 12 * SECONDS_PER_MONTH), Map.entry("years", 12 * SECONDS_PER_MONTH));
    private static final Pattern DURATION = Pattern.compile("([0-9.,]+) (\\S+)");
    private static final List<DoubleFunction<String>> FORMATS = List.of(Format::formatUsd, Format::formatDuration,
            Format::formatMonths, Format::formatCount, Format::formatWhole, Format::formatNumber, Format::formatParameters,
            Format::formatBytes, Format::formatBinaryBytes, Format::formatPercent);

    /** Log-uniform over {@code [10^from, 10^to)}: every order of magnitude as likely as the next. */
    private static Arbitrary<Double> decades(double from, double to) {
        return Arbitraries.doubles().between(Math.ceil(from * 1e4) / 1e4, Math.floor(to * 1e4) / 1e4).ofScale(4).map(e -> Math.pow(10, e));
    }

    @Provide
    Arbitrary<Double> money() {
        return decades(-6, 15);
    }

    @Provide
    Arbitrary<Double> durations() {
        return decades(-6, Math.log10(999 * 12 * SECONDS_PER_MONTH));
    }

    @Provide
    Arbitrary<Double> anything() {
        return Arbitraries.oneOf(decades(-12, 20), decades(-12, 20).map(v -> -v),
                Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
                        Double.MAX_VALUE, 999.5, 999_999.0, 9.995e11, 0.99999));
    }

    @Property
    void moneyReadsBackAndStaysShort(@ForAll("money") double usd) {
        String text = Format.formatUsd(usd);
        assertThat(text).startsWith("$").hasSizeLessThanOrEqualTo(10);
        double read = TypedNumber.parse(text.substring(1));
        assertThat(read).as(text).isCloseTo(usd, within(usd * 0.06));
    }

    @Property
    void durationsReadBackAgreeInNumberAndStayShort(@ForAll("durations") double seconds) {
        String text = Format.formatDuration(seconds);
        assertThat(text).hasSizeLessThanOrEqualTo(13);
        Matcher m = DURATION.matcher(text);
        assertThat(m.matches()).as(text).isTrue();
        String number = m.group(1);
        String unit = m.group(2);
        assertThat(SECONDS_IN).as(text).containsKey(unit);
        double read = TypedNumber.parse(number) * SECONDS_IN.get(unit);
        assertThat(read).as(text).isCloseTo(seconds, within(seconds * 0.03));
        if (!unit.endsWith("s") || unit.length() <= 2) { // "µs", "ms", "s" are symbols; words agree with their number
            return;
        }
        assertThat(unit.endsWith("s")).as(text).isEqualTo(!number.equals("1"));
    }

    @Property
    void aUnitNeverShowsAThousandOfItself(@ForAll("anything") double v) {
        for (DoubleFunction<String> format : FORMATS) {
            String text = format.apply(v);
            assertThat(text).as("%s of %s", text, v).doesNotContainPattern("^[−$]*1,000[kMBT]")
                    .doesNotContainPattern("^−?1,000 (KB|MB|GB|TB|ms|µs|s|minutes|hours)$").doesNotContainPattern("^−?1,024 (KiB|MiB|GiB)$");
        }
    }

    @Property
    void nothingShowsNaNInfinityOrScientificNotation(@ForAll("anything") double v) {
        for (DoubleFunction<String> format : FORMATS) {
            String text = format.apply(v);
            assertThat(text).as("%s of %s", text, v).doesNotContain("NaN").doesNotContain("Infinity").doesNotContainPattern("\\dE");
        }
        assertThat(Format.formatFlops(v)).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Property
    void countsWithNounsAgree(@ForAll("anything") double n) {
        String text = Format.formatWhole(n, "replica", "replicas");
        assertThat(text.endsWith(" replica")).as(text).isEqualTo(text.equals("1 replica"));
    }

    @Property
    void aMonthIsThirtyDaysEverywhere(@ForAll("durations") double seconds) {
        assertThat(Format.formatMonths(seconds / SECONDS_PER_MONTH)).isEqualTo(Format.formatDuration(seconds));
    }
}
