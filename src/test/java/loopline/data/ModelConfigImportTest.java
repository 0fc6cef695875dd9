package loopline.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import loopline.Fixtures;
import loopline.engine.model.ModelArchitecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Imports the public config.json files in src/test/resources/hf-configs (copies of ../shared/reference/hf-configs)
 * and checks the counts against the published ones (that folder's README, from the model cards).
 */
class ModelConfigImportTest {
    @TempDir
    Path dir;

    static Path config(String name) {
        try {
            return Path.of(ModelConfigImportTest.class.getResource("/hf-configs/" + name + ".json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** File, published total, published active (NaN for dense), and whether the active count leaves out the input embedding. */
    static Stream<Arguments> publishedCounts() {
        return Stream.of(
                Arguments.of("meta-llama--Meta-Llama-3.1-70B", 70.6e9, Double.NaN, false),
                Arguments.of("meta-llama--Meta-Llama-3.1-405B", 405.9e9, Double.NaN, false),
                Arguments.of("meta-llama--Llama-4-Scout-17B-16E-Instruct", 109e9, 17e9, false),
                Arguments.of("meta-llama--Llama-4-Maverick-17B-128E-Instruct", 400e9, 17e9, false),
                Arguments.of("Qwen--Qwen3-8B", 8.2e9, Double.NaN, false),
                Arguments.of("Qwen--Qwen3-32B", 32.8e9, Double.NaN, false),
                Arguments.of("Qwen--Qwen3-30B-A3B", 30.5e9, 3.3e9, false),
                Arguments.of("Qwen--Qwen3-235B-A22B", 235e9, 22e9, false),
                Arguments.of("deepseek-ai--DeepSeek-V3", 671e9, 37e9, false),
                Arguments.of("deepseek-ai--DeepSeek-R1", 671e9, 37e9, false),
                Arguments.of("openai--gpt-oss-20b", 20.9e9, 3.6e9, true),
                Arguments.of("openai--gpt-oss-120b", 116.8e9, 5.1e9, true),
                Arguments.of("mistralai--Mixtral-8x7B-v0.1", 46.7e9, 12.9e9, false),
                Arguments.of("moonshotai--Kimi-K2-Instruct", 1.04e12, 32e9, false),
                Arguments.of("Qwen--Qwen3.5-27B", 27e9, Double.NaN, false),
                Arguments.of("nvidia--Nemotron-H-56B-Base-8K", 56e9, Double.NaN, false),
                Arguments.of("Qwen--Qwen3.5-35B-A3B", 35e9, Double.NaN, false),
                Arguments.of("Qwen--Qwen3.5-122B-A10B", 122e9, Double.NaN, false),
                Arguments.of("Qwen--Qwen3.5-397B-A17B", 397e9, Double.NaN, false),
                Arguments.of("MiniMaxAI--MiniMax-M2.5", 230e9, Double.NaN, false),
                Arguments.of("deepseek-ai--DeepSeek-V3.2", 671e9, 37e9, false),
                Arguments.of("moonshotai--Kimi-K2.5", 1.04e12, 32e9, false),
                Arguments.of("zai-org--GLM-5", 744e9, 40e9, true),
                Arguments.of("nvidia--NVIDIA-Nemotron-3-Nano-30B-A3B-BF16", 31.6e9, 3.2e9, true),
                Arguments.of("google--gemma-4-26B-A4B", 25.2e9, 3.8e9, false),
                Arguments.of("XiaomiMiMo--MiMo-V2-Flash", 309e9, 15e9, false),
                Arguments.of("nvidia--Llama-3_3-Nemotron-Super-49B-v1", 49e9, Double.NaN, false));
    }

    /** Totals within 2% of the card, active counts within 4%: several published active figures are rounded ("17B active"). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedCounts")
    void importedCountsMatchThePublishedOnes(String file, double total, double active, boolean activeLeavesOutLookup) {
        ModelConfigImport imported = ModelConfigImport.read(config(file));
        ModelArchitecture m = imported.architecture();
        assertThat(m.totalParameters()).isCloseTo(total, withinPercentage(2));
        if (!Double.isNaN(active)) {
            double computed = m.activeParameters() - (activeLeavesOutLookup ? m.inputEmbeddingParameters() : 0);
            assertThat(computed).isCloseTo(active, withinPercentage(4));
        }
        assertThat(imported.warnings()).as("no disagreement with the name").noneMatch(w -> w.contains("the name states"));
    }

    @Test
    void anImportedModelHasTheCatalogEntrysShape() {
        for (String id : new String[] {"qwen3-235b-a22b", "llama-4-maverick", "gpt-oss-120b", "kimi-k2", "deepseek-r1", "gemma-3-27b"}) {
            ModelArchitecture catalog = Fixtures.CATALOGS.models().get(id);
            ModelArchitecture imported = ModelConfigImport.read(config(switch (id) {
                case "qwen3-235b-a22b" -> "Qwen--Qwen3-235B-A22B";
                case "llama-4-maverick" -> "meta-llama--Llama-4-Maverick-17B-128E-Instruct";
                case "gpt-oss-120b" -> "openai--gpt-oss-120b";
                case "kimi-k2" -> "moonshotai--Kimi-K2-Instruct";
                case "gemma-3-27b" -> "google--gemma-3-27b-it"; // a sparse text_config: the family's defaults fill it in
                default -> "deepseek-ai--DeepSeek-R1";
            })).architecture();
            assertThat(imported.totalParameters()).as(id).isEqualTo(catalog.totalParameters());
            assertThat(imported.activeParameters()).as(id).isEqualTo(catalog.activeParameters());
            assertThat(imported.moe()).as(id).isEqualTo(catalog.moe());
            assertThat(imported.slidingWindow()).as(id).isEqualTo(catalog.slidingWindow());
            assertThat(imported.mla()).as(id).isEqualTo(catalog.mla());
            assertThat(imported.maxContext()).as(id).isEqualTo(catalog.maxContext());
            assertThat(imported.tiedEmbeddings()).as(id).isEqualTo(catalog.tiedEmbeddings());
        }
    }

    /** Configs of the older families, as their public config.json files give the fields that matter. */
    static Stream<Arguments> olderFamilies() {
        return Stream.of(
                Arguments.of("mistral-7b", "{\"architectures\": [\"MistralForCausalLM\"], \"model_type\": \"mistral\", "
                        + "\"hidden_size\": 4096, \"intermediate_size\": 14336, \"num_attention_heads\": 32, \"num_hidden_layers\": 32, "
                        + "\"num_key_value_heads\": 8, \"vocab_size\": 32000, \"sliding_window\": 4096, "
                        + "\"max_position_embeddings\": 32768, \"tie_word_embeddings\": false}"),
                Arguments.of("gemma-2-9b", "{\"architectures\": [\"Gemma2ForCausalLM\"], \"model_type\": \"gemma2\", "
                        + "\"hidden_size\": 3584, \"intermediate_size\": 14336, \"num_attention_heads\": 16, \"num_hidden_layers\": 42, "
                        + "\"num_key_value_heads\": 8, \"head_dim\": 256, \"vocab_size\": 256000, \"sliding_window\": 4096, "
                        + "\"max_position_embeddings\": 8192}"),
                Arguments.of("qwen2.5-7b", "{\"architectures\": [\"Qwen2ForCausalLM\"], \"model_type\": \"qwen2\", "
                        + "\"hidden_size\": 3584, \"intermediate_size\": 18944, \"num_attention_heads\": 28, \"num_hidden_layers\": 28, "
                        + "\"num_key_value_heads\": 4, \"vocab_size\": 152064, \"max_position_embeddings\": 131072, "
                        + "\"sliding_window\": 131072, \"use_sliding_window\": false, \"max_window_layers\": 28, "
                        + "\"tie_word_embeddings\": false}"));
    }

    /** Gemma ties its embeddings unless told otherwise; Qwen2 biases q, k and v; a window as long as the context is none. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("olderFamilies")
    void olderFamiliesImportAsTheirCatalogEntries(String id, String config) throws IOException {
        ModelArchitecture catalog = Fixtures.CATALOGS.models().get(id);
        ModelArchitecture imported = ModelConfigImport.read(write(id + ".json", config)).architecture();
        assertThat(imported.totalParameters()).isEqualTo(catalog.totalParameters());
        assertThat(imported.tiedEmbeddings()).isEqualTo(catalog.tiedEmbeddings());
        assertThat(imported.qkvBias()).isEqualTo(catalog.qkvBias());
        assertThat(imported.slidingWindow()).isEqualTo(catalog.slidingWindow());
        assertThat(imported.kvValuesPerToken()).isEqualTo(catalog.kvValuesPerToken());
        assertThat(imported.maxContext()).isEqualTo(catalog.maxContext());
    }

    @Test
    void llama4ReadsItsNestedTextConfigWithChunkedLayersAndASharedExpert() {
        ModelArchitecture scout = ModelConfigImport.read(config("meta-llama--Llama-4-Scout-17B-16E-Instruct")).architecture();
        assertThat(scout.name()).isEqualTo("meta-llama/Llama-4-Scout-17B-16E-Instruct");
        assertThat(scout.slidingWindow().chunked()).isTrue();
        assertThat(scout.slidingWindow().tokens()).isEqualTo(8192);
        assertThat(scout.slidingWindow().layerShare()).isEqualTo(0.75);
        assertThat(scout.moe().sharedExperts()).isEqualTo(1);
        assertThat(scout.maxContext()).isEqualTo(10_485_760);
    }

    @Test
    void gptOssHasBiasesAndHalfItsLayersWindowedAndSaysItShipsMxfp4() {
        ModelConfigImport imported = ModelConfigImport.read(config("openai--gpt-oss-20b"));
        assertThat(imported.warnings()).singleElement().asString().contains("ships mxfp4 weights", "inference.precision");
        assertThat(ModelConfigImport.read(config("Qwen--Qwen3-8B")).warnings()).isEmpty();
        ModelArchitecture oss = imported.architecture();
        assertThat(oss.linearBias()).isTrue();
        assertThat(oss.headDim()).isEqualTo(64);
        assertThat(oss.slidingWindow().tokens()).isEqualTo(128);
        assertThat(oss.slidingWindow().layerShare()).isEqualTo(0.5);
        assertThat(oss.moe().mxfp4Experts()).as("quantization_config.quant_method mxfp4 covers the experts").isTrue();
    }

    @Test
    void aModelTypeLoopLineDoesNotKnowIsReadByStructureAndSaysSo() throws IOException {
        ObjectNode qwen = (ObjectNode) Json.MAPPER.readTree(config("Qwen--Qwen3-8B").toFile());
        qwen.put("model_type", "acme_lm");
        ModelConfigImport imported = ModelConfigImport.read(write("acme.json", Json.MAPPER.writeValueAsString(qwen)));
        assertThat(imported.architecture().totalParameters())
                .isEqualTo(ModelConfigImport.read(config("Qwen--Qwen3-8B")).architecture().totalParameters());
        assertThat(imported.warnings()).anyMatch(w -> w.contains("\"acme_lm\" is not one LoopLine knows by name; read by structure"));
    }

    /**
     * DeepSeek-V3.2's sparse attention: every token stays cached, with a 128-value fp8 indexer key per layer beside its
     * 576-value latent; attention runs over at most 2,048 of them, the indexer (64 heads of 128) over all. At 64k tokens
     * a decode step reads 2,048 latents and 65,536 indexer keys per layer, not 65,536 latents.
     */
    @Test
    void sparseAttentionCachesEveryTokenButAttendsToItsTopK() {
        ModelArchitecture m = ModelConfigImport.read(config("deepseek-ai--DeepSeek-V3.2")).architecture();
        assertThat(m.sparse().topK()).isEqualTo(2048);
        double context = 65_536;
        assertThat(m.kvBytesPerSequence(context, 1)).isEqualTo(61 * context * (576 + 128));
        assertThat(m.kvBytesReadPerSequence(context, 1)).isEqualTo(61 * (2048 * 576 + context * 128));
        // per token of a 64k sequence: attention over 2,048 positions, the indexer 2·64·128 over all of them
        assertThat(m.attentionForwardFlopsPerToken(context)).isEqualTo(61 * (2048 * m.attentionShape().flopsPerPosition() + context * 2 * 64 * 128));
        // a short sequence is attended whole
        assertThat(m.kvBytesReadPerSequence(1000, 1)).isEqualTo(m.kvBytesPerSequence(1000, 1));
    }

    /** Nemotron 3 Nano's pattern adds E (MoE) blocks: 23 Mamba-2 and 6 attention mixers, 23 MoE MLPs, none dense. */
    @Test
    void aMambaHybridWithMoeBlocksCountsItsExpertsOnTheEBlocks() {
        ModelArchitecture m = ModelConfigImport.read(config("nvidia--NVIDIA-Nemotron-3-Nano-30B-A3B-BF16")).architecture();
        assertThat(m.layers()).isEqualTo(29);
        assertThat(m.moeLayers()).isEqualTo(23);
        assertThat(m.denseMlpLayers()).isZero();
        assertThat(m.attentionLayers()).isEqualTo(6);
        assertThat(m.moe().sharedExperts()).as("3,712 of shared width in experts of 1,856").isEqualTo(2);
        assertThat(m.hybrid().mixer().stateBytesPerValue()).as("mamba_ssm_cache_dtype float32").isEqualTo(4);
    }

    @Test
    void aHybridWithItsDecisiveFieldDeletedIsRefusedInOneLineNamingIt() {
        assertThatThrownBy(() -> ModelConfigImport.read(config("refused/nvidia--Nemotron-H-56B-without-ssm_state_size")))
                .hasMessageContaining("ssm_state_size: missing").hasMessageContaining("NemotronHForCausalLM")
                .hasMessageContaining("Mamba-2");
        assertThatThrownBy(() -> ModelConfigImport.read(config("refused/Qwen--Qwen3.5-27B-without-linear_num_value_heads")))
                .hasMessageContaining("linear_num_value_heads: missing").hasMessageContaining("Gated DeltaNet");
        for (String name : new String[] {"refused/nvidia--Nemotron-H-56B-without-ssm_state_size",
                "refused/Qwen--Qwen3.5-27B-without-linear_num_value_heads"}) {
            assertThatThrownBy(() -> ModelConfigImport.read(config(name))).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    /**
     * Qwen3.5-27B: 48 of 64 layers Gated DeltaNet (48 value heads and 16 key heads of 128), 16 gated attention layers
     * (24 heads of 256, 4 KV heads). KV grows on the 16: 2 × 4 × 256 × 2 B × 16 = 64 KiB per token; each DeltaNet layer
     * keeps 48 × 128 × 128 fp32 state values (3,145,728 B) and 3 of its 4 convolution inputs over 2·16·128 + 48·128 =
     * 10,240 channels (61,440 B): 153.9 MB per sequence, whatever its length.
     */
    @Test
    void aLinearAttentionHybridKeepsAFixedStateOnItsDeltaNetLayersAndKvOnItsAttentionLayers() {
        ModelArchitecture m = ModelConfigImport.read(config("Qwen--Qwen3.5-27B")).architecture();
        assertThat(m.attentionLayers()).isEqualTo(16);
        assertThat(m.kvValuesPerToken() * 2).isEqualTo(64 * 1024);
        assertThat(m.recurrentStateBytesPerSequence()).isEqualTo(48 * (48 * 128 * 128 * 4.0 + 10_240 * 3 * 2));
        assertThat(m.kvBytesPerSequence(32_768, 2) - m.kvBytesPerSequence(16_384, 2)).as("only attention grows")
                .isEqualTo(16_384 * 64 * 1024.0);
    }

    /**
     * Nemotron-H-56B: 118 blocks, 54 Mamba-2, 10 attention, 54 MLP: 64 mixer layers, 10 of them without an MLP. Each
     * Mamba-2 layer keeps 256 heads × 64 × 256 state values in 16-bit (8,388,608 B) and 3 convolution inputs over
     * 16,384 + 2·8·256 = 20,480 channels (122,880 B); KV grows on 10 layers, 2 × 8 × 128 × 2 B × 10 = 40 KiB per token.
     */
    @Test
    void aMambaHybridKeepsAFixedStateOnItsMambaBlocksAndCountsItsMlpsApart() {
        ModelArchitecture m = ModelConfigImport.read(config("nvidia--Nemotron-H-56B-Base-8K")).architecture();
        assertThat(m.layers()).isEqualTo(64);
        assertThat(m.attentionLayers()).isEqualTo(10);
        assertThat(m.denseMlpLayers()).isEqualTo(54);
        assertThat(m.gatedMlp()).as("squared ReLU, not gated").isFalse();
        assertThat(m.recurrentStateBytesPerSequence()).isEqualTo(54 * (256 * 64 * 256 * 2.0 + 20_480 * 3 * 2));
        assertThat(m.kvValuesPerToken() * 2).isEqualTo(40 * 1024);
    }

    /**
     * The recurrences' own FLOPs per token, by hand. Qwen3.5-27B's 48 DeltaNet layers, 48 value heads of 128 over keys of
     * 128: decode 6·128·128 a head; chunked (64 tokens) + 4·64·(128 + 128). Nemotron-H-56B's 54 Mamba-2 layers, 256 heads
     * of 64, 8 groups of state 256, chunk_size 128: decode 4·256·64 a head; chunked + 2·128·(8·256 + 256·64). Attention
     * layers add their own per position; the recurrence adds the same at any context.
     */
    @Test
    void aRecurrentLayerComputesItsStateUpdateAndItsChunks() {
        ModelArchitecture qwen = ModelConfigImport.read(config("Qwen--Qwen3.5-27B")).architecture();
        assertThat(qwen.recurrenceFlopsPerToken(false)).isEqualTo(48 * 48 * 6 * 128 * 128.0);
        assertThat(qwen.recurrenceFlopsPerToken(true)).isEqualTo(48 * 48 * (6 * 128 * 128 + 4 * 64 * 256.0));
        ModelArchitecture nemotron = ModelConfigImport.read(config("nvidia--Nemotron-H-56B-Base-8K")).architecture();
        assertThat(nemotron.hybrid().mixer().chunkSize()).isEqualTo(128);
        assertThat(nemotron.recurrenceFlopsPerToken(false)).isEqualTo(54 * 256 * 4 * 256 * 64.0);
        assertThat(nemotron.recurrenceFlopsPerToken(true)).isEqualTo(54 * (256 * 4 * 256 * 64.0 + 2 * 128 * (8 * 256 + 256 * 64.0)));
        // what each keeps for the backward, per token and layer: DeltaNet's convolution input 2·10,240, l2-normed q and k
        // 2·4,096, their fp32 norms 4·2·16, v 2·6,144, fp32 gates and β 6·48, A 2·48·64, the gated norm's o and z 4·6,144
        // and the out-projection's input 2·6,144; Mamba-2's in-projection output 2·(2·16,384 + 2·8·256 + 256) and scan
        // output 2·16,384
        assertThat(qwen.hybrid().mixer().trainingBytesPerToken()).isEqualTo(20_480 + 8_192 + 128 + 12_288 + 288 + 6_144 + 24_576 + 12_288);
        assertThat(nemotron.hybrid().mixer().trainingBytesPerToken()).isEqualTo(2 * 37_120 + 2 * 16_384);
        double attention = nemotron.attentionForwardFlopsPerToken(4096) - nemotron.recurrenceFlopsPerToken(true);
        assertThat(attention).isEqualTo(10 * 4096 * 2 * 64 * (128 + 128.0));
        assertThat(nemotron.decodeAttentionFlops(4096) - nemotron.recurrenceFlopsPerToken(false)).isEqualTo(attention);
    }

    @Test
    void visionOnlyAndUnknownFamiliesAreRefused() throws IOException {
        Path vit = write("vit.json", "{\"architectures\": [\"ViTForImageClassification\"], \"model_type\": \"vit\", "
                + "\"hidden_size\": 768, \"num_hidden_layers\": 12, \"num_attention_heads\": 12}");
        assertThatThrownBy(() -> ModelConfigImport.read(vit)).hasMessageContaining("ViTForImageClassification")
                .hasMessageContaining("vision-only");
        // read by structure, a family not known by name is refused only for a field it lacks (Falcon names its MLP width otherwise)
        Path falcon = write("falcon.json", "{\"architectures\": [\"FalconForCausalLM\"], \"model_type\": \"falcon\", "
                + "\"hidden_size\": 4544, \"num_hidden_layers\": 32, \"num_attention_heads\": 71, \"vocab_size\": 65024}");
        assertThatThrownBy(() -> ModelConfigImport.read(falcon)).hasMessageContaining("intermediate_size: missing");
    }

    /**
     * Gemma 4 26B-A4B: 25 sliding-window layers of 8 KV heads × 256 and 5 global layers of 2 KV heads × 512 whose key is
     * their value. Per token 25 × 2·8·256 + 5 × 2·2·512 = 112,640 values (225,280 B at 16 bits); at 32k the window
     * layers keep 1,024 positions: 25 × 4,096 × 1,024 + 5 × 2,048 × 32,768 values. The global layers have no value
     * projection: their attention weights are 2,816 × (16·512 + 2·512) + 16·512 × 2,816. Under TP 4 the global cache
     * splits over its 2 KV heads, the window cache over 4.
     */
    @Test
    void slidingWindowLayersWithTheirOwnHeadsKeepTheirOwnCache() {
        ModelArchitecture m = ModelConfigImport.read(config("google--gemma-4-26B-A4B")).architecture();
        assertThat(m.localLayers()).isEqualTo(25);
        assertThat(m.kvValuesPerToken() * 2).isEqualTo(225_280);
        double window = 25 * 4096 * 1024.0;
        double global = 5 * 2048 * 32_768.0;
        assertThat(m.kvBytesPerSequence(32_768, 2)).isEqualTo(2 * (window + global));
        assertThat(m.kvBytesPerSequence(32_768, 2, 4)).isEqualTo(2 * (window / 4 + global / 2));
        assertThat(m.attentionShape().weights(2816, false)).isEqualTo(2816 * (16 * 512 + 2 * 512) + 16 * 512 * 2816.0);
        assertThat(m.attentionForwardFlopsPerToken(32_768))
                .isEqualTo(25 * 1024 * 2 * 16 * (256 + 256.0) + 5 * 32_768 * 2 * 16 * (512 + 512.0));
        // MiMo-V2-Flash spells it the other way round: the usual fields are the full layers', swa_* the window's
        ModelArchitecture mimo = ModelConfigImport.read(config("XiaomiMiMo--MiMo-V2-Flash")).architecture();
        assertThat(mimo.fullAttentionLayers()).isEqualTo(9);
        assertThat(mimo.kvValuesPerToken()).isEqualTo(9 * 4 * (192 + 128) + 39 * 8 * (192 + 128));
        assertThat(mimo.moe().denseLayers()).as("moe_layer_freq [0, 1, 1, …]").isEqualTo(1);
        assertThat(mimo.attentionShape().valueHeadDim()).isEqualTo(128);
    }

    /**
     * Llama-3.3-Nemotron-Super-49B (Nemotron-NAS): 31 of 80 blocks drop their attention, the 49 left keep 8 KV heads of
     * 128, so KV grows by 49 × 2·8·128 × 2 B = 200,704 B a token. Each MLP has its own width (DeciLM: ffn_mult × h × 2/3
     * up to a multiple of 256); the weights are summed block by block: 2·v·h + 49 attention blocks (2·h·64·128 +
     * 2·h·8·128) + Σ 3·h·width over the 80 MLPs + one norm per kept part and the final one.
     */
    @Test
    void heterogeneousNasBlocksAreSummedLayerByLayer() {
        ModelArchitecture m = ModelConfigImport.read(config("nvidia--Llama-3_3-Nemotron-Super-49B-v1")).architecture();
        double h = 8192;
        assertThat(m.attentionLayers()).isEqualTo(49);
        assertThat(m.mixerLayers()).isEqualTo(49);
        assertThat(m.kvValuesPerToken() * 2).isEqualTo(200_704);
        double widths = 49 * 28_672 + 17_920 + 6 * 14_336 + 10 * 7_168 + 8 * 5_632 + 6 * 2_816;
        assertThat(m.ffnSize()).isEqualTo(widths / 80);
        assertThat(m.hybrid().narrowestMlp()).isEqualTo(2816);
        assertThat(m.hybrid().widestMlp()).isEqualTo(28_672);
        double attention = 49 * (2 * h * 64 * 128 + 2 * h * 8 * 128);
        double norms = (49 + 80 + 1) * h;
        assertThat(m.totalParameters()).isCloseTo(2 * 128_256 * h + attention + 3 * h * widths + norms, within(1.0));
        assertThat(HfNasBlocks.width(1.0, 8192)).isEqualTo(5632);
        assertThat(HfNasBlocks.width(0.5, 8192)).isEqualTo(2816);
        assertThat(HfNasBlocks.width(5.25, 8192)).isEqualTo(28_672);
    }

    @Test
    void aNasBlockLoopLineDoesNotModelIsRefusedNamingTheBlock() throws IOException {
        String nas = Files.readString(config("nvidia--Llama-3_3-Nemotron-Super-49B-v1"));
        int at = nas.indexOf("\"replace_with_linear\": false");
        String linear = nas.substring(0, at) + "\"replace_with_linear\": true" + nas.substring(at + "\"replace_with_linear\": false".length());
        assertThatThrownBy(() -> ModelConfigImport.read(write("ultra.json", linear)))
                .hasMessageContaining("block_configs[0].attention.replace_with_linear").hasMessageContaining("linear layer")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void perLayerEmbeddingsAreRefusedInOneLine() throws IOException {
        String gemma4 = Files.readString(config("google--gemma-4-26B-A4B")).replace("\"hidden_size_per_layer_input\": 0",
                "\"hidden_size_per_layer_input\": 256");
        assertThat(gemma4).contains("\"hidden_size_per_layer_input\": 256");
        assertThatThrownBy(() -> ModelConfigImport.read(write("gemma-4-e4b.json", gemma4)))
                .hasMessageContaining("hidden_size_per_layer_input").hasMessageContaining("per-layer embedding")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aFolderHoldingAConfigIsReadAndNamedAfterTheFolder() throws IOException {
        Path model = Files.createDirectories(dir.resolve("Qwen3-8B"));
        Files.copy(config("Qwen--Qwen3-8B"), model.resolve("config.json"));
        ModelConfigImport imported = ModelConfigImport.read(model);
        assertThat(imported.architecture().name()).isEqualTo("Qwen3-8B");
        assertThat(imported.architecture().totalParameters()).isCloseTo(8.2e9, withinPercentage(2));
        assertThatThrownBy(() -> ModelConfigImport.read(dir)).hasMessageContaining("holds no config.json");
    }

    @Test
    void aCountThatDisagreesWithTheNameIsAWarning() throws IOException {
        String llama8b = Files.readString(config("Qwen--Qwen3-8B"));
        ModelConfigImport imported = ModelConfigImport.read(write("Acme-70B.json", llama8b));
        assertThat(imported.warnings()).singleElement().asString().contains("Acme-70B", "8.2B total", "70.0B");
        Path moe = write("Acme-235B-A2B.json", Files.readString(config("Qwen--Qwen3-235B-A22B")));
        assertThat(ModelConfigImport.read(moe).warnings()).singleElement().asString().contains("active", "2.0B");
    }

    @Test
    void statedSizesAreReadFromTheName() {
        assertThat(StatedSize.of("Qwen/Qwen3-235B-A22B")).isEqualTo(new StatedSize(235e9, 22e9));
        assertThat(StatedSize.of("openai/gpt-oss-120b")).isEqualTo(new StatedSize(120e9, Double.NaN));
        assertThat(StatedSize.of("meta-llama/Llama-4-Scout-17B-16E-Instruct")).isEqualTo(new StatedSize(Double.NaN, 17e9));
        assertThat(StatedSize.of("mistralai/Mixtral-8x7B-v0.1")).isEqualTo(new StatedSize(Double.NaN, Double.NaN));
        assertThat(StatedSize.of("meta-llama/Meta-Llama-3.1-405B")).isEqualTo(new StatedSize(405e9, Double.NaN));
        assertThat(StatedSize.of("moonshotai/Kimi-K2-Instruct")).isEqualTo(new StatedSize(Double.NaN, Double.NaN));
    }

    /** The copies match the shared reference folder when it is there (CI has it as ../shared; a clone may not). */
    @Test
    void theCopiesMatchTheSharedReferenceWhenPresent() throws IOException {
        Path shared = Fixtures.home().resolve("../shared/reference/hf-configs").normalize();
        if (!Files.isDirectory(shared)) {
            return;
        }
        try (Stream<Path> files = Files.list(shared)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.json$", "");
                if (ModelConfigImportTest.class.getResource("/hf-configs/" + name + ".json") != null) {
                    assertThat(config(name)).as(name).hasSameTextualContentAs(f);
                }
            }
        }
    }

    private Path write(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }
}
