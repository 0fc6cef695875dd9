package loopline.present;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers as people read them: never a raw double, never cut, in the unit that reads best. */
class FormatTest {
    @Test
    void bytes() {
        assertThat(Format.formatBytes(1.12e12)).isEqualTo("1.12 TB");
        assertThat(Format.formatBytes(63.5e9)).isEqualTo("63.5 GB");
        assertThat(Format.formatBytes(999.8e9)).isEqualTo("1 TB");
        assertThat(Format.formatBinaryBytes(512 * 1024)).isEqualTo("512 KiB");
    }

    @Test
    void money() {
        assertThat(Format.formatUsd(15.9e6)).isEqualTo("$15.9M");
        assertThat(Format.formatUsd(577_000)).isEqualTo("$577k");
        assertThat(Format.formatUsd(1_000)).isEqualTo("$1k");
        assertThat(Format.formatUsd(100)).isEqualTo("$100");
        assertThat(Format.formatUsd(2.99)).isEqualTo("$2.99");
        assertThat(Format.formatUsd(0.0011)).isEqualTo("$0.0011");
        assertThat(Format.formatUsd(Double.NaN)).isEqualTo("—");
    }

    @Test
    void moneyNearAUnitTakesTheLargerUnitAndTinyAmountsStayShort() {
        assertThat(Format.formatUsd(999.7e9)).isEqualTo("$1T");
        assertThat(Format.formatUsd(1.2e12)).isEqualTo("$1.2T");
        assertThat(Format.formatUsd(999_990)).isEqualTo("$1M");
        assertThat(Format.formatUsd(0.0000042)).isEqualTo("$0.0000042");
        assertThat(Format.formatUsd(3e-9)).isEqualTo("< $0.000001");
        assertThat(Format.formatUsd(-1200)).isEqualTo("−$1.2k");
    }

    @Test
    void axisDollarsDropZeroCents() {
        assertThat(Format.formatUsdAxis(10)).isEqualTo("$10");
        assertThat(Format.formatUsdAxis(1)).isEqualTo("$1");
        assertThat(Format.formatUsdAxis(12.5)).isEqualTo("$12.50");
        assertThat(Format.formatUsdAxis(1e6)).isEqualTo("$1M");
    }

    @Test
    void tinyAmountsPerRequestKeepTheirDigits() {
        assertThat(Format.formatUsdPerRequest(0.0010)).isEqualTo("$0.0010");
        assertThat(Format.formatUsdPerRequest(3.2e-7)).isEqualTo("$0.32 per 1M");
        assertThat(Format.formatUsdPerRequest(3e-9)).isEqualTo("$0.0030 per 1M");
        assertThat(Format.formatUsdPerRequestPhrase(3.2e-7)).isEqualTo("$0.32 per million requests");
        assertThat(Format.formatUsdPerRequestPhrase(0.0010)).isEqualTo("$0.0010 per request");
        assertThat(Format.formatRange(Format.formatUsdPerRequest(1.9e-7), Format.formatUsdPerRequest(6.2e-7))).isEqualTo("$0.19–$0.62 per 1M");
    }

    @Test
    void aShareJustUnderAllDoesNotReadAll() {
        assertThat(Format.formatPercent(0.9997)).isEqualTo("> 99.9%");
        assertThat(Format.formatPercent(1)).isEqualTo("100%");
        assertThat(Format.formatPercent(0.504)).isEqualTo("50.4%");
    }

    @Test
    void durationsInTheUnitThatReadsBest() {
        assertThat(Format.formatDuration(0.104)).isEqualTo("104 ms");
        assertThat(Format.formatDuration(108 * 86400)).isEqualTo("108 days");
        assertThat(Format.formatDuration(0.00721 * 86400)).isEqualTo("10.4 minutes");
        assertThat(Format.formatMonths(0.0557)).isEqualTo("40.1 hours");
        assertThat(Format.formatDuration(86400)).isEqualTo("24 hours");
        assertThat(Format.formatDuration(3 * 86400)).isEqualTo("3 days");
        assertThat(Format.formatDuration(60)).isEqualTo("60 s");
        assertThat(Format.formatDuration(0.9999)).isEqualTo("1 s");
        assertThat(Format.formatMonths(1)).isEqualTo("30 days");
        assertThat(Format.formatMonths(13)).isEqualTo("13 months");
        assertThat(Format.formatMonths(27.5)).isEqualTo("27.5 months");
        assertThat(Format.formatMonths(1166)).isEqualTo("97.2 years");
        assertThat(Format.formatMonths(1848)).isEqualTo("154 years");
        assertThat(Format.formatMonths(12 * 5000)).isEqualTo("> 1,000 years");
        assertThat(Format.formatMonths(Double.POSITIVE_INFINITY)).isEqualTo("—");
    }

    @Test
    void countedNounsAgreeWithTheirNumber() {
        assertThat(Format.formatWhole(1, "replica", "replicas")).isEqualTo("1 replica");
        assertThat(Format.formatWhole(2, "replica", "replicas")).isEqualTo("2 replicas");
        assertThat(Format.formatCount(1.5, "replica", "replicas")).isEqualTo("1.5 replicas");
        assertThat(Format.formatMonths(12 * 1.0004)).isEqualTo("12 months");
        assertThat(Format.formatDuration(3600)).isEqualTo("60 minutes");
        assertThat(Format.formatDuration(3 * 3600)).isEqualTo("3 hours");
    }

    @Test
    void rangesWriteASharedUnitOnce() {
        assertThat(Format.formatRange("85.9 days", "140 days")).isEqualTo("85.9–140 days");
        assertThat(Format.formatRange("20 hours", "3 days")).isEqualTo("20 hours–3 days");
        assertThat(Format.formatRange("$8.41M", "$26.9M")).isEqualTo("$8.41M–$26.9M");
        assertThat(Format.formatRange("< $0.000001", "$0.0000012")).isEqualTo("< $0.000001–$0.0000012");
    }

    @Test
    void timesCountsAndCompute() {
        assertThat(Format.formatCount(1_750_000)).isEqualTo("1.75M");
        assertThat(Format.formatCount(999_999)).isEqualTo("1M");
        assertThat(Format.formatWhole(16_384)).isEqualTo("16,384");
        assertThat(Format.formatParameters(70.55e9)).isEqualTo("70.6B");
        assertThat(Format.formatParameters(999.9e9)).isEqualTo("1T");
        assertThat(Format.formatFlops(7.32e24)).isEqualTo("7.32e24 FLOP");
        assertThat(Format.formatFlops(2.9e15)).isEqualTo("2.9 PFLOP");
    }
}
