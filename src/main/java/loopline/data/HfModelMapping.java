package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Maps a Hugging Face config onto a catalog entry (the format of {@code assets/models.json}) by its structure: the
 * fields that decide memory and compute, wherever the config puts them. {@code model_type} is information, not a gate:
 * a family LoopLine knows by name adds what its published code fixes (Llama 4 always has one shared expert; Gemma ties
 * its embeddings; a dense family's transformers model ignores expert fields), any other decoder is read from its
 * fields alone, with a warning saying so. Nothing is guessed from the size.
 */
final class HfModelMapping {
    /** The model types LoopLine knows by name, after a multimodal config's "_text" is dropped; others are read by structure. */
    static final List<String> FAMILIES = List.of("llama", "mistral", "mixtral", "qwen2", "qwen2_moe", "qwen3", "qwen3_moe",
            "gemma", "gemma2", "gemma3", "phi3", "deepseek_v2", "deepseek_v3", "kimi_k2", "gpt_oss", "llama4",
            "qwen3_5", "qwen3_5_moe", "qwen3_next", "nemotron_h", "minimax_m2", "deepseek_v32", "glm_moe_dsa", "mimo", "gemma4",
            "mimo_v2_flash", HfNasBlocks.FAMILY);
    /** Families whose transformers model is dense whatever expert fields the file carries. */
    private static final List<String> DENSE_FAMILIES = List.of("llama", "mistral", "qwen2", "qwen3", "gemma", "gemma2", "gemma3",
            "phi3", "qwen3_5", "mimo");
    /** Hybrids of Gated DeltaNet linear-attention layers and gated attention (Qwen3-Next, Qwen3.5). */
    static final List<String> DELTANET_FAMILIES = List.of("qwen3_5", "qwen3_5_moe", "qwen3_next");
    /** Hybrids of Mamba-2 and attention blocks written as a pattern: M Mamba-2, * attention, - MLP (Nemotron-H). */
    static final String MAMBA_PATTERN_FAMILY = "nemotron_h";
    /** Fields that give a model experts, ignored for DENSE_FAMILIES. */
    private static final List<String> MOE_FIELDS = List.of("num_local_experts", "num_experts", "n_routed_experts",
            "num_experts_per_tok", "experts_per_token", "moe_intermediate_size");
    /** Defaults of the families' config classes (transformers) that published files rely on by leaving the field out. */
    private static final Map<String, Map<String, Long>> DEFAULTS = Map.of(
            "gemma", Map.of("vocab_size", 256_000L, "max_position_embeddings", 8192L),
            "gemma2", Map.of("vocab_size", 256_000L, "max_position_embeddings", 8192L),
            "gemma3", Map.of("vocab_size", 262_208L, "max_position_embeddings", 131_072L, "sliding_window_pattern", 6L));
    /** Llama 4 without no_rope_layers: every 4th layer is global, the others chunked (Hugging Face's default). */
    private static final long LLAMA4_GLOBAL_EVERY = 4;

    private HfModelMapping() {
    }

    /** The values the family's config class gives fields a file leaves out (none for most families). */
    static Map<String, Long> defaults(String modelType) {
        return DEFAULTS.getOrDefault(modelType, Map.of());
    }

    /**
     * Fields the config sets that would change the estimate but that the family's transformers model, and so the
     * import, ignores: experts on a dense family (a Llama config carrying num_local_experts still builds a dense Llama).
     */
    static List<String> ignoredFields(HfConfig c, String name) {
        if (!DENSE_FAMILIES.contains(c.modelType())) {
            return List.of();
        }
        List<String> set = MOE_FIELDS.stream().filter(c::setNonZero).toList();
        return set.isEmpty() ? List.of() : List.of(name + ": " + String.join(", ", set) + " set, but transformers' " + c.modelType()
                + " model has no experts and ignores " + (set.size() == 1 ? "it" : "them") + "; imported dense, as it would be built");
    }

    static ObjectNode entry(HfConfig c, String name, String source) {
        String type = c.modelType();
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("name", name);
        boolean pattern = type.equals(MAMBA_PATTERN_FAMILY);
        // a Nemotron-H block is a mixer or an MLP: LoopLine's layers are its mixer blocks, some without an MLP
        long layers = pattern ? mixerBlocks(c) : c.whole("num_hidden_layers");
        long hidden = c.whole("hidden_size");
        long heads = c.whole("num_attention_heads");
        HfNasBlocks nas = type.equals(HfNasBlocks.FAMILY) ? HfNasBlocks.read(c, layers, heads, hidden) : null;
        long kvHeads = nas != null ? nas.kvHeads() : c.whole("num_key_value_heads", heads);
        long headDim = c.has("kv_lora_rank") ? c.whole("qk_nope_head_dim") : c.whole("head_dim", c.whole("attention_head_dim", hidden / heads));
        HfAttentionShapes shapes = HfAttentionShapes.of(c, heads, kvHeads, headDim);
        e.put("layers", layers);
        e.put("hiddenSize", hidden);
        e.put("attentionHeads", heads);
        e.put("kvHeads", shapes.full().kvHeads());
        e.put("headDim", shapes.full().headDim());
        // Llama 4 names its dense layers' width intermediate_size_mlp; its intermediate_size is the experts'
        // an all-MoE model may leave out the dense width it never uses (Qwen3.5-MoE): the experts' then stands in
        if (nas != null) {
            e.set("ffnWidths", nas.ffnWidths()); // each layer's MLP pruned to its own width
        } else {
            e.put("ffnSize", c.has("intermediate_size_mlp") ? c.whole("intermediate_size_mlp")
                    : c.has("intermediate_size") || !c.has("moe_intermediate_size") ? c.whole("intermediate_size") : c.whole("moe_intermediate_size"));
        }
        e.put("vocabSize", c.whole("vocab_size"));
        e.put("tiedEmbeddings", c.bool("tie_word_embeddings", type.startsWith("gemma")));
        // SwiGLU or GeGLU in every family known but Nemotron-H, whose MLP is up, squared ReLU, down; by structure, a
        // squared-ReLU activation says the MLP is not gated
        e.put("gatedMlp", !pattern && !text(c, "mlp_hidden_act", text(c, "hidden_act", "")).equals("relu2"));
        biases(c, type, e);
        e.set("attention", attention(c, heads, shapes.full()));
        ObjectNode moe = moe(c, type, layers);
        if (moe != null) {
            e.set("moe", moe);
        }
        if (c.setNonZero("index_topk")) { // DeepSeek Sparse Attention (DeepSeek-V3.2, GLM-5)
            ObjectNode sparse = e.putObject("sparseAttention");
            sparse.put("topK", c.whole("index_topk"));
            sparse.put("indexerHeads", c.whole("index_n_heads"));
            sparse.put("indexerHeadDim", c.whole("index_head_dim"));
        }
        ObjectNode hybrid = nas != null ? nas.hybrid() : HfHybridLayers.hybrid(c, type, layers);
        if (hybrid != null) {
            e.set("hybrid", hybrid);
        }
        ObjectNode window = localAttention(c, type, layers);
        if (window != null) {
            shapes.putLocal(window);
            e.set("slidingWindow", window);
        }
        if (c.has("max_position_embeddings")) {
            e.put("maxContext", c.whole("max_position_embeddings"));
        }
        e.put("source", source);
        return e;
    }

    /** Qwen2 always biases q, k and v; gpt-oss every projection, its router and experts; others as the config says. */
    private static void biases(HfConfig c, String type, ObjectNode e) {
        boolean attentionBias = c.bool("attention_bias", false);
        boolean all = type.equals("gpt_oss") || attentionBias && c.bool("mlp_bias", false);
        boolean qkv = !all && (type.startsWith("qwen2") || attentionBias);
        if (all) {
            e.put("linearBias", true);
        }
        if (qkv) {
            e.put("qkvBias", true);
        }
    }

    private static ObjectNode attention(HfConfig c, long heads, HfAttentionShapes.Heads full) {
        ObjectNode a = JsonNodeFactory.instance.objectNode();
        if (c.has("kv_lora_rank")) {
            a.put("kind", "mla");
            a.put("qLoraRank", c.count("q_lora_rank", 0));
            a.put("kvLoraRank", c.whole("kv_lora_rank"));
            a.put("qkNopeHeadDim", c.whole("qk_nope_head_dim"));
            a.put("qkRopeHeadDim", c.count("qk_rope_head_dim", 0));
            a.put("vHeadDim", c.whole("v_head_dim"));
        } else {
            a.put("kind", full.kvHeads() < heads ? "gqa" : "mha");
            full.putValue(a);
        }
        return a;
    }

    private static ObjectNode moe(HfConfig c, String type, long layers) {
        if (DENSE_FAMILIES.contains(type)) {
            return null;
        }
        long experts = c.firstWhole(0, "num_local_experts", "num_experts", "n_routed_experts");
        if (experts == 0 || !c.bool("enable_moe_block", true)) { // Gemma 4's dense sizes leave their experts off
            return null;
        }
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        long expertWidth = c.has("moe_intermediate_size") ? c.whole("moe_intermediate_size") : c.whole("intermediate_size");
        m.put("experts", experts);
        m.put("activeExperts", c.firstWhole(-1, "num_experts_per_tok", "experts_per_token", "top_k_experts"));
        if (m.get("activeExperts").asLong() < 0) {
            throw c.error("num_experts_per_tok", "missing: how many experts each token uses");
        }
        m.put("expertFfnSize", expertWidth);
        m.put("sharedExperts", sharedExperts(c, type, expertWidth));
        // Nemotron's pattern: the mixer blocks not followed by an E carry no MoE (they carry no MLP at all: layersWithoutMlp)
        m.put("denseLayers", type.equals(MAMBA_PATTERN_FAMILY) ? layers - patternCount(c, 'E') : firstDenseLayers(c, layers));
        if (type.equals("mimo_v2_flash") && c.has("moe_layer_freq") && !c.get("moe_layer_freq").isArray()) {
            throw c.error("moe_layer_freq", "must be a list of whole numbers (MiMo-V2-Flash's config gives each layer a 0 or a 1), got "
                    + c.get("moe_layer_freq"));
        }
        m.put("layerStep", c.has("moe_layer_freq") && c.get("moe_layer_freq").isArray() ? 1
                : c.firstWhole(1, "interleave_moe_layer_step", "decoder_sparse_step", "moe_layer_freq"));
        if (c.has("quantization_config") && c.get("quantization_config").path("quant_method").asText("").equals(ModelCatalog.MXFP4)) {
            m.put("expertWeights", ModelCatalog.MXFP4); // gpt-oss: transformers' Mxfp4 quantizer covers the experts only
        }
        return m;
    }

    /** DeepSeek and Kimi count them; Llama 4 always has one; Qwen2-MoE gives one wide shared expert, counted in expert widths (0 is none). */
    private static long sharedExperts(HfConfig c, String type, long expertWidth) {
        if (type.equals("llama4")) {
            return 1;
        }
        if (type.equals("gemma4")) { // its MoE layers keep the dense MLP beside the experts, as an always-on shared one
            return wholeExperts(c, "intermediate_size", c.whole("intermediate_size"), expertWidth);
        }
        for (String field : List.of("shared_expert_intermediate_size", "moe_shared_expert_intermediate_size", "shared_intermediate_size")) {
            if (c.has(field)) {
                return wholeExperts(c, field, c.count(field, 0), expertWidth); // 0: none (Qwen3-Coder-480B, MiniMax-M2 write it so)
            }
        }
        return c.count("n_shared_experts", 0);
    }

    /** A shared MLP's width as a count of routed-expert widths. */
    private static long wholeExperts(HfConfig c, String field, long width, long expertWidth) {
        if (width % expertWidth != 0) {
            throw c.error(field, width + " is not a whole number of experts of " + expertWidth
                    + "; LoopLine's shared experts have the routed experts' width");
        }
        return width / expertWidth;
    }

    /**
     * DeepSeek's first_k_dense_replace, Qwen's mlp_only_layers when they are the first layers, or MiMo-V2-Flash's
     * moe_layer_freq list (0 for a dense layer, 1 for MoE) when its zeros come first.
     */
    private static long firstDenseLayers(HfConfig c, long layers) {
        long k = c.count("first_k_dense_replace", 0);
        if (c.has("moe_layer_freq") && c.get("moe_layer_freq").isArray()) {
            JsonNode flags = c.get("moe_layer_freq");
            long dense = 0;
            while (dense < flags.size() && flags.get((int) dense).asLong() == 0) {
                dense++;
            }
            for (int i = (int) dense; i < flags.size(); i++) {
                if (flags.get(i).asLong() != 1) {
                    throw c.error("moe_layer_freq", "puts dense layers among the MoE ones (layer " + i + "); LoopLine models dense "
                            + "layers first, then MoE every n-th layer");
                }
            }
            k = Math.max(k, dense);
        }
        if (c.has("mlp_only_layers")) {
            JsonNode list = c.get("mlp_only_layers");
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).asLong(-1) != i) {
                    throw c.error("mlp_only_layers", list + " puts dense layers among the MoE ones; LoopLine models dense "
                            + "layers first, then MoE every n-th layer");
                }
            }
            k = Math.max(k, list.size());
        }
        return Math.min(k, layers);
    }

    /** Sliding-window or chunked layers, and how many: from layer_types, the family's pattern, or all layers. */
    private static ObjectNode localAttention(HfConfig c, String type, long layers) {
        boolean chunked = type.equals("llama4");
        String sizeField = chunked ? "attention_chunk_size" : "sliding_window";
        if (!c.has(sizeField)) {
            return null;
        }
        long tokens = c.whole(sizeField);
        long local = localLayers(c, type, layers);
        if (local == 0 || c.has("max_position_embeddings") && tokens >= c.whole("max_position_embeddings")) {
            return null; // a window as long as the context is no window at all
        }
        ObjectNode w = JsonNodeFactory.instance.objectNode();
        w.put("tokens", tokens);
        w.put("layerShare", (double) local / layers);
        if (chunked) {
            w.put("kind", "chunked");
        }
        return w;
    }

    private static long localLayers(HfConfig c, String type, long layers) {
        if (c.has("layer_types")) {
            long local = 0;
            for (JsonNode t : c.get("layer_types")) {
                local += t.asText().equals("sliding_attention") || t.asText().equals("chunked_attention") ? 1 : 0;
            }
            return local;
        }
        if (c.has("hybrid_layer_pattern")) { // MiMo-V2-Flash: 1 for a sliding-window layer, 0 for full attention
            JsonNode flags = c.get("hybrid_layer_pattern");
            if (flags.size() != layers) {
                throw c.error("hybrid_layer_pattern", "must hold a 0 (full attention) or 1 (sliding window) for each of the "
                        + layers + " layers, got " + flags.size() + " entries");
            }
            for (JsonNode f : flags) {
                if (f.asLong() != 0 && f.asLong() != 1) {
                    throw c.error("hybrid_layer_pattern", "must hold only 0 (full attention) and 1 (sliding window), got " + f);
                }
            }
            return sumOf(flags);
        }
        return switch (type) {
            case "llama4" -> c.has("no_rope_layers") ? sumOf(c.get("no_rope_layers")) : layers - layers / LLAMA4_GLOBAL_EVERY;
            case "gemma2" -> layers - layers / 2;
            case "gemma3" -> layers - layers / c.whole("sliding_window_pattern");
            case "qwen2", "qwen2_moe", "qwen3", "qwen3_moe" -> c.bool("use_sliding_window", false)
                    ? Math.max(0, layers - c.count("max_window_layers", 0)) : 0;
            default -> layers;
        };
    }

    /** A text field, or {@code fallback}. */
    private static String text(HfConfig c, String field, String fallback) {
        return c.has(field) ? c.get(field).asText(fallback) : fallback;
    }

    /**
     * What a config of a family LoopLine does not know by name was read as: said beside the estimate, since no family
     * code confirms it.
     */
    static List<String> readByStructure(HfConfig c, String name) {
        return FAMILIES.contains(c.modelType()) ? List.of() : List.of(name + ": model_type \"" + c.modelType()
                + "\" is not one LoopLine knows by name; read by structure as a decoder of the fields it sets");
    }

    /** Nemotron-H's mixer blocks: its pattern's M (Mamba-2) and * (attention) characters. */
    private static long mixerBlocks(HfConfig c) {
        return patternCount(c, 'M') + patternCount(c, '*');
    }

    /** Blocks of one kind in Nemotron's hybrid_override_pattern: M Mamba-2, * attention, - MLP, E MoE. */
    static long patternCount(HfConfig c, char kind) {
        return c.get("hybrid_override_pattern").asText().chars().filter(ch -> ch == kind).count();
    }

    /** Llama 4's no_rope_layers holds 1 for each layer that uses RoPE, which are the chunked ones. */
    private static long sumOf(JsonNode flags) {
        long n = 0;
        for (JsonNode f : flags) {
            n += f.asLong(0);
        }
        return n;
    }
}
