package loopline.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A change inside a boundary lays out only what is inside, unless it changes the size the parent gave it. */
@ExtendWith(ApplicationExtension.class)
class LayoutBoundaryTest {
    private final AtomicInteger parentLayouts = new AtomicInteger();
    private Label fixed;
    private VBox growing;
    private LayoutBoundary fixedBox;
    private LayoutBoundary growingBox;
    private VBox parent;

    @Start
    void start(Stage stage) {
        fixed = new Label("12 GPUs");
        growing = new VBox(new Label("one line"));
        StackPane fixedSize = new StackPane(fixed);
        fixedSize.setMinSize(200, 40);
        fixedSize.setPrefSize(200, 40);
        fixedSize.setMaxSize(200, 40);
        fixedBox = new LayoutBoundary(fixedSize);
        growingBox = new LayoutBoundary(growing);
        parent = new VBox(8, fixedBox, growingBox) {
            @Override
            protected void layoutChildren() {
                parentLayouts.incrementAndGet();
                super.layoutChildren();
            }
        };
        stage.setScene(new Scene(parent, 400, 300));
        stage.show();
    }

    @Test
    void aNewValueOfTheSameSizeLaysOutTheContentButNotTheParent() {
        WaitForAsyncUtils.waitForFxEvents();
        int before = parentLayouts.get();
        double shortText = fixed.getWidth();
        WaitForAsyncUtils.asyncFx(() -> fixed.setText("1,024 GPUs"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(parentLayouts.get()).isEqualTo(before);
        assertThat(fixed.getWidth()).as("the label was laid out at its new text").isGreaterThan(shortText)
                .isCloseTo(fixed.prefWidth(-1), within(1.0));
        assertThat(fixedBox.getHeight()).isEqualTo(40);
    }

    @Test
    void contentThatGrowsMakesTheParentGiveItTheNewSize() {
        WaitForAsyncUtils.waitForFxEvents();
        double oneLine = growingBox.getHeight();
        int before = parentLayouts.get();
        WaitForAsyncUtils.asyncFx(() -> growing.getChildren().add(new Label("a second line")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(parentLayouts.get()).isGreaterThan(before);
        assertThat(growingBox.getHeight()).isGreaterThan(oneLine).isEqualTo(growing.prefHeight(-1));
        assertThat(growing.getHeight()).isEqualTo(growingBox.getHeight());
    }

    @Test
    void contentThatGrowsWhileTheParentIsLaidOutAnywayIsNotGivenItsOldSize() {
        // the parent lays the boundary out in the same pass, asking sizes JavaFX remembers from before the change
        WaitForAsyncUtils.waitForFxEvents();
        double oneLine = growingBox.getHeight();
        WaitForAsyncUtils.asyncFx(() -> {
            growing.getChildren().add(new Label("a second line"));
            parent.setSpacing(9);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(growingBox.getHeight()).isGreaterThan(oneLine).isEqualTo(growing.prefHeight(-1));
    }

    @Test
    void aSizeSetOnTheContentItselfReachesTheParent() {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> growing.setMinHeight(120));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(growingBox.getHeight()).isEqualTo(120);
    }

    @Test
    void theParentSeesTheContentsSizes() {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixedBox.minWidth(-1)).isEqualTo(200);
        assertThat(fixedBox.prefHeight(-1)).isEqualTo(40);
        assertThat(fixedBox.maxHeight(-1)).isEqualTo(40);
        assertThat(growingBox.prefHeight(-1)).isEqualTo(growing.prefHeight(-1));
    }
}
