package loopline;

import loopline.app.LoopLineApp;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

/**
 * For window tests that resize the stage: TestFX shares one stage between test classes, and the others expect the
 * design size, so it is put back after each test. {@code @ExtendWith(RestoresDesignSize.class)}.
 */
public final class RestoresDesignSize implements AfterEachCallback {
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        FxToolkit.setupStage(stage -> {
            stage.setWidth(LoopLineApp.WIDTH);
            stage.setHeight(LoopLineApp.HEIGHT);
        });
    }
}
