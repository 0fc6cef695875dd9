package loopline.data;

/** A catalog, preset or setting that cannot be used; the message names the file, entry and field. */
public class InvalidDataException extends RuntimeException {
    public InvalidDataException(String message) {
        super(message);
    }

    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
