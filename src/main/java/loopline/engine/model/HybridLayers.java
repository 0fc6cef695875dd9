package loopline.engine.model;

/**
 * A stack whose layers are not all alike. {@code recurrentLayers} of the model's layers mix tokens with a
 * {@link RecurrentMixer} instead of attention (their state is fixed per sequence; only the attention layers' KV cache
 * grows with context; {@code mixer} is null when there are none); {@code layersWithoutMlp} layers are a token mixer
 * alone (Nemotron-H's blocks are a mixer or an MLP, not both: its 54 Mamba-2 and 10 attention blocks count as 64 layers,
 * 54 of which carry an MLP); {@code layersWithoutMixer} are an MLP alone (Nemotron-NAS's no-op attention blocks: 31 of
 * Llama-3.3-Nemotron-Super-49B's 80). {@code gatedAttentionOutput}: the attention layers' query projection also emits a
 * sigmoid gate for every output channel (Qwen3-Next, Qwen3.5). {@code narrowestMlp} and {@code widestMlp} are the dense
 * MLP widths when they differ by layer (Nemotron-NAS; the model's {@code ffnSize} is then their mean, which counts the
 * same weights, FLOPs and activations), 0 when every MLP has the model's width.
 */
public record HybridLayers(RecurrentMixer mixer, double recurrentLayers, double layersWithoutMlp, double layersWithoutMixer,
                           boolean gatedAttentionOutput, double narrowestMlp, double widestMlp) {

    /** A stack whose layers differ only in their dense MLPs' widths (Nemotron-NAS without skipped blocks). */
    public static HybridLayers ofMlpWidths(double narrowestMlp, double widestMlp) {
        return new HybridLayers(null, 0, 0, 0, false, narrowestMlp, widestMlp);
    }

    /** This stack with the dense MLPs' narrowest and widest widths. */
    public HybridLayers withMlpWidths(double narrowest, double widest) {
        return new HybridLayers(mixer, recurrentLayers, layersWithoutMlp, layersWithoutMixer, gatedAttentionOutput, narrowest, widest);
    }

    /** True when the dense MLPs differ in width from layer to layer. */
    public boolean mlpWidthsVary() {
        return widestMlp > narrowestMlp;
    }
}
