package loopline.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import loopline.Fixtures;
import loopline.engine.ScenarioField;
import loopline.engine.ScenarioFields;
import loopline.present.Format;
import loopline.present.ModelSummary;
import org.junit.jupiter.api.Test;

/** The README documents every scenario field with its default, and every catalog model; this keeps them from drifting apart. */
class ReadmeTest {

    /** The table as the README should hold it. */
    static String fieldTable() {
        StringBuilder b = new StringBuilder("| field | in the window | default | range | what it is |\n|---|---|---|---|---|\n");
        for (ScenarioField<?> f : ScenarioFields.ALL) {
            b.append("| `").append(f.path()).append("` | ").append(f.label()).append(" | ").append(f.defaultText()).append(" | ")
                    .append(f.rangeText().replace("|", "\\|")).append(f.unit().isEmpty() ? "" : " " + f.unit())
                    .append(" | ").append(f.help()).append(" |\n");
        }
        return b.toString();
    }

    /**
     * The catalog's models with their counts computed from the shape beside the published ones. Active counts
     * follow each vendor's convention (the entry says whether it leaves out the input embedding).
     */
    static String modelTable() {
        StringBuilder b = new StringBuilder("| id | layers · hidden · heads / KV | features | parameters (published) | active | "
                + "active as the card counts it (published) |\n|---|---|---|---|---|---|\n");
        Fixtures.CATALOGS.models().forEach((id, m) -> {
            JsonNode entry = Fixtures.CATALOGS.modelEntries().get(id);
            b.append("| `").append(id).append("` | ").append(Format.formatWhole(m.layers())).append(" · ")
                    .append(Format.formatWhole(m.hiddenSize())).append(" · ").append(Format.formatWhole(m.attentionHeads()))
                    .append(" / ").append(ModelSummary.kvHeadsWords(m)).append(" | ")
                    .append(String.join(", ", ModelSummary.features(m))).append(" | ")
                    .append(counted(m.totalParameters(), m.publishedParameters())).append(" | ");
            if (m.moe() != null) {
                Fixtures.CardActive card = Fixtures.activeAsTheCardCounts(m, entry);
                b.append(Format.formatParameters(m.activeParameters())).append(" | ")
                        .append(counted(card.parameters(), entry.path("publishedActiveParameters").asDouble(Double.NaN)))
                        .append(card.convention());
            } else {
                b.append(" |");
            }
            b.append(" |\n");
        });
        return b.toString();
    }

    private static String counted(double computed, double published) {
        return Format.formatParameters(computed) + (Double.isNaN(published) ? ""
                : String.format(Locale.ROOT, " (%s, %+.1f%%)", Format.formatParameters(published), 100 * (computed / published - 1)));
    }

    @Test
    void readmeHasTheCurrentModelTable() throws IOException {
        assertThat(Files.readString(Fixtures.home().resolve("README.md")))
                .as("README's model table is current (regenerate with ReadmeTest.main)").contains(modelTable());
    }

    @Test
    void readmeHasTheCurrentFieldTable() throws IOException {
        String readme = Files.readString(Fixtures.home().resolve("README.md"));
        assertThat(readme).as("README's scenario-field table is current (regenerate with ReadmeTest.main)")
                .contains(fieldTable());
        assertThat(readme).contains("mvn javafx:run", "mvn -B verify");
    }

    /** Prints the field table, then the model table, for pasting into the README. */
    public static void main(String[] args) {
        System.out.print(fieldTable());
        System.out.println();
        System.out.print(modelTable());
    }

    @Test
    void readmeHasTheCurrentAccuracyTable() throws IOException {
        String readme = Files.readString(Fixtures.home().resolve("README.md"));
        assertThat(readme).as("README's accuracy table is current (regenerate with CalibrationReport.main)")
                .contains(loopline.engine.CalibrationReport.markdownTable());
        assertThat(readme).as("README's range-coverage table is current (regenerate with RangeCoverage.main)")
                .contains(loopline.engine.RangeCoverage.markdownTable());
        assertThat(readme).as("the README links nothing outside the repository").doesNotContain("../shared");
    }
}
