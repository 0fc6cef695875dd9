package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The scenario files in {@code presets/}, named by their "name" field (the file name if it cannot be read). */
public final class Presets {
    public record Preset(Path file, String name, String description) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Presets() {
    }

    public static List<Preset> list(Path dir) {
        List<Preset> presets = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted(Comparator.comparing(Path::toString)).toList()) {
                presets.add(describe(f));
            }
        } catch (IOException e) {
            return List.of();
        }
        presets.sort(Comparator.comparing((Preset p) -> !p.file().getFileName().toString().equals("default.json")));
        return presets;
    }

    private static Preset describe(Path f) {
        try {
            JsonNode n = Json.read(f);
            String name = n.path("name").asText(f.getFileName().toString());
            return new Preset(f, name, n.path("description").asText(""));
        } catch (InvalidDataException e) {
            return new Preset(f, f.getFileName() + " (cannot be read)", e.getMessage());
        }
    }
}
