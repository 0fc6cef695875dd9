package loopline.cli;

/** {@code --help} anywhere on a command line: the launcher prints the usage and exits 0. */
public final class HelpRequested extends RuntimeException {
    public HelpRequested() {
        super("help", null, false, false);
    }
}
