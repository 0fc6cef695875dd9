package loopline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When edits join one undo step, and how far back undo reaches. */
class EditHistoryTest {
    private long now;
    private final EditHistory<String> history = new EditHistory<>(() -> now);

    @Test
    void editsOfOneKeyJoinWhileEachFollowsTheLastWithinTheBurst() {
        history.recordEdit("a", "traffic");
        now += EditHistory.BURST_MILLIS; // exactly at the limit: still the same gesture
        history.recordEdit("b", "traffic");
        now += EditHistory.BURST_MILLIS + 1;
        history.recordEdit("c", "traffic");
        assertThat(history.undo("d")).isEqualTo("c");
        assertThat(history.undo("c")).isEqualTo("a");
        assertThat(history.canUndo()).isFalse();
    }

    @Test
    void editsWithoutAKeyAreAlwaysStepsOfTheirOwn() {
        history.recordEdit("a", null);
        history.recordEdit("b", null);
        assertThat(history.undo("c")).isEqualTo("b");
        assertThat(history.undo("b")).isEqualTo("a");
    }

    @Test
    void undoKeepsTheLatestStepsUpToTheLimit() {
        for (int i = 0; i < EditHistory.LIMIT + 10; i++) {
            history.recordEdit("state " + i, null);
        }
        String state = "now";
        int steps = 0;
        while (history.canUndo()) {
            state = history.undo(state);
            steps++;
        }
        assertThat(steps).isEqualTo(EditHistory.LIMIT);
        assertThat(state).isEqualTo("state 10");
    }
}
