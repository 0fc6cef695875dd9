package loopline.engine;

/** Local attention over the last {@code tokens} positions in a {@code layerShare} of the layers (Gemma 2: half). */
public record SlidingWindow(double tokens, double layerShare) {
}
