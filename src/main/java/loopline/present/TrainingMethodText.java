package loopline.present;

import static loopline.present.Format.formatBytes;
import static loopline.present.Format.formatCount;
import static loopline.present.Format.formatNumber;
import static loopline.present.Format.formatParameters;
import static loopline.present.Format.formatPercent;

import java.util.ArrayList;
import java.util.List;
import loopline.engine.Estimate;
import loopline.engine.training.LoraAdapters;
import loopline.engine.training.LoraTargets;
import loopline.engine.training.Nf4Quantisation;
import loopline.engine.training.TrainingMemory;
import loopline.engine.training.TrainingMethod;
import loopline.engine.training.TrainingSetup;

/** The words for how a scenario trains: the method's name, the training column's heading, the fine-tune parts of a "why?". */
public final class TrainingMethodText {
    private TrainingMethodText() {
    }

    /** "Pre-training", "LoRA fine-tune", … */
    public static String name(TrainingMethod m) {
        return switch (m) {
            case PRETRAIN -> "Pre-training";
            case FULL -> "Full fine-tune";
            case LORA -> "LoRA fine-tune";
            case QLORA -> "QLoRA fine-tune";
        };
    }

    /** The training column's heading: pre-training keeps the essay's words, a fine-tune says which one and what trains. */
    public static ColumnHeading heading(Estimate e) {
        TrainingSetup t = e.scenario().training();
        String title = "Training — a loop";
        return switch (t.method()) {
            case PRETRAIN -> new ColumnHeading(title, "forward, backward, update; repeated over every batch");
            case FULL -> new ColumnHeading(title + ": full fine-tune", "every weight of the checkpoint trains again · "
                    + dataset(t));
            // short enough for the column at 1280 px; the dataset is on the tokens slider and in the days chart's "why?",
            // the adapters' targets in the report's table and the memory "why?"
            case LORA, QLORA -> new ColumnHeading(title + ": " + name(t.method()), (t.method().quantisedBase() ? "frozen 4-bit base" : "frozen 16-bit base")
                    + "; rank-" + formatNumber(t.loraRank()) + " adapters train "
                    + formatPercent(e.trainingMemory().trainableParameters() / e.totalParameters()) + " of weights");
        };
    }

    /** "100M tokens", or "100M tokens × 3 = 300M tokens" over several epochs. */
    static String dataset(TrainingSetup t) {
        return formatCount(t.tokens()) + " tokens" + (t.epochs() == 1 ? "" : " × " + formatNumber(t.epochs()) + " = "
                + formatCount(t.tokensTrained()) + " tokens");
    }

    static String targets(LoraTargets t) {
        return switch (t) {
            case QUERY_VALUE -> "q and v";
            case ATTENTION -> "q, k, v and o";
            case ALL_LINEAR -> "all linear layers";
        };
    }

    /** What the model states are, for a report's footnote. */
    static String statesInWords(TrainingMethod m) {
        return switch (m) {
            case PRETRAIN, FULL -> "mixed-precision model states (ZeRO)";
            case LORA -> "frozen 16-bit base + LoRA adapters with mixed-precision AdamW states (ZeRO)";
            case QLORA -> "frozen NF4 base (" + Format.formatNumber(Nf4Quantisation.BITS_PER_PARAMETER)
                    + " bits/weight) + LoRA adapters, optimizer states paged to CPU RAM";
        };
    }

    /** The FLOPs the time counts, for a report's footnote. */
    static String flopsInWords(TrainingMethod m) {
        return switch (m) {
            case PRETRAIN -> "6·N_active·D";
            case FULL -> "6·N_active·D·epochs";
            case LORA -> "(4·N_active + 6·N_adapters)·D·epochs";
            case QLORA -> "(4·N_active + 6·N_adapters)·D·epochs + 4-bit dequantisation";
        };
    }

    /** "Training cost" or "Fine-tune cost". */
    static String costNoun(TrainingMethod m) {
        return m == TrainingMethod.PRETRAIN ? "Training" : "Fine-tune";
    }

    /** The model-states line of the memory formula: pre-training's, or the frozen base plus adapters (and QLoRA's paging). */
    static String statesFormula(TrainingMethod m) {
        if (!m.trainsAdapters()) {
            return TrainingMemory.MODEL_STATES_FORMULA;
        }
        return TrainingMemory.ADAPTER_STATES_FORMULA + "\n  frozen base: "
                + (m.quantisedBase() ? Nf4Quantisation.BASE_FORMULA : TrainingMemory.FROZEN_BASE_FORMULA)
                + (m.pagedOptimizer() ? "\n  " + TrainingMemory.PAGED_OPTIMIZER_FORMULA : "");
    }

    /** The inputs a fine-tune adds to the memory "why?": what is frozen, what trains, what pages out. */
    static List<Explanation.Input> memoryInputs(Estimate e) {
        TrainingMethod m = e.scenario().training().method();
        List<Explanation.Input> inputs = new ArrayList<>();
        inputs.add(new Explanation.Input("method", m.id()));
        if (m.trainsAdapters()) {
            TrainingMemory tm = e.trainingMemory();
            inputs.add(new Explanation.Input("frozen base per GPU", formatBytes(tm.frozenWeightsBytes())
                    + (m.quantisedBase() ? " (" + formatNumber(Nf4Quantisation.BITS_PER_PARAMETER) + " bits per quantised weight)" : "")));
            inputs.add(new Explanation.Input("N_adapters", formatParameters(tm.trainableParameters())));
            if (m.pagedOptimizer()) {
                inputs.add(new Explanation.Input("optimizer states paged to CPU RAM", formatBytes(tm.pagedOptimizerBytes())));
            }
        }
        return inputs;
    }

    /** What trains: every weight, or the adapters, with the formula that counts them. */
    static Explanation trainableParameters(Estimate e) {
        TrainingSetup t = e.scenario().training();
        double trainable = e.trainingMemory().trainableParameters();
        String share = formatParameters(trainable) + " (" + formatPercent(trainable / e.totalParameters()) + " of "
                + formatParameters(e.totalParameters()) + ")";
        if (!t.method().trainsAdapters()) {
            return new Explanation("Trainable parameters", "N: every weight gets a gradient and optimizer states",
                    List.of(new Explanation.Input("method", t.method().id())), share, null);
        }
        return new Explanation("Trainable parameters (adapters)", LoraAdapters.PARAMETERS_FORMULA,
                List.of(new Explanation.Input("method", t.method().id()), new Explanation.Input("r", formatNumber(t.loraRank())),
                        new Explanation.Input("adapted", targets(t.loraTargets())),
                        new Explanation.Input("layers", formatNumber(e.scenario().model().layers()))),
                share, "Only the adapters get gradients and optimizer states; the base is frozen (Hu et al. 2021).");
    }
}
