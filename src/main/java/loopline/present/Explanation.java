package loopline.present;

import java.util.List;

/** How one figure was computed: its formula, the inputs with their values, and the result. */
public record Explanation(String title, String formula, List<Input> inputs, String result, String note) {

    public record Input(String name, String value) {
    }

    /** One input, "name: value", as every "why?" lists them. */
    static Input in(String name, String value) {
        return new Input(name, value);
    }
}
