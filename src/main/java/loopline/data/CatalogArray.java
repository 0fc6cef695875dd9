package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The one reader of a catalog file's array of entries ({@code {"gpus": [...]}}): each entry has a
 * lower-case {@code id}, is parsed with errors naming {@code file: gpus[id].field}, and ids are unique.
 */
final class CatalogArray {
    private CatalogArray() {
    }

    static <T> Map<String, T> read(Path file, String key, BiFunction<JsonFields, String, T> parse) {
        JsonNode list = Json.read(file).get(key);
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new InvalidDataException(file + ": " + key + ": must be a non-empty array");
        }
        Map<String, T> entries = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String label = entry.hasNonNull("id") ? entry.get("id").asText() : "#" + i;
            JsonFields f = new JsonFields(entry, file + ": " + key + "[" + label + "]");
            String id = f.id("id");
            if (entries.putIfAbsent(id, parse.apply(f, id)) != null) {
                throw new InvalidDataException(f.where() + ": duplicate id");
            }
        }
        return Collections.unmodifiableMap(entries);
    }
}
