package loopline.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a command or the window has read, so that nothing it writes lands on one of them: an export to
 * the scenario it was drawn from, or a Save as over a catalog, would replace what the user or LoopLine needs.
 * Sameness is the file system's ({@link Files#isSameFile}), so a symlink, a hard link, "./s.json" or
 * "../dir/s.json" are all caught; a name that does not exist yet is never an input.
 */
public final class InputFiles {
    private record Input(Path path, String role) {
    }

    private final List<Input> files;
    private final List<Input> folders;

    private InputFiles(List<Input> files, List<Input> folders) {
        this.files = List.copyOf(files);
        this.folders = List.copyOf(folders);
    }

    public static InputFiles none() {
        return new InputFiles(List.of(), List.of());
    }

    /** The catalogs LoopLine reads at start: every existing file inside the assets folder. */
    public static InputFiles catalogs() {
        return none().withFolder(Catalogs.home().resolve("assets"), "one of LoopLine's catalog files");
    }

    /** Adds a file read as {@code role} ("the --scenario file"); a null path (an option not given) adds nothing. */
    public InputFiles with(Path file, String role) {
        if (file == null) {
            return this;
        }
        List<Input> more = new ArrayList<>(files);
        more.add(new Input(file, role));
        if (Files.isDirectory(file)) { // --model-config accepts a folder holding config.json
            more.add(new Input(file.resolve("config.json"), role));
        }
        return new InputFiles(more, folders);
    }

    /** Adds a folder whose every file is read. */
    public InputFiles withFolder(Path folder, String role) {
        List<Input> more = new ArrayList<>(folders);
        more.add(new Input(folder, role));
        return new InputFiles(files, more);
    }

    /**
     * Refuses {@code out} in one line when it is one of these inputs; {@code choose} says what to change
     * ("choose another --out").
     */
    public void refuseAsOutput(Path out, String choose) {
        if (!Files.exists(out)) {
            return;
        }
        for (Input in : files) {
            if (sameFile(out, in.path())) {
                throw refusal(out, in.role(), choose);
            }
        }
        for (Input in : folders) {
            if (inside(out, in.path())) {
                throw refusal(out, in.role(), choose);
            }
        }
    }

    private static InvalidDataException refusal(Path out, String role, String choose) {
        return new InvalidDataException(out + ": is " + role + "; writing there would replace it, so " + choose);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException unreadable) {
            return false; // an input that cannot be compared was not read either
        }
    }

    private static boolean inside(Path file, Path folder) {
        try {
            return Files.isDirectory(folder) && file.toRealPath().startsWith(folder.toRealPath());
        } catch (IOException unreadable) {
            return false;
        }
    }
}
