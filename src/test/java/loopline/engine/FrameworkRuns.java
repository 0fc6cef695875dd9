package loopline.engine;

/**
 * Published training throughput of tuned frameworks, each run set up as its table states (model, GPUs, parallelism,
 * micro-batch, sequence, recompute; the MPT models by their published parameter counts as derived shapes). Sources:
 * NVIDIA dgxc-benchmarking v25.01 (NeMo 24.09, llama3.1/README_{8b,70b,405b}.md, commit 143b90dd; CP 2, which LoopLine
 * does not model, and TP communication overlap, which it does); MosaicML llm-foundry scripts/train/benchmarking/README.md
 * (FSDP, bf16, tokens/s per GPU as published).
 */
public enum FrameworkRuns {
    NEMO_8B("NeMo Llama 3.1 8B, 8 × H100, bf16", 81_222 / 8.0, true, "llama-3.1-8b", "training.gpu=h100-sxm", "training.gpuCount=8",
            "training.sequenceLength=8192", "training.zeroStage=1", "training.overlapCommunication=true", "training.tensorParallel=1",
            "training.pipelineParallel=1", "training.globalBatchTokens=1048576"),
    NEMO_70B("NeMo Llama 3.1 70B, 64 × H100, bf16, TP 4 × PP 4", 71_235 / 64.0, true, "llama-3.1-70b", "training.gpu=h100-sxm",
            "training.gpuCount=64", "training.sequenceLength=8192", "training.zeroStage=1", "training.overlapCommunication=true",
            "training.tensorParallel=4", "training.pipelineParallel=4", "training.virtualStages=5", "training.globalBatchTokens=1048576"),
    NEMO_405B("NeMo Llama 3.1 405B, 576 × H100, bf16, TP 8 × PP 9", 120_022 / 576.0, true, "llama-3.1-405b", "training.gpu=h100-sxm",
            "training.gpuCount=576", "training.sequenceLength=8192", "training.zeroStage=1", "training.overlapCommunication=true",
            "training.tensorParallel=8", "training.pipelineParallel=9", "training.virtualStages=7", "training.globalBatchTokens=2064384"),
    FOUNDRY_70B_A100("llm-foundry MPT-70B, 64 × A100, FSDP, full recompute", 410, true, "model.parameters=64.86e9",
            "training.gpu=a100-80gb", "training.gpuCount=64", "training.sequenceLength=2048", "training.microBatchSize=8", "training.zeroStage=3",
            "training.activationRecompute=full", "training.tensorParallel=1", "training.pipelineParallel=1", "training.globalBatchTokens=4194304"),
    FOUNDRY_30B_A100("llm-foundry MPT-30B, 8 × A100, FSDP, full recompute", 916, true, "model.parameters=29.98e9", "training.gpu=a100-80gb",
            "training.gpuCount=8", "training.sequenceLength=2048", "training.microBatchSize=3", "training.zeroStage=3",
            "training.activationRecompute=full", "training.tensorParallel=1", "training.pipelineParallel=1", "training.globalBatchTokens=1032192"),
    FOUNDRY_13B_A100("llm-foundry MPT-13B, 8 × A100, FSDP, full recompute, 4k", 2060, true, "model.parameters=12.86e9",
            "training.gpu=a100-80gb", "training.gpuCount=8", "training.sequenceLength=4096", "training.microBatchSize=10", "training.zeroStage=3",
            "training.activationRecompute=full", "training.tensorParallel=1", "training.pipelineParallel=1", "training.globalBatchTokens=983040"),
    FOUNDRY_7B_A100("llm-foundry MPT-7B, 8 × A100, FSDP", 4641, true, "model.parameters=6.66e9", "training.gpu=a100-80gb", "training.gpuCount=8",
            "training.sequenceLength=2048", "training.microBatchSize=6", "training.zeroStage=3", "training.activationRecompute=selective",
            "training.tensorParallel=1", "training.pipelineParallel=1", "training.globalBatchTokens=196608"),
    FOUNDRY_70B_H100("llm-foundry MPT-70B, 64 × H100, FSDP, full recompute", 1039, true, "model.parameters=64.86e9", "training.gpu=h100-sxm",
            "training.gpuCount=64", "training.sequenceLength=2048", "training.microBatchSize=8", "training.zeroStage=3",
            "training.activationRecompute=full", "training.tensorParallel=1", "training.pipelineParallel=1", "training.globalBatchTokens=4194304"),
    FOUNDRY_30B_H100("llm-foundry MPT-30B, 32 × H100, FSDP, full recompute", 2308, true, "model.parameters=29.98e9", "training.gpu=h100-sxm",
            "training.gpuCount=32", "training.sequenceLength=2048", "training.microBatchSize=14", "training.zeroStage=3",
            "training.activationRecompute=full", "training.tensorParallel=1", "training.pipelineParallel=1", "training.globalBatchTokens=2752512"),
    /** Not asserted: the same stack reaches 0.55 of LoopLine's kernel-bound rate here, 0.75–0.79 on its other H100 rows. */
    FOUNDRY_13B_H100("llm-foundry MPT-13B, 32 × H100, FSDP, no recompute (not asserted)", 4811, false, "model.parameters=12.85e9",
            "training.gpu=h100-sxm", "training.gpuCount=32", "training.sequenceLength=2048", "training.microBatchSize=2", "training.zeroStage=3",
            "training.activationRecompute=selective", "training.tensorParallel=1", "training.pipelineParallel=1", "training.globalBatchTokens=131072");

    private final String label;
    private final double published;
    private final boolean asserted;
    private final String model;
    private final String[] sets;

    FrameworkRuns(String label, double publishedTokensPerSecondPerGpu, boolean asserted, String model, String... sets) {
        this.label = label;
        this.published = publishedTokensPerSecondPerGpu;
        this.asserted = asserted;
        this.model = model;
        this.sets = sets;
    }

    public Estimate estimate() {
        return loopline.Fixtures.estimate(model, sets);
    }

    public double tokensPerSecondPerGpu() {
        Estimate e = estimate();
        return e.trainingRun().tokensPerSecond() / e.scenario().training().gpuCount();
    }

    public double published() {
        return published;
    }

    public boolean asserted() {
        return asserted;
    }

    @Override
    public String toString() {
        return label;
    }
}
