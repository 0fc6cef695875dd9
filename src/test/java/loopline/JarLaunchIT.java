package loopline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jar as a user would ({@code java -jar target/loopline.jar …}, after {@code mvn package}):
 * it must run JavaFX as named modules, so JavaFX prints no "Unsupported JavaFX configuration" warning, and still
 * render a report headless.
 */
class JarLaunchIT {
    private static final Path JAR = Path.of("target/loopline.jar");

    private record Run(int exitCode, String out, String err) {
    }

    private static Run java(String... args) throws IOException, InterruptedException {
        return javaWith(List.of(), args);
    }

    private static Run javaWith(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("finished within 3 minutes").isTrue();
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void estimateRunsFromTheJarWithoutJavaFxWarnings() throws Exception {
        Run run = java("estimate", "--scenario", "presets/default.json", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"training\"");
        assertThat(run.err()).doesNotContain("Unsupported JavaFX configuration").doesNotContain("WARNING");
    }

    @Test
    void exportRendersHeadlessInsideTheModuleLayer(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("report.png");
        Run run = java("export", "--scenario", "presets/default.json", "--out", png.toString(), "--scale", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("Unsupported JavaFX configuration").doesNotContain("Exception");
        assertThat(ImageIO.read(Files.newInputStream(png)).getWidth()).isGreaterThan(1000);
    }

    /** A home folder that cannot be written (a locked-down account, a service user) costs no lines on stderr. */
    @Test
    void anUnwritableHomeFolderPrintsNothingAndStillExports(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("report.png");
        Run run = javaWith(List.of("-Duser.home=/dev/null/home", "-Djava.io.tmpdir=" + dir),
                "export", "--scenario", "presets/default.json", "--out", png.toString(), "--scale", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("Can not create cache").isEmpty();
        assertThat(Files.size(png)).isPositive();
    }

    @Test
    void badInputStillGetsOneLineAndExitCodeOne(@TempDir Path dir) throws Exception {
        Run run = java("estimate", "--scenario", dir.resolve("missing.json").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1).allMatch(l -> l.startsWith("loopline: ") && l.contains("missing.json"));
    }
}
