package loopline.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The one way LoopLine writes a file: into a short-named temporary file beside the target, then a rename,
 * so a crash never leaves half a file. Without {@code replace} the final step is a hard link, which fails
 * if the name exists — two writers racing to one new name cannot both win. Replacing keeps the old file's
 * permissions and never replaces anything but a regular file. A temporary file is removed even when the
 * JVM is stopped by SIGINT or SIGTERM.
 */
public final class AtomicFile {
    /** What goes into the file. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Our temporary files' names: ".loopline-" and hex digits, then ".tmp". */
    static final Pattern TEMP_NAME = Pattern.compile("\\.loopline-[0-9a-f]{1,16}\\.tmp");
    /**
     * A temporary file of ours this old was left by a process killed outright (SIGKILL, power loss): no write
     * takes an hour, so the next write to its folder removes it.
     */
    static final Duration STALE_AFTER = Duration.ofHours(1);

    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();
    private static volatile boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            IN_FLIGHT.forEach(AtomicFile::deleteQuietly);
        }, "temp-file-cleanup"));
    }

    private AtomicFile() {
    }

    /**
     * Checks a target before any expensive work: its folder exists, it is not a folder, and it is new — or
     * a regular file that may be replaced.
     */
    public static Path checkTarget(Path out, boolean replace) {
        Path target = out.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new InvalidDataException(out + ": is a folder; give a file name inside it");
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidDataException(out + ": the folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new InvalidDataException(out + ": the folder " + dir + " is not writable");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!replace) {
                throw new InvalidDataException(out + ": already exists (use --overwrite to replace it)");
            }
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidDataException(out + ": is not a regular file; only a regular file is ever replaced");
            }
        }
        return target;
    }

    public static void write(Path out, boolean replace, Content content) {
        Path target = checkTarget(out, replace);
        removeStaleTemps(target.getParent(), Instant.now());
        Path tmp = target.resolveSibling(".loopline-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16) + ".tmp");
        IN_FLIGHT.add(tmp);
        try {
            try (OutputStream stream = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(stream); // a new file gets the umask's permissions, as any program's would
            }
            if (replace) {
                replace(tmp, target);
            } else {
                linkExclusively(tmp, target, out);
            }
        } catch (FileAlreadyExistsException e) {
            throw new InvalidDataException(out + ": already exists (use --overwrite to replace it)");
        } catch (IOException e) {
            if (stopping) { // the shutdown hook took the temporary file away mid-write
                throw new InvalidDataException(out + ": not written: LoopLine was asked to stop while writing it; "
                        + "the file is as it was before", e);
            }
            throw new InvalidDataException(out + ": cannot be written: " + reason(e), e);
        } finally {
            deleteQuietly(tmp);
            IN_FLIGHT.remove(tmp);
        }
    }

    private static void replace(Path tmp, Path target) throws IOException {
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
            } catch (UnsupportedOperationException notPosix) {
                // no permissions to carry over on this file system
            }
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void linkExclusively(Path tmp, Path target, Path out) throws IOException {
        try {
            Files.createLink(target, tmp);
        } catch (UnsupportedOperationException e) {
            Files.move(tmp, target); // no hard links here: refuses an existing target, if not atomically
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (FileSystemException e) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(out.toString());
            }
            Files.move(tmp, target);
        }
    }

    /**
     * Removes temporary files of ours older than {@link #STALE_AFTER} from {@code folder}; never one in flight
     * here, never anything else. Best effort: a folder that cannot be listed is left as it is.
     */
    static void removeStaleTemps(Path folder, Instant now) {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, ".loopline-*.tmp")) {
            for (Path p : temps) {
                if (TEMP_NAME.matcher(p.getFileName().toString()).matches() && !IN_FLIGHT.contains(p)
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(now.minus(STALE_AFTER))) {
                    deleteQuietly(p);
                }
            }
        } catch (IOException | DirectoryIteratorException unlistable) {
            // nothing of ours can be cleaned here; the write itself reports any real problem
        }
    }

    /**
     * "No space left on device", not a stack trace or a Java class name. ImageIO wraps the real cause in its own
     * "I/O error writing PNG file!", so the innermost I/O cause is the one named.
     */
    static String reason(IOException e) {
        IOException innermost = e;
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IOException io) {
                innermost = io;
            }
        }
        if (innermost instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (innermost instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (innermost instanceof java.io.EOFException) {
            return "the file ended before it was complete";
        }
        return innermost.getMessage() != null ? innermost.getMessage() : innermost.getClass().getSimpleName();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the folder vanished or became read-only; nothing partial is at the target
        }
    }
}
