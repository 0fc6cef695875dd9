package loopline.engine;

import java.util.List;

/** How one figure was computed: its formula, the inputs with their values, and the result. */
public record Explanation(String title, String formula, List<Input> inputs, String result, String note) {

    public record Input(String name, String value) {
    }

    public String asText() {
        StringBuilder b = new StringBuilder(title).append("\n  = ").append(formula).append('\n');
        for (Input i : inputs) {
            b.append("  ").append(i.name()).append(": ").append(i.value()).append('\n');
        }
        b.append("  → ").append(result);
        if (note != null && !note.isEmpty()) {
            b.append("\n  ").append(note);
        }
        return b.toString();
    }
}
