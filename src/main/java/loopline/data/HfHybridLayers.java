package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code hybrid} part of an imported entry: Gated DeltaNet layers from {@code layer_types} (or every
 * {@code full_attention_interval}-th layer attending) and the {@code linear_*} fields; Mamba-2 blocks from
 * {@code hybrid_override_pattern} and the {@code mamba_*} fields. Multi-token-prediction layers
 * ({@code mtp_num_hidden_layers}) are left out: they serve only speculative decoding.
 */
final class HfHybridLayers {
    private HfHybridLayers() {
    }

    static ObjectNode hybrid(HfConfig c, String type, long layers) {
        if (HfModelMapping.DELTANET_FAMILIES.contains(type)) {
            return deltaNet(c, layers);
        }
        if (type.equals(HfModelMapping.MAMBA_PATTERN_FAMILY)) {
            return mamba(c, layers);
        }
        return null;
    }

    /** The fields a recurrent layer's size and state come from: refused by name, with what they size, when one is missing. */
    private static void require(HfConfig c, String what, String... fields) {
        for (String f : fields) {
            if (!c.has(f)) {
                throw c.error(f, "missing; " + c.architecture() + " needs it to size its " + what + " and the state they keep per sequence");
            }
        }
    }

    private static ObjectNode deltaNet(HfConfig c, long layers) {
        long linear;
        if (c.has("layer_types")) {
            linear = 0;
            for (JsonNode t : c.get("layer_types")) {
                linear += t.asText().equals("linear_attention") ? 1 : 0;
            }
        } else {
            linear = layers - layers / c.whole("full_attention_interval");
        }
        if (linear == 0) {
            return null;
        }
        require(c, "Gated DeltaNet linear-attention layers", "linear_num_value_heads", "linear_value_head_dim", "linear_num_key_heads",
                "linear_key_head_dim");
        ObjectNode h = JsonNodeFactory.instance.objectNode();
        h.put("mixer", "gated-deltanet");
        h.put("recurrentLayers", linear);
        h.put("heads", c.whole("linear_num_value_heads"));
        h.put("headDim", c.whole("linear_value_head_dim"));
        h.put("keyHeads", c.whole("linear_num_key_heads"));
        h.put("keyHeadDim", c.whole("linear_key_head_dim"));
        h.put("convKernel", c.whole("linear_conv_kernel_dim", 4));
        h.put("stateBytesPerValue", stateBytes(c));
        // Qwen3-Next's attention always gates its output; Qwen3.5 says so with attn_output_gate
        h.put("gatedAttentionOutput", c.bool("attn_output_gate", true));
        return h;
    }

    private static ObjectNode mamba(HfConfig c, long layers) {
        String pattern = c.get("hybrid_override_pattern").asText();
        long mamba = HfModelMapping.patternCount(c, 'M');
        long mlps = HfModelMapping.patternCount(c, '-') + HfModelMapping.patternCount(c, 'E');
        if (pattern.chars().anyMatch(ch -> ch != 'M' && ch != '*' && ch != '-' && ch != 'E')) {
            throw c.error("hybrid_override_pattern", "\"" + pattern + "\" has blocks other than M (Mamba-2), * (attention), - (MLP) "
                    + "and E (MoE)");
        }
        if (mamba == 0 || mamba == layers || mlps > layers) {
            throw c.error("hybrid_override_pattern", "needs Mamba-2 and attention blocks and at most one MLP per mixer, got " + mamba
                    + " M, " + (layers - mamba) + " *, " + mlps + " -");
        }
        require(c, "Mamba-2 layers (the pattern's M blocks)", "mamba_num_heads", "mamba_head_dim", "ssm_state_size");
        ObjectNode h = JsonNodeFactory.instance.objectNode();
        h.put("mixer", "mamba2");
        h.put("recurrentLayers", mamba);
        h.put("layersWithoutMlp", layers - mlps);
        h.put("heads", c.whole("mamba_num_heads"));
        h.put("headDim", c.whole("mamba_head_dim"));
        h.put("groups", c.whole("n_groups", 1));
        h.put("stateSize", c.whole("ssm_state_size"));
        h.put("convKernel", c.whole("conv_kernel", 4));
        h.put("stateBytesPerValue", stateBytes(c));
        if (c.has("chunk_size")) {
            h.put("chunkSize", c.whole("chunk_size")); // the SSD kernel's block, Nemotron-H: 128
        }
        return h;
    }

    /** The recurrent state's format: fp32 when the config says so ({@code mamba_ssm_dtype}), else the model's 16 bits. */
    private static double stateBytes(HfConfig c) {
        for (String field : new String[] {"mamba_ssm_dtype", "mamba_ssm_cache_dtype"}) {
            if (c.has(field) && c.get(field).asText().equals("float32")) {
                return 4;
            }
        }
        return 2;
    }
}
