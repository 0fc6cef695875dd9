package loopline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import loopline.WindowFixtures;
import loopline.present.ReportText;
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
        vm = WindowFixtures.openedOn("chat-assistant-8b.json");
        stage.setScene(WindowFixtures.sceneOf(vm));
        stage.show();
    }

    @Test
    void exportAndCopyAreInTheToolbarAndCtrlEIsBound(FxRobot robot) {
        SplitMenuButton export = robot.lookup("#export").queryAs(SplitMenuButton.class);
        assertThat(export.getItems()).extracting(MenuItem::getId, MenuItem::getText).containsExactly(
                tuple("export-page", "Page report (PNG)…"), tuple("export-slide", "Slide 16:9 (PNG)…"), tuple(null, null),
                tuple("export-vllm", "Launch script: vLLM…"), tuple("export-sglang", "Launch script: SGLang…"),
                tuple("export-trtllm", "Launch script: TensorRT-LLM…"), tuple("export-vllm-pd", "Launch script: vLLM prefill/decode split…"),
                tuple("export-sglang-pd", "Launch script: SGLang prefill/decode split…"),
                tuple("export-trtllm-pd", "Launch script: TensorRT-LLM prefill/decode split…"),
                tuple("export-megatron", "Launch script: Megatron-LM (training)…"));
        assertThat(robot.lookup("#copy-report").tryQuery()).isPresent();
        assertThat(stage.getScene().getAccelerators())
                .containsKey(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
    }

    @Test
    void choosingTheSlideWritesA16By9PngAndTheNextExportIsASlideToo(FxRobot robot) throws Exception {
        List<String> proposed = new ArrayList<>();
        Path png = dir.resolve("slide.png");
        ReportActions actions = new ReportActions(vm, (chooser, owner) -> {
            proposed.add(chooser.getInitialFileName());
            return png.toFile();
        });
        SplitMenuButton export = WaitForAsyncUtils.asyncFx(() -> actions.exportControl(() -> stage)).get();
        assertThat(export.getText()).isEqualTo("Export PNG…");
        WaitForAsyncUtils.asyncFx(() -> export.getItems().get(1).fire()).get(); // "Slide 16:9 (PNG)…"
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(3840);
        assertThat(image.getHeight()).isEqualTo(2160);
        assertThat(proposed.get(0)).isEqualTo("a-small-chat-assistant-llama-3-1-8b-" + LocalDate.now() + "-slide.png");
        assertThat(export.getText()).isEqualTo("Export slide…");

        Files.delete(png);
        WaitForAsyncUtils.asyncFx(() -> actions.exportPng(stage)).get(); // what the button and Ctrl/Cmd+E run
        assertThat(proposed.get(1)).endsWith("-slide.png");
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(3840);

        WaitForAsyncUtils.asyncFx(() -> export.getItems().get(0).fire()).get(); // back to the page
        assertThat(proposed.get(2)).isEqualTo("a-small-chat-assistant-llama-3-1-8b-" + LocalDate.now() + ".png");
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(2800);
        assertThat(actions.lastLayout()).isEqualTo(ReportLayout.PAGE);
    }

    /** The menu's launch item asks where to save, proposes the scenario's name and writes the estimate's shape. */
    @Test
    void theLaunchMenuWritesTheScriptForTheShapeShown(FxRobot robot) throws Exception {
        List<String> proposed = new ArrayList<>();
        Path script = dir.resolve("serve.sh");
        ReportActions actions = new ReportActions(vm, (chooser, owner) -> {
            proposed.add(chooser.getInitialFileName());
            return script.toFile();
        });
        SplitMenuButton export = WaitForAsyncUtils.asyncFx(() -> actions.exportControl(() -> stage)).get();
        WaitForAsyncUtils.asyncFx(() -> export.getItems().stream().filter(i -> "export-vllm".equals(i.getId())).findFirst()
                .orElseThrow().fire()).get();
        assertThat(proposed).containsExactly("a-small-chat-assistant-llama-3-1-8b-vllm.sh");
        String text = Files.readString(script);
        assertThat(text).contains("vllm serve meta-llama/Llama-3.1-8B \\\n",
                "--tensor-parallel-size " + vm.estimate().inferenceSpeed().shape().tensorParallel() + " \\\n");
        assertThat(export.getText()).as("a launch script does not become what the button exports").isEqualTo("Export PNG…");
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
    void exportingOverTheOpenScenarioFileIsRefusedAndTheFileKept(FxRobot robot) throws Exception {
        Path scenario = Files.copy(Path.of("presets/chat-assistant-8b.json"), dir.resolve("open.json"));
        byte[] before = Files.readAllBytes(scenario);
        Path sameFile = Files.createSymbolicLink(dir.resolve("open.png"), scenario);
        assertThat(WaitForAsyncUtils.asyncFx(() -> vm.open(scenario)).get()).isTrue();
        boolean ok = WaitForAsyncUtils.asyncFx(() -> new ReportActions(vm).exportTo(stage, sameFile)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ok).isFalse();
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).contains("is the scenario open in this window");
        robot.clickOn("OK");
        assertThat(Files.readAllBytes(scenario)).isEqualTo(before);
    }

    @Test
    void aNameTypedWithoutAnEndingGetsTheChosenFormats() {
        javafx.stage.FileChooser.ExtensionFilter jpeg = new javafx.stage.FileChooser.ExtensionFilter("JPEG", "*.jpg", "*.jpeg");
        assertThat(ReportActions.withImageEnding(dir.resolve("report"), jpeg)).isEqualTo(dir.resolve("report.jpg"));
        assertThat(ReportActions.withImageEnding(dir.resolve("report"), null)).isEqualTo(dir.resolve("report.png"));
        assertThat(ReportActions.withImageEnding(dir.resolve("report.pdf"), jpeg)).isEqualTo(dir.resolve("report.pdf"));
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
    void copyPutsTheReportImageAndItsKeyFiguresAsTextOnTheClipboard(FxRobot robot) throws Exception {
        robot.clickOn("#copy-report");
        WaitForAsyncUtils.waitForFxEvents();
        Clipboard clipboard = WaitForAsyncUtils.asyncFx(Clipboard::getSystemClipboard).get();
        var image = WaitForAsyncUtils.asyncFx(clipboard::getImage).get();
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(2800);
        String text = WaitForAsyncUtils.asyncFx(clipboard::getString).get();
        assertThat(text).isEqualTo(ReportText.keyFiguresText(vm.estimate(), LocalDate.now()));
        assertThat(text).startsWith(vm.scenario().name() + "\n").contains("Serving GPUs: ");
    }
}
