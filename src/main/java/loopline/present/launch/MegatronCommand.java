package loopline.present.launch;

import static loopline.present.Format.formatBytes;
import static loopline.present.Format.formatCount;
import static loopline.present.Format.formatDuration;
import static loopline.present.Format.formatPercent;

import java.util.ArrayList;
import java.util.List;
import loopline.engine.Estimate;
import loopline.engine.model.ModelArchitecture;
import loopline.engine.training.TrainingMethod;
import loopline.engine.training.TrainingSetup;

/**
 * Megatron-LM's parallelism, batch, precision and recompute flags for the training an estimate assumed, as
 * {@code pretrain_gpt.py} spells them (megatron/training/arguments.py and the config dataclasses it generates flags
 * from, 2026). The model's architecture, tokenizer and data flags are the model's own and come from the caller's
 * arguments ("$@"): LoopLine decides how the run is split and batched, not how the model is defined.
 */
final class MegatronCommand {
    private MegatronCommand() {
    }

    static List<String> lines(Estimate e) {
        TrainingSetup t = e.scenario().training();
        ModelArchitecture m = e.scenario().model();
        if (t.method().trainsAdapters()) {
            throw new IllegalArgumentException("no Megatron-LM launch: pretrain_gpt.py trains no " + t.method().id()
                    + " adapters (NeMo's and Megatron-Bridge's PEFT recipes do)");
        }
        List<String> notes = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        flags.add("--tensor-model-parallel-size " + t.tensorParallel());
        if (t.tensorParallel() > 1) {
            flags.add("--sequence-parallel");
        }
        flags.add("--pipeline-model-parallel-size " + t.pipelineParallel());
        if (t.pipelineParallel() > 1) {
            double perChunk = m.layers() / (t.pipelineParallel() * (double) t.virtualStages());
            if (t.virtualStages() > 1 && perChunk == Math.rint(perChunk)) {
                flags.add("--num-layers-per-virtual-pipeline-stage " + (long) perChunk);
            } else if (t.virtualStages() > 1) {
                notes.add("# LoopLine assumed " + t.virtualStages() + " virtual stages; " + (long) m.layers() + " layers do not split evenly into them.");
            }
            if (t.balancedPipeline()) {
                // Megatron counts the embedding and the loss as a layer each: the first and last stages get one layer fewer
                flags.add("--account-for-embedding-in-pipeline-split");
                flags.add("--account-for-loss-in-pipeline-split");
            }
        }
        if (t.contextParallel() > 1) {
            flags.add("--context-parallel-size " + t.contextParallel());
        }
        int ep = t.expertParallel(m);
        if (ep > 1) {
            flags.add("--expert-model-parallel-size " + ep);
        }
        long sequences = Math.max(1, Math.round(t.globalBatchTokens() / t.sequenceLength()));
        // Megatron splits the global batch evenly: a whole number of micro-batches on every data-parallel rank
        long split = (long) t.microBatchSize() * t.dataParallel();
        long even = Math.max(split, Math.round(sequences / (double) split) * split);
        if (even != sequences) {
            notes.add("# Megatron needs the global batch in whole micro-batches on each of the " + t.dataParallel()
                    + " data-parallel ranks: " + formatCount(even) + " sequences (" + formatCount(even * t.sequenceLength())
                    + " tokens) where LoopLine assumed " + formatCount(sequences) + ", so each step is that much longer and there"
                    + " are fewer of them.");
            sequences = even;
        }
        flags.add("--micro-batch-size " + (long) t.microBatchSize());
        flags.add("--global-batch-size " + sequences);
        flags.add("--seq-length " + (long) t.sequenceLength());
        flags.add("--train-iters " + (long) Math.ceil(t.tokensTrained() / (sequences * t.sequenceLength())));
        precision(t, flags);
        optimizer(t, flags, notes);
        zero(t, flags);
        recompute(t, m, flags, notes);
        switch (t.loss()) {
            case FUSED -> flags.add("--cross-entropy-loss-fusion");
            case CHUNKED -> notes.add("# LoopLine assumed a chunked loss; Megatron's nearest is its fused one (--cross-entropy-loss-fusion).");
            default -> { }
        }
        if (t.overlapCommunication() && t.tensorParallel() > 1) {
            flags.add("--tp-comm-overlap");
        }
        if (t.method() == TrainingMethod.FULL) {
            flags.add("--finetune");
            notes.add("# A full fine-tune: add --load with the model's checkpoint in Megatron's format.");
        }

        List<String> lines = new ArrayList<>();
        int nodes = (int) Math.ceil(t.gpuCount() / (double) Math.min(t.gpuCount(), t.gpu().nvlinkDomainGpus()));
        int perNode = Math.min(t.gpuCount(), t.gpu().nvlinkDomainGpus());
        lines.add("# " + m.name() + " " + t.method().id() + " on " + formatCount(t.gpuCount()) + " × " + t.gpu().name() + " ("
                + nodes + " node" + (nodes == 1 ? "" : "s") + " of " + perNode + "), " + formatCount(t.tokensTrained()) + " tokens.");
        lines.add("# LoopLine expects " + formatDuration(e.trainingRun().wallClockSeconds()) + " at " + formatCount(e.trainingRun().tokensPerSecond())
                + " tokens/s over the cluster (" + formatPercent(e.trainingRun().clusterMfu(t.gpuCount())) + " MFU) and "
                + formatBytes(e.trainingMemory().perGpuBytes()) + " per GPU; one step of " + formatCount(sequences * t.sequenceLength())
                + " tokens every " + formatDuration(e.trainingRun().schedule().stepSeconds()) + ".");
        lines.add("# Pass your model's architecture, tokenizer and data flags to this script; run it on every node, with");
        lines.add("# TORCHRUN_ARGS=\"--node-rank N --master-addr HOST --master-port PORT\" (or your cluster's launcher).");
        lines.addAll(notes);
        lines.addAll(LaunchConfig.command("torchrun --nnodes " + nodes + " --nproc-per-node " + perNode
                + " ${TORCHRUN_ARGS} pretrain_gpt.py \"$@\"", flags));
        return lines;
    }

    private static void precision(TrainingSetup t, List<String> flags) {
        switch (t.precision()) {
            case BF16 -> flags.add("--bf16");
            case FP16 -> flags.add("--fp16");
            case FP8 -> {
                flags.add("--bf16");
                flags.add("--fp8-format hybrid");
            }
            default -> { } // fp32: Megatron's default
        }
    }

    private static void optimizer(TrainingSetup t, List<String> flags, List<String> notes) {
        switch (t.optimizer()) {
            case SGD_MOMENTUM -> flags.add("--optimizer sgd");
            case ADAMW_8BIT -> {
                flags.add("--optimizer adam");
                notes.add("# LoopLine assumed 8-bit AdamW; Megatron's Adam keeps 32-bit moments (16 B per parameter, not 10).");
            }
            default -> flags.add("--optimizer adam"); // Megatron's adam applies decoupled weight decay: AdamW
        }
    }

    private static void zero(TrainingSetup t, List<String> flags) {
        switch (t.zeroStage()) {
            case 1 -> flags.add("--use-distributed-optimizer");
            case 2 -> {
                flags.add("--use-megatron-fsdp");
                flags.add("--data-parallel-sharding-strategy optim_grads");
            }
            case 3 -> {
                flags.add("--use-megatron-fsdp");
                flags.add("--data-parallel-sharding-strategy optim_grads_params");
            }
            default -> { }
        }
        if (t.dataParallel() > 1) {
            flags.add("--overlap-grad-reduce");
            if (t.zeroStage() >= 1) {
                flags.add("--overlap-param-gather");
            }
        }
    }

    private static void recompute(TrainingSetup t, ModelArchitecture m, List<String> flags, List<String> notes) {
        switch (t.activationRecompute()) {
            case SELECTIVE -> flags.add("--recompute-granularity selective");
            case SELECTIVE_OP -> {
                flags.add("--recompute-granularity selective");
                flags.add("--recompute-modules core_attn layernorm");
                notes.add("# LoopLine assumed torchtitan's op policy (it also recomputes every second matmul); Megatron recomputes the"
                        + " attention core and the norms.");
            }
            case SELECTIVE_LAYER -> {
                long perStage = Math.round(m.layers() / t.pipelineParallel());
                flags.add("--recompute-granularity full");
                flags.add("--recompute-method block");
                flags.add("--recompute-num-layers " + Math.max(1, perStage / 2));
            }
            case FULL -> {
                flags.add("--recompute-granularity full");
                flags.add("--recompute-method uniform");
                flags.add("--recompute-num-layers 1");
            }
            default -> { }
        }
    }
}
