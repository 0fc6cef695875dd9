package loopline.present;

/** One line on a chart; {@code styleClass} picks its colour from the stylesheet. */
public record Series(String name, String styleClass, double[] x, double[] y) {
}
