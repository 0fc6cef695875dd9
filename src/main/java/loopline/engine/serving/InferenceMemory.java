package loopline.engine.serving;

/** Memory of one serving replica's GPUs at its operating point. Bytes are per GPU unless the name says otherwise. */
public record InferenceMemory(
        double weightsBytes,
        double weightsPerGpuBytes,
        double kvCacheBytesPerToken,
        double kvCacheBytesPerSequence,
        double kvCacheBytes,
        double kvCachePerGpuBytes,
        double overheadPerGpuBytes,
        double perGpuBytes,
        double capacityBytes,
        double bytesPerParameter,
        int gpusPerReplica,
        long sequencesByMemory,
        boolean fits) {

    public static final String WEIGHTS_FORMULA = "N × bytes per weight (int4: 0.5 + 2/128 for group scales; fp4: 0.5 + 1/16 for block scales)";
    public static final String KV_PER_TOKEN_FORMULA = "2 × L × a_kv × d × bytes   (summed per layer kind where window layers have heads of their own, a_kv × (d_k + d_v) with values narrower than keys; MLA: L × (kv_lora_rank + rope_dim) × bytes; L: the layers that attend, a hybrid's recurrent layers keep a fixed state instead)";
    public static final String KV_FORMULA = "sequences holding KV × Σ_layers(KV per layer per token × min(context, window)) ÷ (1 − allocator waste) ÷ KV shards";
    public static final String OVERHEAD_FORMULA = "(1 − GPU memory utilisation) × capacity: activations, CUDA graphs, context";
}
