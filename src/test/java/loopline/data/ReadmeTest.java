package loopline.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import loopline.Fixtures;
import loopline.engine.ScenarioField;
import loopline.engine.ScenarioFields;
import org.junit.jupiter.api.Test;

/** The README documents every scenario field with its default; this keeps the two from drifting apart. */
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

    @Test
    void readmeHasTheCurrentFieldTable() throws IOException {
        String readme = Files.readString(Fixtures.home().resolve("README.md"));
        assertThat(readme).as("README's scenario-field table is current (regenerate with ReadmeTest.main)")
                .contains(fieldTable());
        assertThat(readme).contains("mvn javafx:run", "mvn -B verify");
    }

    public static void main(String[] args) {
        System.out.print(fieldTable());
    }
}
