package loopline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's memory: a round trip through its file, and what a missing, broken or off-screen memory gives. */
class WindowMemoryTest {
    @TempDir
    Path dir;

    @Test
    void whatIsSavedIsLoadedBack() {
        WindowMemory memory = new WindowMemory(dir.resolve("settings/window.properties")); // the folder is made
        WindowMemory.State state = new WindowMemory.State(Optional.of(new WindowMemory.Place(40, 30, 1700, 950, true)),
                Optional.of(dir.resolve("mine.json").toAbsolutePath()), true, true);
        assertThat(memory.save(state)).isTrue();
        assertThat(memory.load()).isEqualTo(state);

        WindowMemory.State plain = new WindowMemory.State(Optional.of(new WindowMemory.Place(0, 0, 1280, 720, false)),
                Optional.empty(), false, false);
        assertThat(memory.save(plain)).isTrue(); // replaces the first
        assertThat(memory.load()).isEqualTo(plain);
    }

    @Test
    void aMissingOrBrokenFileIsAFirstRun() throws IOException {
        assertThat(new WindowMemory(dir.resolve("none.properties")).load()).isEqualTo(WindowMemory.State.FIRST_RUN);
        Path broken = Files.writeString(dir.resolve("broken.properties"), "x=left\nwidth=\\u12\npresenter=true\n");
        assertThat(new WindowMemory(broken).load()).isEqualTo(WindowMemory.State.FIRST_RUN);
        Path partial = Files.writeString(dir.resolve("partial.properties"), "x=10\nwidth=wide\ndark=true\n");
        WindowMemory.State state = new WindowMemory(partial).load();
        assertThat(state.place()).isEmpty();
        assertThat(state.dark()).isTrue();
    }

    @Test
    void anUnwritableFolderIsNotAnError() throws IOException {
        Path aFile = Files.writeString(dir.resolve("file"), "");
        assertThat(new WindowMemory(aFile.resolve("window.properties")).save(WindowMemory.State.FIRST_RUN)).isFalse();
    }

    @Test
    void aPlaceCountsOnlyIfItsTitleBarIsOnAScreenToday() {
        List<Rectangle2D> twoScreens = List.of(new Rectangle2D(0, 0, 1920, 1040), new Rectangle2D(1920, 0, 2560, 1400));
        List<Rectangle2D> laptop = List.of(new Rectangle2D(0, 0, 1280, 690));
        WindowMemory.Place onSecond = new WindowMemory.Place(2100, 100, 2200, 1200, false);
        assertThat(WindowMemory.onAScreen(onSecond, twoScreens)).isTrue();
        assertThat(WindowMemory.onAScreen(onSecond, laptop)).as("the second monitor is gone").isFalse();
        assertThat(WindowMemory.onAScreen(new WindowMemory.Place(-50, 10, 800, 600, false), laptop)).isTrue();
        assertThat(WindowMemory.onAScreen(new WindowMemory.Place(100, -200, 800, 600, false), laptop)).as("title bar above the screen").isFalse();
        assertThat(WindowMemory.onAScreen(new WindowMemory.Place(100, 100, 0, 600, false), laptop)).isFalse();
    }

    @Test
    void aFirstWindowTakesASmallScreenWholeAndMostOfALargeOne() {
        assertThat(WindowMemory.firstSize(new Rectangle2D(0, 0, 1280, 690), 1440, 900)).isEqualTo(new Rectangle2D(0, 0, 1280, 690));
        assertThat(WindowMemory.firstSize(new Rectangle2D(0, 0, 1440, 870), 1440, 900)).isEqualTo(new Rectangle2D(0, 0, 1440, 870));
        Rectangle2D fullHd = WindowMemory.firstSize(new Rectangle2D(0, 0, 1920, 1080), 1440, 900);
        assertThat(fullHd.getWidth()).isEqualTo(1728);
        assertThat(fullHd.getHeight()).isEqualTo(972);
        assertThat(fullHd.getMinX()).isEqualTo(96); // centred
        Rectangle2D qhd = WindowMemory.firstSize(new Rectangle2D(1920, 0, 2560, 1440), 1440, 900);
        assertThat(qhd).isEqualTo(new Rectangle2D(1920 + 128, 72, 2304, 1296));
    }
}
