package loopline.present;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers as people read them: never a raw double. */
class FormatTest {
    @Test
    void bytes() {
        assertThat(Format.formatBytes(1.12e12)).isEqualTo("1.12 TB");
        assertThat(Format.formatBytes(63.5e9)).isEqualTo("63.5 GB");
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
    void timesCountsAndCompute() {
        assertThat(Format.formatDuration(0.104)).isEqualTo("104 ms");
        assertThat(Format.formatDuration(108 * 86400)).isEqualTo("108 days");
        assertThat(Format.formatCount(1_750_000)).isEqualTo("1.75M");
        assertThat(Format.formatWhole(16_384)).isEqualTo("16,384");
        assertThat(Format.formatParameters(70.55e9)).isEqualTo("70.6B");
        assertThat(Format.formatFlops(7.32e24)).isEqualTo("7.32e24 FLOP");
        assertThat(Format.formatFlops(2.9e15)).isEqualTo("2.9 PFLOP");
        assertThat(Format.formatMonths(27.5)).isEqualTo("27.5 months");
        assertThat(Format.formatMonths(1166)).isEqualTo("97.2 years");
    }
}
