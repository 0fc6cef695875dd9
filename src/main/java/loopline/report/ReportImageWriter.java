package loopline.report;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import loopline.data.AtomicFile;
import loopline.data.InvalidDataException;

/**
 * Writes a report image through {@link AtomicFile} (never a partial file, never a silent replacement) in the
 * format its name asks for: PNG for ".png", JPEG for ".jpg" or ".jpeg". Any other name is refused before any
 * rendering, so "report.pdf" never receives PNG bytes.
 */
public final class ReportImageWriter {
    /** The formats a report can be written in, by the file name's ending. */
    enum Format {
        PNG("png"), JPEG("jpeg");

        final String imageIoName;

        Format(String imageIoName) {
            this.imageIoName = imageIoName;
        }

        static Format of(Path out) {
            String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".png")) {
                return PNG;
            }
            if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
                return JPEG;
            }
            throw new InvalidDataException(out + ": a report is written as .png or .jpg; give a name ending in one of them");
        }
    }

    private ReportImageWriter() {
    }

    /** Checks the name and the target before any rendering work (see {@link AtomicFile#checkTarget}). */
    public static Path checkTarget(Path out, boolean overwrite) {
        Format.of(out);
        return AtomicFile.checkTarget(out, overwrite);
    }

    public static void write(Image image, Path out, boolean overwrite) {
        Format format = Format.of(out);
        BufferedImage pixels = format == Format.JPEG ? opaque(SwingFXUtils.fromFXImage(image, null)) : SwingFXUtils.fromFXImage(image, null);
        AtomicFile.write(out, overwrite, stream -> {
            if (!ImageIO.write(pixels, format.imageIoName, stream)) {
                throw new InvalidDataException(out + ": no " + format + " writer available");
            }
        });
    }

    /** JPEG has no alpha channel: ImageIO refuses an ARGB image, so draw it onto white RGB first. */
    private static BufferedImage opaque(BufferedImage argb) {
        BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(argb, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
