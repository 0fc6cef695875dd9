package loopline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers as people read them: never a raw double. */
class UnitsTest {
    @Test
    void bytes() {
        assertThat(Units.formatBytes(1.12e12)).isEqualTo("1.12 TB");
        assertThat(Units.formatBytes(63.5e9)).isEqualTo("63.5 GB");
        assertThat(Units.formatBinaryBytes(512 * 1024)).isEqualTo("512 KiB");
    }

    @Test
    void money() {
        assertThat(Units.formatUsd(15.9e6)).isEqualTo("$15.9M");
        assertThat(Units.formatUsd(577_000)).isEqualTo("$577k");
        assertThat(Units.formatUsd(1_000)).isEqualTo("$1k");
        assertThat(Units.formatUsd(100)).isEqualTo("$100");
        assertThat(Units.formatUsd(2.99)).isEqualTo("$2.99");
        assertThat(Units.formatUsd(0.0011)).isEqualTo("$0.0011");
        assertThat(Units.formatUsd(Double.NaN)).isEqualTo("—");
    }

    @Test
    void timesCountsAndCompute() {
        assertThat(Units.formatDuration(0.104)).isEqualTo("104 ms");
        assertThat(Units.formatDuration(108 * 86400)).isEqualTo("108 days");
        assertThat(Units.formatCount(1_750_000)).isEqualTo("1.75M");
        assertThat(Units.formatWhole(16_384)).isEqualTo("16,384");
        assertThat(Units.formatParameters(70.55e9)).isEqualTo("70.6B");
        assertThat(Units.formatFlops(7.32e24)).isEqualTo("7.32e24 FLOP");
        assertThat(Units.formatFlops(2.9e15)).isEqualTo("2.9 PFLOP");
        assertThat(Units.formatMonths(27.5)).isEqualTo("27.5 months");
        assertThat(Units.formatMonths(1166)).isEqualTo("97.2 years");
    }
}
