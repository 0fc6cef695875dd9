package loopline.ui;

import java.util.Comparator;
import java.util.List;
import loopline.engine.ScenarioField;
import loopline.engine.ScenarioFields;

/**
 * A refusal as the window says it: the fields it names by the labels on screen, not by their file paths
 * ("training.gpuCount: must be a multiple of training.tensorParallel × …" reads "must be a multiple of Tensor parallel
 * (training) × …" under the Training GPUs box). The file and {@code --set} messages keep the paths: there they
 * are what the user types.
 */
final class RefusalWords {
    /** Longest path first, so that no path is replaced inside a longer one that starts with it. */
    private static final List<ScenarioField<?>> BY_PATH_LENGTH = ScenarioFields.ALL.stream()
            .sorted(Comparator.comparingInt((ScenarioField<?> f) -> f.path().length()).reversed())
            .toList();

    private RefusalWords() {
    }

    /** {@code message} shown at {@code field}'s box: without its own path in front, other fields by their labels. */
    static String atField(String message, ScenarioField<?> field) {
        String own = field.path() + ": ";
        String text = message.startsWith(own) ? message.substring(own.length()) : message;
        for (ScenarioField<?> f : BY_PATH_LENGTH) {
            text = text.replace(f.path(), f.label());
        }
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
