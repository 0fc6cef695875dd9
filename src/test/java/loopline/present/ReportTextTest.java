package loopline.present;

import static loopline.Fixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import loopline.Fixtures;
import loopline.data.ScenarioReader;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import loopline.engine.Scenario;
import loopline.engine.ScenarioFields;
import org.junit.jupiter.api.Test;

/** The report's inputs come from the field declarations; its footnote states this scenario's settings. */
class ReportTextTest {
    private static List<ReportText.Row> rows(Scenario s, String section) {
        return ReportText.inputs(s).stream().filter(x -> x.title().equals(section)).findFirst().orElseThrow().rows();
    }

    @Test
    void aFieldMovedFromItsDefaultIsListedByItsLabelAndUnit() {
        Scenario defaults = scenario("llama-3.1-8b");
        assertThat(rows(defaults, "Serving")).extracting(ReportText.Row::label).doesNotContain(ScenarioFields.PEAK_TO_AVERAGE.label());
        Scenario moved = scenario("llama-3.1-8b", "inference.peakToAverage=3", "training.gpuCount=2048", "training.mfu=0.38");
        assertThat(rows(moved, "Serving")).contains(new ReportText.Row("Peak to average", "×3"));
        assertThat(rows(moved, "Training")).contains(new ReportText.Row("Training GPUs", "2,048 GPUs"), new ReportText.Row("MFU", "38%"));
    }

    @Test
    void choicesAndDerivedDefaultsAreAlwaysListed() {
        List<ReportText.Row> training = rows(scenario("llama-3.1-8b"), "Training");
        assertThat(training).contains(new ReportText.Row("Training precision", "bf16"),
                new ReportText.Row("Training GPU", "NVIDIA H100 SXM5 80GB"), new ReportText.Row("Training price", "$2.99/GPU-hour"));
    }

    @Test
    void theFootnoteStatesTheScenariosServingMemoryShare() {
        assertThat(ReportText.assumptions(scenario("llama-3.1-8b", "inference.gpuMemoryUtilization=0.8", "inference.pagedKvCache=false")))
                .contains("weights + unpaged KV cache in 80% of GPU memory");
        assertThat(ReportText.assumptions(scenario("llama-3.1-8b"))).contains("weights + paged KV cache in 90% of GPU memory");
    }

    @Test
    void theFootnoteSaysHowRequestsAreBatched() {
        assertThat(ReportText.assumptions(scenario("llama-3.1-8b"))).contains("continuous batching with chunked prefill");
        assertThat(ReportText.assumptions(scenario("llama-3.1-8b", "inference.continuousBatching=false")))
                .contains("static batches that wait for their longest answer");
    }

    @Test
    void theSlidesEssentialsNameModelTrainingAndServingOnOneLine() {
        String line = ReportText.essentials(scenario("llama-3.1-8b", "training.gpuCount=64", "training.tokens=1.5e13",
                "inference.requestsPerDay=2e7", "inference.gpu=a100-80gb"));
        assertThat(line).isEqualTo("Llama 3.1 8B (8.03B) · Pre-training: 64 × H100 SXM5 80GB, 15T tokens · serving bf16 on "
                + "A100 SXM4 80GB, 20M requests/day, 1,000 → 250 tokens");
        assertThat(ReportText.essentials(scenario("llama-3.1-8b"))).contains("serving bf16 on the same GPU");
    }

    @Test
    void changesListOnlyTheInputsThatDifferFromTheBaseline() {
        Scenario a = scenario("llama-3.1-8b", "inference.requestsPerDay=2e7", "training.mfu=0.45");
        Scenario b = scenario("llama-3.1-8b", "inference.requestsPerDay=4e7", "training.mfu=0.38", "name=Doubled");
        assertThat(ReportText.changes(a, b)).containsExactly(
                new ReportText.Change("MFU", "45%", "38%"),
                new ReportText.Change("Requests per day", "20M requests/day", "40M requests/day"));
        assertThat(ReportText.changes(a, a)).isEmpty();
        assertThat(ReportText.changes(scenario("llama-3.1-8b"), scenario("llama-3.1-70b")))
                .extracting(ReportText.Change::label).startsWith("Model", "Parameters");
        assertThat(ReportText.changes(scenario("deepseek-v3"), scenario("llama-3.1-70b")))
                .filteredOn(c -> c.label().equals("Features")).singleElement().extracting(ReportText.Change::after).isEqualTo("—");
    }

    @Test
    void theClipboardTextCarriesEveryKeyFigureWithItsUnitAndRange() {
        Scenario s = ScenarioReader.read(Fixtures.preset("default.json"), Fixtures.CATALOGS);
        Estimate e = Estimator.estimate(s, Fixtures.CATALOGS.apiOffersFor(s.model().id()));
        String text = ReportText.keyFiguresText(e, LocalDate.of(2026, 11, 26));
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo(e.scenario().name());
        assertThat(lines.get(1)).startsWith("LoopLine estimate, 2026-11-26 — Llama 3.1 70B");
        for (KeyFigure k : KeyFigures.of(e)) {
            assertThat(lines).contains(k.label() + ": " + k.value() + (k.range().isEmpty() ? "" : " " + k.range()) + " — " + k.detail());
        }
        assertThat(lines).contains("Time to train: 98.3 days (83.5–138 days) — 4.83M GPU-hours", "Training cost: $14.5M ($8.17M–$26.5M) — one-time");
    }

    @Test
    void figureChangesPairEachCardWithItselfAndKeepOnlyThoseThatMoved() {
        List<KeyFigure> a = KeyFigures.of(loopline.Fixtures.estimate("llama-3.1-8b", "inference.requestsPerDay=2e7"));
        List<KeyFigure> b = KeyFigures.of(loopline.Fixtures.estimate("llama-3.1-8b", "inference.requestsPerDay=4e7"));
        List<ReportText.Change> moved = ReportText.figureChanges(a, b);
        assertThat(moved).extracting(ReportText.Change::label).contains("Serving GPUs", "Serving / month")
                .doesNotContain("Time to train", "Training GPUs", "Training B/param");
        assertThat(moved).contains(new ReportText.Change("Serving GPUs", a.get(3).value(), b.get(3).value()));
        assertThat(ReportText.figureChanges(a, a)).isEmpty();
        // paired by figure, not by place: a card A does not have reads "—" before, whatever the order
        List<KeyFigure> reversedWithoutTheFirst = new java.util.ArrayList<>(a.subList(1, a.size()));
        java.util.Collections.reverse(reversedWithoutTheFirst);
        assertThat(ReportText.figureChanges(reversedWithoutTheFirst, a))
                .containsExactly(new ReportText.Change(a.get(0).label(), Format.NONE, a.get(0).value()));
    }
}
