package loopline.engine;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up an enum constant by the lower-case id scenario files use. */
public final class Ids {
    private Ids() {
    }

    public static <E extends Enum<E>> E fromId(E[] values, Function<E, String> id, String raw, String what) {
        for (E e : values) {
            if (id.apply(e).equals(raw)) {
                return e;
            }
        }
        String known = Arrays.stream(values).map(id).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unknown " + what + " '" + raw + "' (expected one of " + known + ")");
    }
}
