package loopline.engine.model;

import static loopline.Fixtures.CATALOGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModelArchitectureTest {

    static Stream<String> catalogIds() {
        return CATALOGS.models().keySet().stream();
    }

    /**
     * Total and (for MoE) active counts computed from the shape match the published ones: within 2%, or 4%
     * where only a rounded figure is published ("17B active"). Vendors differ on whether "active" counts the
     * input embedding (a lookup, not a matmul): OpenAI leaves it out, Meta and DeepSeek count it; the entry says which.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogIds")
    void parameterCountsFromTheArchitectureMatchThePublishedCounts(String id) {
        ModelArchitecture m = CATALOGS.models().get(id);
        JsonNode entry = CATALOGS.modelEntries().get(id);
        double tolerance = entry.path("publishedRounded").asBoolean(false) ? 4 : 2;
        assertThat(m.publishedParameters()).as("published count recorded").isPositive();
        assertThat(entry.path("source").asText()).as("source recorded").isNotBlank();
        assertThat(m.totalParameters()).isCloseTo(m.publishedParameters(), withinPercentage(tolerance));
        if (m.moe() != null) {
            assertThat(entry.has("publishedActiveParameters")).as("MoE entries record the published active count").isTrue();
            double active = loopline.Fixtures.activeAsTheCardCounts(m, entry).parameters();
            assertThat(active).isCloseTo(entry.get("publishedActiveParameters").asDouble(), withinPercentage(tolerance));
        }
    }

    @Test
    void theRequiredModelsAreInTheCatalog() {
        assertThat(CATALOGS.models()).containsKeys("llama-2-7b", "llama-2-13b", "llama-2-70b", "llama-3.2-1b",
                "llama-3.2-3b", "llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b", "mistral-7b", "mixtral-8x7b",
                "qwen2.5-7b", "qwen2.5-72b", "deepseek-v3", "gpt-3-175b", "gemma-2-9b", "gemma-2-27b", "phi-3-mini",
                "qwen3-8b", "qwen3-32b", "qwen3-30b-a3b", "qwen3-235b-a22b", "gpt-oss-20b", "gpt-oss-120b",
                "llama-4-scout", "llama-4-maverick", "deepseek-r1", "kimi-k2", "gemma-3-27b", "phi-4", "llama-3.3-70b");
    }

    @Test
    void maverickHasExpertsOnEverySecondLayerOnlyAndDenseMlpsBetween() {
        ModelArchitecture maverick = CATALOGS.models().get("llama-4-maverick");
        assertThat(maverick.moeLayers()).isEqualTo(24);
        assertThat(maverick.denseMlpLayers()).isEqualTo(24);
        // 24 layers × 128 routed experts × 3·5120·8192 weights
        assertThat(maverick.routedExpertParameters()).isEqualTo(24 * 128 * 3.0 * 5120 * 8192);
        assertThat(CATALOGS.models().get("kimi-k2").moeLayers()).isEqualTo(60); // first layer dense
    }

    @Test
    void chunkedAttentionKeepsOneChunkAndPrefillsChunkByChunk() {
        ModelArchitecture scout = CATALOGS.models().get("llama-4-scout");
        // 36 of 48 layers chunked at 8192 tokens, 12 global
        assertThat(scout.layerPositions(100_000)).isEqualTo(12 * 100_000.0 + 36 * 8192.0);
        // a chunked layer's prefill: 12.5 chunks of 8192²/2 each = 100000 · 8192 / 2
        assertThat(scout.causalPrefillLayerPositions(100_000))
                .isEqualTo(12 * 100_000.0 * 100_000 / 2 + 36 * 100_000.0 * 8192 / 2);
        assertThat(scout.causalPrefillLayerPositions(1000)).isEqualTo(48 * 1000.0 * 1000 / 2);
    }

    @Test
    void theHeadWidthIsTheConfigsNotHiddenOverHeads() {
        ModelArchitecture qwen = CATALOGS.models().get("qwen3-32b"); // 5120 / 64 = 80, but head_dim 128
        assertThat(qwen.attentionShape().kvValuesPerToken()).isEqualTo(2 * 8 * 128);
        assertThat(qwen.attentionShape().flopsPerPosition()).isEqualTo(2 * 64 * (128 + 128));
    }

    @Test
    void gptOssCountsItsBiasesAndAlternatesWindowedLayers() {
        ModelArchitecture small = CATALOGS.models().get("gpt-oss-20b");
        // OpenAI's model card: 19.12B in the MLP (experts, their biases and routers), 0.64B attention, 1.16B embeddings
        assertThat(small.routedExpertParameters()).isCloseTo(19.11e9, withinPercentage(0.2));
        assertThat(small.layerPositions(10_000)).isEqualTo(12 * 10_000.0 + 12 * 128.0);
        assertThat(small.headDim() * small.attentionHeads()).isNotEqualTo(small.hiddenSize()); // 64 × 64 = 4096 ≠ 2880
    }

    @Test
    void llama2SevenBCountsByHand() {
        // embeddings 2·32000·4096; per layer 4·4096² attention + 3·4096·11008 MLP + 2·4096 norms; final norm 4096
        double perLayer = 4.0 * 4096 * 4096 + 3.0 * 4096 * 11008 + 2 * 4096;
        double expected = 2.0 * 32000 * 4096 + 32 * perLayer + 4096;
        assertThat(CATALOGS.models().get("llama-2-7b").totalParameters()).isEqualTo(expected);
    }

    @Test
    void moeModelsCountActiveParametersFromTheRoutedExperts() {
        assertThat(CATALOGS.models().get("mixtral-8x7b").activeParameters()).isCloseTo(12.9e9, withinPercentage(2));
        assertThat(CATALOGS.models().get("deepseek-v3").activeParameters()).isCloseTo(37e9, withinPercentage(2));
    }

    @Test
    void mlaCachesTheLatentAndRopeKeyOnly() {
        ModelArchitecture v3 = CATALOGS.models().get("deepseek-v3");
        assertThat(v3.kvValuesPerToken() * 2).isEqualTo(70_272); // 61 × 576 × 2 B
        assertThat(v3.kvBytesPerSequence(4096, 2, 8)).as("MLA's latent is replicated over TP").isEqualTo(v3.kvBytesPerSequence(4096, 2));
    }

    @Test
    void slidingWindowLayersStopGrowingAtTheWindow() {
        ModelArchitecture gemma = CATALOGS.models().get("gemma-2-9b");
        // half the 42 layers see 32k positions, half at most 4096
        assertThat(gemma.layerPositions(32_768)).isEqualTo(21 * 32_768.0 + 21 * 4096.0);
        assertThat(gemma.layerPositions(1000)).isEqualTo(42 * 1000.0);
    }

    @Test
    void derivedModelsHaveTheRequestedSizeAndARealisticShape() {
        ModelArchitecture m = DerivedArchitecture.ofParameters(70e9);
        assertThat(m.totalParameters()).isCloseTo(70e9, withinPercentage(0.01));
        assertThat(m.layers()).isBetween(60.0, 90.0);
        assertThat(m.hiddenSize()).isBetween(7000.0, 10_000.0);
        assertThat(m.ffnSize() / m.hiddenSize()).isBetween(3.0, 4.5);
        assertThat(m.derived()).isTrue();
        assertThat(DerivedArchitecture.ofParameters(1e8).totalParameters()).isCloseTo(1e8, withinPercentage(0.01));
        assertThat(DerivedArchitecture.ofParameters(2e12).totalParameters()).isCloseTo(2e12, withinPercentage(0.01));
    }

    @Test
    void aDerivedFiveHundredBillionModelHasWholeHeadsInKvGroupsAndALargeVocabulary() {
        ModelArchitecture m = DerivedArchitecture.ofParameters(500e9);
        assertThat(m.attentionHeads() % m.kvHeads()).isZero();
        assertThat(m.kvHeads()).isEqualTo(8);
        assertThat(m.vocabSize()).isBetween(150_000.0, 262_144.0); // Llama 4 (400B) 202k, Kimi K2 (1T) 164k
        assertThat(DerivedArchitecture.ofParameters(1e8).vocabSize()).isEqualTo(32_000);
        assertThat(DerivedArchitecture.ofParameters(8e9).vocabSize()).isBetween(64_000.0, 152_000.0);
    }
}
