package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * The configs LoopLine refuses rather than guesses at: recurrent layers it does not model (Jamba's, Kimi Linear's and
 * MiniMax's; Gated DeltaNet and Nemotron-H's Mamba-2 are modelled), per-layer blocks of their own shape (Nemotron-NAS;
 * full and sliding-window layers with different heads are modelled), per-layer embeddings and shared caches, and
 * models with no language head. Each refusal is
 * one line naming the architecture, the field that shows it and why.
 */
final class HfConfigRefusals {
    /** Attention kinds LoopLine models per layer: full, and local (sliding window or chunks). */
    private static final Set<String> MODELLED_LAYER_TYPES = Set.of("full_attention", "sliding_attention", "chunked_attention");

    /** A field whose presence alone shows an architecture LoopLine cannot model, and why. */
    private record Sign(String field, String why) {
    }

    private static final List<Sign> SIGNS = List.of(
            new Sign("hybrid_override_pattern", "mixes Mamba-2 state-space layers with attention layers; LoopLine models transformer layers only"),
            new Sign("layers_block_type", "mixes state-space and attention blocks; LoopLine models transformer layers only"),
            new Sign("attn_layer_period", "mixes state-space and attention layers (Jamba); LoopLine models transformer layers only"),
            new Sign("ssm_state_size", "has state-space (Mamba) layers, whose state is not a KV cache; LoopLine models attention only"),
            new Sign("linear_attn_config", "has linear-attention layers, whose state is not a KV cache; LoopLine models softmax attention only"),
            new Sign("block_configs", "gives each layer its own shape (heterogeneous blocks); LoopLine reads them for Nemotron-NAS "
                    + "(model_type \"nemotron-nas\") only"),
            new Sign("num_kv_shared_layers", "shares KV caches across layers; LoopLine gives every layer its own cache"),
            new Sign("hidden_size_per_layer_input", "adds a per-layer embedding input to every layer (Gemma 3n, Gemma 4 E2B/E4B); "
                    + "LoopLine models one input embedding"));

    private HfConfigRefusals() {
    }

    /** Throws, naming the field and the reason, if LoopLine cannot model this config faithfully. */
    static void check(HfConfig c) {
        if (c.modelType().isEmpty() && !c.has("architectures")) {
            throw new InvalidDataException(c.where() + ": model_type: missing; not a Hugging Face config.json"
                    + (c.has("model") ? " (it looks like a LoopLine scenario: open it with Open…)" : ""));
        }
        String name = c.architecture() + " (model_type \"" + c.modelType() + "\")";
        boolean mambaPattern = c.modelType().equals(HfModelMapping.MAMBA_PATTERN_FAMILY);
        boolean deltaNet = HfModelMapping.DELTANET_FAMILIES.contains(c.modelType());
        for (Sign s : SIGNS) {
            boolean modelled = mambaPattern && (s.field().equals("hybrid_override_pattern") || s.field().equals("ssm_state_size"))
                    || c.modelType().equals(HfNasBlocks.FAMILY) && s.field().equals("block_configs");
            if (!modelled && c.setNonZero(s.field())) {
                throw refuse(c, name, s.field(), s.why());
            }
        }
        if (c.has("layer_types")) {
            for (JsonNode t : c.get("layer_types")) {
                if (!MODELLED_LAYER_TYPES.contains(t.asText()) && !(deltaNet && t.asText().equals("linear_attention"))) {
                    throw refuse(c, name, "layer_types", "has \"" + t.asText() + "\" layers"
                            + (t.asText().contains("linear") ? " (linear attention, whose state is not a KV cache)" : "")
                            + "; LoopLine models full, sliding-window and chunked attention only");
                }
            }
        }
        if (!c.has("vocab_size") || c.architecture().endsWith("ForImageClassification") || c.modelType().endsWith("vision_model")) {
            throw refuse(c, name, "vocab_size", "has no vocabulary: a vision-only model generates no tokens to serve");
        }
    }

    private static InvalidDataException refuse(HfConfig c, String name, String field, String why) {
        return new InvalidDataException(c.where() + ": " + name + " cannot be imported: " + field + " " + why);
    }
}
