package loopline.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one file writer Save as and export share: atomic, exclusive unless replacing, careful with what it replaces. */
class AtomicFileTest {
    @TempDir
    Path dir;

    private static AtomicFile.Content text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void writersRacingToOneNewNameOneWinsTheOthersAreToldItExists() throws Exception {
        Path target = dir.resolve("race.png");
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<String>> results = IntStream.range(0, writers).mapToObj(i -> pool.submit((Callable<String>) () -> {
                start.await();
                try {
                    AtomicFile.write(target, false, text("writer " + i));
                    return "wrote";
                } catch (InvalidDataException e) {
                    return e.getMessage();
                }
            })).toList();
            start.countDown();
            long wins = 0;
            for (Future<String> r : results) {
                String outcome = r.get(30, TimeUnit.SECONDS);
                if (outcome.equals("wrote")) {
                    wins++;
                } else {
                    assertThat(outcome).isEqualTo(target + ": already exists (use --overwrite to replace it)");
                }
            }
            assertThat(wins).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(files()).containsExactly(target);
    }

    @Test
    void replacingKeepsTheOldFilesPermissionsAndANewFileFollowsTheUmask() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path kept = Files.writeString(dir.resolve("kept.json"), "{}");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFile.write(kept, true, text("{\"a\": 1}"));
        assertThat(Files.readString(kept)).isEqualTo("{\"a\": 1}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-r-----");

        Path plain = Files.createFile(dir.resolve("as-any-program-would.txt"));
        Path fresh = dir.resolve("fresh.json");
        AtomicFile.write(fresh, false, text("{}"));
        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void onlyARegularFileIsEverReplaced() throws Exception {
        Path fifo = dir.resolve("pipe.png");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        assertThatThrownBy(() -> AtomicFile.write(fifo, true, text("x")))
                .hasMessage(fifo + ": is not a regular file; only a regular file is ever replaced");
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFileAndNoTarget() throws IOException {
        Path target = dir.resolve("half.json");
        assertThatThrownBy(() -> AtomicFile.write(target, false, out -> {
            out.write('{');
            throw new IOException("No space left on device");
        })).hasMessage(target + ": cannot be written: No space left on device");
        assertThat(files()).isEmpty();
    }

    @Test
    void theTemporaryNameIsShortSoAnyValidLongNameCanBeWritten() throws IOException {
        Path longName = dir.resolve("r".repeat(250) + ".png"); // 254 bytes: the most most file systems allow is 255
        AtomicFile.write(longName, false, text("png"));
        assertThat(files()).containsExactly(longName);
    }

    @Test
    void foldersAndMissingFoldersAreOneClearLine() {
        assertThatThrownBy(() -> AtomicFile.write(dir, true, text("x"))).hasMessage(dir + ": is a folder; give a file name inside it");
        Path missing = dir.resolve("newdir/report.png");
        assertThatThrownBy(() -> AtomicFile.write(missing, false, text("x")))
                .hasMessage(missing + ": the folder " + dir.resolve("newdir") + " does not exist");
    }

    @Test
    void aWriteStoppedBySigtermLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("stopped.png");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SlowWriter.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        try {
            assertThat(new String(p.getInputStream().readNBytes("writing\n".length()), StandardCharsets.UTF_8)).isEqualTo("writing\n");
            assertThat(files()).hasSize(1); // the temporary file, mid-write
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(files()).isEmpty();
    }

    /** Starts a write that never finishes, for the test above to stop. */
    public static final class SlowWriter {
        public static void main(String[] args) {
            AtomicFile.write(Path.of(args[0]), false, out -> {
                out.write(1);
                out.flush();
                System.out.println("writing");
                System.out.flush();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    @Test
    void aTemporaryFileOfOursLeftByAKilledWriterIsRemovedByTheNextWriteToItsFolder() throws IOException {
        Path stale = Files.writeString(dir.resolve(".loopline-3f2a9c.tmp"), "half a png");
        Path fresh = Files.writeString(dir.resolve(".loopline-77aa01.tmp"), "another writer's, still working");
        Path notOurs = Files.writeString(dir.resolve(".loopline-notes.tmp"), "someone else's");
        Path oldButNotOurs = Files.writeString(dir.resolve("old.tmp"), "someone else's");
        java.nio.file.attribute.FileTime twoHoursAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(AtomicFile.STALE_AFTER).minusSeconds(3600));
        for (Path p : List.of(stale, notOurs, oldButNotOurs)) {
            Files.setLastModifiedTime(p, twoHoursAgo);
        }
        AtomicFile.write(dir.resolve("report.png"), false, text("png"));
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(notOurs).exists();
        assertThat(oldButNotOurs).exists();
    }

    @Test
    void theReasonIsTheInnermostIoCauseInWordsNotAWrappersSummary() {
        IOException full = new java.nio.file.FileSystemException("/x/.loopline-1.tmp", null, "No space left on device");
        IOException imageIo = new javax.imageio.IIOException("I/O error writing PNG file!", full);
        assertThat(AtomicFile.reason(imageIo)).isEqualTo("No space left on device");
        assertThat(AtomicFile.reason(new IOException("wrapped", new java.io.EOFException()))).isEqualTo("the file ended before it was complete");
        assertThat(AtomicFile.reason(new java.nio.file.AccessDeniedException("/x"))).isEqualTo("permission denied");
    }
}
