package loopline.present;

/** One part of a bar: what it is, how much, and its style class (colour). */
public record Segment(String label, double value, String styleClass) {
}
