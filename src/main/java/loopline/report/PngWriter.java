package loopline.report;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import loopline.data.AtomicFile;
import loopline.data.InvalidDataException;

/** Writes a report PNG through {@link AtomicFile}: never a partial file, never a silent replacement. */
public final class PngWriter {
    private PngWriter() {
    }

    /** Checks the target before any rendering work (see {@link AtomicFile#checkTarget}). */
    public static Path checkTarget(Path out, boolean overwrite) {
        return AtomicFile.checkTarget(out, overwrite);
    }

    public static void write(Image image, Path out, boolean overwrite) {
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        AtomicFile.write(out, overwrite, stream -> {
            if (!ImageIO.write(buffered, "png", stream)) {
                throw new InvalidDataException(out + ": no PNG writer available");
            }
        });
    }
}
