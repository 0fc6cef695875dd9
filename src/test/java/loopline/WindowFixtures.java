package loopline;

import javafx.application.Platform;
import javafx.scene.Scene;
import loopline.app.LoopLineApp;
import loopline.ui.ExplorerViewModel;

/** The explorer as the app builds it, for window tests and screenshot tools (call on the FX thread). */
public final class WindowFixtures {
    private WindowFixtures() {
    }

    /** A view-model on the project's catalogs that has opened {@code preset} (a file in presets/). */
    public static ExplorerViewModel openedOn(String preset) {
        ExplorerViewModel vm = new ExplorerViewModel(Fixtures.CATALOGS, Platform::runLater);
        vm.open(Fixtures.preset(preset));
        return vm;
    }

    /** The window's scene for {@code vm}, with the presets the picker lists. */
    public static Scene sceneOf(ExplorerViewModel vm) {
        return LoopLineApp.createScene(vm, ExplorerViewModel.presetsIn(Fixtures.home().resolve("presets")));
    }
}
