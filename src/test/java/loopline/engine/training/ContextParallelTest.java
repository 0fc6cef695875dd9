package loopline.engine.training;

import static loopline.Fixtures.estimate;
import static loopline.Fixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import loopline.data.InvalidDataException;
import loopline.engine.hardware.CollectiveLink;
import loopline.engine.model.ModelArchitecture;
import org.junit.jupiter.api.Test;

/**
 * Context parallelism (training.contextParallel): each sequence split over c GPUs of a replica, as Llama 3's 128k stage
 * ran it (CP 16) and Megatron's --context-parallel-size and torchtitan's context_parallel_degree do.
 */
class ContextParallelTest {
    /** Llama 3.1 8B at 128k tokens on 64 H100s under FSDP, full recompute: what CP changes. */
    private static final String[] LONG = {"training.gpu=h100-sxm", "training.gpuCount=64", "training.tensorParallel=1",
        "training.zeroStage=3", "training.sequenceLength=131072", "training.microBatchSize=1", "training.activationRecompute=full"};

    private static String[] with(String... more) {
        String[] all = java.util.Arrays.copyOf(LONG, LONG.length + more.length);
        System.arraycopy(more, 0, all, LONG.length, more.length);
        return all;
    }

    @Test
    void eachRankKeepsItsShareOfTheSequencesActivationsAndLogitsAndTheStatesShardOverItsRanksToo() {
        TrainingMemory one = estimate("llama-3.1-8b", LONG).trainingMemory();
        TrainingMemory eight = estimate("llama-3.1-8b", with("training.contextParallel=8")).trainingMemory();
        // 131,072 ÷ 8 = 16,384 tokens a GPU: 12 B × 16,384 × 128,256 of fp32 loss
        assertThat(eight.logitsBytes()).isCloseTo(12.0 * 16_384 * 128_256, withinPercentage(1e-9));
        assertThat(eight.activationsBytes()).isCloseTo(one.activationsBytes() / 8, withinPercentage(1e-9));
        // 64 GPUs = 8 replicas × 8 CP ranks: ZeRO 3 still shards the states over all 64
        assertThat(eight.gradientsBytes()).isCloseTo(one.gradientsBytes(), withinPercentage(1e-9));
        assertThat(one.fitsOnGpu()).isFalse();
        assertThat(eight.fitsOnGpu()).isTrue();
    }

    @Test
    void theBatchFeedsCTimesTheGpusAndTheGradientsAverageOverEveryRank() {
        TrainingSetup one = scenario("llama-3.1-8b", LONG).training();
        TrainingSetup four = scenario("llama-3.1-8b", with("training.contextParallel=4")).training();
        assertThat(four.dataParallel()).isEqualTo(16);
        assertThat(four.shardingRanks()).isEqualTo(64);
        // a 4M-token batch is 30.5 sequences of 128k: one GPU each feeds 30 of 64; four GPUs each feed all 64
        assertThat(TrainingSchedule.gpusTheBatchFeeds(four)).isCloseTo(4 * TrainingSchedule.gpusTheBatchFeeds(one), withinPercentage(1e-9));
        TrainingRun idle = estimate("llama-3.1-8b", LONG).trainingRun();
        TrainingRun fed = estimate("llama-3.1-8b", with("training.contextParallel=4")).trainingRun();
        assertThat(idle.schedule().idleShare()).isGreaterThan(0.5);
        assertThat(fed.schedule().idleShare()).isZero();
        assertThat(fed.tokensPerSecond()).isGreaterThan(1.8 * idle.tokensPerSecond());
    }

    /**
     * The ring by hand: 8 ranks pass each s ÷ 8 block's keys and values on 7 times forward and keys, values and gradients
     * backward (3 × 7), plus 7 for the recomputed forward: 28 transfers of 32 layers × 2·8·128 values × 2 B a token over
     * one H100's NVLink at 80% of 450 GB/s each way. Behind 128k-token attention it hides whole; over 16 ranks, two nodes'
     * NICs, behind 16k-token attention (blocks of 1,024) it outlasts the attention, and the rest waits.
     */
    @Test
    void theRingPassesKeysAndValuesAndHidesBehindTheAttentionItFeeds() {
        TrainingSetup setup = scenario("llama-3.1-8b", with("training.contextParallel=8")).training();
        ModelArchitecture m = scenario("llama-3.1-8b").model();
        double perToken = 28 * 32 * 2 * 8 * 128 * 2.0 / CollectiveLink.pointToPointBytesPerSecond(setup.gpu(), 8);
        assertThat(TrainingStepCost.ringAttentionSeconds(m, setup, 2, 1)).isCloseTo(perToken, withinPercentage(1e-9));
        TrainingStepCost hidden = TrainingStepCost.of(m, setup);
        assertThat(hidden.contextParallelSecondsPerToken()).isZero();
        TrainingSetup acrossNodes = scenario("llama-3.1-8b", with("training.contextParallel=16", "training.sequenceLength=16384")).training();
        TrainingStepCost waiting = TrainingStepCost.of(m, acrossNodes);
        double ring = TrainingStepCost.ringAttentionSeconds(m, acrossNodes, 2, 1);
        double attention = waiting.attentionSecondsPerToken() * TrainingStepCost.FRAMEWORK_EFFICIENCY;
        assertThat(ring).isGreaterThan(attention);
        assertThat(waiting.contextParallelSecondsPerToken() * TrainingStepCost.FRAMEWORK_EFFICIENCY).isCloseTo(ring - attention, withinPercentage(1e-6));
        assertThat(TrainingStepCost.ringAttentionSeconds(m, scenario("llama-3.1-8b", LONG).training(), 2, 1)).isZero();
    }

    @Test
    void aClusterOrSequenceThatDoesNotSplitIsRefusedNamingTheField() {
        assertThatThrownBy(() -> scenario("llama-3.1-8b", with("training.contextParallel=3")))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("training.gpuCount")
                .hasMessageContaining("training.contextParallel = 3");
        assertThatThrownBy(() -> scenario("llama-3.1-8b", with("training.contextParallel=16", "training.sequenceLength=4100")))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("training.contextParallel")
                .hasMessageContaining("2 × 16 = 32 equal chunks");
    }
}
