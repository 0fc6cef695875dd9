package loopline.present;

/** A column's title and the line under it, e.g. "Training — a loop: LoRA fine-tune". */
public record ColumnHeading(String title, String subtitle) {
}
