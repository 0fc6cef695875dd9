package loopline.fx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Starts the toolkit without a display (Monocle) for export and tests, and runs work on the JavaFX thread
 * from any other thread: the one place that crosses threads into JavaFX for a result.
 */
public final class FxPlatform {
    private static boolean started;

    private FxPlatform() {
    }

    public static synchronized void startHeadless() {
        if (started) {
            return;
        }
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
        System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        System.setProperty("java.awt.headless", "true");
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // a toolkit is up already (the window, or a test): use it
        }
        Platform.setImplicitExit(false);
        started = true;
    }

    public static <T> T call(Supplier<T> work) {
        if (Platform.isFxApplicationThread()) {
            return work.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
