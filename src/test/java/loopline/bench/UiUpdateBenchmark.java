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
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    /** The sliders moved in turn; -Dbench.sliders=#model-size (comma-separated) profiles one. */
    private static final String[] SLIDERS = System.getProperty("bench.sliders",
            "#model-size,#requests-per-day,#gpu-count,#prompt-tokens,#target-speed").split(",");

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
        // -Dbench.args=N; without it the bench profile passes JMH's default ("loopline"): 600 changes
        int changes = args.length > 0 && args[0].matches("\\d+") ? Integer.parseInt(args[0]) : 600;
        // -Dbench.args="600 moe-deepseek-v3.json": the preset the sliders move (the default preset without one)
        String preset = args.length > 1 ? args[1] : "default.json";
        int warmup = 100;

        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Scene> sceneRef = new AtomicReference<>();
        AtomicReference<ExplorerViewModel> vmRef = new AtomicReference<>();
        List<Double> recompute = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Double> recomputeCpu = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Double> background = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ExecutorService estimates = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "loopline-estimates");
            t.setDaemon(true);
            return t;
        });
        Platform.startup(() -> {
            Catalogs catalogs = Catalogs.loadDefault();
            // as in the window: the estimate and chart data on a background thread, the views' update on the FX
            // thread; each timed where it runs
            ExplorerViewModel vm = new ExplorerViewModel(catalogs, work -> Platform.runLater(timed(work, recompute, recomputeCpu)),
                    work -> estimates.execute(timed(work, background, new ArrayList<>())), System::currentTimeMillis);
            vm.open(Catalogs.home().resolve("presets").resolve(preset));
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
        // the FX thread's CPU time too: on two cores it shares the CPU with the renderer, the estimates, the JIT
        // and GC, so the wall time above it is time the thread waited for a core
        AtomicLong pulseCpuStart = new AtomicLong();
        List<Double> pulseCpu = new ArrayList<>();
        Platform.runLater(() -> scene.addPreLayoutPulseListener(() -> {
            pulseStart.set(System.nanoTime());
            pulseCpuStart.set(THREADS.getCurrentThreadCpuTime());
        }));
        Platform.runLater(() -> scene.addPostLayoutPulseListener(() -> {
            CountDownLatch latch = done.get();
            if (latch != null && expected.get() != null && vm.chartsProperty().get() != expected.get()) {
                long now = System.nanoTime();
                pulseWork.add((now - pulseStart.get()) / 1e6);
                pulseCpu.add((THREADS.getCurrentThreadCpuTime() - pulseCpuStart.get()) / 1e6);
                start.set(now - start.get());
                done.set(null);
                latch.countDown();
            }
        }));

        List<Double> millis = new ArrayList<>();
        long heapAfterWarmup = 0;
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
            if (i == warmup - 1) {
                heapAfterWarmup = usedHeapAfterGc();
            }
        }
        long heapAtEnd = usedHeapAfterGc();
        printCpuByThread();
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] layout = pulseWork.stream().skip(warmup).mapToDouble(Double::doubleValue).sorted().toArray();
        double[] rc = recompute.stream().skip(recompute.size() - changes).mapToDouble(Double::doubleValue).sorted().toArray();
        double[] bg = background.stream().skip(background.size() - changes).mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "  estimate + chart data on the background thread: p50 %.2f ms, p95 %.2f ms%n",
                percentile(bg, 50), percentile(bg, 95));
        System.out.printf(Locale.ROOT, "  showing it on the FX thread (outputs set, views updated): p50 %.2f ms, p95 %.2f ms%n",
                percentile(rc, 50), percentile(rc, 95));
        List<Double> rcList = recompute.stream().skip(recompute.size() - changes).toList();
        List<Double> pwList = pulseWork.stream().skip(warmup).toList();
        double[] work = new double[Math.min(rcList.size(), pwList.size())];
        for (int i = 0; i < work.length; i++) {
            work[i] = rcList.get(i) + pwList.get(i);
        }
        Arrays.sort(work);
        for (int k = 0; k < SLIDERS.length; k++) { // which slider costs what: the model size redraws everything
            List<Double> one = new ArrayList<>();
            for (int i = 0; i < work.length; i++) {
                if ((i + warmup) % SLIDERS.length == k) {
                    one.add(rcList.get(i) + pwList.get(i));
                }
            }
            double[] sortedOne = one.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "    %-20s p50 %.2f ms, p95 %.2f ms%n", SLIDERS[k], percentile(sortedOne, 50), percentile(sortedOne, 95));
        }
        String dump = System.getProperty("bench.dump"); // one line per change, to see what the slowest have in common
        if (dump != null) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < work.length; i++) {
                lines.add(String.format(Locale.ROOT, "%d %s %.3f %.3f", i, SLIDERS[(i + warmup) % SLIDERS.length],
                        rcList.get(i), pwList.get(i)));
            }
            java.nio.file.Files.write(java.nio.file.Path.of(dump), lines);
        }
        System.out.printf(Locale.ROOT, "  FX-thread work per update (showing it + that pulse's CSS and layout): p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
                percentile(work, 50), percentile(work, 95), work[work.length - 1]);
        double[] cpu = sums(recomputeCpu.stream().skip(recomputeCpu.size() - changes).toList(), pulseCpu.stream().skip(warmup).toList());
        System.out.printf(Locale.ROOT, "  the same as CPU time of the FX thread (the rest it waited for a core): p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
                percentile(cpu, 50), percentile(cpu, 95), cpu[cpu.length - 1]);
        System.out.printf(Locale.ROOT, "  of which the pulse itself (CSS + layout of the updated scene): p50 %.2f ms, p95 %.2f ms%n",
                percentile(layout, 50), percentile(layout, 95));
        System.out.printf(Locale.ROOT, "slider change -> end of updated pulse, %d changes (after %d warm-up): "
                        + "p50 %.2f ms, p95 %.2f ms, max %.2f ms, mean %.2f ms%n", sorted.length, warmup,
                percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1], Arrays.stream(sorted).average().orElse(0));
        // the soak: run with 10000 changes to check the heap stays flat (live objects after a full GC)
        System.out.printf(Locale.ROOT, "  heap in use after GC: %.1f MB after warm-up, %.1f MB after %d changes (%+.1f MB)%n",
                heapAfterWarmup / 1e6, heapAtEnd / 1e6, changes, (heapAtEnd - heapAfterWarmup) / 1e6);
        Platform.exit();
        System.exit(0);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static Runnable timed(Runnable work, List<Double> wall, List<Double> cpu) {
        return () -> {
            long c = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            work.run();
            wall.add((System.nanoTime() - t) / 1e6);
            cpu.add((THREADS.getCurrentThreadCpuTime() - c) / 1e6);
        };
    }

    /** Element-wise sums of two lists of one update's parts, sorted. */
    private static double[] sums(List<Double> a, List<Double> b) {
        double[] sum = new double[Math.min(a.size(), b.size())];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = a.get(i) + b.get(i);
        }
        Arrays.sort(sum);
        return sum;
    }

    /** Where the two cores went over the whole run: the renderer competes with the FX thread. */
    private static void printCpuByThread() {
        for (long id : THREADS.getAllThreadIds()) {
            java.lang.management.ThreadInfo info = THREADS.getThreadInfo(id);
            long nanos = THREADS.getThreadCpuTime(id);
            if (info != null && nanos > 100_000_000L) {
                System.out.printf(Locale.ROOT, "  CPU over the run: %-28s %,6.0f ms%n", info.getThreadName(), nanos / 1e6);
            }
        }
    }

    private static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
