package loopline.present;

/** A labelled reference line: vertical at an x value, or horizontal at a y value. */
public record Marker(String label, double value, boolean vertical, String styleClass) {
}
