package loopline.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import loopline.data.Catalogs;

/** The one stylesheet, {@code assets/loopline.css}: colours per side, chart series, cards. */
public final class Stylesheet {
    private Stylesheet() {
    }

    public static String url() {
        Path css = Catalogs.home().resolve("assets/loopline.css");
        if (!Files.isRegularFile(css)) {
            throw new IllegalStateException(css + ": stylesheet not found");
        }
        return css.toUri().toString();
    }
}
