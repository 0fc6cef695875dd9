package loopline.engine.training;

import loopline.engine.Ids;

/** Which linear layers get a LoRA adapter. */
public enum LoraTargets {
    /** Query and value projections: the LoRA paper's GPT-3 setting and PEFT's default for Llama models. */
    QUERY_VALUE("query-value"),
    /** Every attention projection: query, key, value and output. */
    ATTENTION("attention"),
    /** Every linear layer of every block, MLP and experts included (QLoRA's setting; PEFT "all-linear"). The output head stays frozen. */
    ALL_LINEAR("all-linear");

    private final String id;

    LoraTargets(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static LoraTargets fromId(String id) {
        return Ids.fromId(values(), LoraTargets::id, id, "LoRA targets");
    }
}
