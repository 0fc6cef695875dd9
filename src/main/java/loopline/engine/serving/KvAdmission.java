package loopline.engine.serving;

import loopline.engine.Ids;

/**
 * When a paged KV cache admits a request. {@code GROW} allocates blocks as the answer grows, so a sequence holds its
 * prompt + half its answer on average (vLLM; a request is pre-empted if memory runs out). {@code RESERVE} sets aside
 * the whole prompt + answer at admission, so nothing is ever evicted but fewer requests run at once (TensorRT-LLM's
 * default capacity scheduler, GUARANTEED_NO_EVICT).
 */
public enum KvAdmission {
    GROW("grow"), RESERVE("reserve");

    private final String id;

    KvAdmission(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static KvAdmission fromId(String id) {
        return Ids.fromId(values(), KvAdmission::id, id, "KV admission");
    }
}
