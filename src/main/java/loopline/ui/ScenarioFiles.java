package loopline.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How saved scenario files are named and listed in the window's picker. */
final class ScenarioFiles {
    private ScenarioFiles() {
    }

    /**
     * The scenario's name after "Save as" to {@code file}: the file's own name, read as words
     * ("traffic-doubled.json" → "Traffic doubled"), so the picker never lists two files under one title. A file
     * named as proposed (the slug of the current name) keeps the current name as it was written.
     */
    static String nameFor(Path file, String currentName) {
        String stem = file.getFileName().toString().replaceFirst("(?i)\\.json$", "");
        if (stem.equals(FileNames.slug(currentName))) {
            return currentName;
        }
        String words = stem.replaceAll("[-_\\s]+", " ").trim();
        if (words.isEmpty()) {
            return currentName;
        }
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /**
     * The picker's entries once {@code file} (just opened or saved, named {@code name}) is among them: its entry is
     * replaced when listed (a save may have renamed it), otherwise added at the end as a recent file. A name another
     * entry already shows gets the file name beside it, so no two entries read the same.
     */
    static List<ExplorerViewModel.Preset> listing(List<ExplorerViewModel.Preset> entries, Path file, String name) {
        List<ExplorerViewModel.Preset> result = new ArrayList<>(entries);
        int at = indexOf(result, file);
        boolean taken = result.stream().anyMatch(p -> !sameFile(p.file(), file) && p.name().equals(name));
        String shown = taken ? name + " (" + file.getFileName() + ")" : name;
        String description = at >= 0 ? result.get(at).description() : file.toAbsolutePath().toString();
        ExplorerViewModel.Preset entry = new ExplorerViewModel.Preset(file, shown, description);
        if (at >= 0) {
            result.set(at, entry);
        } else {
            result.add(entry);
        }
        return result;
    }

    static int indexOf(List<ExplorerViewModel.Preset> entries, Path file) {
        for (int i = 0; i < entries.size(); i++) {
            if (sameFile(entries.get(i).file(), file)) {
                return i;
            }
        }
        return -1;
    }

    static boolean sameFile(Path a, Path b) {
        return a != null && b != null && a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** Whether {@code file} lies in {@code folder} (the app's presets, which Save never overwrites in place). */
    static boolean isIn(Path file, Path folder) {
        return folder != null && file.toAbsolutePath().normalize().startsWith(folder.toAbsolutePath().normalize());
    }
}
