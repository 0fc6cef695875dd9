package loopline;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code java -jar target/loopline.jar} puts everything on the class path, where JavaFX runs unsupported (and
 * says so on every start). JavaFX supports named modules, and a module layer built at run time is as good as
 * the module path: this finds the runtime jars in the {@code lib/} folder beside the jar, defines them and the
 * jar itself as modules of a new layer, and runs {@link Launcher#main} again inside it.
 */
final class ModuleLayerLaunch {
    /** The platform jars ({@code javafx-graphics-21.0.11-linux.jar}); the unclassified ones are empty placeholders. */
    private static final Pattern JAVAFX_PLATFORM_JAR = Pattern.compile("javafx-[a-z]+-[0-9][0-9.]*-[a-z0-9-]+\\.jar");
    /** Monocle renders headless exports; it extends JavaFX's internal glass classes, which its module must see. */
    private static final String MONOCLE = "org.testfx.monocle";

    private ModuleLayerLaunch() {
    }

    /** The jar this class was loaded from when it runs from the class path beside a lib/ folder; empty otherwise. */
    static Optional<Path> jarBesideItsLibraries() {
        if (ModuleLayerLaunch.class.getModule().isNamed() || ModuleLayer.boot().findModule("javafx.graphics").isPresent()) {
            return Optional.empty(); // already modular: the app image or bin/loopline
        }
        try {
            Path jar = Path.of(ModuleLayerLaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            boolean usable = Files.isRegularFile(jar) && jar.getParent() != null && Files.isDirectory(jar.resolveSibling("lib"));
            return usable ? Optional.of(jar) : Optional.empty();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The jar and the runtime jars beside it, as modules: JavaFX's platform jars, not its placeholders. */
    static List<Path> modulePath(Path jar) throws java.io.IOException {
        List<Path> path = new ArrayList<>();
        path.add(jar);
        try (Stream<Path> libs = Files.list(jar.resolveSibling("lib"))) {
            libs.filter(p -> p.toString().endsWith(".jar"))
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return !name.startsWith("javafx-") || JAVAFX_PLATFORM_JAR.matcher(name).matches();
                    })
                    .sorted()
                    .forEach(path::add);
        }
        return path;
    }

    /**
     * Runs {@code loopline.Launcher.main(args)} in a layer of {@code modulePath}, the JDK's modules as its parent.
     * Returns false (having run nothing) when the layer cannot be built, so the caller can go on from the class path.
     */
    static boolean run(List<Path> modulePath, String[] args) {
        ModuleLayer.Controller layer;
        try {
            ModuleFinder finder = ModuleFinder.of(modulePath.toArray(Path[]::new));
            Set<String> all = finder.findAll().stream().map(m -> m.descriptor().name()).collect(Collectors.toSet());
            Configuration config = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), all);
            layer = ModuleLayer.defineModulesWithOneLoader(config, List.of(ModuleLayer.boot()), ClassLoader.getPlatformClassLoader());
        } catch (RuntimeException e) { // FindException, ResolutionException, LayerInstantiationException
            return false;
        }
        openJavaFxToMonocle(layer);
        String appModule = ModuleFinder.of(modulePath.get(0)).findAll().stream().findFirst()
                .map(ModuleReference::descriptor).map(d -> d.name()).orElseThrow();
        ClassLoader loader = layer.layer().findLoader(appModule);
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Class.forName(Launcher.class.getName(), true, loader).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start LoopLine from its module layer", e);
        }
        return true;
    }

    /** Monocle is built as part of JavaFX, so it uses the internals of every JavaFX module: open them to it. */
    private static void openJavaFxToMonocle(ModuleLayer.Controller layer) {
        layer.layer().findModule(MONOCLE).ifPresent(monocle -> {
            for (Module javafx : layer.layer().modules()) {
                if (javafx.getName().startsWith("javafx.")) {
                    javafx.getPackages().forEach(pkg -> layer.addOpens(javafx, pkg, monocle));
                }
            }
        });
    }
}
