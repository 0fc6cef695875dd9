package loopline.engine.serving;

import static loopline.Fixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import loopline.engine.Scenario;
import loopline.engine.hardware.LogCurve;
import loopline.engine.hardware.Precision;
import loopline.engine.model.ModelArchitecture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The serving formulas with their numbers worked by hand, so that changing a constant, a sign or a
 * bound in one of them fails a test (mutation testing found them unpinned by the behavioural tests).
 */
class ServingFormulaTest {

    @Nested
    class QueueingFormulas {
        @Test
        void mdOneWaitIsPollaczekKhinchineWithoutServiceVariance() {
            assertThat(Queueing.mdOneMeanWait(0.5, 2)).isCloseTo(1.0, within(1e-12)); // 0.5·2 ÷ (2·0.5)
            assertThat(Queueing.mdOneMeanWait(0.8, 1)).isCloseTo(2.0, within(1e-12)); // 0.8 ÷ 0.4
            assertThat(Queueing.mdOneMeanWait(1, 1)).isInfinite();
        }

        @Test
        void waitQuantilesFollowAnExponentialTail() {
            assertThat(Queueing.waitQuantile(0.5, 2, 0.99)).isCloseTo(2 * Math.log(50), within(1e-12));
            assertThat(Queueing.waitQuantile(0.5, 2, 0.5)).isZero(); // half the arrivals never wait
            assertThat(Queueing.waitQuantile(0.6, 2, 0.5)).isCloseTo(2 * Math.log(1.2), within(1e-12));
            assertThat(Queueing.waitQuantile(0.005, 2, 0.99)).isZero();
            assertThat(Queueing.waitQuantile(0.5, 0, 0.99)).isZero();
        }

        @Test
        void erlangCMatchesSmallHandWorkedCases() {
            assertThat(Queueing.erlangC(1, 0.5)).isCloseTo(0.5, within(1e-12)); // M/M/1: P(wait) = ρ
            assertThat(Queueing.erlangC(2, 1)).isCloseTo(1.0 / 3, within(1e-12));
            assertThat(Queueing.erlangC(3, 2)).isCloseTo(4.0 / 9, within(1e-12)); // (8/6·3) ÷ (1 + 2 + 2 + 4)
            assertThat(Queueing.erlangC(2, 2)).isEqualTo(1);
            assertThat(Queueing.erlangC(1000, 500)).isZero(); // 15 σ under capacity
            assertThat(Queueing.erlangC(Double.POSITIVE_INFINITY, 1e6)).isZero();
            assertThat(Queueing.erlangC(100, 0)).isZero();
            assertThat(Queueing.erlangC(100, 95)).isBetween(0.5, 0.8);
        }

        @Test
        void poissonQuantilesExactForSmallMeansNormalForLarge() {
            assertThat(Queueing.poissonQuantile(3, 0.5)).isEqualTo(3); // P(≤2) = 0.423, P(≤3) = 0.647
            assertThat(Queueing.poissonQuantile(3, 0.99)).isEqualTo(8); // P(≤7) = 0.988, P(≤8) = 0.996
            assertThat(Queueing.poissonQuantile(0.01, 0.5)).isZero();
            assertThat(Queueing.poissonQuantile(100, 0.99)).isCloseTo(123.26, within(1e-9));
            assertThat(Queueing.poissonQuantile(100, 0.5)).isCloseTo(100, within(1e-9));
            assertThat(Queueing.poissonQuantile(0, 0.99)).isZero();
            assertThat(Queueing.poissonQuantile(50, 0.99)).isEqualTo(67); // still exact at 50
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Queueing.poissonQuantile(3, 0.9))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void theBusiestOfSeveralSharesIsTheMeanPlusItsSpread() {
            assertThat(Queueing.busiest(4, 8, 100)).isCloseTo(4 + Math.sqrt(2 * Math.log(8) * 4), within(1e-12));
            assertThat(Queueing.busiest(4, 8, 5)).isEqualTo(5);
            assertThat(Queueing.busiest(4, 1, 100)).isEqualTo(4);
            assertThat(Queueing.busiest(4, 1, 3)).isEqualTo(3);
            assertThat(Queueing.busiest(0, 8, 100)).isZero();
        }
    }

    @Nested
    class Steps {
        private final Scenario llama70 = scenario("llama-3.1-70b", "inference.gpu=h100-sxm");
        private final Scenario deepseek = scenario("deepseek-v3", "inference.gpu=h200", "inference.precision=fp8");

        /** The power law between two measured points, as {@link loopline.engine.hardware.LogCurve} interpolates, by hand. */
        private double between(double x, double x0, double y0, double x1, double y1) {
            return y0 * Math.pow(y1 / y0, Math.log(x / x0) / Math.log(x1 / x0));
        }

        @Test
        void tensorParallelAllReducesAreTwoPerLayerAtTheMeasuredNvlinkLatencyAndBusBandwidth() {
            StepCost tp8 = new StepCost(llama70.model(), llama70.inference(), ReplicaShape.tensorParallel(8));
            double busBytes = 2.0 * 7 / 8 * 256 * 8192 * 2; // a ring moves 2(t-1)/t of the 256 x 8192 x 2-byte buffer
            double perAllReduce = 3.072e-6 + busBytes / 438.3e9; // H100 8-GPU all-reduce: 3.07 us floor, 438 GB/s bus
            assertThat(tp8.communicationSeconds(256)).isCloseTo(2 * 80 * perAllReduce, withinPercentage(1e-9));
            assertThat(new StepCost(llama70.model(), llama70.inference(), ReplicaShape.tensorParallel(1)).communicationSeconds(256))
                    .isZero();
        }

        @Test
        void pastOneNodeTheAllReducesCrossTheNetwork() {
            StepCost tp16 = new StepCost(llama70.model(), llama70.inference(), ReplicaShape.tensorParallel(16));
            double bytes = 2.0 * 15 / 16 * 256 * 8192 * 2;
            double perAllReduce = 25e-6 + bytes / (50e9 * 0.8);
            assertThat(tp16.communicationSeconds(256)).isCloseTo(2 * 80 * perAllReduce, withinPercentage(1e-9));
        }

        @Test
        void expertParallelismDispatchesInFp8AndCombinesIn16BitAtTheMeasuredAllToAll() {
            StepCost ep8 = new StepCost(deepseek.model(), deepseek.inference(), new ReplicaShape(1, 8));
            double routes = 256.0 / 8 * 8 * 7168 * 7 / 8; // tokens per GPU x k x h x the remote share
            double allToAll = 7.32e-6; // H200 8-GPU all-to-all floor; 297.8 GB/s bus bandwidth
            double perLayer = 2 * allToAll + (routes * 1 + routes * 2) / 297.8e9;
            assertThat(ep8.communicationSeconds(256)).isCloseTo(58 * perLayer, withinPercentage(1e-9));
            // TP 2 inside each group adds one all-reduce per layer and one per dense MLP layer (H200 2-GPU: 2.62 us, 309.5 GB/s)
            StepCost tp2ep8 = new StepCost(deepseek.model(), deepseek.inference(), new ReplicaShape(2, 8));
            double groupTokens = 256.0 / 4;
            double allReduce = 2.619e-6 + 2.0 * 1 / 2 * groupTokens * 7168 * 2 / 309.5e9;
            assertThat(tp2ep8.communicationSeconds(256)).isCloseTo((61 + 3) * allReduce + 58 * perLayer, withinPercentage(1e-9));
            // bf16 experts dispatch in bf16 too
            Scenario bf16 = scenario("deepseek-v3", "inference.gpu=h200", "inference.precision=bf16");
            assertThat(new StepCost(bf16.model(), bf16.inference(), new ReplicaShape(1, 8)).communicationSeconds(256))
                    .isCloseTo(58 * (2 * allToAll + routes * 4 / 297.8e9), withinPercentage(1e-9));
        }

        @Test
        void aLonePromptIsPrefilledOnItsOwnAttentionRank() {
            StepCost dep8 = new StepCost(deepseek.model(), deepseek.inference(), new ReplicaShape(1, 8));
            double decoding = 64;
            double alone = dep8.secondsWithPromptOnOneRank(decoding, 1, 8192);
            // its 8,192 rows on one GPU take longer than the same tokens spread over the 8 ranks, and less than a chunk on every rank
            assertThat(alone).isGreaterThan(dep8.seconds(decoding, 1, 8192)).isLessThan(dep8.seconds(decoding, 1, 8 * 8192));
            // every rank carrying a chunk is the whole replica's prompt budget, with nothing to average
            assertThat(dep8.attentionRanks()).isEqualTo(8);
            // one rank: the lone prompt's chunk is the replica's whole chunk
            StepCost tp8 = new StepCost(llama70.model(), llama70.inference(), ReplicaShape.tensorParallel(8));
            assertThat(tp8.secondsWithPromptOnOneRank(decoding, 1, 8192)).isEqualTo(tp8.seconds(decoding, 1, 8192));
            assertThat(tp8.attentionRanks()).isEqualTo(1);
        }

        @Test
        void everyAttentionRankTakesItsOwnPromptChunkSoAReplicaKeepsUpWithMoreThanOneChunkAStep() {
            // 8,192-token prompts: one DEP 8 replica keeps up with more prompt tokens a step than one rank's 8,192
            Scenario s = scenario("deepseek-v3", "inference.gpu=h200", "inference.precision=fp8", "inference.promptTokens=8192",
                    "inference.outputTokens=64");
            ReplicaShape dep8 = new ReplicaShape(1, 8);
            double saturation = ServingModel.saturationRequestsPerSecond(s.model(), s.inference(), dep8);
            OperatingPoint nearlyFull = ServingModel.at(s.model(), s.inference(), dep8, 0.95 * saturation);
            assertThat(nearlyFull.stable()).isTrue();
            double stepSeconds = nearlyFull.timePerOutputTokenSeconds();
            assertThat(0.95 * saturation * 8192 * stepSeconds).isGreaterThan(ContinuousBatching.PREFILL_CHUNK_TOKENS)
                    .isLessThan(8 * ContinuousBatching.PREFILL_CHUNK_TOKENS);
        }

        @Test
        void theBusiestExpertParallelGpuReadsMoreExpertsThanTheAverage() {
            ModelArchitecture m = deepseek.model();
            StepCost ep8 = new StepCost(m, deepseek.inference(), new ReplicaShape(1, 8));
            StepCost tp8 = new StepCost(m, deepseek.inference(), ReplicaShape.tensorParallel(8));
            double routed = m.routedExpertParameters(); // fp8: one byte each
            double bytesPerExpert = routed / (58 * 256);
            double nonExpert = m.totalParameters() - routed - m.inputEmbeddingParameters();
            // one token reaches 8 experts in each of 58 layers: 464 of 14,848, 58 per GPU on average
            double busiest = 58 + Math.sqrt(2 * Math.log(8) * 58);
            assertThat(ep8.bytesPerGpu(0, 1)).isCloseTo(nonExpert + busiest * bytesPerExpert, withinPercentage(1e-6));
            assertThat(tp8.bytesPerGpu(0, 1)).isCloseTo(nonExpert / 8 + 464.0 / 8 * bytesPerExpert, withinPercentage(1e-6));
        }

        @Test
        void aLoneDecodeStepStreamsTheWeightsAndItsKvAtTheMeasuredRatesAndPaysTheFloors() {
            Scenario s = scenario("llama-3.1-8b", "inference.gpu=h100-sxm", "inference.promptTokens=2000", "inference.outputTokens=250");
            ModelArchitecture m = s.model();
            StepCost one = new StepCost(m, s.inference(), ReplicaShape.tensorParallel(1));
            double weights = (m.totalParameters() - m.inputEmbeddingParameters()) * 2;
            double kv = 131072 * 2125.0; // 128 KiB per token at the average context 2000 + 250/2
            // H100 bf16 GEMMs: 5.264 us per kernel, 129 of them (QKV, output, gate-up, down in 32 layers + the LM head),
            // and 87.14% of 3.35 TB/s
            double dense = 129 * 5.264e-6 + weights / (0.8714 * 3.35e12);
            // decode attention reads 8.7 MB per layer: between the measured 8.39 MB (19.81%) and 16.8 MB (32.67%) points
            double perLayer = kv / 32;
            double attention = 32 * perLayer / (between(perLayer, 8389000, 0.1981, 16780000, 0.3267) * 3.35e12);
            double floor = 2e-4 + 32 * 6e-6;
            assertThat(one.floorSeconds()).isCloseTo(floor, within(1e-15));
            assertThat(one.bytesPerGpu(1, 1)).isCloseTo(weights + kv, withinPercentage(1e-9));
            StepTerms t = one.terms(1, 1, 0);
            assertThat(t.denseMatmulSeconds()).isCloseTo(dense, withinPercentage(1e-6));
            assertThat(t.attentionSeconds()).isCloseTo(attention, withinPercentage(1e-6));
            assertThat(t.denseComputeBound()).isFalse();
            assertThat(one.seconds(1, 1, 0)).isCloseTo(dense + attention + floor, withinPercentage(1e-6));
            assertThat(one.decodeFlopsPerByte(1)).isCloseTo(
                    (2 * m.activeParameters() + m.decodeAttentionFlops(2125)) / (weights + kv),
                    withinPercentage(1e-6));
        }

        @Test
        void aLargePrefillComputesAtTheMeasuredShareOfPeakForThatManyTokens() {
            Scenario s = scenario("llama-3.1-8b", "inference.gpu=h100-sxm", "inference.promptTokens=4096");
            ModelArchitecture m = s.model();
            StepCost one = new StepCost(m, s.inference(), ReplicaShape.tensorParallel(1));
            StepTerms t = one.terms(0, 1, 4096);
            // H100 bf16 GEMMs at 4,096 token rows reach 77.41% of 989 TFLOP/s; prefill attention at a 4,096-token prompt 41.73%
            assertThat(t.denseMatmulSeconds()).isCloseTo(2 * m.activeParameters() * 4096 / (0.7741 * 989e12), withinPercentage(1e-6));
            assertThat(t.denseComputeBound()).isTrue();
            double prefillAttention = m.attentionShape().flopsPerPosition() * m.causalPrefillLayerPositions(4096) / (0.4173 * 989e12);
            assertThat(t.attentionSeconds()).isCloseTo(prefillAttention, withinPercentage(1e-6));
        }

        @Test
        void moeExpertsComputeAtTheGroupedGemmShareForTheirTokensPerExpert() {
            // Qwen3-30B-A3B is one of the measured shapes (h 2048, expert FFN 768, 128 experts, top 8): on H200 in fp8
            // its grouped GEMM reaches 14.1% of 1,978 TFLOP/s at 256 tokens per expert, 10.3% at 128 or fewer
            Scenario s = scenario("qwen3-30b-a3b", "inference.gpu=h200", "inference.precision=fp8");
            ModelArchitecture m = s.model();
            StepCost one = new StepCost(m, s.inference(), ReplicaShape.tensorParallel(1));
            double perRoute = 2 * m.routedExpertParameters() / (48 * 128);
            double tokens = 256.0 * 128 / 8;
            StepTerms t = one.terms(0, 1, tokens);
            assertThat(t.tokensPerExpert()).isCloseTo(256, within(1e-9));
            assertThat(t.expertsComputeBound()).isTrue();
            assertThat(t.expertMatmulSeconds()).isCloseTo(perRoute * tokens * 8 * 48 / (0.141 * 1978e12), withinPercentage(1e-6));
            StepTerms small = one.terms(0, 1, 2048);
            assertThat(small.expertMatmulSeconds()).as("128 tokens per expert: streaming or 10.33% of peak")
                    .isGreaterThanOrEqualTo(perRoute * 2048 * 8 * 48 / (0.1033 * 1978e12) * (1 - 1e-9));
            // under expert parallelism the busiest GPU's routes set the pace
            Scenario ds = deepseek;
            StepCost ep8 = new StepCost(ds.model(), ds.inference(), new ReplicaShape(1, 8));
            StepCost tp8 = new StepCost(ds.model(), ds.inference(), ReplicaShape.tensorParallel(8));
            assertThat(ep8.terms(0, 1, 8192).expertMatmulSeconds()).isGreaterThan(0);
            assertThat(tp8.terms(0, 1, 8192).tokensPerExpert()).isCloseTo(8192.0 * 8 / 256, within(1e-9));
        }

        @Test
        void weightOnlyQuantisationNeverSpeedsAComputeBoundStep() {
            // int4 and int8 (W4A16, W8A16) read fewer bytes but compute in 16-bit: where bf16 is compute-bound, they are no faster
            for (String model : new String[] {"llama-3.1-8b", "llama-3.1-70b", "qwen3-30b-a3b", "gpt-oss-120b", "deepseek-v3"}) {
                for (String gpu : new String[] {"h100-sxm", "b200", "a100-80gb", "l40s", "rtx-pro-6000"}) {
                    Scenario bf16 = scenario(model, "inference.gpu=" + gpu, "inference.precision=bf16");
                    ReplicaShape shape = model.equals("deepseek-v3") ? new ReplicaShape(1, 8) : ReplicaShape.tensorParallel(
                            model.endsWith("70b") || model.equals("gpt-oss-120b") ? 4 : 1);
                    StepCost wide = new StepCost(bf16.model(), bf16.inference(), shape);
                    for (String weightOnly : new String[] {"int8", "int4"}) {
                        Scenario q = scenario(model, "inference.gpu=" + gpu, "inference.precision=" + weightOnly);
                        StepCost narrow = new StepCost(q.model(), q.inference(), shape);
                        for (double tokens = 1; tokens <= 65536; tokens *= 2) {
                            StepTerms t = wide.terms(0, 1, tokens);
                            StepTerms w = narrow.terms(0, 1, tokens);
                            if (t.denseComputeBound()) {
                                assertThat(w.denseMatmulSeconds()).as(model + " " + gpu + " " + weightOnly + " dense at " + tokens)
                                        .isGreaterThanOrEqualTo(t.denseMatmulSeconds() * (1 - 1e-12));
                            }
                            if (t.expertsComputeBound()) {
                                assertThat(w.expertMatmulSeconds()).as(model + " " + gpu + " " + weightOnly + " experts at " + tokens)
                                        .isGreaterThanOrEqualTo(t.expertMatmulSeconds() * (1 - 1e-12));
                            }
                        }
                    }
                }
            }
        }

        @Test
        void aFullyComputeBoundPrefillIsNoFasterInInt4ThanInBf16() {
            Scenario bf16 = scenario("llama-3.1-8b", "inference.gpu=h100-sxm", "inference.precision=bf16");
            Scenario int4 = scenario("llama-3.1-8b", "inference.gpu=h100-sxm", "inference.precision=int4");
            StepCost a = new StepCost(bf16.model(), bf16.inference(), ReplicaShape.tensorParallel(1));
            StepCost b = new StepCost(int4.model(), int4.inference(), ReplicaShape.tensorParallel(1));
            assertThat(b.seconds(0, 1, 8192)).isGreaterThanOrEqualTo(a.seconds(0, 1, 8192) * (1 - 1e-12));
            assertThat(b.seconds(1, 1, 0)).as("a lone decode step reads 4-bit weights: faster").isLessThan(a.seconds(1, 1, 0));
        }

        @Test
        void moeDecodeIntensityCountsTheActiveExperts() {
            ModelArchitecture m = deepseek.model();
            StepCost tp8 = new StepCost(m, deepseek.inference(), ReplicaShape.tensorParallel(8));
            double flops = 64 * (2 * m.activeParameters() + m.decodeAttentionFlops(1125));
            assertThat(tp8.decodeFlopsPerByte(64)).isCloseTo(flops / 8 / tp8.bytesPerGpu(64, 64), withinPercentage(1e-6));
            double kvPerGpu = 64 * m.kvBytesPerSequence(1125, Precision.FP8.kvBytesPerValue()); // MLA's latent is not split by TP
            double readSeconds = tp8.bytesPerGpu(64, 64) / (4.8e12 * 0.7);
            assertThat(tp8.bytesPerGpu(64, 64) - tp8.bytesPerGpu(0, 64)).isCloseTo(kvPerGpu, withinPercentage(1e-6));
            double computeSeconds = 64 * (2 * m.activeParameters()) / 8 / (1979e12 * 0.7 * 0.7)
                    + 64 * m.decodeAttentionFlops(1125) / 8 / (989.5e12 * 0.8 * 0.7);
            assertThat(tp8.decodeMemoryBound(64)).isEqualTo(readSeconds >= computeSeconds);
            assertThat(tp8.decodeMemoryBound(1)).isTrue();
            assertThat(tp8.decodeMemoryBound(16384)).isFalse();
        }

        @Test
        void mlaDecodesWithAbsorbedUpProjections() {
            ModelArchitecture m = deepseek.model();
            assertThat(m.decodeAttentionFlops(1000)).isEqualTo(61 * 1000 * 2 * 128 * (2 * 512 + 64.0));
            assertThat(m.attentionShape().flopsPerPosition()).isEqualTo(2 * 128 * (192 + 128));
            assertThat(llama70.model().decodeAttentionFlops(1000)).isEqualTo(llama70.model().attentionForwardFlopsPerToken(1000));
        }

        @Test
        void speculativeDecodingVerifiesKPlusOnePositionsAndPaysForItsDrafts() {
            Scenario s = scenario("llama-3.1-8b", "inference.speculativeDecoding.enabled=true");
            RequestWork work = RequestWork.of(s.inference());
            StepCost cost = new StepCost(s.model(), s.inference(), ReplicaShape.tensorParallel(1));
            assertThat(work.positionsPerStep()).isEqualTo(5);
            assertThat(work.draftStepsPerStep()).isCloseTo(0.4, within(1e-12));
            assertThat(work.stepSeconds(cost, 8, 100)).isCloseTo(cost.seconds(8, 5, 100) + 0.4 * cost.seconds(8, 1, 0), within(1e-15));
            assertThat(RequestWork.of(scenario("llama-3.1-8b", "inference.prefixCacheHitRate=0.75").inference()).promptTokens())
                    .isEqualTo(250);
        }
    }

    @Nested
    class Batching {
        private final Scenario s = scenario("llama-3.1-8b", "inference.gpu=h100-sxm", "inference.promptTokens=1000",
                "inference.outputTokens=250");
        private final StepCost cost = new StepCost(s.model(), s.inference(), ReplicaShape.tensorParallel(1));

        @Test
        void theContinuousStepTimeIsAFixedPointOfItsOwnLoad() {
            OperatingPoint p = new ContinuousBatching(cost, s.inference()).at(10, Double.POSITIVE_INFINITY);
            double tau = p.timePerOutputTokenSeconds();
            double decoding = 10 * 250 * tau;
            assertThat(cost.seconds(decoding, 1, 10 * 1000 * tau)).isCloseTo(tau, withinPercentage(1e-4));
            // first token: the prompt rides one step, then waits its M/D/1 share of the chunk budget
            double alone = cost.seconds(decoding, 1, 1000);
            double service = 1000 / 8192.0 * cost.seconds(decoding, 1, 8192);
            double rho = 10 * service;
            assertThat(p.prefillUtilisation()).isCloseTo(rho, withinPercentage(1e-6));
            assertThat(p.timeToFirstTokenSeconds()).isCloseTo(alone + rho * service / (2 * (1 - rho)), withinPercentage(1e-4));
            double tail = service / (2 * (1 - rho));
            assertThat(p.latency().ttftP99Seconds()).isCloseTo(alone + tail * Math.log(rho / 0.01), withinPercentage(1e-4));
            assertThat(p.concurrentRequests()).isCloseTo(10 * (p.timeToFirstTokenSeconds() + 250 * tau), withinPercentage(1e-9));
        }

        @Test
        void aRequestsOwnTimePerTokenVariesWithThePromptsPrefilledBesideIt() {
            OperatingPoint p = new ContinuousBatching(cost, s.inference()).at(10, Double.POSITIVE_INFINITY);
            double tau = p.timePerOutputTokenSeconds();
            double decodeOnly = cost.seconds(10 * 250 * tau, 1, 0);
            double overlapping = 10 * 250 * tau;
            double p99 = decodeOnly + (tau - decodeOnly) * Queueing.poissonQuantile(overlapping, 0.99) / overlapping;
            assertThat(p.latency().tpotP99Seconds()).isCloseTo(p99, withinPercentage(1e-4));
            assertThat(p.latency().tpotP50Seconds()).isLessThan(p.latency().tpotP99Seconds());
        }

        @Test
        void longPromptsArePrefilledInChunksOfTheStepBudget() {
            Scenario longPrompt = scenario("llama-3.1-8b", "inference.gpu=h100-sxm", "inference.promptTokens=20000");
            StepCost c = new StepCost(longPrompt.model(), longPrompt.inference(), ReplicaShape.tensorParallel(1));
            OperatingPoint lone = new ContinuousBatching(c, longPrompt.inference()).closedLoop(1);
            // a lone user: its prompt goes through in two full chunks and the rest, each step carrying its own sequence
            double twoChunks = 2 * c.seconds(1, 1, 8192) + c.seconds(1, 1, 20000 - 2 * 8192);
            assertThat(lone.timeToFirstTokenSeconds()).isCloseTo(twoChunks, withinPercentage(2));
        }

        @Test
        void memoryAdmitsNoMoreThanItsSlots() {
            ContinuousBatching b = new ContinuousBatching(cost, s.inference());
            double free = b.saturationRequestsPerSecond(Double.POSITIVE_INFINITY);
            double fewSlots = b.saturationRequestsPerSecond(8);
            assertThat(fewSlots).isLessThan(free);
            OperatingPoint atEdge = b.at(fewSlots * 0.99, 8);
            assertThat(atEdge.runningSequences()).isLessThan(8);
            assertThat(atEdge.latency().ttftP99Seconds()).isGreaterThan(b.at(fewSlots * 0.99, Double.POSITIVE_INFINITY).latency().ttftP99Seconds());
        }

        @Test
        void aFullMemoryAddsAnErlangWaitBeforeThePrefill() {
            ContinuousBatching b = new ContinuousBatching(cost, s.inference());
            double lambda = 0.8 * b.saturationRequestsPerSecond(24);
            OperatingPoint open = b.at(lambda, Double.POSITIVE_INFINITY);
            OperatingPoint full = b.at(lambda, 24);
            double residence = open.timeToFirstTokenSeconds() + 250 * open.timePerOutputTokenSeconds();
            double holding = lambda * residence;
            double pWait = Queueing.erlangC(24, holding);
            double tail = residence / (24 - holding);
            assertThat(pWait).isPositive();
            assertThat(full.runningSequences()).isCloseTo(holding, withinPercentage(1e-9));
            assertThat(full.timeToFirstTokenSeconds()).isCloseTo(open.timeToFirstTokenSeconds() + pWait * tail, withinPercentage(1e-9));
            assertThat(full.latency().ttftP99Seconds()).isCloseTo(open.latency().ttftP99Seconds()
                    + Queueing.waitQuantile(pWait, tail, 0.99), withinPercentage(1e-9));
            assertThat(full.latency().ttftP50Seconds()).isCloseTo(open.latency().ttftP50Seconds()
                    + Queueing.waitQuantile(pWait, tail, 0.5), withinPercentage(1e-9));
            assertThat(full.outputTokensPerSecond()).isCloseTo(lambda * 250, withinPercentage(1e-9));
        }

        @Test
        void speculativeDecodingKeepsSeveralTokensPerStep() {
            Scenario spec = scenario("llama-3.1-8b", "inference.gpu=h100-sxm", "inference.promptTokens=1000",
                    "inference.outputTokens=250", "inference.speculativeDecoding.enabled=true");
            StepCost c = new StepCost(spec.model(), spec.inference(), ReplicaShape.tensorParallel(1));
            RequestWork work = RequestWork.of(spec.inference());
            OperatingPoint p = new ContinuousBatching(c, spec.inference()).at(5, Double.POSITIVE_INFINITY);
            double step = p.timePerOutputTokenSeconds() * work.tokensPerStep();
            double decoding = 5 * 250 * p.timePerOutputTokenSeconds();
            assertThat(work.stepSeconds(c, decoding, 5 * 1000 * step)).isCloseTo(step, withinPercentage(1e-4));
            double decodeOnly = work.stepSeconds(c, decoding, 0) / work.tokensPerStep();
            double tpot = p.timePerOutputTokenSeconds();
            double median = decodeOnly + (tpot - decodeOnly) * Queueing.poissonQuantile(decoding, 0.5) / decoding;
            assertThat(p.latency().tpotP50Seconds()).isCloseTo(median, withinPercentage(1e-4));
        }

        /** A batch of one: its 1,000-token prefill, then 250 decode steps of one sequence. */
        private double cycleOfOneRequest() {
            return cost.seconds(0, 1, 1000) + 250 * cost.seconds(1, 1, 0);
        }

        @Test
        void aBusyStaticReplicaBatchesWhatArrivedDuringThePreviousBatch() {
            StaticBatching b = new StaticBatching(cost, s.inference());
            double cycleOne = cycleOfOneRequest();
            double lambda = 3 / cycleOne;
            OperatingPoint busy = b.at(lambda, Double.POSITIVE_INFINITY);
            double batch = busy.runningSequences();
            double cycle = cost.seconds(0, 1, batch * 1000) + 250 * 2 * batch / (batch + 1) * cost.seconds(batch, 1, 0);
            assertThat(lambda * cycle).isCloseTo(batch, withinPercentage(1e-4));
            double prefill = cost.seconds(0, 1, batch * 1000);
            assertThat(busy.timeToFirstTokenSeconds()).isCloseTo(cycle / 2 + prefill, withinPercentage(1e-4));
            assertThat(busy.latency().ttftP99Seconds()).isCloseTo(0.99 * cycle + prefill, withinPercentage(1e-4));
            assertThat(busy.latency().ttftP50Seconds()).isCloseTo(0.5 * cycle + prefill, withinPercentage(1e-4));
            assertThat(busy.timePerOutputTokenSeconds()).isCloseTo(cost.seconds(batch, 1, 0), withinPercentage(1e-4));
            assertThat(busy.concurrentRequests()).isCloseTo(lambda * (busy.timeToFirstTokenSeconds() + 250 * busy.timePerOutputTokenSeconds()),
                    withinPercentage(1e-9));
            assertThat(busy.prefillUtilisation()).isEqualTo(1);
            assertThat(b.at(lambda, Math.floor(batch)).stable()).isFalse();
            assertThat(b.at(lambda, Math.ceil(batch)).stable()).isTrue();
        }

        @Test
        void aStaticBatchCycleIsItsPrefillThenItsLongestAnswer() {
            StaticBatching b = new StaticBatching(cost, s.inference());
            OperatingPoint four = b.closedLoop(4);
            double cycle = cost.seconds(0, 1, 4 * 1000) + 250 * 2 * 4 / 5.0 * cost.seconds(4, 1, 0);
            assertThat(four.requestsPerSecond()).isCloseTo(4 / cycle, withinPercentage(1e-9));
            assertThat(four.timePerOutputTokenSeconds()).isCloseTo(cost.seconds(4, 1, 0), withinPercentage(1e-9));
            assertThat(four.timeToFirstTokenSeconds()).isCloseTo(cost.seconds(0, 1, 4000), withinPercentage(1e-9));
            assertThat(b.saturationRequestsPerSecond(4)).isCloseTo(4 / cycle, withinPercentage(1e-9));
        }

        @Test
        void aLightlyLoadedStaticReplicaServesOneAtATimeAndQueuesTheRest() {
            StaticBatching b = new StaticBatching(cost, s.inference());
            double cycleOne = cycleOfOneRequest();
            double lambda = 0.5 / cycleOne;
            OperatingPoint p = b.at(lambda, Double.POSITIVE_INFINITY);
            double wait = 0.5 * cycleOne / (2 * 0.5);
            assertThat(p.timeToFirstTokenSeconds()).isCloseTo(wait + cost.seconds(0, 1, 1000), withinPercentage(1e-9));
            assertThat(p.latency().ttftP99Seconds()).isCloseTo(cost.seconds(0, 1, 1000) + wait / 0.5 * Math.log(50), withinPercentage(1e-9));
            assertThat(p.runningSequences()).isCloseTo(0.5, within(1e-9));
            // at twice that rate batches form: each holds what arrived during the one before, and arrivals wait half a cycle
            OperatingPoint busy = b.at(3 / cycleOne, Double.POSITIVE_INFINITY);
            assertThat(busy.runningSequences()).isGreaterThan(1);
            assertThat(b.at(3 / cycleOne, 1.5).stable()).isFalse();
        }
    }

    @Nested
    class Plans {
        @Test
        void replicasRoundUpButNeverWrap() {
            assertThat(ServingPlan.replicasFor(10, 3)).isEqualTo(4);
            assertThat(ServingPlan.replicasFor(9, 3)).isEqualTo(3);
            assertThat(ServingPlan.replicasFor(0.1, 3)).isEqualTo(1);
            assertThat(ServingPlan.replicasFor(1e30, 1e-3)).isEqualTo(Long.MAX_VALUE);
        }

        @Test
        void theShapesConsideredFollowWhatIsPinned() {
            ModelArchitecture dense = scenario("llama-3.1-8b").model();
            ModelArchitecture moe = scenario("deepseek-v3").model();
            ModelArchitecture mixtral = scenario("mixtral-8x7b").model();
            assertThat(ServingPlan.shapes(dense, 4, 0, 8)).containsExactly(ReplicaShape.tensorParallel(4));
            assertThat(ServingPlan.shapes(dense, 0, 8, 8)).hasSize(7).allMatch(sh -> sh.expertParallel() == 1);
            assertThat(ServingPlan.shapes(moe, 0, 0, 8)).hasSize(7 + 6 + 6 + 5 + 4)
                    .contains(new ReplicaShape(1, 64), new ReplicaShape(8, 8)).doesNotContain(new ReplicaShape(16, 16));
            assertThat(ServingPlan.shapes(moe, 0, 8, 8)).containsExactly(new ReplicaShape(1, 8), new ReplicaShape(2, 8),
                    new ReplicaShape(4, 8), new ReplicaShape(8, 8));
            assertThat(ServingPlan.shapes(moe, 2, 1, 8)).containsExactly(ReplicaShape.tensorParallel(2));
            assertThat(ServingPlan.shapes(mixtral, 1, 0, 8)).containsExactly(ReplicaShape.tensorParallel(1), new ReplicaShape(1, 2),
                    new ReplicaShape(1, 4), new ReplicaShape(1, 8));
            // an NVL72 rack adds EP 72, the widest EP on NVLink, for every attention TP that divides it; 8 experts cannot spread 72 ways
            assertThat(ServingPlan.shapes(moe, 0, 0, 72)).hasSize(7 + 6 + 6 + 5 + 4 + 4)
                    .contains(new ReplicaShape(1, 72), new ReplicaShape(8, 72));
            assertThat(ServingPlan.shapes(mixtral, 1, 0, 72)).containsExactly(ReplicaShape.tensorParallel(1), new ReplicaShape(1, 2),
                    new ReplicaShape(1, 4), new ReplicaShape(1, 8));
        }

        @Test
        void expertParallelismHoldsWholeSlotsWithRedundantExpertsWhereItDoesNotDivide() {
            assertThat(new ReplicaShape(1, 64).routedExpertShare(256)).isEqualTo(1.0 / 64);
            // 256 experts over 72 GPUs: 4 slots each, 288 in all (SGLang's EPLB with 32 redundant experts)
            assertThat(new ReplicaShape(1, 72).routedExpertShare(256)).isEqualTo(4.0 / 256);
            assertThat(new ReplicaShape(8, 1).routedExpertShare(256)).isEqualTo(1.0 / 8);
            Scenario sc = scenario("deepseek-v3", "inference.gpu=gb200", "inference.precision=fp8", "inference.tensorParallel=1",
                    "inference.expertParallel=72");
            ModelArchitecture m = sc.model();
            double routed = m.routedExpertParameters();
            double expected = (m.totalParameters() - routed) * 1 + routed * 4 / 256;
            assertThat(new ReplicaModel(m, sc.inference(), new ReplicaShape(1, 72)).weightsPerGpuBytes()).isCloseTo(expected, withinPercentage(1e-9));
        }

        @Test
        void optionsAreCheapestFirstAndTargetsBeforePrice() {
            Estimate e = Estimator.estimate(scenario("llama-3.1-70b", "inference.requestsPerDay=2e7"));
            List<ShapeOption> options = e.serving().options();
            for (int i = 1; i < options.size(); i++) {
                ShapeOption a = options.get(i - 1);
                ShapeOption b = options.get(i);
                assertThat(!a.targetsMet() && b.targetsMet()).isFalse();
                if (a.targetsMet() == b.targetsMet()) {
                    assertThat(a.monthlyCostUsd()).isLessThanOrEqualTo(b.monthlyCostUsd());
                }
            }
            ShapeOption chosen = e.serving().chosen();
            assertThat(chosen.monthlyCostUsd()).isCloseTo(chosen.gpus() * 2.99 * 720, withinPercentage(1e-9));
            assertThat(chosen.gpus()).isEqualTo(chosen.replicas() * chosen.shape().gpus());
            assertThat(e.servingPlan().cost(chosen.shape(), e.serving().peakRequestsPerSecond())).isEqualTo(chosen.monthlyCostUsd());
        }

        @Test
        void aShapeThatMeetsTheTargetsBeatsACheaperOneThatDoesNot() {
            Estimate e = Estimator.estimate(scenario("llama-3.1-70b", "inference.targetTokensPerSecondPerUser=60",
                    "inference.requestsPerDay=1000"));
            ShapeOption chosen = e.serving().chosen();
            assertThat(chosen.targetsMet()).isTrue();
            assertThat(e.serving().options()).anyMatch(o -> !o.targetsMet() && o.monthlyCostUsd() < chosen.monthlyCostUsd());
        }

        @Test
        void shapesThatCannotWinAreLeftOutButNeverTheCheapest() {
            Scenario sc = scenario("deepseek-v3", "inference.gpu=h200", "inference.precision=fp8", "inference.requestsPerDay=1e5");
            Estimate e = Estimator.estimate(sc);
            double peak = e.serving().peakRequestsPerSecond();
            double cheapest = Double.POSITIVE_INFINITY;
            for (ReplicaShape shape : ServingPlan.shapes(sc.model(), 0, 0, 8)) {
                if (ServingModel.sequencesByMemory(sc.model(), sc.inference(), shape) >= 1) {
                    cheapest = Math.min(cheapest, e.servingPlan().cost(shape, peak));
                }
            }
            assertThat(e.serving().monthlyCostUsd()).isEqualTo(cheapest);
            // one 8-GPU replica carries this traffic: every 16-GPU or larger shape was passed over
            assertThat(e.serving().chosen().replicas()).isEqualTo(1);
            assertThat(e.serving().options()).allMatch(o -> o.shape().gpus() <= 8);
        }

        @Test
        void aShapeThatDoesNotFitHasNoReplicasAndMissesItsTargets() {
            Estimate e = Estimator.estimate(scenario("llama-3.1-405b", "inference.gpu=l4", "inference.tensorParallel=1"));
            ShapeOption only = e.serving().options().get(0);
            assertThat(only.capacityRequestsPerSecond()).isZero();
            assertThat(only.replicas()).isZero();
            assertThat(only.targetsMet()).isFalse();
        }

        @Test
        void aTargetMissedByTheFirstTokenAloneStillCountsAsMissed() {
            Estimate e = Estimator.estimate(scenario("llama-3.1-70b", "inference.promptTokens=100000",
                    "inference.targetTimeToFirstTokenSeconds=0.5", "inference.tensorParallel=8"));
            assertThat(e.inferenceSpeed().speedTargetMet()).isTrue();
            assertThat(e.inferenceSpeed().firstTokenTargetMet()).isFalse();
            assertThat(e.serving().chosen().targetsMet()).isFalse();
        }

        @Test
        void aPinnedPlanStillPricesTheFreeShapes() {
            Estimate pinned = Estimator.estimate(scenario("llama-3.1-70b", "inference.tensorParallel=2", "inference.requestsPerDay=2e7"));
            Estimate free = Estimator.estimate(scenario("llama-3.1-70b", "inference.requestsPerDay=2e7"));
            assertThat(pinned.serving().options()).extracting(ShapeOption::shape).containsExactly(ReplicaShape.tensorParallel(2));
            assertThat(pinned.serving().unpinnedBest()).isEqualTo(free.serving().chosen());
            ReplicaShape other = free.serving().chosen().shape();
            assertThat(pinned.servingPlan().cost(other, pinned.serving().peakRequestsPerSecond()))
                    .isEqualTo(free.serving().monthlyCostUsd());
        }
    }

    @Nested
    class Replicas {
        @Test
        void memoryHoldsSequencesAtTheirAverageContextWhenPaged() {
            Scenario s = scenario("llama-3.1-8b", "inference.gpu=h100-sxm", "inference.promptTokens=1000", "inference.outputTokens=250");
            ModelArchitecture m = s.model();
            double weights = m.totalParameters() * 2;
            double perSequence = 131072 * 1125.0 / 0.96;
            long expected = (long) Math.floor((80e9 * 0.9 - weights) / perSequence);
            assertThat(ServingModel.sequencesByMemory(m, s.inference(), ReplicaShape.tensorParallel(1))).isEqualTo(expected);
            Scenario unpaged = scenario("llama-3.1-8b", "inference.gpu=h100-sxm", "inference.promptTokens=1000",
                    "inference.outputTokens=250", "inference.pagedKvCache=false");
            long unpagedExpected = (long) Math.floor((80e9 * 0.9 - weights) / (131072 * 1250.0 / 0.4));
            assertThat(ServingModel.sequencesByMemory(m, unpaged.inference(), ReplicaShape.tensorParallel(1))).isEqualTo(unpagedExpected);
        }

        @Test
        void expertParallelGroupsEachHoldTheirOwnSequences() {
            Scenario s = scenario("deepseek-v3", "inference.gpu=h200", "inference.precision=fp8");
            ModelArchitecture m = s.model();
            double routed = m.routedExpertParameters();
            double weightsPerGpu = (m.totalParameters() - routed) + routed / 8;
            double kvPerSequence = m.kvBytesPerSequence(1000 + 125, Precision.FP8.kvBytesPerValue()) / 0.96; // MLA: one latent per token
            long perGpu = (long) Math.floor((141e9 * 0.9 - weightsPerGpu) / kvPerSequence);
            assertThat(ServingModel.sequencesByMemory(m, s.inference(), new ReplicaShape(1, 8))).isEqualTo(8 * perGpu);
        }

        @Test
        void theMemoryBarAddsWeightsKvInUseAndTheEngineReserve() {
            Estimate e = Estimator.estimate(scenario("llama-3.1-70b", "inference.requestsPerDay=2e7"));
            InferenceMemory m = e.inferenceMemory();
            assertThat(m.perGpuBytes()).isCloseTo(m.weightsPerGpuBytes() + m.kvCachePerGpuBytes() + m.overheadPerGpuBytes(),
                    withinPercentage(1e-9));
            assertThat(m.overheadPerGpuBytes()).isCloseTo(80e9 * 0.1, withinPercentage(1e-9));
            assertThat(m.kvCacheBytes()).isCloseTo(m.kvCachePerGpuBytes() * m.gpusPerReplica(), withinPercentage(1e-9));
            double inUse = e.inferenceSpeed().atPeak().runningSequences() * m.kvCacheBytesPerSequence();
            assertThat(m.kvCacheBytes()).isBetween(0.4 * inUse, 1.1 * inUse); // held at the average context, not the peak
        }

        @Test
        void weightsSplitOverTensorParallelismAndExpertsOverExpertParallelism() {
            Scenario dense = scenario("llama-3.1-70b");
            ModelArchitecture d = dense.model();
            assertThat(new ReplicaModel(d, dense.inference(), ReplicaShape.tensorParallel(4)).weightsPerGpuBytes())
                    .isCloseTo(d.totalParameters() * 2 / 4, withinPercentage(1e-9));
            Scenario moe = scenario("deepseek-v3", "inference.precision=fp8");
            ModelArchitecture m = moe.model();
            double routed = m.routedExpertParameters();
            assertThat(new ReplicaModel(m, moe.inference(), new ReplicaShape(2, 8)).weightsPerGpuBytes())
                    .isCloseTo((m.totalParameters() - routed) / 2 + routed / 8, withinPercentage(1e-9));
        }

        @Test
        void aBatchBeyondWhatMemoryHoldsIsSizedJustUnderSaturation() {
            Scenario sc = scenario("llama-3.1-8b", "inference.gpu=h100-sxm", "inference.batchSize=60000");
            ReplicaModel r = new ReplicaModel(sc.model(), sc.inference(), ReplicaShape.tensorParallel(1));
            double saturation = r.saturationRequestsPerSecond();
            assertThat(r.capacity().requestsPerSecond()).isCloseTo(saturation * 0.999, withinPercentage(1e-9));
            Scenario small = scenario("llama-3.1-8b", "inference.gpu=h100-sxm", "inference.batchSize=4");
            ReplicaModel four = new ReplicaModel(small.model(), small.inference(), ReplicaShape.tensorParallel(1));
            assertThat(four.capacity().requestsPerSecond()).isCloseTo(four.closedLoop(4).requestsPerSecond(), withinPercentage(1e-9));
        }

        @Test
        void capacityStopsWhereATargetWouldBreak() {
            Scenario s = scenario("llama-3.1-8b", "inference.gpu=h100-sxm");
            ReplicaModel r = new ReplicaModel(s.model(), s.inference(), ReplicaShape.tensorParallel(1));
            ReplicaModel.Capacity c = r.capacity();
            assertThat(c.speedTargetMet() && c.firstTokenTargetMet()).isTrue();
            OperatingPoint at = r.at(c.requestsPerSecond());
            OperatingPoint past = r.at(c.requestsPerSecond() * 1.01);
            assertThat(at.tokensPerSecondPerUser()).isGreaterThanOrEqualTo(20 * (1 - 1e-6));
            assertThat(at.latency().ttftP99Seconds()).isLessThanOrEqualTo(2 * (1 + 1e-6));
            assertThat(!past.stable() || past.tokensPerSecondPerUser() < 20 || past.latency().ttftP99Seconds() > 2).isTrue();
        }
    }
}
