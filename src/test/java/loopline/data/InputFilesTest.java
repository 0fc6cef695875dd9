package loopline.data;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a command or the window read is never what it writes, however the path is spelled. */
class InputFilesTest {
    @TempDir
    Path dir;

    @Test
    void theSameFileUnderAnyNameIsRefusedAndANewOrOtherFileIsNot() throws IOException {
        Path scenario = Files.writeString(dir.resolve("s.json"), "{}");
        Files.createDirectories(dir.resolve("sub"));
        InputFiles inputs = InputFiles.none().with(scenario, "the --scenario file").with(null, "never given");
        for (Path spelling : new Path[] {scenario, dir.resolve("sub/../s.json"), scenario.toAbsolutePath(),
                Files.createSymbolicLink(dir.resolve("l.png"), scenario),
                Files.createLink(dir.resolve("h.png"), scenario)}) {
            assertThatThrownBy(() -> inputs.refuseAsOutput(spelling, "choose another --out"))
                    .hasMessage(spelling + ": is the --scenario file; writing there would replace it, so choose another --out");
        }
        assertThatCode(() -> inputs.refuseAsOutput(dir.resolve("new.png"), "x")).doesNotThrowAnyException();
        assertThatCode(() -> inputs.refuseAsOutput(Files.writeString(dir.resolve("other.png"), "old"), "x")).doesNotThrowAnyException();
    }

    @Test
    void aFolderOfInputsCoversEveryFileInItAndAConfigFolderItsConfigJson() throws IOException {
        Path assets = Files.createDirectories(dir.resolve("assets/kernels"));
        Path kernel = Files.writeString(assets.resolve("h100.json"), "{}");
        Path model = Files.createDirectories(dir.resolve("Qwen3-8B"));
        Path config = Files.writeString(model.resolve("config.json"), "{}");
        InputFiles inputs = InputFiles.none().withFolder(dir.resolve("assets"), "a catalog file").with(model, "the --model-config file");
        assertThatThrownBy(() -> inputs.refuseAsOutput(kernel, "choose another name")).hasMessageContaining("is a catalog file");
        assertThatThrownBy(() -> inputs.refuseAsOutput(config, "choose another name")).hasMessageContaining("is the --model-config file");
        assertThatCode(() -> inputs.refuseAsOutput(dir.resolve("assets/new.json"), "x")).doesNotThrowAnyException();
    }
}
