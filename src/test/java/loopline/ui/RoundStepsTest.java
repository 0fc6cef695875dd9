package loopline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Arrow keys land on round numbers, and a doubling is one key away. */
class RoundStepsTest {
    @Test
    void onALogSliderAStepDoublesOrHalvesToTwoFigures() {
        assertThat(RoundSteps.step(1000, 1, false, true, 1, 1e10)).isEqualTo(2000);
        assertThat(RoundSteps.step(20e6, 1, false, true, 1, 1e10)).isEqualTo(40e6);
        assertThat(RoundSteps.step(20e6, -1, false, true, 1, 1e10)).isEqualTo(10e6);
        assertThat(RoundSteps.step(1234, 1, false, true, 1, 1e10)).isEqualTo(2500);
        assertThat(RoundSteps.step(3, 1, true, true, 1, 1e10)).isEqualTo(30);
    }

    @Test
    void aStepStaysOnTheTrack() {
        assertThat(RoundSteps.step(8e9, 1, false, true, 1e3, 1e10)).isEqualTo(1e10);
        assertThat(RoundSteps.step(1500, -1, true, true, 1e3, 1e10)).isEqualTo(1e3);
    }

    @Test
    void onALinearSliderAStepIsARoundFiftiethOfTheTrack() {
        assertThat(RoundSteps.roundStep(0.6 / 50)).isEqualTo(0.01);
        assertThat(RoundSteps.step(0.45, 1, false, false, 0.1, 0.7)).isCloseTo(0.46, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(RoundSteps.step(0.453, -1, true, false, 0.1, 0.7)).isCloseTo(0.35, org.assertj.core.data.Offset.offset(1e-12));
    }
}
