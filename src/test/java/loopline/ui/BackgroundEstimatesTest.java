package loopline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Queue;
import loopline.Fixtures;
import loopline.engine.ScenarioFields;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The window computes estimates on a background thread: here both that thread and the UI thread are queues run
 * by hand, so the order of events is chosen by the test.
 */
class BackgroundEstimatesTest {
    private final Queue<Runnable> uiThread = new ArrayDeque<>();
    private final Queue<Runnable> background = new ArrayDeque<>();
    private ExplorerViewModel vm;

    @BeforeEach
    void open() {
        vm = new ExplorerViewModel(Fixtures.CATALOGS, uiThread::add, background::add, System::currentTimeMillis);
        assertThat(vm.open(Fixtures.preset("default.json"))).isTrue();
    }

    private void computeOne() {
        background.poll().run();
    }

    private void runUiThread() {
        while (!uiThread.isEmpty()) {
            uiThread.poll().run();
        }
    }

    private double shownTraffic() {
        return vm.scenario().inference().requestsPerDay();
    }

    @Test
    void editsDuringAComputationAreCoalescedIntoOneMoreComputationOfTheLatest() {
        vm.set(ScenarioFields.REQUESTS_PER_DAY, 1e6);
        assertThat(background).hasSize(1);
        vm.set(ScenarioFields.REQUESTS_PER_DAY, 2e6);
        vm.set(ScenarioFields.REQUESTS_PER_DAY, 3e6);
        assertThat(background).as("one computation in flight at a time").hasSize(1);
        assertThat(vm.value(ScenarioFields.REQUESTS_PER_DAY)).as("the controls see the latest edit at once").isEqualTo(3e6);

        computeOne();
        runUiThread(); // shows 1e6, then asks for the latest
        assertThat(shownTraffic()).isEqualTo(1e6);
        assertThat(background).hasSize(1);
        computeOne();
        runUiThread();
        assertThat(shownTraffic()).isEqualTo(3e6);
        assertThat(background).as("nothing left to compute").isEmpty();
        assertThat(vm.estimate().scenario()).isSameAs(vm.scenario());
    }

    @Test
    void aResultComputedBeforeAFileWasOpenedNeverReplacesTheOpenedFile() {
        vm.set(ScenarioFields.REQUESTS_PER_DAY, 7e6);
        assertThat(vm.open(Fixtures.preset("chat-assistant-8b.json"))).isTrue();
        String opened = vm.scenario().name();
        computeOne();
        runUiThread();
        assertThat(vm.scenario().name()).isEqualTo(opened);
        assertThat(shownTraffic()).isNotEqualTo(7e6);
        assertThat(background).isEmpty();
        assertThat(vm.value(ScenarioFields.REQUESTS_PER_DAY)).isEqualTo(shownTraffic());
    }

    @Test
    void afterTheDragEndsTheOutputsMatchTheLastValueWhateverTheInterleaving() {
        for (int i = 1; i <= 20; i++) {
            vm.set(ScenarioFields.REQUESTS_PER_DAY, i * 1e5);
            if (i % 3 == 0 && !background.isEmpty()) {
                computeOne();
            }
            if (i % 4 == 0) {
                runUiThread();
            }
        }
        while (!background.isEmpty() || !uiThread.isEmpty()) {
            if (!background.isEmpty()) {
                computeOne();
            }
            runUiThread();
        }
        assertThat(shownTraffic()).isEqualTo(2e6);
        assertThat(vm.chartsProperty().get().servingCost().markers().get(0).value()).isEqualTo(2e6);
    }
}
