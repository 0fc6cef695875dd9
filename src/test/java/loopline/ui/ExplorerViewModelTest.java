package loopline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import loopline.Fixtures;
import loopline.engine.Estimate;
import loopline.engine.ScenarioFields;
import loopline.engine.hardware.Precision;
import loopline.engine.training.TrainingMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view-model without a toolkit: each input changes exactly the outputs it should. */
class ExplorerViewModelTest {
    private final Queue<Runnable> pending = new ArrayDeque<>();
    private ExplorerViewModel vm;
    /** The view-model's clock, in milliseconds: tests move it to say how far apart edits are. */
    private long now = 1_000_000;

    @TempDir
    Path dir;

    @BeforeEach
    void open() {
        vm = new ExplorerViewModel(Fixtures.CATALOGS, pending::add, () -> now);
        assertThat(vm.open(Fixtures.preset("default.json"))).isTrue();
    }

    private Estimate settle() {
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
        return vm.estimate();
    }

    @Test
    void trafficChangesServingCostButNotTraining() {
        Estimate before = vm.estimate();
        vm.set(ScenarioFields.REQUESTS_PER_DAY, 40e6);
        Estimate after = settle();
        assertThat(after.serving().monthlyCostUsd()).isGreaterThan(1.8 * before.serving().monthlyCostUsd());
        assertThat(after.trainingMemory()).isEqualTo(before.trainingMemory());
        assertThat(after.trainingRun()).isEqualTo(before.trainingRun());
        // The same replica shape holds the same weights; only the KV cache in use at peak moves with traffic.
        assertThat(after.inferenceMemory().weightsPerGpuBytes()).isEqualTo(before.inferenceMemory().weightsPerGpuBytes());
        assertThat(after.inferenceMemory().sequencesByMemory()).isEqualTo(before.inferenceMemory().sequencesByMemory());
        assertThat(vm.chartsProperty().get().servingCost().markers().get(0).value()).isEqualTo(40_000_000);
    }

    @Test
    void aLoraFineTuneRenamesTheTrainingColumnAndFeedsItsCostToTheLifetimeChart() {
        Estimate before = vm.estimate();
        assertThat(vm.chartsProperty().get().trainingHeading().title()).isEqualTo("Training — a loop");
        vm.set(ScenarioFields.TRAINING_METHOD, TrainingMethod.LORA);
        Estimate after = settle();
        assertThat(vm.chartsProperty().get().trainingHeading().title()).isEqualTo("Training — a loop: LoRA fine-tune");
        assertThat(vm.chartsProperty().get().trainingHeading().subtitle()).contains("frozen 16-bit base", "rank-16", "adapters train");
        assertThat(after.trainingMemory().perGpuBytes()).isLessThan(before.trainingMemory().perGpuBytes());
        assertThat(after.trainingRun().costUsd()).isLessThan(before.trainingRun().costUsd());
        assertThat(after.inferenceMemory()).isEqualTo(before.inferenceMemory());
        // the fine-tune is the one-time cost the lifetime chart starts from, as training was
        assertThat(vm.chartsProperty().get().lifetime().series().get(0).y()[0]).isEqualTo(after.trainingRun().costUsd());
    }

    @Test
    void aScenarioThatLeavesTokensOutTrainsOnAFineTuningDatasetOnceItIsAFineTune() throws IOException {
        Path file = dir.resolve("no-tokens.json");
        Files.writeString(file, "{\"name\": \"x\", \"model\": \"llama-3.1-8b\"}");
        assertThat(vm.open(file)).isTrue();
        assertThat(settle().scenario().training().tokens()).isEqualTo(20 * vm.estimate().totalParameters());
        vm.set(ScenarioFields.TRAINING_METHOD, TrainingMethod.QLORA);
        assertThat(settle().scenario().training().tokens()).isEqualTo(1e8);
    }

    @Test
    void trainingPrecisionChangesTrainingOnly() {
        Estimate before = vm.estimate();
        vm.set(ScenarioFields.TRAINING_PRECISION, Precision.FP32);
        Estimate after = settle();
        assertThat(after.trainingMemory().perGpuBytes()).isGreaterThan(before.trainingMemory().perGpuBytes());
        assertThat(after.trainingRun().wallClockDays()).isGreaterThan(before.trainingRun().wallClockDays());
        assertThat(after.inferenceMemory()).isEqualTo(before.inferenceMemory());
        assertThat(after.inferenceSpeed()).isEqualTo(before.inferenceSpeed());
    }

    @Test
    void servingPrecisionChangesServingOnly() {
        Estimate before = vm.estimate();
        vm.set(ScenarioFields.SERVING_PRECISION, Precision.INT4);
        Estimate after = settle();
        assertThat(after.inferenceMemory().weightsBytes()).isLessThan(before.inferenceMemory().weightsBytes() / 3);
        assertThat(after.trainingMemory()).isEqualTo(before.trainingMemory());
    }

    @Test
    void modelSizeMovesBothSidesAndSwitchesToADerivedArchitecture() {
        Estimate before = vm.estimate();
        vm.setModelParameters(140e9);
        Estimate after = settle();
        assertThat(vm.scenario().model().derived()).isTrue();
        assertThat(after.totalParameters()).isCloseTo(140e9, org.assertj.core.api.Assertions.withinPercentage(0.01));
        assertThat(after.trainingMemory().modelStatesTotalBytes()).isGreaterThan(before.trainingMemory().modelStatesTotalBytes());
        assertThat(after.inferenceMemory().weightsBytes()).isGreaterThan(before.inferenceMemory().weightsBytes());
    }

    private static Path hfConfig(String name) throws Exception {
        return Path.of(ExplorerViewModelTest.class.getResource("/hf-configs/" + name + ".json").toURI());
    }

    @Test
    void anImportedConfigBecomesTheModelAndIsSavedInline() throws Exception {
        assertThat(vm.openModelConfig(hfConfig("openai--gpt-oss-120b"))).isTrue();
        Estimate e = settle();
        assertThat(e.scenario().model().name()).isEqualTo("openai/gpt-oss-120b");
        assertThat(e.totalParameters()).isCloseTo(116.8e9, org.assertj.core.api.Assertions.withinPercentage(1));
        assertThat(vm.modifiedProperty().get()).isTrue();
        Path saved = dir.resolve("oss.json");
        assertThat(vm.saveAs(saved)).isNull();
        assertThat(Files.readString(saved)).contains("\"slidingWindow\"", "\"experts\" : 128");
        ExplorerViewModel other = new ExplorerViewModel(Fixtures.CATALOGS, Runnable::run);
        assertThat(other.open(saved)).isTrue();
        assertThat(other.scenario().model()).isEqualTo(e.scenario().model());
    }

    @Test
    void aRefusedConfigLeavesTheScenarioAndSaysWhy() throws Exception {
        Estimate before = vm.estimate();
        assertThat(vm.openModelConfig(hfConfig("refused/Qwen--Qwen3.5-27B-without-linear_num_value_heads"))).isFalse();
        assertThat(vm.problemProperty().get()).contains("Qwen3_5ForConditionalGeneration", "linear_num_value_heads");
        assertThat(settle()).isSameAs(before);
        assertThat(vm.modifiedProperty().get()).isFalse();
    }

    @Test
    void aCountTheNameContradictsIsWarnedAboutUntilTheModelChanges() throws Exception {
        Path misnamed = Files.writeString(dir.resolve("Acme-70B.json"), Files.readString(hfConfig("Qwen--Qwen3-8B")));
        assertThat(vm.openModelConfig(misnamed)).isTrue();
        settle();
        assertThat(vm.warningsProperty().get()).contains("Acme-70B", "the name states 70.0B");
        vm.set(ScenarioFields.REQUESTS_PER_DAY, 2e6);
        settle();
        assertThat(vm.warningsProperty().get()).contains("Acme-70B");
        vm.selectModel("llama-3.1-8b");
        settle();
        assertThat(vm.warningsProperty().get()).satisfiesAnyOf(w -> assertThat(w).isNull(), w -> assertThat(w).doesNotContain("Acme"));
    }

    /** The default preset pins training TP 8; phi-4's 10 KV heads do not split 8 ways, so choosing it fits TP to 2. */
    @Test
    void choosingAModelWhoseHeadsDoNotSplitFitsTheTensorParallelDegreeSaysSoAndUndoes() {
        assertThat(vm.scenario().training().tensorParallel()).isEqualTo(8);
        vm.selectModel("phi-4");
        settle();
        assertThat(vm.problemProperty().get()).isNull();
        assertThat(vm.scenario().model().id()).isEqualTo("phi-4");
        assertThat(vm.scenario().training().tensorParallel()).isEqualTo(2);
        assertThat(vm.warningsProperty().get()).contains("Tensor parallel fitted", "10 KV heads", "training 8 → 2");
        vm.undo();
        settle();
        assertThat(vm.scenario().model().id()).isEqualTo("llama-3.1-70b");
        assertThat(vm.scenario().training().tensorParallel()).isEqualTo(8);
        assertThat(vm.warningsProperty().get()).satisfiesAnyOf(w -> assertThat(w).isNull(), w -> assertThat(w).doesNotContain("→"));
    }

    @Test
    void servingGpuFollowsTrainingUntilSetApart() {
        vm.set(ScenarioFields.TRAINING_GPU, Fixtures.CATALOGS.gpus().get("a100-80gb"));
        settle();
        vm.clear(ScenarioFields.SERVING_GPU); // the preset names one; "same as training" removes it
        settle();
        assertThat(vm.scenario().inference().gpu().id()).isEqualTo("a100-80gb");
        assertThat(vm.servingGpuSameAsTraining()).isTrue();
        vm.setServingGpuSameAsTraining(false);
        vm.set(ScenarioFields.SERVING_GPU, Fixtures.CATALOGS.gpus().get("l40s"));
        settle();
        assertThat(vm.scenario().inference().gpu().id()).isEqualTo("l40s");
        assertThat(vm.scenario().training().gpu().id()).isEqualTo("a100-80gb");
    }

    @Test
    void warningsSayWhenAGpuLacksTheChosenFormat() {
        assertThat(vm.warningsProperty().get()).isNull();
        vm.set(ScenarioFields.TRAINING_GPU, Fixtures.CATALOGS.gpus().get("a100-80gb"));
        vm.set(ScenarioFields.TRAINING_PRECISION, Precision.FP8);
        settle();
        assertThat(vm.warningsProperty().get()).contains("NVIDIA A100 SXM4 80GB has no fp8 tensor cores");
    }

    @Test
    void aBurstOfEditsRunsTheEngineOnce() {
        for (int i = 1; i <= 20; i++) {
            vm.set(ScenarioFields.REQUESTS_PER_DAY, i * 1e6);
        }
        assertThat(pending).hasSize(1);
        settle();
        assertThat(vm.scenario().inference().requestsPerDay()).isEqualTo(20e6);
    }

    @Test
    void aBrokenPresetNamesFileAndFieldAndLeavesTheScenarioAlone() throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"name\": \"x\", \"model\": \"llama-2-7b\", \"inference\": {\"gpu\": \"h900\"}}");
        var before = vm.scenario();
        assertThat(vm.open(broken)).isFalse();
        assertThat(vm.problemProperty().get()).startsWith(broken + ": inference.gpu: unknown GPU \"h900\"");
        assertThat(vm.scenario()).isSameAs(before);
        assertThat(vm.sourceProperty().get()).isEqualTo(Fixtures.preset("default.json"));
    }

    @Test
    void anImpossibleEditIsReportedAndTheLastGoodEstimateStays() {
        Estimate before = vm.estimate();
        vm.set(ScenarioFields.TRAINING_GPU_COUNT, 4.0); // fewer than TP 8
        settle();
        assertThat(vm.problemProperty().get()).contains("training.gpuCount");
        assertThat(vm.estimate()).isSameAs(before);
        vm.set(ScenarioFields.TRAINING_GPU_COUNT, 16.0);
        settle();
        assertThat(vm.problemProperty().get()).isNull();
    }

    @Test
    void aTypedValueThatIsNotANumberNamesTheFieldAndChangesNothing() {
        var before = vm.scenario();
        vm.setText(ScenarioFields.ZERO_STAGE, "three");
        settle();
        assertThat(vm.problemProperty().get()).isEqualTo("training.zeroStage: must be a number, got \"three\"");
        assertThat(vm.scenario()).isSameAs(before);
    }

    @Test
    void resetRestoresThePresetAndSaveRoundTrips() {
        double original = vm.scenario().inference().requestsPerDay();
        vm.set(ScenarioFields.REQUESTS_PER_DAY, 123_456.0);
        settle();
        assertThat(vm.modifiedProperty().get()).isTrue();
        vm.resetToPreset();
        settle();
        assertThat(vm.scenario().inference().requestsPerDay()).isEqualTo(original);
        assertThat(vm.modifiedProperty().get()).isFalse();

        vm.set(ScenarioFields.REQUESTS_PER_DAY, 777_000.0);
        settle();
        Path saved = dir.resolve("mine.json");
        vm.saveAs(saved);
        ExplorerViewModel other = new ExplorerViewModel(Fixtures.CATALOGS, Runnable::run);
        assertThat(other.open(saved)).isTrue();
        assertThat(other.scenario().inference().requestsPerDay()).isEqualTo(777_000);
    }

    @Test
    void keyFiguresAndChartsComeFromTheSameEstimate() {
        var cards = vm.keyFiguresProperty().get();
        assertThat(cards).hasSize(16);
        assertThat(cards.get(11).value()).isEqualTo(loopline.present.Format.formatUsd(vm.estimate().api().monthlyCostUsd()));
        assertThat(cards.get(12).value()).isEqualTo(loopline.present.Format.formatWattHours(vm.estimate().trainingEnergy().energyKwh() * 1000));
        assertThat(cards.get(0).value()).isEqualTo("16 B");
        assertThat(vm.chartsProperty().get().trainingMemory().rows().get(0).total())
                .isCloseTo(vm.estimate().trainingMemory().perGpuBytes(), org.assertj.core.api.Assertions.withinPercentage(1e-9));
    }

    @Test
    void aRefusedEditNeverEntersTheDocumentSoSaveAsAlwaysReopens() {
        int zeroStage = vm.scenario().training().zeroStage();
        assertThat(vm.setText(ScenarioFields.ZERO_STAGE, "4")).isEqualTo("training.zeroStage: must be between 0 and 3, got 4");
        assertThat(vm.set(ScenarioFields.MFU, 3.0)).isEqualTo("training.mfu: must be between 0.01 and 1, got 3");
        assertThat(vm.set(ScenarioFields.TRAINING_GPU_COUNT, 0.0)).isEqualTo("training.gpuCount: must be between 1 and 1000000, got 0");
        assertThat(vm.modifiedProperty().get()).as("nothing was accepted").isFalse();
        assertThat(vm.documentText(ScenarioFields.ZERO_STAGE)).isNotEqualTo("4");

        vm.set(ScenarioFields.REQUESTS_PER_DAY, 5e6); // a later edit is not blocked by the refused ones
        settle();
        assertThat(vm.scenario().inference().requestsPerDay()).isEqualTo(5e6);
        assertThat(vm.problemProperty().get()).isNull();

        Path saved = dir.resolve("after-refusals.json");
        vm.saveAs(saved);
        ExplorerViewModel other = new ExplorerViewModel(Fixtures.CATALOGS, Runnable::run);
        assertThat(other.open(saved)).as(String.valueOf(other.problemProperty().get())).isTrue();
        assertThat(other.scenario().training().zeroStage()).isEqualTo(zeroStage);
        assertThat(other.scenario().training().mfu()).isEqualTo(vm.scenario().training().mfu());
        assertThat(other.scenario().inference().requestsPerDay()).isEqualTo(5e6);
    }

    @Test
    void everyValidPrecisionIsOfferedIncludingFp16() {
        assertThat(vm.choices(ScenarioFields.TRAINING_PRECISION)).contains(Precision.FP16).doesNotContain(Precision.INT8);
        assertThat(vm.choices(ScenarioFields.SERVING_PRECISION)).containsExactly(Precision.values());
        vm.set(ScenarioFields.TRAINING_PRECISION, Precision.FP16);
        settle();
        assertThat(vm.value(ScenarioFields.TRAINING_PRECISION)).isEqualTo(Precision.FP16);
    }

    // ---- undo and redo ------------------------------------------------------------------------

    private double traffic() {
        return vm.value(ScenarioFields.REQUESTS_PER_DAY);
    }

    @Test
    void undoRestoresTheEditAndRedoReappliesIt() {
        double original = traffic();
        assertThat(vm.canUndoProperty().get()).isFalse();
        vm.set(ScenarioFields.REQUESTS_PER_DAY, 40e6);
        settle();
        assertThat(vm.canUndoProperty().get()).isTrue();

        vm.undo();
        settle();
        assertThat(vm.scenario().inference().requestsPerDay()).isEqualTo(original);
        assertThat(vm.chartsProperty().get().servingCost().markers().get(0).value()).isEqualTo(original);
        assertThat(vm.modifiedProperty().get()).as("back to the file as opened").isFalse();
        assertThat(vm.canUndoProperty().get()).isFalse();
        assertThat(vm.canRedoProperty().get()).isTrue();

        vm.redo();
        settle();
        assertThat(vm.scenario().inference().requestsPerDay()).isEqualTo(40e6);
        assertThat(vm.modifiedProperty().get()).isTrue();
        assertThat(vm.canRedoProperty().get()).isFalse();
    }

    @Test
    void aDragOfOneSliderIsOneUndoStepAndAPauseOrAnotherFieldStartsTheNext() {
        double original = traffic();
        for (int frame = 1; frame <= 60; frame++) { // a second of dragging, an edit per frame
            vm.set(ScenarioFields.REQUESTS_PER_DAY, original + frame * 1e5);
            now += 16;
        }
        vm.set(ScenarioFields.PROMPT_TOKENS, 4000.0);
        now += EditHistory.BURST_MILLIS + 1; // let go, wait, drag traffic again
        vm.set(ScenarioFields.REQUESTS_PER_DAY, 1e9);
        settle();

        vm.undo();
        assertThat(traffic()).isEqualTo(original + 60 * 1e5);
        vm.undo();
        assertThat(vm.value(ScenarioFields.PROMPT_TOKENS)).isNotEqualTo(4000.0);
        assertThat(traffic()).isEqualTo(original + 60 * 1e5);
        vm.undo();
        assertThat(traffic()).as("the whole drag, in one step").isEqualTo(original);
        assertThat(vm.canUndoProperty().get()).isFalse();
    }

    @Test
    void eachClickOnAChoiceIsAStepOfItsOwn() {
        Precision original = vm.value(ScenarioFields.SERVING_PRECISION);
        vm.set(ScenarioFields.SERVING_PRECISION, Precision.INT8);
        vm.set(ScenarioFields.SERVING_PRECISION, Precision.INT4); // at once: still two clicks
        vm.undo();
        assertThat(vm.value(ScenarioFields.SERVING_PRECISION)).isEqualTo(Precision.INT8);
        vm.undo();
        assertThat(vm.value(ScenarioFields.SERVING_PRECISION)).isEqualTo(original);
    }

    @Test
    void anEditAfterAnUndoStartsANewStepAndDropsTheRedo() {
        double original = traffic();
        vm.set(ScenarioFields.REQUESTS_PER_DAY, 2e6);
        vm.undo();
        vm.set(ScenarioFields.REQUESTS_PER_DAY, 3e6); // straight after, same field: still its own step
        assertThat(vm.canRedoProperty().get()).isFalse();
        vm.undo();
        assertThat(traffic()).isEqualTo(original);
    }

    @Test
    void aRefusedEditIsNoStep() {
        assertThat(vm.set(ScenarioFields.MFU, 3.0)).isNotNull();
        assertThat(vm.canUndoProperty().get()).isFalse();
    }

    @Test
    void undoBringsBackAnImportedModelWithItsWarnings() throws Exception {
        Path misnamed = Files.writeString(dir.resolve("Acme-70B.json"), Files.readString(hfConfig("Qwen--Qwen3-8B")));
        vm.openModelConfig(misnamed);
        vm.selectModel("llama-3.1-8b");
        settle();
        assertThat(vm.warningsProperty().get()).satisfiesAnyOf(w -> assertThat(w).isNull(), w -> assertThat(w).doesNotContain("Acme"));
        vm.undo();
        settle();
        assertThat(vm.scenario().model().name()).isEqualTo("Acme-70B");
        assertThat(vm.warningsProperty().get()).contains("Acme-70B", "the name states 70.0B");
    }

    @Test
    void resetCanBeUndoneAndOpeningAFileStartsANewHistory() {
        vm.set(ScenarioFields.REQUESTS_PER_DAY, 9e6);
        vm.resetToPreset();
        settle();
        assertThat(vm.modifiedProperty().get()).isFalse();
        vm.undo();
        settle();
        assertThat(traffic()).isEqualTo(9e6);

        assertThat(vm.open(Fixtures.preset("frontier-405b.json"))).isTrue();
        assertThat(vm.canUndoProperty().get()).isFalse();
        assertThat(vm.canRedoProperty().get()).isFalse();
    }

    @Test
    void sameAsTrainingFollowsTheDocumentEvenWhenTheScenarioDoesNotChange() {
        vm.set(ScenarioFields.SERVING_GPU, vm.value(ScenarioFields.TRAINING_GPU)); // the GPUs match
        settle();
        var before = vm.scenario();
        vm.setServingGpuSameAsTraining(true); // ticked: the scenario is equal, the document is not
        settle();
        assertThat(vm.scenario()).isEqualTo(before);
        assertThat(vm.servingGpuSameAsTrainingProperty().get()).isTrue();
        vm.setServingGpuSameAsTraining(false);
        assertThat(vm.servingGpuSameAsTrainingProperty().get()).isFalse();
        vm.undo();
        assertThat(vm.servingGpuSameAsTrainingProperty().get()).isTrue();
    }

    // ---- unsaved edits, Save and Save as -------------------------------------------------------

    /** Canned answers, and a record of what was asked. */
    private static final class Answers implements UserQuestions {
        Answer answer = Answer.CANCEL;
        Path saveTo;
        final java.util.List<String> asked = new java.util.ArrayList<>();
        final java.util.List<Path> foldersOffered = new java.util.ArrayList<>();
        String failure;

        @Override
        public Answer saveChangesTo(String scenario) {
            asked.add(scenario);
            return answer;
        }

        @Override
        public Path chooseSaveFile(Path folder, String proposedName) {
            foldersOffered.add(folder);
            asked.add("save as " + proposedName);
            return saveTo;
        }

        @Override
        public void couldNotSave(String problem) {
            failure = problem;
        }
    }

    @Test
    void switchingScenarioWithUnsavedEditsAsksAndCancelKeepsThem() {
        Answers answers = new Answers();
        vm.setQuestions(answers);
        assertThat(vm.switchTo(Fixtures.preset("frontier-405b.json"))).as("nothing to lose: no question").isTrue();
        assertThat(answers.asked).isEmpty();

        vm.set(ScenarioFields.REQUESTS_PER_DAY, 3e6);
        settle();
        answers.answer = UserQuestions.Answer.CANCEL;
        assertThat(vm.switchTo(Fixtures.preset("default.json"))).isFalse();
        assertThat(answers.asked).containsExactly("frontier-405b.json");
        assertThat(vm.sourceProperty().get()).isEqualTo(Fixtures.preset("frontier-405b.json"));
        assertThat(traffic()).isEqualTo(3e6);
        assertThat(vm.mayDiscardEdits()).as("closing the window asks the same").isFalse();

        answers.answer = UserQuestions.Answer.DISCARD;
        assertThat(vm.switchTo(Fixtures.preset("default.json"))).isTrue();
        assertThat(vm.sourceProperty().get()).isEqualTo(Fixtures.preset("default.json"));
        assertThat(vm.modifiedProperty().get()).isFalse();
    }

    @Test
    void answeringSaveSavesAPresetsEditsToANewFileBeforeSwitching() throws IOException {
        Answers answers = new Answers();
        vm.setQuestions(answers);
        String presetName = vm.scenario().name();
        vm.set(ScenarioFields.REQUESTS_PER_DAY, 3e6);
        answers.answer = UserQuestions.Answer.SAVE;
        answers.saveTo = dir.resolve("traffic-up.json");
        assertThat(vm.switchTo(Fixtures.preset("frontier-405b.json"))).isTrue();
        assertThat(answers.asked).containsExactly("default.json", "save as " + FileNames.slug(presetName) + ".json");
        assertThat(answers.foldersOffered).as("Save as starts in the preset's folder (the chooser leaves it when read-only)")
                .containsExactly(Fixtures.preset("default.json").toAbsolutePath().getParent());
        ExplorerViewModel other = new ExplorerViewModel(Fixtures.CATALOGS, Runnable::run);
        assertThat(other.open(answers.saveTo)).isTrue();
        assertThat(other.scenario().inference().requestsPerDay()).isEqualTo(3e6);
        assertThat(other.scenario().name()).isEqualTo("Traffic up");
    }

    @Test
    void saveAsksForAFileOnceThenWritesInPlace() throws IOException {
        Answers answers = new Answers();
        vm.setQuestions(answers);
        vm.set(ScenarioFields.REQUESTS_PER_DAY, 3e6);
        answers.saveTo = dir.resolve("mine.json");
        assertThat(vm.save()).isTrue();
        assertThat(answers.asked).hasSize(1);
        assertThat(vm.sourceProperty().get()).isEqualTo(answers.saveTo);
        assertThat(vm.modifiedProperty().get()).isFalse();

        vm.set(ScenarioFields.REQUESTS_PER_DAY, 4e6);
        answers.saveTo = null; // asking again would now cancel the save
        assertThat(vm.save()).isTrue();
        assertThat(answers.asked).as("saved in place, without asking").hasSize(1);
        assertThat(Files.readString(dir.resolve("mine.json"))).contains("4000000");

        Path theirs = Files.writeString(dir.resolve("theirs.json"), "{\"name\": \"A name of its own\", \"model\": \"llama-3.1-8b\"}");
        assertThat(vm.open(theirs)).isTrue();
        vm.set(ScenarioFields.REQUESTS_PER_DAY, 5e6);
        assertThat(vm.save()).isTrue();
        assertThat(vm.scenario().name()).as("Save keeps the name; only Save as takes the file's").isEqualTo("A name of its own");
    }

    @Test
    void aFailedSaveIsReportedAndTheEditsStay() throws IOException {
        Answers answers = new Answers();
        vm.setQuestions(answers);
        vm.set(ScenarioFields.REQUESTS_PER_DAY, 3e6);
        answers.answer = UserQuestions.Answer.SAVE;
        answers.saveTo = Files.createDirectories(dir.resolve("a-folder.json")); // a folder cannot be written as a file
        assertThat(vm.switchTo(Fixtures.preset("frontier-405b.json"))).isFalse();
        assertThat(answers.failure).contains("a-folder.json");
        assertThat(vm.modifiedProperty().get()).isTrue();
        assertThat(traffic()).isEqualTo(3e6);
    }

    @Test
    void saveAsNamesTheScenarioAfterItsFile() throws IOException {
        String original = vm.scenario().name();
        assertThat(vm.saveAs(dir.resolve("traffic_doubled.json"))).isNull();
        assertThat(vm.scenario().name()).isEqualTo("Traffic doubled");
        assertThat(vm.estimate().scenario().name()).as("the report's title too").isEqualTo("Traffic doubled");
        assertThat(vm.modifiedProperty().get()).isFalse();
        assertThat(Files.readString(dir.resolve("traffic_doubled.json"))).contains("\"name\" : \"Traffic doubled\"");

        assertThat(vm.saveAs(dir.resolve(FileNames.slug("Traffic doubled") + ".json"))).isNull();
        assertThat(vm.scenario().name()).as("the proposed file name keeps the name as written").isEqualTo("Traffic doubled");
        assertThat(original).isNotEqualTo("Traffic doubled");
    }

    @Test
    void thePickerListsASavedFileAtOnceAndNeverTwoEntriesUnderOneTitle() {
        var presets = ExplorerViewModel.presetsIn(Fixtures.home().resolve("presets"));
        var defaultName = presets.get(0).name();
        Path copy = dir.resolve("copy.json");

        var listed = ScenarioFiles.listing(presets, copy, "Traffic doubled");
        assertThat(listed).hasSize(presets.size() + 1);
        assertThat(listed.get(presets.size()).name()).isEqualTo("Traffic doubled");

        var sameTitle = ScenarioFiles.listing(presets, copy, defaultName);
        assertThat(sameTitle.get(presets.size()).name()).isEqualTo(defaultName + " (copy.json)");

        var reopened = ScenarioFiles.listing(presets, presets.get(0).file(), defaultName);
        assertThat(reopened).isEqualTo(presets);
        var renamed = ScenarioFiles.listing(listed, copy, "Traffic tripled");
        assertThat(renamed).hasSize(listed.size());
        assertThat(renamed.get(presets.size()).name()).isEqualTo("Traffic tripled");
    }

    // ---- A/B compare --------------------------------------------------------------------------

    @Test
    void aPinnedBaselineStaysThroughEditsAndOtherScenariosUntilCleared() {
        assertThat(vm.hasBaseline()).isFalse();
        vm.set(ScenarioFields.REQUESTS_PER_DAY, 3e6); // not yet recomputed: the pin takes what the controls show
        vm.pinBaseline();
        Estimate a = vm.baselineProperty().get().estimate();
        assertThat(a.scenario().inference().requestsPerDay()).isEqualTo(3e6);
        assertThat(vm.baselineProperty().get().charts()).isSameAs(vm.chartsProperty().get());
        assertThat(vm.baselineProperty().get().keyFigures()).isEqualTo(vm.keyFiguresProperty().get());
        assertThat(vm.baselineProperty().get().name()).isEqualTo(vm.scenario().name());

        vm.set(ScenarioFields.REQUESTS_PER_DAY, 6e6);
        settle();
        assertThat(vm.baselineProperty().get().estimate()).isSameAs(a);
        assertThat(vm.estimate().serving().monthlyCostUsd()).isGreaterThan(a.serving().monthlyCostUsd());
        assertThat(vm.baselineProperty().get().keyFigures()).isNotEqualTo(vm.keyFiguresProperty().get());

        Answers dontSave = new Answers();
        dontSave.answer = UserQuestions.Answer.DISCARD;
        vm.setQuestions(dontSave);
        assertThat(vm.switchTo(Fixtures.preset("frontier-405b.json"))).isTrue();
        assertThat(vm.baselineProperty().get().estimate()).as("compare preset X with preset Y").isSameAs(a);

        vm.clearBaseline();
        assertThat(vm.hasBaseline()).isFalse();
        assertThat(vm.baselineProperty().get()).isNull();
    }
}
