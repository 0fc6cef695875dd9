package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Nemotron-NAS ({@code model_type "nemotron-nas"}, DeciLM: Llama-3.3-Nemotron-Super-49B, Llama-3.1-Nemotron-Ultra-253B):
 * a Llama whose {@code block_configs} prune each layer on its own. A block's attention may be a no-op (the layer is its
 * MLP alone) with its KV heads as {@code num_attention_heads ÷ n_heads_in_group}; its MLP may be a no-op or have its own
 * width, {@code ffn_mult} × hidden × 2/3 rounded up to a multiple of 256 (DeciLM's {@code _ffn_mult_to_intermediate_size}).
 * The entry sums the layers by kind: layers without attention, layers without an MLP, and the MLP widths with how many
 * layers have each. Blocks LoopLine does not model (a linear layer in place of attention or MLP, sliding windows, sink
 * tokens, sparsified weights, KV heads that differ by layer) are refused naming the block and the field.
 */
final class HfNasBlocks {
    static final String FAMILY = "nemotron-nas";
    /** DeciLM rounds each pruned MLP width up to a multiple of this. */
    private static final long WIDTH_MULTIPLE = 256;

    private final long kvHeads;
    private final long withoutAttention;
    private final long withoutMlp;
    private final Map<Long, Long> layersByWidth;

    private HfNasBlocks(long kvHeads, long withoutAttention, long withoutMlp, Map<Long, Long> layersByWidth) {
        this.kvHeads = kvHeads;
        this.withoutAttention = withoutAttention;
        this.withoutMlp = withoutMlp;
        this.layersByWidth = layersByWidth;
    }

    static HfNasBlocks read(HfConfig c, long layers, long heads, long hidden) {
        JsonNode blocks = c.get("block_configs");
        if (blocks == null || !blocks.isArray() || blocks.size() != layers) {
            throw c.error("block_configs", "must hold one block for each of the " + layers + " layers, got "
                    + (blocks == null || !blocks.isArray() ? blocks : blocks.size() + " blocks"));
        }
        long kvHeads = 0;
        long withoutAttention = 0;
        long withoutMlp = 0;
        Map<Long, Long> layersByWidth = new TreeMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            String at = "block_configs[" + i + "]";
            JsonNode attention = blocks.get(i).path("attention");
            JsonNode ffn = blocks.get(i).path("ffn");
            refuseUnmodelled(c, at + ".attention", attention, "replace_with_linear", "window_length", "num_sink_tokens", "sparsify");
            refuseUnmodelled(c, at + ".ffn", ffn, "replace_with_linear", "sparsify");
            if (attention.path("no_op").asBoolean(false)) {
                withoutAttention++;
            } else {
                long group = attention.path("n_heads_in_group").asLong(0);
                if (group <= 0 || heads % group != 0) {
                    throw c.error(at + ".attention.n_heads_in_group", "must divide num_attention_heads (" + heads + "), got "
                            + attention.path("n_heads_in_group"));
                }
                if (kvHeads != 0 && heads / group != kvHeads) {
                    throw c.error(at + ".attention.n_heads_in_group", "gives " + heads / group + " KV heads where earlier layers have "
                            + kvHeads + "; LoopLine models one KV head count for the attention layers");
                }
                kvHeads = heads / group;
            }
            if (ffn.path("no_op").asBoolean(false)) {
                withoutMlp++;
            } else {
                double multiplier = ffn.path("ffn_mult").asDouble(0);
                if (!(multiplier > 0)) {
                    throw c.error(at + ".ffn.ffn_mult", "must be a positive number, got " + ffn.path("ffn_mult"));
                }
                layersByWidth.merge(width(multiplier, hidden), 1L, Long::sum);
            }
        }
        if (kvHeads == 0 || layersByWidth.isEmpty()) {
            throw c.error("block_configs", "leaves " + (kvHeads == 0 ? "no attention layer" : "no MLP") + " among the " + layers + " layers");
        }
        return new HfNasBlocks(kvHeads, withoutAttention, withoutMlp, layersByWidth);
    }

    /** DeciLM's _ffn_mult_to_intermediate_size: int(2 × ffn_mult × hidden ÷ 3), rounded up to a multiple of 256. */
    static long width(double multiplier, long hidden) {
        long width = (long) (2 * multiplier * hidden / 3);
        return width % WIDTH_MULTIPLE == 0 ? width : width + WIDTH_MULTIPLE - width % WIDTH_MULTIPLE;
    }

    private static void refuseUnmodelled(HfConfig c, String at, JsonNode part, String... fields) {
        for (String f : fields) {
            JsonNode v = part.get(f);
            if (v != null && !v.isNull() && !(v.isBoolean() && !v.asBoolean())) {
                throw c.error(at + "." + f, "is " + v + "; LoopLine models Nemotron-NAS blocks that keep or drop their attention and "
                        + "MLP, not " + (f.equals("replace_with_linear") ? "ones replaced by a linear layer"
                        : f.equals("sparsify") ? "sparsified weights" : "windows or sink tokens"));
            }
        }
    }

    long kvHeads() {
        return kvHeads;
    }

    /** {@code ffnWidths}: each width and how many layers have it. */
    ArrayNode ffnWidths() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        layersByWidth.forEach((width, n) -> list.addObject().put("width", width).put("layers", n));
        return list;
    }

    /** {@code hybrid}: the layers that are an MLP alone or attention alone; null when every block keeps both. */
    ObjectNode hybrid() {
        if (withoutAttention == 0 && withoutMlp == 0) {
            return null;
        }
        ObjectNode h = JsonNodeFactory.instance.objectNode();
        h.put("layersWithoutMixer", withoutAttention);
        h.put("layersWithoutMlp", withoutMlp);
        return h;
    }
}
