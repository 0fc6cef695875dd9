package loopline.engine.model;

/**
 * A hybrid stack: {@code recurrentLayers} of the model's layers mix tokens with a {@link RecurrentMixer} instead of
 * attention (their state is fixed per sequence; only the attention layers' KV cache grows with context), and
 * {@code layersWithoutMlp} layers are a token mixer alone (Nemotron-H's blocks are a mixer or an MLP, not both: its 54
 * Mamba-2 and 10 attention blocks count as 64 layers, 54 of which carry an MLP). {@code gatedAttentionOutput}: the
 * attention layers' query projection also emits a sigmoid gate for every output channel (Qwen3-Next, Qwen3.5).
 */
public record HybridLayers(RecurrentMixer mixer, double recurrentLayers, double layersWithoutMlp, boolean gatedAttentionOutput) {
}
