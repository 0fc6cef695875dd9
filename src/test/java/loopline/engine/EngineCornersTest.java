package loopline.engine;

import static loopline.Fixtures.estimate;
import static loopline.Fixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import loopline.engine.economics.ServingCost;
import loopline.engine.hardware.Gpu;
import loopline.engine.hardware.Precision;
import loopline.engine.model.ModelArchitecture;
import loopline.engine.model.Moe;
import loopline.engine.model.MultiHeadLatentAttention;
import loopline.engine.model.SlidingWindow;
import loopline.engine.serving.InferenceSpeed;
import loopline.engine.serving.SpeculativeDecoding;
import loopline.engine.training.LoraAdapters;
import loopline.engine.training.LoraTargets;
import org.junit.jupiter.api.Test;

/**
 * Corners of the engine the larger tests pass by, worked by hand: LoRA on MLA attention, speculative
 * decoding's limits, local-attention prefill, the ridge point, sweeps and the per-token bill.
 */
class EngineCornersTest {

    @Test
    void loraOnLatentAttentionAdaptsTheQueryPathTheLatentAndTheOutput() {
        ModelArchitecture m = scenario("deepseek-v3").model();
        // h 7,168, 128 heads, q rank 1,536, kv rank 512, 128 + 64 query/key, 128 value, 61 layers
        double query = (7168 + 1536) + (1536 + 128 * 192);
        double queryValue = query + 512 + 128 * (128 + 128);
        double attention = queryValue + (7168 + 512 + 64) + (128 * 128 + 7168);
        assertThat(LoraAdapters.parameters(m, 8, LoraTargets.QUERY_VALUE)).isEqualTo(8 * queryValue * 61);
        assertThat(LoraAdapters.parameters(m, 16, LoraTargets.ATTENTION)).isEqualTo(16 * attention * 61);
        assertThat(LoraAdapters.activeParameters(m, 16, LoraTargets.ATTENTION)).isEqualTo(16 * attention * 61);
    }

    @Test
    void loraOnGroupedQueryAttentionCountsEachProjection() {
        ModelArchitecture m = scenario("llama-3.1-8b").model();
        double q = 4096 + 4096;
        double kv = 4096 + 1024;
        assertThat(LoraAdapters.parameters(m, 16, LoraTargets.ATTENTION)).isEqualTo(16 * 32 * (q + 2 * kv + q));
        assertThat(LoraAdapters.parameters(m, 16, LoraTargets.QUERY_VALUE)).isEqualTo(16 * 32 * (q + kv));
        // all-linear adds the SwiGLU MLP: gate and up 4,096 → 14,336, down back
        assertThat(LoraAdapters.parameters(m, 16, LoraTargets.ALL_LINEAR))
                .isEqualTo(16 * 32 * (q + 2 * kv + q + 3 * (4096 + 14336)));
    }

    @Test
    void loraOnExpertsCountsEveryExpertButATokenPassesOnlyItsOwn() {
        ModelArchitecture m = scenario("mixtral-8x7b").model();
        double attention = (4096 + 4096) + 2 * (4096 + 1024) + (4096 + 4096);
        double expert = 3 * (4096 + 14336);
        double router = 4096 + 8;
        assertThat(LoraAdapters.parameters(m, 8, LoraTargets.ALL_LINEAR)).isEqualTo(8 * 32 * (attention + router + 8 * expert));
        assertThat(LoraAdapters.activeParameters(m, 8, LoraTargets.ALL_LINEAR)).isEqualTo(8 * 32 * (attention + router + 2 * expert));
    }

    @Test
    void speculativeDecodingKeepsBetweenOneAndKPlusOneTokensPerStep() {
        assertThat(new SpeculativeDecoding(false, 4, 0.7, 0.1).expectedTokensPerStep()).isEqualTo(1);
        assertThat(new SpeculativeDecoding(true, 4, 1.0, 0.1).expectedTokensPerStep()).isEqualTo(5);
        assertThat(new SpeculativeDecoding(true, 4, 0.0, 0.1).expectedTokensPerStep()).isEqualTo(1);
        assertThat(new SpeculativeDecoding(true, 2, 0.5, 0.1).expectedTokensPerStep()).isCloseTo(1.75, within(1e-12));
    }

    @Test
    void localAttentionPrefillStopsGrowingPastItsWindowOrChunk() {
        SlidingWindow window = new SlidingWindow(1000, 0.5, false);
        SlidingWindow chunks = new SlidingWindow(1000, 0.5, true);
        assertThat(window.causalPrefillPositions(400)).isEqualTo(400 * 400 / 2.0);
        assertThat(window.causalPrefillPositions(3000)).isEqualTo(1000 * 1000 / 2.0 + 2000 * 1000);
        assertThat(chunks.causalPrefillPositions(3000)).isEqualTo(3000 * 1000 / 2.0);
        assertThat(chunks.positionsHeld(3000)).isEqualTo(1000);
        assertThat(window.positionsHeld(400)).isEqualTo(400);
    }

    @Test
    void theRidgePointIsTheSixteenBitPeakOverBandwidth() {
        Gpu h100 = scenario("llama-3.1-8b", "inference.gpu=h100-sxm").inference().gpu();
        assertThat(h100.ridgePointFlopsPerByte()).isCloseTo(989.5e12 / 3.35e12, withinPercentage(1e-9));
        Gpu t4 = scenario("llama-3.1-8b", "inference.gpu=t4").inference().gpu();
        assertThat(t4.ridgePointFlopsPerByte()).isCloseTo(65e12 / 320e9, withinPercentage(1e-9)); // no bf16: fp16
        assertThat(t4.inferenceComputeFormat(Precision.INT4)).isEqualTo(Precision.FP16);
        assertThat(t4.inferenceComputeFormat(Precision.FP8)).isEqualTo(Precision.FP16);
        assertThat(h100.inferenceComputeFormat(Precision.FP8)).isEqualTo(Precision.FP8);
        assertThat(h100.inferenceComputeFormat(Precision.FP4)).isEqualTo(Precision.FP8);
    }

    @Test
    void sweepsEvaluateEveryPointOfALogSpace() {
        double[] xs = Sweep.logSpace(10, 1000, 3);
        assertThat(xs).containsExactly(new double[] {10, 100, 1000}, within(1e-9));
        Scenario s = scenario("llama-3.1-8b");
        double[] bills = Sweep.evaluate(s, Sweep.REQUESTS_PER_DAY, xs, e -> e.scenario().inference().requestsPerDay());
        assertThat(bills).containsExactly(xs);
        Estimate[] es = Sweep.estimates(s, Sweep.REQUESTS_PER_DAY, xs);
        assertThat(es).hasSize(3);
        assertThat(es[2].scenario().inference().requestsPerDay()).isEqualTo(1000); // the last point is exactly the end
    }

    @Test
    void theBillPerMillionOutputTokensIsThePerRequestBillOverItsAnswer() {
        Estimate e = estimate("llama-3.1-8b", "inference.outputTokens=400", "inference.requestsPerDay=1e6");
        ServingCost c = e.serving();
        assertThat(c.costPerRequestUsd()).isCloseTo(c.monthlyCostUsd() / (1e6 * 30), withinPercentage(1e-9));
        assertThat(c.costPerMillionOutputTokensUsd()).isCloseTo(c.costPerRequestUsd() / 400 * 1e6, withinPercentage(1e-9));
        InferenceSpeed sp = e.inferenceSpeed();
        assertThat(sp.tokensPerSecondPerReplica()).isCloseTo(sp.requestsPerSecondPerReplica() * 400, withinPercentage(1e-9));
        assertThat(sp.latencyTargetMet()).isEqualTo(sp.speedTargetMet() && sp.firstTokenTargetMet());
        Estimate slow = estimate("llama-3.1-70b", "inference.targetTokensPerSecondPerUser=1000");
        assertThat(slow.inferenceSpeed().speedTargetMet()).isFalse();
        assertThat(slow.inferenceSpeed().latencyTargetMet()).isFalse();
    }

    /** A toy transformer small enough to count by hand: 2 layers, h 8, 2 heads of 4, 1 KV head, FFN 16, vocabulary 10. */
    private static ModelArchitecture toy(boolean qkvBias, boolean linearBias, Moe moe, MultiHeadLatentAttention mla) {
        return new ModelArchitecture("toy", "toy", 2, 8, 2, 1, 4, 4, false, 16, 10, false, true, qkvBias, linearBias, moe, mla, null, null, null,
                Double.NaN, false, "test", 0);
    }

    @Test
    void parametersAreCountedMatrixByMatrix() {
        // embeddings in and out 2·10·8 = 160; final norm 8; per layer two norms 16
        // attention: q 8×8, k and v 8×4 each, o 8×8 = 192; SwiGLU MLP: 3·8·16 = 384
        assertThat(toy(false, false, null, null).totalParameters()).isEqualTo(160 + 2 * (192 + 16) + 2 * 384 + 8);
        // q, k, v biases 8 + 4 + 4
        assertThat(toy(true, false, null, null).totalParameters()).isEqualTo(160 + 2 * (192 + 16 + 16) + 2 * 384 + 8);
        // every linear layer biased: q, k, v and o (16 + 8), gate and up (2·16) and down (8)
        assertThat(toy(false, true, null, null).totalParameters()).isEqualTo(160 + 2 * (192 + 24 + 16) + 2 * (384 + 40) + 8);
    }

    @Test
    void latentAttentionIsCountedThroughItsLowRankProjections() {
        // no query compression: q h·a·(2 + 2) = 64; kv down h·(4 + 2) + its norm 4, up 4·a·(2 + 4) = 48; o a·4·h = 64
        MultiHeadLatentAttention plain = new MultiHeadLatentAttention(0, 4, 2, 2, 4);
        assertThat(toy(false, false, null, plain).totalParameters()).isEqualTo(160 + 2 * (64 + 52 + 48 + 64 + 16) + 2 * 384 + 8);
        // query rank 3: down h·3, its norm 3, up 3·a·4 = 24
        MultiHeadLatentAttention compressed = new MultiHeadLatentAttention(3, 4, 2, 2, 4);
        assertThat(toy(false, false, null, compressed).totalParameters())
                .isEqualTo(160 + 2 * (24 + 3 + 24 + 52 + 48 + 64 + 16) + 2 * 384 + 8);
    }

    @Test
    void expertsCountInFullButATokenUsesItsActiveAndSharedOnes() {
        // layer 1 dense, layer 2 MoE: router 8·4, 4 routed + 1 shared experts of 3·8·8 = 192
        Moe moe = new Moe(4, 1, 8, 1, 1, 1);
        ModelArchitecture m = toy(false, false, moe, null);
        double common = 160 + 2 * (192 + 16) + 384 + 8 + 32;
        assertThat(m.totalParameters()).isEqualTo(common + 5 * 192);
        assertThat(m.activeParameters()).isEqualTo(common + 2 * 192);
        assertThat(m.routedExpertParameters()).isEqualTo(4 * 192);
        // with biases the router gains one per expert and each expert 2·8 + 8: the MoE layer replaces a 424-weight MLP
        assertThat(toy(false, true, moe, null).totalParameters() - toy(false, true, null, null).totalParameters())
                .isEqualTo(4 * (8 + 1) + 5 * (192 + 24) - (384 + 40));
    }
}
