package loopline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import loopline.Fixtures;
import loopline.WindowFixtures;
import loopline.app.LoopLineApp;
import loopline.present.Format;
import loopline.present.GpuSummary;
import loopline.present.KeyFigure;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless: move the main controls and see charts and cards follow the engine. */
@ExtendWith(ApplicationExtension.class)
class ExplorerWindowTest {
    @TempDir
    static Path dir;

    private ExplorerViewModel vm;
    private ExplorerView view;
    private Stage stage;
    private Path broken;

    @Start
    void start(Stage stage) throws IOException {
        broken = Files.writeString(dir.resolve("broken.json"),
                "{\"name\": \"Broken\", \"model\": \"llama-2-7b\", \"training\": {\"zeroStage\": 7}}");
        List<ExplorerViewModel.Preset> presets = new ArrayList<>(ExplorerViewModel.presetsIn(Fixtures.home().resolve("presets")));
        presets.add(new ExplorerViewModel.Preset(broken, "Broken preset", ""));
        vm = WindowFixtures.openedOn("default.json");
        stage.setScene(LoopLineApp.createScene(vm, presets));
        view = (ExplorerView) stage.getScene().getRoot();
        this.stage = stage;
        stage.show();
        stage.toFront();
    }

    private String card(String label) {
        return view.dashboard().cards().stream().filter(c -> c.labelText().equals(label)).findFirst().orElseThrow().valueText();
    }

    private static List<Double> ys(List<XYChart.Series<Number, Number>> series) {
        List<Double> ys = new ArrayList<>();
        series.forEach(s -> s.getData().forEach(d -> ys.add(d.getYValue().doubleValue())));
        return ys;
    }

    /** Scrolls the controls column to its foot, where "Advanced" sits below the main controls, and opens it as a user would. */
    private static void openAdvanced(FxRobot robot) {
        Node advanced = robot.lookup("#advanced").query();
        robot.interact(() -> {
            for (Node n = advanced.getParent(); n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollPane scroll) {
                    scroll.setVvalue(scroll.getVmax());
                    break;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(advanced);
    }

    private KeyFigure figure(String label) {
        return vm.keyFiguresProperty().get().stream().filter(k -> k.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void draggingModelSizeChangesMemoryOnBothSidesAsTheEngineSays(FxRobot robot) {
        List<Node> before = view.dashboard().trainingMemory.segmentNodes();
        double weightsBefore = before.get(0).getBoundsInParent().getWidth();
        String servingGpus = card("Serving GPUs");
        robot.drag("#model-size .thumb").moveBy(90, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.scenario().model().derived()).isTrue();
        assertThat(vm.scenario().model().totalParameters()).isGreaterThan(100e9);
        double weightsAfter = view.dashboard().trainingMemory.segmentNodes().get(0).getBoundsInParent().getWidth();
        assertThat(weightsAfter).isGreaterThan(weightsBefore);
        assertThat(card("Serving GPUs")).isEqualTo(figure("Serving GPUs").value()).isNotEqualTo(servingGpus);
        assertThat(robot.lookup("#model-size-value").queryAs(Label.class).getText())
                .isEqualTo(loopline.present.Format.formatParameters(vm.scenario().model().totalParameters()));
    }

    @Test
    void keyboardMovesTheTrafficSliderAndTheCostChartFollows(FxRobot robot) {
        List<Double> costBefore = ys(view.dashboard().servingCost.plotted());
        String monthly = card("Serving / month");
        double traffic = vm.scenario().inference().requestsPerDay();
        robot.clickOn("#requests-per-day .thumb"); // focus without moving it
        robot.type(KeyCode.RIGHT, 5);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.scenario().inference().requestsPerDay()).isGreaterThan(traffic);
        assertThat(card("Serving / month")).isNotEqualTo(monthly).isEqualTo(figure("Serving / month").value());
        // the curve is the same (cost vs traffic); the marker moves to the new traffic
        assertThat(ys(view.dashboard().servingCost.plotted())).isEqualTo(costBefore);
        assertThat(vm.chartsProperty().get().servingCost().markers().get(0).value())
                .isEqualTo(vm.scenario().inference().requestsPerDay());
        assertThat(card("Training cost")).isEqualTo(figure("Training cost").value());
    }

    @Test
    void precisionButtonsChangeTheirSide(FxRobot robot) {
        String days = card("Time to train");
        String servingBytes = card("Serving B/param");
        robot.clickOn("#training-precision-fp8");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(card("Time to train")).isNotEqualTo(days);
        assertThat(card("Serving B/param")).isEqualTo(servingBytes);

        robot.clickOn("#serving-precision-int4");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.scenario().inference().precision().id()).isEqualTo("int4");
        assertThat(card("Serving B/param")).isEqualTo("0.516 B");
    }

    @Test
    void theMethodButtonsRetitleTheTrainingColumn(FxRobot robot) {
        Label title = robot.lookup("#training-column-title").queryAs(Label.class);
        assertThat(title.getText()).isEqualTo("Training — a loop");
        robot.clickOn("#training-method-qlora");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.scenario().training().method().id()).isEqualTo("qlora");
        assertThat(title.getText()).isEqualTo("Training — a loop: QLoRA fine-tune");
        assertThat(card("Training B/param")).isEqualTo(figure("Training B/param").value());
    }

    @Test
    void choosingAnotherTrainingGpuSlowsTrainingAndRedrawsTheThroughputChart(FxRobot robot) {
        List<Double> daysBefore = ys(view.dashboard().trainingThroughput.plotted());
        robot.clickOn("#training-gpu");
        // near the top of the list (the popup shows ten rows); the picker shows memory, bandwidth and price
        robot.clickOn(GpuSummary.pickerLabel(Fixtures.CATALOGS.gpus().get("h100-pcie")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.scenario().training().gpu().id()).isEqualTo("h100-pcie");
        assertThat(robot.lookup("#training-gpu-caption").queryAs(Label.class).getText()) // the figures the list showed
                .isEqualTo(GpuSummary.caption("Training", Fixtures.CATALOGS.gpus().get("h100-pcie")));
        List<Double> daysAfter = ys(view.dashboard().trainingThroughput.plotted());
        assertThat(daysAfter.get(0)).isGreaterThan(daysBefore.get(0)); // log10(days) higher on a slower GPU
        assertThat(card("Time to train")).isEqualTo(figure("Time to train").value());
    }

    @Test
    void owningTheGpusRepricesBothSidesAndTheCaptionsSayOwned(FxRobot robot) {
        String rentedCost = card("Training cost");
        robot.clickOn("#cost-mode-owned");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.scenario().economics().owned()).isTrue();
        assertThat(card("Training cost")).isEqualTo(figure("Training cost").value()).isNotEqualTo(rentedCost);
        assertThat(figure("Training cost").detail()).contains("owned").contains("power");
        assertThat(robot.lookup("#training-gpu-caption").queryAs(Label.class).getText()).endsWith("$1.21/h owned");
        robot.clickOn("#cost-mode-rented");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(card("Training cost")).isEqualTo(rentedCost);
        assertThat(robot.lookup("#training-gpu-caption").queryAs(Label.class).getText()).endsWith("$2.99/h");
    }

    @Test
    void aBrokenPresetShowsItsFileAndFieldAndKeepsTheScenario(FxRobot robot) {
        var before = vm.scenario();
        @SuppressWarnings("unchecked")
        SearchableComboBox<ExplorerViewModel.Preset> picker = robot.lookup("#preset-picker").queryAs(SearchableComboBox.class);
        robot.interact(() -> picker.setValue(picker.getItems().stream().filter(p -> p.file().equals(broken)).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        Label banner = robot.lookup("#problem-banner").queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).isEqualTo(broken + ": training.zeroStage: must be between 0 and 3, got 7");
        assertThat(vm.scenario()).isSameAs(before);
        assertThat(card("Training B/param")).isEqualTo("16 B");
        assertThat(picker.getValue().file()).isEqualTo(Fixtures.preset("default.json"));
    }

    @Test
    void everyScenarioFieldHasAControlAndAdvancedFieldsCanBeTyped(FxRobot robot) {
        openAdvanced(robot);
        for (loopline.engine.ScenarioField<?> f : loopline.engine.ScenarioFields.ALL) {
            boolean inAdvanced = robot.lookup("#field-" + f.path().replace('.', '-')).tryQuery().isPresent();
            assertThat(inAdvanced).as(f.path() + " is in Advanced exactly when no main control edits it")
                    .isNotEqualTo(view.controls().covers(f));
        }
        double before = vm.estimate().trainingMemory().perGpuBytes();
        robot.interact(() -> robot.lookup("#field-training-zeroStage").queryAs(javafx.scene.control.TextField.class).requestFocus());
        robot.write("3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.scenario().training().zeroStage()).isEqualTo(3);
        assertThat(vm.estimate().trainingMemory().perGpuBytes()).isLessThan(before);
    }

    @Test
    void atStartUpEachPrecisionRowShowsTheScenariosChoiceAndFp16IsOffered(FxRobot robot) {
        javafx.scene.control.ToggleButton trainingFp16 = robot.lookup("#training-precision-fp16").queryAs(javafx.scene.control.ToggleButton.class);
        javafx.scene.control.ToggleButton trainingCurrent = robot.lookup("#training-precision-" + vm.scenario().training().precision().id())
                .queryAs(javafx.scene.control.ToggleButton.class);
        javafx.scene.control.ToggleButton servingCurrent = robot.lookup("#serving-precision-" + vm.scenario().inference().precision().id())
                .queryAs(javafx.scene.control.ToggleButton.class);
        assertThat(trainingCurrent.isSelected()).isTrue();
        assertThat(servingCurrent.isSelected()).isTrue();
        assertThat(robot.lookup("#serving-precision-fp16").tryQuery()).isPresent();

        robot.clickOn(trainingFp16);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.scenario().training().precision().id()).isEqualTo("fp16");
        assertThat(trainingFp16.isSelected()).isTrue();
    }

    @Test
    void aRefusedAdvancedValueIsMarkedAndTheLastValidValueStays(FxRobot robot) {
        openAdvanced(robot);
        int zeroStage = vm.scenario().training().zeroStage();
        javafx.scene.control.TextField box = robot.lookup("#field-training-zeroStage").queryAs(javafx.scene.control.TextField.class);
        // the box shows the preset's value: select it so the typing replaces it, wherever focusing left the caret
        robot.interact(() -> {
            box.requestFocus();
            box.selectAll();
        });
        robot.write("4").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.scenario().training().zeroStage()).isEqualTo(zeroStage);
        assertThat(box.getStyleClass()).contains("refused");
        Label reason = robot.lookup("#refusal-training-zeroStage").queryAs(Label.class);
        assertThat(reason.isVisible()).isTrue();
        assertThat(reason.getText()).as("at the box, in words: the box says which field").isEqualTo("Must be between 0 and 3, got 4");
        assertThat(robot.lookup("#problem-banner").queryAs(Label.class).isVisible()).as("not also in the status line").isFalse();
        assertThat(vm.modifiedProperty().get()).isFalse();
        robot.type(KeyCode.ESCAPE); // abandoned: the value in force comes back and the reason goes
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(box.getText()).isEqualTo(Integer.toString(zeroStage));
        assertThat(box.getStyleClass()).doesNotContain("refused");
        assertThat(reason.isVisible()).isFalse();
        assertThat(reason.isManaged()).as("takes no room").isFalse();
        Label label = (Label) box.getParent().getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof Label l && l.getLabelFor() == box).findFirst().orElseThrow();
        assertThat(label.getText()).isEqualTo("ZeRO stage");
        assertThat(label.getTooltip().getText()).startsWith("training.zeroStage\n");
    }

    @Test
    void anImportedModelShowsUnderThePickerAndTheOpenModelButtonIsOffered(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#open-model").queryAs(javafx.scene.control.Button.class).getText()).isEqualTo("Model…");
        Path config = Path.of(getClass().getResource("/hf-configs/moonshotai--Kimi-K2-Instruct.json").toURI());
        robot.interact(() -> vm.openModelConfig(config));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#model-note").queryAs(Label.class).getText())
                .startsWith("moonshotai/Kimi-K2-Instruct (inline architecture, 1.03T)").contains("MoE 8 of 384", "MLA");
        assertThat(robot.lookup("#model-picker").queryAs(javafx.scene.control.ComboBox.class).getButtonCell().getText())
                .isEqualTo("moonshotai/Kimi-K2-Instruct (not in the catalog)");
    }

    /** The status line has room for one line; a refused import's whole reason reads, wrapped, in a dialog. */
    @Test
    void aRefusedImportShowsItsWholeReasonInADialog(FxRobot robot) throws Exception {
        Path config = Path.of(getClass().getResource("/hf-configs/refused/nvidia--Nemotron-H-56B-without-ssm_state_size.json").toURI());
        boolean imported = WaitForAsyncUtils.asyncFx(() -> view.importModel(config)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(imported).isFalse();
        javafx.scene.control.DialogPane dialog = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("This model cannot be imported");
        assertThat(dialog.getContentText()).isEqualTo(vm.problemProperty().get())
                .contains("NemotronHForCausalLM", "ssm_state_size", "Mamba-2").doesNotContain("…");
        robot.clickOn("OK");
        assertThat(vm.scenario().model().id()).isEqualTo("llama-3.1-70b");
    }

    @Test
    void presenterModeEnlargesTheText(FxRobot robot) {
        Label value = (Label) view.dashboard().cards().get(0).lookup(".card-value");
        double normal = value.getFont().getSize();
        robot.clickOn("#presenter");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(value.getFont().getSize()).isGreaterThan(normal);
        robot.clickOn("#presenter");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(value.getFont().getSize()).isEqualTo(normal);
    }

    @Test
    void whyShowsTheFormulaAndInputs(FxRobot robot) {
        robot.clickOn(view.dashboard().cards().get(0).lookup(".why-small"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".why-formula").queryAs(Label.class).getText()).contains("weights + gradients + optimizer");
        assertThat(robot.lookup(".why-result").queryAs(Label.class).getText()).isEqualTo("= 16 B/param");
    }

    @Test
    void whyStillOpensAfterCopyReportAndTheCopyIsConfirmed(FxRobot robot) {
        Node why = view.dashboard().cards().get(0).lookup(".why-small");
        robot.clickOn(why);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".why-result").tryQuery()).isPresent();
        robot.clickOn("#copy-report"); // the first click outside only closes the pop-over
        robot.clickOn("#copy-report");
        WaitForAsyncUtils.waitForFxEvents();
        Label toast = robot.lookup("#toast").queryAs(Label.class);
        assertThat(toast.isVisible()).isTrue();
        assertThat(toast.getText()).isEqualTo("Report copied to the clipboard");

        robot.clickOn(why);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".why-result").queryAs(Label.class).getText()).isEqualTo("= 16 B/param");
        assertThat(robot.lookup(".why-result").queryAs(Label.class).getScene().getWindow().isShowing()).isTrue();

        robot.clickOn("#copy-report"); // closes it
        robot.clickOn("#copy-report");
        robot.clickOn(view.lookup(".why")); // the first chart's
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".why-formula").tryQuery()).as("a chart's why? too").isPresent();
        assertThat(robot.lookup(".why-box").queryAll()).as("one pop-over at a time").hasSize(1);
    }

    @Test
    void theExportConfirmationFloatsOverTheWindowWithoutMovingAnything(FxRobot robot) throws Exception {
        Path png = dir.resolve("confirmed.png");
        javafx.geometry.Bounds dashboardBefore = view.dashboard().localToScene(view.dashboard().getBoundsInLocal());
        boolean ok = WaitForAsyncUtils.asyncFx(() -> new loopline.report.ReportActions(vm, view::confirm)
                .exportTo(view.getScene().getWindow(), png)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ok).isTrue();
        Label toast = robot.lookup("#toast").queryAs(Label.class);
        assertThat(toast.isVisible()).isTrue();
        assertThat(toast.getText()).startsWith("Saved the report to ").endsWith("confirmed.png");
        assertThat(view.dashboard().localToScene(view.dashboard().getBoundsInLocal())).isEqualTo(dashboardBefore);
        javafx.geometry.Bounds onScene = toast.localToScene(toast.getBoundsInLocal());
        assertThat(onScene.getMaxX()).isLessThanOrEqualTo(view.getWidth()).isGreaterThan(view.getWidth() - 40);
        assertThat(onScene.getMaxY()).isLessThanOrEqualTo(view.getHeight()).isGreaterThan(view.getHeight() - 40);
        assertThat(toast.isMouseTransparent()).isTrue();
    }

    @Test
    void ctrlZPutsTheSliderBackAndCtrlShiftZRedoes(FxRobot robot) {
        javafx.scene.control.Button undo = robot.lookup("#undo").queryAs(javafx.scene.control.Button.class);
        assertThat(undo.isDisabled()).isTrue();
        double traffic = vm.scenario().inference().requestsPerDay();
        String shown = robot.lookup("#requests-per-day-value").queryAs(Label.class).getText();
        robot.clickOn("#requests-per-day .thumb");
        robot.type(KeyCode.RIGHT, 5);
        WaitForAsyncUtils.waitForFxEvents();
        double moved = vm.scenario().inference().requestsPerDay();
        assertThat(moved).isGreaterThan(traffic);
        assertThat(undo.isDisabled()).isFalse();

        robot.push(KeyCode.SHORTCUT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.scenario().inference().requestsPerDay()).isEqualTo(traffic);
        assertThat(robot.lookup("#requests-per-day-value").queryAs(Label.class).getText()).isEqualTo(shown);
        javafx.scene.control.Slider slider = robot.lookup("#requests-per-day").queryAs(javafx.scene.control.Slider.class);
        assertThat(slider.getValue()).isCloseTo(Math.log10(traffic), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(card("Serving / month")).isEqualTo(figure("Serving / month").value());
        assertThat(undo.isDisabled()).isTrue();

        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.scenario().inference().requestsPerDay()).isEqualTo(moved);
    }

    @Test
    void sameAsTrainingLocksAndFreesTheServingPickerEveryTime(FxRobot robot) {
        javafx.scene.control.CheckBox same = robot.lookup("#same-gpu").queryAs(javafx.scene.control.CheckBox.class);
        Node servingPicker = robot.lookup("#serving-gpu").query();
        // the preset names the training GPU for serving too: the GPUs match, the box is unticked
        assertThat(vm.scenario().inference().gpu()).isEqualTo(vm.scenario().training().gpu());
        assertThat(same.isSelected()).isFalse();
        assertThat(servingPicker.isDisabled()).isFalse();

        robot.clickOn(same);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(same.isSelected()).isTrue();
        assertThat(servingPicker.isDisabled()).as("ticked with the GPUs already matching").isTrue();

        robot.clickOn(same);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(same.isSelected()).isFalse();
        assertThat(servingPicker.isDisabled()).as("unticked").isFalse();

        robot.push(KeyCode.SHORTCUT, KeyCode.Z); // undo the untick: locked again
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(same.isSelected()).isTrue();
        assertThat(servingPicker.isDisabled()).isTrue();
    }

    /** Answers the "Save changes?" question as a person would, and counts the questions. */
    private static final class Answer implements UserQuestions {
        private final UserQuestions.Answer answer;
        private final Path saveTo;
        int asked;

        Answer(UserQuestions.Answer answer, Path saveTo) {
            this.answer = answer;
            this.saveTo = saveTo;
        }

        @Override
        public UserQuestions.Answer saveChangesTo(String scenario) {
            asked++;
            return answer;
        }

        @Override
        public Path chooseSaveFile(Path folder, String proposedName) {
            return saveTo;
        }

        @Override
        public void couldNotSave(String problem) {
        }
    }

    @SuppressWarnings("unchecked")
    private SearchableComboBox<ExplorerViewModel.Preset> picker(FxRobot robot) {
        return robot.lookup("#preset-picker").queryAs(SearchableComboBox.class);
    }

    @Test
    void pickingAnotherPresetWithUnsavedEditsAsksAndCancelKeepsTheEdits(FxRobot robot) {
        Answer cancel = new Answer(UserQuestions.Answer.CANCEL, null);
        vm.setQuestions(cancel);
        robot.interact(() -> vm.set(loopline.engine.ScenarioFields.REQUESTS_PER_DAY, 3e6));
        var picker = picker(robot);
        robot.interact(() -> picker.setValue(picker.getItems().stream()
                .filter(p -> p.file().getFileName().toString().equals("frontier-405b.json")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cancel.asked).isEqualTo(1);
        assertThat(vm.scenario().inference().requestsPerDay()).isEqualTo(3e6);
        assertThat(picker.getValue().file()).isEqualTo(Fixtures.preset("default.json"));

        Answer discard = new Answer(UserQuestions.Answer.DISCARD, null);
        vm.setQuestions(discard);
        robot.interact(() -> picker.setValue(picker.getItems().stream()
                .filter(p -> p.file().getFileName().toString().equals("frontier-405b.json")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(discard.asked).isEqualTo(1);
        assertThat(vm.sourceProperty().get()).isEqualTo(Fixtures.preset("frontier-405b.json"));
    }

    @Test
    void saveAsListsTheNewFileInThePickerUnderItsOwnName(FxRobot robot) {
        Path copy = dir.resolve("traffic-doubled.json");
        vm.setQuestions(new Answer(UserQuestions.Answer.SAVE, copy));
        robot.interact(() -> vm.set(loopline.engine.ScenarioFields.REQUESTS_PER_DAY, 2 * vm.scenario().inference().requestsPerDay()));
        robot.push(KeyCode.SHORTCUT, KeyCode.S); // a preset is never overwritten: Save asks where, then saves there
        WaitForAsyncUtils.waitForFxEvents();
        var picker = picker(robot);
        assertThat(picker.getValue().file()).isEqualTo(copy);
        assertThat(picker.getValue().name()).isEqualTo("Traffic doubled");
        assertThat(picker.getItems().stream().map(ExplorerViewModel.Preset::name).distinct().count())
                .as("no two entries under one title").isEqualTo(picker.getItems().size());
        assertThat(robot.lookup(".scenario-name").queryAs(Label.class).getText()).isEqualTo("traffic-doubled.json");
        assertThat(robot.lookup("#toast").queryAs(Label.class).getText()).isEqualTo("Saved traffic-doubled.json");
    }

    @Test
    void pinAsAKeepsTheBaselineUntilUnpinned(FxRobot robot) {
        javafx.scene.control.ToggleButton pin = robot.lookup("#pin-baseline").queryAs(javafx.scene.control.ToggleButton.class);
        assertThat(pin.getText()).isEqualTo("Pin as A");
        robot.clickOn(pin);
        WaitForAsyncUtils.waitForFxEvents();
        var a = vm.baselineProperty().get().estimate();
        assertThat(a).isSameAs(vm.estimate());
        assertThat(pin.getText()).isEqualTo("Unpin A");
        robot.clickOn("#serving-precision-int4");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.baselineProperty().get().estimate()).isSameAs(a).isNotSameAs(vm.estimate());
        robot.clickOn(pin);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.hasBaseline()).isFalse();
        assertThat(pin.isSelected()).isFalse();
        assertThat(pin.getText()).isEqualTo("Pin as A");
    }

    @Test
    void closingTheWindowWithUnsavedEditsAsksAndCancelKeepsItOpen(FxRobot robot) {
        Answer cancel = new Answer(UserQuestions.Answer.CANCEL, null);
        vm.setQuestions(cancel);
        robot.interact(() -> vm.set(loopline.engine.ScenarioFields.REQUESTS_PER_DAY, 3e6));
        javafx.stage.WindowEvent close = new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST);
        robot.interact(() -> stage.fireEvent(close));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cancel.asked).isEqualTo(1);
        assertThat(stage.isShowing()).isTrue();
        assertThat(vm.scenario().inference().requestsPerDay()).isEqualTo(3e6);
    }
}
