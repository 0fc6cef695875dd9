package loopline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JavaFX run from the single jar unpacks its native libraries into {@code ~/.openjfx/cache} and, where the home
 * folder cannot hold it, prints "Can not create cache at …" once per library (five lines) before carrying on.
 * Before JavaFX starts, this checks that folder and, if it cannot be made, points JavaFX at one under the system's
 * temporary folder instead ({@code javafx.cachedir}, which JavaFX reads): no line when that works, one when
 * neither can be written.
 */
final class JavaFxCacheFolder {
    static final String PROPERTY = "javafx.cachedir";

    private JavaFxCacheFolder() {
    }

    static void ensureWritable(PrintStream err) {
        if (System.getProperty(PROPERTY) != null) {
            return; // chosen by whoever started us
        }
        Path usual = Path.of(System.getProperty("user.home"), ".openjfx", "cache");
        if (canMake(usual)) {
            return;
        }
        Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "loopline-javafx-cache-" + System.getProperty("user.name"));
        if (canMake(fallback)) {
            System.setProperty(PROPERTY, fallback.toString());
        } else {
            // an installed app image loads its libraries from its own folder and needs no cache: only say so
            err.println("loopline: warning: neither " + usual + " nor " + fallback + " can be created for JavaFX's native "
                    + "libraries; if JavaFX fails to start, give it a writable folder with -D" + PROPERTY + "=FOLDER");
        }
    }

    private static boolean canMake(Path folder) {
        try {
            Files.createDirectories(folder);
            return Files.isWritable(folder);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
