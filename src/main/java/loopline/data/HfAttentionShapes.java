package loopline.data;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The heads of a config's full-attention and sliding-window layers, where they differ. Two spellings are in use:
 * Gemma 4 describes its sliding layers in the usual fields and gives its global ones {@code global_head_dim},
 * {@code num_global_key_value_heads} and {@code attention_k_eq_v} (no value projection: the key is the value);
 * MiMo-V2-Flash describes its full layers in the usual fields and its sliding ones in {@code swa_*}. Either way the
 * catalog entry's own heads are the full layers' and the window carries the local ones.
 */
record HfAttentionShapes(Heads full, Heads local) {

    /** One kind of layer's heads; {@code valueHeadDim} is the value width when it differs from the key's. */
    record Heads(long heads, long kvHeads, long headDim, long valueHeadDim, boolean keyIsValue) {

        /** The attention object's value fields, when they are not the defaults (the key's width, a value projection). */
        void putValue(ObjectNode attention) {
            if (valueHeadDim != headDim) {
                attention.put("vHeadDim", valueHeadDim);
            }
            if (keyIsValue) {
                attention.put("keyIsValue", true);
            }
        }

        void putInto(ObjectNode window) {
            window.put("attentionHeads", heads);
            window.put("kvHeads", kvHeads);
            window.put("headDim", headDim);
            putValue(window);
        }
    }

    static HfAttentionShapes of(HfConfig c, long heads, long kvHeads, long headDim) {
        if (c.has("kv_lora_rank")) { // MLA: one shape, described by its own fields
            Heads mla = new Heads(heads, kvHeads, headDim, headDim, false);
            return new HfAttentionShapes(mla, mla);
        }
        long valueDim = c.whole("v_head_dim", headDim);
        Heads usual = new Heads(heads, kvHeads, headDim, valueDim, false);
        if (c.has("global_head_dim") || c.has("num_global_key_value_heads")) {
            boolean keyIsValue = c.bool("attention_k_eq_v", false);
            // transformers' Gemma 4: the global layers take num_global_key_value_heads only when their key is their value
            long globalKv = keyIsValue ? c.whole("num_global_key_value_heads", kvHeads) : kvHeads;
            long globalDim = c.whole("global_head_dim", headDim);
            return new HfAttentionShapes(new Heads(heads, globalKv, globalDim, globalDim, keyIsValue), usual);
        }
        if (c.has("swa_num_attention_heads") || c.has("swa_num_key_value_heads") || c.has("swa_head_dim")) {
            long swaDim = c.whole("swa_head_dim", headDim);
            Heads swa = new Heads(c.whole("swa_num_attention_heads", heads), c.whole("swa_num_key_value_heads", kvHeads), swaDim,
                    c.whole("swa_v_head_dim", swaDim == headDim ? valueDim : swaDim), false);
            return new HfAttentionShapes(usual, swa);
        }
        return new HfAttentionShapes(usual, usual);
    }

    /** Gives the window the local layers' heads when they are not the full layers'. */
    void putLocal(ObjectNode window) {
        if (!local.equals(full)) {
            local.putInto(window);
        }
    }
}
