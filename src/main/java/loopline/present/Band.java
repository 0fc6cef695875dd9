package loopline.present;

/** The range around a line: at each x, the lowest and highest value the uncertain inputs allow. */
public record Band(String name, double[] x, double[] low, double[] high) {
}
