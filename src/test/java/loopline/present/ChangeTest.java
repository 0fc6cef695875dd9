package loopline.present;

import static org.assertj.core.api.Assertions.assertThat;

import loopline.present.Change.Effect;
import loopline.present.KeyFigure.Better;
import org.junit.jupiter.api.Test;

/** What a card says changed against the baseline, and whether for the better. */
class ChangeTest {
    private static KeyFigure figure(double amount, Measure measure, Better better) {
        return new KeyFigure("Figure", measure.format(amount), "", Side.TRAINING, Figure.TRAINING_COST, false, amount, measure, better);
    }

    private static Change change(double before, double after, Measure measure, Better better) {
        return Change.between(figure(before, measure, better), figure(after, measure, better));
    }

    @Test
    void aCostThatRisesIsWorseAndSaysByHowMuch() {
        Change c = change(2.6e6, 3.8e6, Measure.USD, Better.LOWER);
        assertThat(c.text()).isEqualTo("+$1.2M (+46%)");
        assertThat(c.sign()).isEqualTo(1);
        assertThat(c.effect()).isEqualTo(Effect.WORSE);
    }

    @Test
    void aSpeedThatFallsIsWorseAndOneThatRisesIsBetter() {
        assertThat(change(20, 17.6, Measure.NUMBER, Better.HIGHER)).isEqualTo(new Change("−2.4 (−12%)", -1, Effect.WORSE));
        assertThat(change(20, 40, Measure.NUMBER, Better.HIGHER)).isEqualTo(new Change("+20 (+100%)", 1, Effect.BETTER));
    }

    @Test
    void durationsAndCountsWriteTheDifferenceInTheirOwnUnit() {
        assertThat(change(101 * 86400.0, 50 * 86400.0, Measure.SECONDS, Better.LOWER).text()).isEqualTo("−51 days (−50%)");
        assertThat(change(2048, 4096, Measure.WHOLE, Better.NEITHER)).isEqualTo(new Change("+2,048 (+100%)", 1, Effect.NEUTRAL));
    }

    @Test
    void noChangeIsSaidSo() {
        assertThat(change(14.8e6, 14.8e6, Measure.USD, Better.LOWER)).isEqualTo(new Change("no change", 0, Effect.NEUTRAL));
    }

    /** A move below what the card shows ($1M both, 203 ms both) is no change, never a red "+$3.00 (+0.0003%)". */
    @Test
    void whatReadsTheSameOnBothCardsIsNoChange() {
        assertThat(change(1e6, 1e6 + 3, Measure.USD, Better.LOWER)).isEqualTo(new Change("no change", 0, Effect.NEUTRAL));
        assertThat(change(0.2031, 0.2031 + 1.6e-6, Measure.SECONDS, Better.LOWER)).isEqualTo(new Change("no change", 0, Effect.NEUTRAL));
    }

    @Test
    void tinyAndHugeChangesStayReadable() {
        assertThat(change(1e6, 1.01e6, Measure.USD, Better.LOWER).text()).isEqualTo("+$10k (+1%)");
        assertThat(change(1, 1500, Measure.USD, Better.LOWER).text()).isEqualTo("+$1.5k (×1,500)");
        assertThat(change(1500, 1, Measure.USD, Better.LOWER).text()).isEqualTo("−$1.5k (÷1,500)");
        assertThat(change(0, 5, Measure.USD, Better.LOWER).text()).isEqualTo("+$5.00");
    }

    @Test
    void aFigureThatCannotBeHadIsNotACompared() {
        assertThat(change(6e5, Double.NaN, Measure.USD, Better.LOWER)).isEqualTo(new Change("was $600k", 0, Effect.NEUTRAL));
        assertThat(change(Double.NaN, 6e5, Measure.USD, Better.LOWER)).isEqualTo(new Change("was —", 0, Effect.NEUTRAL));
        assertThat(change(Double.NaN, Double.NaN, Measure.USD, Better.LOWER).text()).isEqualTo("no change");
        assertThat(change(1, Double.POSITIVE_INFINITY, Measure.MONTHS, Better.NEITHER).effect()).isEqualTo(Effect.NEUTRAL);
    }
}
