package loopline.present;

/** Which half of the story a figure belongs to; each side owns one colour everywhere. */
public enum Side {
    TRAINING, INFERENCE, BOTH;

    public String styleClass() {
        return switch (this) {
            case TRAINING -> "training";
            case INFERENCE -> "inference";
            case BOTH -> "both";
        };
    }
}
