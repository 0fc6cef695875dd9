package loopline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import loopline.Fixtures;
import loopline.WindowFixtures;
import loopline.app.LoopLineApp;
import loopline.engine.ScenarioFields;
import loopline.present.Change;
import loopline.present.KeyFigure;
import loopline.present.KeyFigures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's numbers, driven as a person would: typing "1,000" or "40M" where a number goes, arrow keys
 * that double, refusals that name their field, cards that copy as text, show a baseline's change and never cut.
 */
@ExtendWith(ApplicationExtension.class)
class NumbersWindowTest {
    private ExplorerViewModel vm;
    private ExplorerView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = WindowFixtures.openedOn("default.json");
        stage.setScene(WindowFixtures.sceneOf(vm));
        stage.setWidth(LoopLineApp.WIDTH); // the stage outlives a test: undo another's resizing
        stage.setHeight(LoopLineApp.HEIGHT);
        view = (ExplorerView) stage.getScene().getRoot();
        stage.show();
        stage.toFront();
    }

    private TextField advancedBox(FxRobot robot, String path) {
        robot.interact(() -> ((TitledPane) robot.lookup("#advanced").query()).setExpanded(true));
        TextField box = robot.lookup("#field-" + path.replace('.', '-')).queryAs(TextField.class);
        robot.interact(box::requestFocus);
        return box;
    }

    private String banner(FxRobot robot) {
        return robot.lookup("#problem-banner").queryAs(Label.class).getText();
    }

    /** The reason shown under an Advanced box whose value was refused. */
    private static String reasonUnder(String path, FxRobot robot) {
        Label reason = robot.lookup("#refusal-" + path.replace('.', '-')).queryAs(Label.class);
        assertThat(reason.isVisible()).as("the reason is shown at " + path).isTrue();
        return reason.getText();
    }

    private FigureCard card(String label) {
        return view.dashboard().cards().stream().filter(c -> c.labelText().equals(label)).findFirst().orElseThrow();
    }

    private KeyFigure figure(List<KeyFigure> figures, String label) {
        return figures.stream().filter(k -> k.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void theAdvancedFormTakesNumbersWrittenAsTheWindowWritesThem(FxRobot robot) {
        advancedBox(robot, "inference.maxConcurrentSequences");
        robot.write("1,000").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.scenario().inference().maxConcurrentSequences()).isEqualTo(1000);

        advancedBox(robot, "training.globalBatchTokens");
        robot.write("2M").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.scenario().training().globalBatchTokens()).isEqualTo(2e6);
    }

    @Test
    void advancedLabelsAreWholeWordsWithThePathInTheTooltip(FxRobot robot) {
        advancedBox(robot, "training.tensorParallel");
        WaitForAsyncUtils.waitForFxEvents();
        List<Label> labels = robot.lookup(".field-label").queryAllAs(Label.class).stream().toList();
        assertThat(labels).hasSizeGreaterThan(30);
        for (Label l : labels) {
            assertThat(((Text) l.lookup(".text")).getText()).as("drawn whole").isEqualTo(l.getText());
            assertThat(l.getText()).doesNotContain(".");
        }
        Label serving = labels.stream().filter(l -> l.getText().equals("Tensor parallel (serving)")).findFirst().orElseThrow();
        assertThat(serving.getTooltip().getText()).startsWith("inference.tensorParallel\n");
        // a default derived from other fields shows the value it gives now, not its rule cut to the box's width
        TextField stages = robot.lookup("#field-training-virtualStages").queryAs(TextField.class);
        assertThat(stages.getText()).isEmpty();
        assertThat(stages.getPromptText()).isEqualTo("1 (default)");
        assertThat(stages.getTooltip().getText()).isEqualTo("Empty: " + ScenarioFields.VIRTUAL_STAGES.defaultText());
    }

    @Test
    void aRefusedWholeNumberIsQuotedAsTyped(FxRobot robot) {
        TextField box = advancedBox(robot, "training.zeroStage");
        robot.write("7").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reasonUnder("training.zeroStage", robot)).isEqualTo("Must be between 0 and 3, got 7");
    }

    @Test
    void tensorParallelThatDoesNotSplitTheHeadsIsRefusedNamingTheField(FxRobot robot) {
        var before = vm.scenario();
        TextField box = advancedBox(robot, "inference.tensorParallel");
        robot.eraseText(box.getText().length()).write("3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reasonUnder("inference.tensorParallel", robot)).isEqualTo("Must divide the model's 64 attention heads, got 3");
        assertThat(box.getStyleClass()).contains("refused");
        assertThat(vm.scenario()).isSameAs(before);
        assertThat(vm.scenario().inference().tensorParallel()).isEqualTo(4);
    }

    @Test
    void clickingASlidersValueLetsOneTypeAnExactValue(FxRobot robot) {
        robot.clickOn("#requests-per-day-value");
        TextField typed = robot.lookup("#requests-per-day-typed").queryAs(TextField.class);
        assertThat(typed.isFocused()).isTrue();
        assertThat(typed.getText()).isEqualTo("20M");
        robot.write("1,000").type(KeyCode.ENTER); // the box starts selected: typing replaces the value
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.scenario().inference().requestsPerDay()).isEqualTo(1000);
        assertThat(robot.lookup("#requests-per-day-value").queryAs(Label.class).getText()).isEqualTo("1,000");
        assertThat(robot.lookup("#requests-per-day-typed").tryQuery()).isEmpty();

        robot.clickOn("#requests-per-day-value").write("1.5e6").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.scenario().inference().requestsPerDay()).isEqualTo(1.5e6);
    }

    @Test
    void enterOnAFocusedSliderOpensTheBoxAndSharesTypeAsTheWindowWritesThem(FxRobot robot) {
        Slider gpus = robot.lookup("#gpu-count").queryAs(Slider.class);
        robot.interact(gpus::requestFocus);
        robot.type(KeyCode.ENTER).write("4,096").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.scenario().training().gpuCount()).isEqualTo(4096);
        assertThat(gpus.isFocused()).as("focus returns to the slider").isTrue();

        robot.clickOn("#mfu-value").write("40%").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.scenario().training().mfu()).isEqualTo(0.4);
        assertThat(robot.lookup("#mfu-value").queryAs(Label.class).getText()).isEqualTo("40%");
    }

    @Test
    void aTypedValueThatIsNotANumberStaysMarkedAndEscapeCancels(FxRobot robot) {
        double traffic = vm.scenario().inference().requestsPerDay();
        robot.clickOn("#requests-per-day-value").write("lots").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        TextField typed = robot.lookup("#requests-per-day-typed").queryAs(TextField.class);
        assertThat(typed.getStyleClass()).contains("refused");
        Label reason = robot.lookup("#requests-per-day-refusal").queryAs(Label.class);
        assertThat(reason.isVisible()).isTrue();
        assertThat(reason.getText()).isEqualTo("Must be a number such as 40M, 1.5e6 or 1,000, got \"lots\"");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#requests-per-day-typed").tryQuery()).isEmpty();
        assertThat(reason.isManaged()).as("the reason goes with the abandoned edit").isFalse();
        assertThat(vm.scenario().inference().requestsPerDay()).isEqualTo(traffic);
    }

    @Test
    void aTypedValueTheFieldRefusesSaysWhyUnderTheSliderAndKeepsTheLastValidValue(FxRobot robot) {
        robot.clickOn("#target-speed-value").write("0.01").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#target-speed-refusal").queryAs(Label.class).getText())
                .isEqualTo("Must be between 0.1 and 10000, got 0.01");
        assertThat(robot.lookup("#problem-banner").queryAs(Label.class).isVisible()).as("said at the slider, not above").isFalse();
        assertThat(vm.scenario().inference().targetTokensPerSecondPerUser()).isEqualTo(20);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#target-speed-value").queryAs(Label.class).getText()).isEqualTo("20");
    }

    @Test
    void arrowKeysDoubleAndHalveAndShiftStepsTenfold(FxRobot robot) {
        Slider traffic = robot.lookup("#requests-per-day").queryAs(Slider.class);
        robot.interact(traffic::requestFocus);
        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.scenario().inference().requestsPerDay()).isEqualTo(40e6);
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.scenario().inference().requestsPerDay()).isEqualTo(20e6);
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.scenario().inference().requestsPerDay()).isEqualTo(200e6);
    }

    @Test
    void aFocusedCardCopiesItsFigureAsText(FxRobot robot) {
        FigureCard cost = card("Training cost");
        String expected = figure(vm.keyFiguresProperty().get(), "Training cost").asText();
        assertThat(expected).isEqualTo("Training cost: $14.5M ($8.17M–$26.5M)");
        robot.clickOn(cost.lookup(".card-label"));
        assertThat(cost.isFocused()).isTrue();
        robot.press(KeyCode.SHORTCUT, KeyCode.C).release(KeyCode.C, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clipboard(robot)).isEqualTo(expected);

        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        FigureCard breakEven = card("Break-even");
        robot.interact(() -> breakEven.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5,
                breakEven.localToScreen(5, 5).getX(), breakEven.localToScreen(5, 5).getY(), false, null)));
        robot.clickOn("Copy");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clipboard(robot)).isEqualTo(figure(vm.keyFiguresProperty().get(), "Break-even").asText()).matches("Break-even: [0-9.]+ months \\(.+\\)");
    }

    private static String clipboard(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0];
    }

    @Test
    void aCardShowsItsChangeAgainstABaselineColouredByWhetherItIsBetter(FxRobot robot) {
        List<KeyFigure> now = vm.keyFiguresProperty().get();
        List<KeyFigure> halfTraffic = KeyFigures.of(Fixtures.estimate("llama-3.1-70b", "training.gpuCount=2048", "training.tensorParallel=8",
                "inference.tensorParallel=4", "inference.promptTokens=1500", "inference.outputTokens=300",
                "training.sequenceLength=8192", "training.tokens=15e12", "inference.requestsPerDay=10M"));
        FigureCard monthly = card("Serving / month");
        Label change = (Label) monthly.lookup(".card-change");
        assertThat(change.isVisible()).isFalse();
        robot.interact(() -> monthly.show(figure(now, "Serving / month"), figure(halfTraffic, "Serving / month")));
        Change expected = Change.between(figure(halfTraffic, "Serving / month"), figure(now, "Serving / month"));
        assertThat(monthly.changeText()).isEqualTo(expected.text()).startsWith("+$").endsWith("%)");
        assertThat(change.isVisible()).isTrue();
        assertThat(change.getStyleClass()).contains("change-worse"); // the bill went up
        assertThat(monthly.asText()).endsWith(" · " + expected.text() + " vs baseline");

        FigureCard speed = card("Tokens/s per user");
        robot.interact(() -> speed.show(figure(now, "Tokens/s per user"), figure(now, "Tokens/s per user")));
        assertThat(speed.changeText()).isEqualTo("no change");
        assertThat(speed.lookup(".card-change").getStyleClass()).contains("change-neutral");

        robot.interact(() -> monthly.show(figure(now, "Serving / month")));
        assertThat(change.isVisible()).isFalse();
    }

    @Test
    void noCardCutsItsValueOrRangeAtTheSmallestWindowNorInPresenterMode(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertNothingCut();
        robot.interact(() -> view.getStyleClass().add("presenter")); // what the toolbar's Presenter toggle does
        WaitForAsyncUtils.waitForFxEvents();
        assertNothingCut();
        // the longest figures the cards can hold: a tiny amount and its range, long durations
        KeyFigure k = figure(vm.keyFiguresProperty().get(), "Training $/request");
        robot.interact(() -> card("Training $/request").show(new KeyFigure(k.label(), "< $0.000001", "(< $0.000001–$0.0000099)",
                k.detail(), k.side(), k.figure(), false, 1e-7, k.measure(), k.better())));
        KeyFigure b = figure(vm.keyFiguresProperty().get(), "Break-even");
        robot.interact(() -> card("Break-even").show(new KeyFigure(b.label(), "10.4 minutes", "(40.1 hours–> 1,000 years)",
                b.detail(), b.side(), b.figure(), false, 1, b.measure(), b.better())));
        WaitForAsyncUtils.waitForFxEvents();
        assertNothingCut();
    }

    /** Every card's value, range and detail shows whole (what the skin draws is the whole text, no "…") and inside its card. */
    private void assertNothingCut() {
        assertThat(stage.getScene().getWidth()).isLessThanOrEqualTo(1280.0);
        for (FigureCard c : view.dashboard().cards()) {
            for (String part : List.of(".card-value", ".card-range", ".card-detail")) {
                Label l = (Label) c.lookup(part);
                if (l.getText().isEmpty()) {
                    continue;
                }
                Text drawn = (Text) l.lookup(".text");
                assertThat(drawn.getText()).as(c.labelText() + " " + part).isEqualTo(l.getText());
                Bounds inCard = c.sceneToLocal(l.localToScene(l.getBoundsInLocal()));
                assertThat(inCard.getMaxX()).as(c.labelText() + " " + part + " inside its card").isLessThanOrEqualTo(c.getWidth() + 0.5);
                assertThat(inCard.getMaxY()).as(c.labelText() + " " + part + " inside its card").isLessThanOrEqualTo(c.getHeight() + 0.5);
            }
        }
    }
}
