package loopline.present;

import static loopline.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import loopline.engine.Estimate;
import loopline.engine.training.Nf4Quantisation;
import loopline.engine.training.TrainingMemory;
import loopline.engine.training.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A fine-tune says what it is wherever training is shown: column heading, memory bar, "why?", report footnote. */
class TrainingMethodTextTest {

    @Test
    void theTrainingColumnNamesTheMethodAndWhatTrains() {
        assertThat(TrainingMethodText.heading(estimate("llama-3.1-8b"))).isEqualTo(
                new ColumnHeading("Training — a loop", "forward, backward, update; repeated over every batch"));
        ColumnHeading qlora = TrainingMethodText.heading(estimate("llama-3.1-8b", "training.method=qlora", "training.loraRank=64",
                "training.tokens=5e7", "training.epochs=2"));
        assertThat(qlora.title()).isEqualTo("Training — a loop: QLoRA fine-tune");
        assertThat(qlora.subtitle()).isEqualTo("frozen 4-bit base; rank-64 adapters train 2.09% of weights");
        assertThat(TrainingMethodText.heading(estimate("llama-3.1-8b", "training.method=full", "training.tokens=5e7", "training.epochs=2"))
                .subtitle()).isEqualTo("every weight of the checkpoint trains again · 50M tokens × 2 = 100M tokens");
        assertThat(TrainingMethodText.heading(estimate("llama-3.1-8b", "training.method=full")).title())
                .isEqualTo("Training — a loop: full fine-tune");
    }

    @Test
    void theMemoryBarSplitsTheFrozenBaseFromTheAdaptersAndStillAddsUpToTheGpu() {
        Estimate e = estimate("llama-3.1-70b", "training.method=qlora", "training.gpuCount=1", "training.zeroStage=0");
        BarData bar = ChartsFactory.trainingMemory(e);
        assertThat(bar.rows().get(0).segments()).extracting(Segment::label).startsWith("Frozen base (4-bit NF4)", "Adapters + gradients");
        double sum = bar.rows().get(0).segments().stream().mapToDouble(Segment::value).sum();
        assertThat(sum).isCloseTo(e.trainingMemory().perGpuBytes(), withinPercentage(1e-9));
        assertThat(ChartsFactory.trainingCost(e).title()).isEqualTo("Fine-tune: a one-time cost");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pretrain", "full", "lora", "qlora"})
    void everyTrainingFigureIsExplainedWithTheEnginesFormulas(String method) {
        Estimate e = estimate("mixtral-8x7b", "training.method=" + method, "training.epochs=3");
        for (Figure f : Figure.values()) {
            Explanation x = Explanations.explain(f, e);
            assertThat(x.formula()).isNotBlank();
            assertThat(x.result()).doesNotContain("NaN").doesNotContain("Infinity");
        }
        Explanation memory = Explanations.explain(Figure.TRAINING_MEMORY_PER_GPU, e);
        Explanation flops = Explanations.explain(Figure.TRAINING_FLOPS, e);
        Explanation speed = Explanations.explain(Figure.TRAINING_TOKENS_PER_SECOND, e);
        boolean adapters = method.contains("lora");
        assertThat(memory.formula()).contains(adapters ? TrainingMemory.ADAPTER_STATES_FORMULA : TrainingMemory.MODEL_STATES_FORMULA);
        assertThat(flops.formula()).isEqualTo(adapters ? TrainingRun.ADAPTER_FLOPS_FORMULA : TrainingRun.FLOPS_FORMULA);
        assertThat(memory.formula().contains(Nf4Quantisation.BASE_FORMULA)).isEqualTo(method.equals("qlora"));
        assertThat(memory.formula().contains(TrainingMemory.PAGED_OPTIMIZER_FORMULA)).isEqualTo(method.equals("qlora"));
        assertThat(speed.formula().contains(TrainingRun.DEQUANTISATION_FORMULA)).isEqualTo(method.equals("qlora"));
        assertThat(Explanations.explain(Figure.TRAINING_DAYS, e).inputs().get(0).value()).endsWith(" × 3 = "
                + Format.formatCount(e.trainingRun().tokensTrained()) + " tokens");
        assertThat(Explanations.explain(Figure.TRAINING_TRAINABLE_PARAMETERS, e).result())
                .startsWith(Format.formatParameters(e.trainingMemory().trainableParameters()));
    }

    @Test
    void aFineTuneOfADerivedModelOrWithHugeAdaptersIsWarnedAbout() {
        assertThat(Warnings.of(estimate("llama-3.1-8b", "training.method=lora"))).noneMatch(w -> w.contains("checkpoint") || w.contains("rank"));
        assertThat(Warnings.of(estimate("model.parameters=3e9", "training.method=full"))).anyMatch(w -> w.contains("checkpoint"));
        assertThat(Warnings.of(estimate("llama-3.1-8b", "training.method=lora", "training.loraRank=1024")))
                .anyMatch(w -> w.startsWith("Rank 1,024 adapters train 33.4% of the weights"));
    }

    @Test
    void theReportFootnoteCountsWhatTheMethodCounts() {
        assertThat(ReportText.assumptions(estimate("llama-3.1-8b", "training.method=qlora").scenario()))
                .contains("frozen NF4 base (4.13 bits/weight)", "(4·N_active + 6·N_adapters)·D·epochs + 4-bit dequantisation");
        assertThat(ReportText.assumptions(estimate("llama-3.1-8b").scenario())).contains("mixed-precision model states (ZeRO)", "6·N_active·D +");
    }
}
