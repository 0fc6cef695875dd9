package loopline.engine;

import static loopline.Fixtures.CATALOGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModelArchitectureTest {

    static Stream<ModelArchitecture> catalogModels() {
        return CATALOGS.models().values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogModels")
    void parameterCountFromTheArchitectureMatchesThePublishedCountWithinTwoPercent(ModelArchitecture m) {
        assertThat(m.publishedParameters()).as("published count recorded").isPositive();
        assertThat(m.totalParameters()).isCloseTo(m.publishedParameters(), withinPercentage(2));
    }

    @Test
    void theRequiredModelsAreInTheCatalog() {
        assertThat(CATALOGS.models()).containsKeys("llama-2-7b", "llama-2-13b", "llama-2-70b", "llama-3.2-1b",
                "llama-3.2-3b", "llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b", "mistral-7b", "mixtral-8x7b",
                "qwen2.5-7b", "qwen2.5-72b", "deepseek-v3", "gpt-3-175b", "gemma-2-9b", "gemma-2-27b", "phi-3-mini");
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
        assertThat(v3.kvValuesPerTokenPerLayer() * v3.layers() * 2).isEqualTo(70_272); // 61 × 576 × 2 B
        assertThat(v3.kvShards(8)).isEqualTo(1);
    }

    @Test
    void slidingWindowLayersStopGrowingAtTheWindow() {
        ModelArchitecture gemma = CATALOGS.models().get("gemma-2-9b");
        // half the 42 layers see 32k positions, half at most 4096
        assertThat(gemma.layerPositions(32_768)).isEqualTo(21 * 32_768.0 + 21 * 4096.0);
        assertThat(gemma.layerPositions(1000)).isEqualTo(42 * 1000.0);
    }

    @Test
    void derivedModelsHaveExactlyTheRequestedSizeAndARealisticShape() {
        ModelArchitecture m = DerivedArchitecture.ofParameters(70e9);
        assertThat(m.totalParameters()).isCloseTo(70e9, withinPercentage(1e-6));
        assertThat(m.layers()).isBetween(60.0, 90.0);
        assertThat(m.hiddenSize()).isBetween(7000.0, 10_000.0);
        assertThat(m.derived()).isTrue();
        assertThat(DerivedArchitecture.ofParameters(1e8).totalParameters()).isCloseTo(1e8, withinPercentage(1e-6));
        assertThat(DerivedArchitecture.ofParameters(2e12).totalParameters()).isCloseTo(2e12, withinPercentage(1e-6));
    }
}
