package loopline.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loopline.data.Catalogs;
import org.junit.jupiter.api.Test;

/**
 * The stylesheet names each colour once, in its palette blocks ({@code .root} and {@code .root.dark}); every
 * other rule uses the variables, so a theme that overrides the palette restyles everything.
 */
class PaletteTest {
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)\\}");
    /** A hex colour, a colour function, or a named colour as a value (after a colon or a space). */
    private static final Pattern LITERAL = Pattern.compile(
            "#[0-9a-fA-F]{3,8}\\b|\\b(rgba?|hsla?)\\s*\\(|[:\\s](white|black|red|green|blue|gr[ae]y|silver|orange|navy|yellow)\\s*[;\\s]",
            Pattern.CASE_INSENSITIVE);

    private static List<String[]> rules() throws IOException {
        String css = Files.readString(Catalogs.home().resolve("assets/loopline.css")).replaceAll("(?s)/\\*.*?\\*/", "");
        List<String[]> rules = new ArrayList<>();
        Matcher m = RULE.matcher(css);
        while (m.find()) {
            rules.add(new String[] {m.group(1).trim(), m.group(2)});
        }
        return rules;
    }

    private static boolean isPalette(String selector) {
        return selector.equals(".root") || selector.equals(".root.dark");
    }

    @Test
    void noRuleOutsideThePaletteNamesAColour() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String[] rule : rules()) {
            Matcher literal = LITERAL.matcher(rule[1]);
            if (!isPalette(rule[0]) && literal.find()) {
                offenders.add(rule[0] + " → " + literal.group().trim());
            }
        }
        assertThat(rules()).hasSizeGreaterThan(100); // the parser saw the whole file
        assertThat(offenders).isEmpty();
    }

    @Test
    void theLiteralCheckWouldCatchEachKindOfColour() {
        for (String value : List.of(" -fx-fill: #FFF;", " -fx-fill: #1E2328;", " -fx-fill: rgba(0, 0, 0, 0.5);",
                " -fx-text-fill: white;", " -fx-border-color: transparent grey;")) {
            assertThat(LITERAL.matcher(value).find()).as(value).isTrue();
        }
        assertThat(LITERAL.matcher(" -fx-text-fill: -ll-ink; -fx-border-color: transparent -ll-border;").find()).isFalse();
    }

    @Test
    void theDarkPaletteOverridesOnlyVariablesTheLightOneDefines() throws IOException {
        Set<String> light = variables(".root");
        Set<String> dark = variables(".root.dark");
        assertThat(dark).contains("-ll-training", "-ll-inference", "-ll-page", "-ll-card", "-ll-ink");
        assertThat(light).containsAll(dark);
    }

    private static Set<String> variables(String selector) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (String[] rule : rules()) {
            if (rule[0].equals(selector)) {
                Matcher m = Pattern.compile("(-ll-[a-z-]+)\\s*:").matcher(rule[1]);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
