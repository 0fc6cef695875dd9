package loopline.bench;

/** The screenshot tools' wait between steps, off the FX thread, so layout and CSS settle first. */
final class Pause {
    private Pause() {
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
