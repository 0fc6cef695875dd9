package loopline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code "ranges": {"training.gpuHours": [low, high], ...}}: every number of the likely estimate's JSON, with the
 * lowest and highest value it takes over the estimate's corners (see {@code engine.economics.EstimateRange}). A number no
 * uncertain input moves (bytes per parameter, the GPU count) gets low = high.
 */
final class JsonRanges {
    private JsonRanges() {
    }

    static ObjectNode of(ObjectNode likely, List<ObjectNode> corners) {
        ObjectNode ranges = likely.objectNode();
        collect("", likely, corners, ranges);
        return ranges;
    }

    private static void collect(String prefix, JsonNode likely, List<? extends JsonNode> corners, ObjectNode ranges) {
        for (Iterator<Map.Entry<String, JsonNode>> it = likely.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix + field.getKey();
            JsonNode value = field.getValue();
            List<JsonNode> same = corners.stream().map(c -> c.path(field.getKey())).toList();
            if (value.isObject()) {
                collect(path + ".", value, same, ranges);
            } else if (value.isNumber()) {
                double low = value.asDouble();
                double high = low;
                for (JsonNode c : same) {
                    if (c.isNumber()) {
                        low = Math.min(low, c.asDouble());
                        high = Math.max(high, c.asDouble());
                    }
                }
                ArrayNode pair = ranges.putArray(path);
                pair.add(low).add(high);
            }
        }
    }
}
