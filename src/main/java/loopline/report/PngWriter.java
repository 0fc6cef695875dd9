package loopline.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import loopline.data.InvalidDataException;

/**
 * Writes a PNG without ever leaving a partial file: into a temporary file beside the target, then a
 * rename. Refuses to replace an existing file unless told to.
 */
public final class PngWriter {
    private PngWriter() {
    }

    /** Checks the target before any rendering work: the folder exists and is writable, the file is new or may be replaced. */
    public static Path checkTarget(Path out, boolean overwrite) {
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidDataException(out + ": the folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new InvalidDataException(out + ": the folder " + dir + " is not writable");
        }
        if (Files.isDirectory(target)) {
            throw new InvalidDataException(out + ": is a folder, not a file name");
        }
        if (Files.exists(target) && !overwrite) {
            throw new InvalidDataException(out + ": already exists (use --overwrite to replace it)");
        }
        return target;
    }

    public static void write(Image image, Path out, boolean overwrite) {
        Path target = checkTarget(out, overwrite);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            if (!ImageIO.write(buffered, "png", tmp.toFile())) {
                throw new InvalidDataException(out + ": no PNG writer available");
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new InvalidDataException(out + ": cannot be written: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the rename already consumed it, or the folder vanished; nothing partial is at the target
                }
            }
        }
    }
}
