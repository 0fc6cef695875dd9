package loopline.present;

import static loopline.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;

import loopline.engine.Estimate;
import org.junit.jupiter.api.Test;

/** A "why?" states the same quantities its figure was computed from. */
class ExplanationsTest {
    private static String input(Explanation x, String name) {
        return x.inputs().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow().value();
    }

    @Test
    void promptFlopsLeaveOutWhatThePrefixCacheServes() {
        Estimate cold = estimate("llama-3.1-8b", "inference.promptTokens=4000");
        Estimate warm = estimate("llama-3.1-8b", "inference.promptTokens=4000", "inference.prefixCacheHitRate=0.75");
        String coldFlops = input(Explanations.explain(Figure.TIME_TO_FIRST_TOKEN, cold), "prompt FLOPs");
        String warmFlops = input(Explanations.explain(Figure.TIME_TO_FIRST_TOKEN, warm), "prompt FLOPs");
        assertThat(coldFlops).isEqualTo(Format.formatFlops(2 * cold.activeParameters() * 4000) + " + attention");
        assertThat(warmFlops).isEqualTo(Format.formatFlops(2 * warm.activeParameters() * 1000) + " + attention");
    }

    @Test
    void theActivationsNoteCountsWhatTheActivationsBarShows() {
        Estimate e = estimate("llama-3.1-8b");
        Segment bar = ChartsFactory.of(e).trainingMemory().rows().get(0).segments().stream()
                .filter(s -> s.styleClass().equals("activations")).findFirst().orElseThrow();
        assertThat(Explanations.explain(Figure.TRAINING_BYTES_PER_PARAMETER, e).note())
                .contains(Format.formatBytes(bar.value()));
    }

    @Test
    void kvPerTokenNamesTheLatentForMlaAndTheWindowForLocalLayers() {
        Explanation mla = Explanations.explain(Figure.INFERENCE_KV_PER_TOKEN, estimate("deepseek-r1"));
        assertThat(input(mla, "kv_lora_rank")).isEqualTo("512");
        assertThat(mla.inputs()).noneMatch(i -> i.name().equals("a_kv"));
        Explanation gqa = Explanations.explain(Figure.INFERENCE_KV_PER_TOKEN, estimate("qwen3-32b"));
        assertThat(input(gqa, "d")).isEqualTo("128");
        Explanation oss = Explanations.explain(Figure.INFERENCE_KV_PER_TOKEN, estimate("gpt-oss-120b"));
        assertThat(oss.note()).contains("50%", "128 tokens", "sliding window");
    }

    @Test
    void fp4SaysWhatItStoresHowMxfp4DiffersAndWhenTheWeightsAreUpcast() {
        Estimate blackwell = estimate("gpt-oss-120b", "inference.gpu=b200", "inference.precision=fp4", "inference.kvCachePrecision=fp4");
        assertThat(Explanations.explain(Figure.INFERENCE_BYTES_PER_PARAMETER, blackwell).note())
                .contains("one fp8 (E4M3) scale per 16", "MXFP4", "per 32 values", "0.5 + 1/32 B", "multiplies fp4 on its tensor cores");
        Explanation kv = Explanations.explain(Figure.INFERENCE_KV_PER_TOKEN, blackwell);
        assertThat(kv.note()).contains("a key and a value per KV head per layer, in fp4 (NVFP4");
        assertThat(input(kv, "bytes")).startsWith("0.56");
        Estimate hopper = estimate("gpt-oss-120b", "inference.gpu=h100-sxm", "inference.precision=fp4");
        assertThat(Explanations.explain(Figure.INFERENCE_BYTES_PER_PARAMETER, hopper).note())
                .contains("has no fp4 units: the weights are upcast to fp8");
        assertThat(Explanations.explain(Figure.INFERENCE_KV_PER_TOKEN, estimate("deepseek-r1")).note())
                .startsWith("Each token stores one compressed latent and one rotary key per layer");
        assertThat(Explanations.explain(Figure.INFERENCE_BYTES_PER_PARAMETER, estimate("llama-3.1-8b")).note()).doesNotContain("MXFP4");
    }
}
