package loopline.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import loopline.app.LoopLineApp;
import loopline.data.Catalogs;
import loopline.ui.ExplorerViewModel;


/**
 * Drives the real scene headless (Monocle, software rendering): moves a slider, then waits for the end
 * of the layout pulse that shows the recomputed charts and cards. Reports p50/p95/max over the changes.
 * Run: {@code mvn -B -Pbench verify -DskipTests -Dbench.main=loopline.bench.UiUpdateBenchmark} (see README).
 */
public final class UiUpdateBenchmark {
    private static final String[] SLIDERS = {"#model-size", "#requests-per-day", "#gpu-count", "#prompt-tokens", "#target-speed"};

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1920x1200-32");
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int warmup = 100;

        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Scene> sceneRef = new AtomicReference<>();
        AtomicReference<ExplorerViewModel> vmRef = new AtomicReference<>();
        List<Double> recompute = java.util.Collections.synchronizedList(new ArrayList<>());
        Platform.startup(() -> {
            Catalogs catalogs = Catalogs.loadDefault();
            // the view-model's recomputation (engine, chart data, view updates) timed where it runs
            ExplorerViewModel vm = new ExplorerViewModel(catalogs, work -> Platform.runLater(() -> {
                long t = System.nanoTime();
                work.run();
                recompute.add((System.nanoTime() - t) / 1e6);
            }));
            vm.open(Catalogs.home().resolve("presets/default.json"));
            Scene scene = LoopLineApp.createScene(vm, ExplorerViewModel.presetsIn(Catalogs.home().resolve("presets")));
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            sceneRef.set(scene);
            vmRef.set(vm);
            started.countDown();
        });
        started.await();
        Scene scene = sceneRef.get();
        ExplorerViewModel vm = vmRef.get();

        AtomicLong start = new AtomicLong();
        AtomicLong pulseStart = new AtomicLong();
        List<Double> pulseWork = new ArrayList<>();

        AtomicReference<CountDownLatch> done = new AtomicReference<>();
        AtomicReference<Object> expected = new AtomicReference<>();
        // end of a pulse whose layout already shows the estimate computed after the change
        Platform.runLater(() -> scene.addPreLayoutPulseListener(() -> pulseStart.set(System.nanoTime())));
        Platform.runLater(() -> scene.addPostLayoutPulseListener(() -> {
            CountDownLatch latch = done.get();
            if (latch != null && expected.get() != null && vm.chartsProperty().get() != expected.get()) {
                long now = System.nanoTime();
                pulseWork.add((now - pulseStart.get()) / 1e6);
                start.set(now - start.get());
                done.set(null);
                latch.countDown();
            }
        }));

        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < changes + warmup; i++) {
            String id = SLIDERS[i % SLIDERS.length];
            double fraction = 0.15 + 0.7 * ((i * 37) % 100) / 100.0;
            CountDownLatch latch = new CountDownLatch(1);
            Platform.runLater(() -> {
                Slider s = (Slider) scene.lookup(id);
                expected.set(vm.chartsProperty().get());
                done.set(latch);
                start.set(System.nanoTime());
                s.setValue(s.getMin() + fraction * (s.getMax() - s.getMin()));
            });

            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no pulse showed change " + i);
            }
            if (i >= warmup) {
                millis.add(start.get() / 1e6);
            }
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] layout = pulseWork.stream().skip(warmup).mapToDouble(Double::doubleValue).sorted().toArray();
        double[] rc = recompute.stream().skip(warmup + 1).mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "  recompute on the FX thread (engine + chart data + view updates): p50 %.2f ms, p95 %.2f ms%n",
                percentile(rc, 50), percentile(rc, 95));
        List<Double> rcList = recompute.stream().skip(warmup + 1).toList();
        List<Double> pwList = pulseWork.stream().skip(warmup).toList();
        double[] work = new double[Math.min(rcList.size(), pwList.size())];
        for (int i = 0; i < work.length; i++) {
            work[i] = rcList.get(i) + pwList.get(i);
        }
        Arrays.sort(work);
        System.out.printf(Locale.ROOT, "  work per update (recompute + that pulse's CSS and layout): p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
                percentile(work, 50), percentile(work, 95), work[work.length - 1]);
        System.out.printf(Locale.ROOT, "  of which the pulse itself (CSS + layout of the updated scene): p50 %.2f ms, p95 %.2f ms%n",
                percentile(layout, 50), percentile(layout, 95));
        System.out.printf(Locale.ROOT, "slider change -> end of updated pulse, %d changes (after %d warm-up): "
                        + "p50 %.2f ms, p95 %.2f ms, max %.2f ms, mean %.2f ms%n", sorted.length, warmup,
                percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1], Arrays.stream(sorted).average().orElse(0));
        Platform.exit();
        System.exit(0);
    }

    private static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
