package loopline.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javafx.geometry.Rectangle2D;
import loopline.data.AtomicFile;
import loopline.data.InvalidDataException;

/**
 * What the window remembers between runs — its place and size (and whether it was maximised), the last
 * scenario, Presenter and the theme — in a small properties file in the user's settings folder, replaced
 * atomically so a crash mid-write never leaves half a file. Nothing here is essential: a file that is
 * missing, unreadable or unwritable is treated as empty, and the window opens as on a first run.
 */
public final class WindowMemory {
    /** The window's outer bounds, and whether it was maximised (then the bounds are its size before that). */
    public record Place(double x, double y, double width, double height, boolean maximized) {
    }

    /** What was remembered; empty fields mean "as on a first run". */
    public record State(Optional<Place> place, Optional<Path> lastScenario, boolean presenter, boolean dark) {
        public static final State FIRST_RUN = new State(Optional.empty(), Optional.empty(), false, false);
    }

    /** How much of a larger screen a first window takes; a screen up to the design size is used whole. */
    static final double SHARE_OF_SCREEN = 0.9;
    /** A remembered place counts as on a screen when this much of its title bar is on one (it can be dragged back). */
    private static final double GRAB_WIDTH = 120;
    private static final double GRAB_HEIGHT = 30;

    private final Path file;

    /** @param file where to keep it; tests pass a temporary file so the user's settings are never touched */
    public WindowMemory(Path file) {
        this.file = file;
    }

    /** The user's settings folder: XDG_CONFIG_HOME or ~/.config on Linux, AppData on Windows, Application Support on macOS. */
    public static WindowMemory forUser() {
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        Path dir;
        if (os.contains("win") && System.getenv("APPDATA") != null) {
            dir = Path.of(System.getenv("APPDATA"), "LoopLine");
        } else if (os.contains("mac")) {
            dir = Path.of(home, "Library", "Application Support", "LoopLine");
        } else {
            String xdg = System.getenv("XDG_CONFIG_HOME");
            dir = (xdg == null || xdg.isBlank() ? Path.of(home, ".config") : Path.of(xdg)).resolve("loopline");
        }
        return new WindowMemory(dir.resolve("window.properties"));
    }

    public State load() {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return State.FIRST_RUN;
        }
        return new State(place(p), Optional.ofNullable(p.getProperty("scenario")).filter(s -> !s.isBlank()).map(Path::of),
                Boolean.parseBoolean(p.getProperty("presenter")), Boolean.parseBoolean(p.getProperty("dark")));
    }

    private static Optional<Place> place(Properties p) {
        try {
            return Optional.of(new Place(Double.parseDouble(p.getProperty("x")), Double.parseDouble(p.getProperty("y")),
                    Double.parseDouble(p.getProperty("width")), Double.parseDouble(p.getProperty("height")),
                    Boolean.parseBoolean(p.getProperty("maximized"))));
        } catch (NullPointerException | NumberFormatException e) {
            return Optional.empty(); // an old or hand-edited file: open where a first run would
        }
    }

    /** Writes the state; false (and nothing else happens) if the folder cannot be made or written. */
    public boolean save(State state) {
        Properties p = new Properties();
        state.place().ifPresent(place -> {
            p.setProperty("x", Double.toString(place.x()));
            p.setProperty("y", Double.toString(place.y()));
            p.setProperty("width", Double.toString(place.width()));
            p.setProperty("height", Double.toString(place.height()));
            p.setProperty("maximized", Boolean.toString(place.maximized()));
        });
        state.lastScenario().ifPresent(s -> p.setProperty("scenario", s.toAbsolutePath().toString()));
        p.setProperty("presenter", Boolean.toString(state.presenter()));
        p.setProperty("dark", Boolean.toString(state.dark()));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFile.write(file, true, out -> p.store(out, "LoopLine's window, remembered between runs"));
            return true;
        } catch (IOException | InvalidDataException | SecurityException e) {
            return false;
        }
    }

    /** The remembered place, if its title bar is on one of today's screens (a monitor may have gone since). */
    static boolean onAScreen(Place place, List<Rectangle2D> screens) {
        Rectangle2D titleBar = new Rectangle2D(place.x(), place.y(), Math.min(GRAB_WIDTH, place.width()), GRAB_HEIGHT);
        return place.width() > 0 && place.height() > 0 && screens.stream().anyMatch(s -> s.intersects(titleBar)
                && s.contains(place.x() + titleBar.getWidth() / 2, place.y() + titleBar.getHeight() / 2));
    }

    /**
     * A first window's size on a screen: the whole of a screen up to the design size, and most of a larger
     * one — a 2560×1440 screen gets a large window, not a 1440×900 one in a corner.
     */
    static Rectangle2D firstSize(Rectangle2D screen, double designWidth, double designHeight) {
        double w = Math.min(screen.getWidth(), Math.max(designWidth, screen.getWidth() * SHARE_OF_SCREEN));
        double h = Math.min(screen.getHeight(), Math.max(designHeight, screen.getHeight() * SHARE_OF_SCREEN));
        return new Rectangle2D(screen.getMinX() + (screen.getWidth() - w) / 2, screen.getMinY() + (screen.getHeight() - h) / 2, w, h);
    }
}
