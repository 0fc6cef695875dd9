package loopline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import loopline.Fixtures;
import loopline.app.LoopLineApp;
import loopline.ui.ExplorerViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Export from the window: the command and its shortcut exist, a good path writes, a bad one explains itself. */
@ExtendWith(ApplicationExtension.class)
class WindowExportTest {
    @TempDir
    Path dir;

    private ExplorerViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new ExplorerViewModel(Fixtures.CATALOGS, Platform::runLater);
        vm.open(Fixtures.preset("chat-assistant-8b.json"));
        stage.setScene(LoopLineApp.createScene(vm, ExplorerViewModel.presetsIn(Fixtures.home().resolve("presets"))));
        stage.show();
    }

    @Test
    void exportAndCopyAreInTheToolbarAndCtrlEIsBound(FxRobot robot) {
        assertThat(robot.lookup("#export").tryQuery()).isPresent();
        assertThat(robot.lookup("#copy-report").tryQuery()).isPresent();
        assertThat(stage.getScene().getAccelerators())
                .containsKey(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
    }

    @Test
    void exportingTheCurrentScenarioWritesItsReport(FxRobot robot) throws Exception {
        robot.clickOn("#serving-precision-int4");
        WaitForAsyncUtils.waitForFxEvents();
        Path png = dir.resolve("from-window.png");
        boolean ok = WaitForAsyncUtils.asyncFx(() -> new ReportActions(vm).exportTo(stage, png)).get();
        assertThat(ok).isTrue();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(2800);
    }

    @Test
    void anUnwritableTargetShowsADialogNamingThePath(FxRobot robot) throws Exception {
        Path target = dir.resolve("missing/report.png");
        boolean ok = WaitForAsyncUtils.asyncFx(() -> new ReportActions(vm).exportTo(stage, target)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ok).isFalse();
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).contains(target.toString()).contains("does not exist");
        assertThat(Files.exists(target)).isFalse();
        robot.clickOn("OK");
    }

    @Test
    void copyPutsTheReportImageOnTheClipboard(FxRobot robot) throws Exception {
        robot.clickOn("#copy-report");
        WaitForAsyncUtils.waitForFxEvents();
        var image = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getImage()).get();
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(2800);
    }
}
