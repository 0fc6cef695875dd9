package loopline.bench;

import java.util.concurrent.TimeUnit;
import loopline.data.Catalogs;
import loopline.data.ScenarioReader;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import loopline.engine.Scenario;
import loopline.engine.Sweep;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Engine speed: one full scenario evaluation (auto tensor parallelism and auto batch included) and a
 * 200-point sweep. Run with {@code mvn -B -Pbench verify -DskipTests} (see README).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {
    /** default.json fixes serving TP; the chat preset leaves TP and batch to the engine's search. */
    @Param({"default.json", "chat-assistant-8b.json"})
    public String preset;

    private Scenario scenario;
    private double[] traffic;
    private double[] sizes;

    @Setup
    public void setUp() {
        Catalogs catalogs = Catalogs.loadDefault();
        scenario = ScenarioReader.read(Catalogs.home().resolve("presets").resolve(preset), catalogs);
        traffic = Sweep.logSpace(1e3, 1e10, 200);
        sizes = Sweep.logSpace(1e8, 2e12, 200);
    }

    @Benchmark
    public Estimate fullScenario() {
        return Estimator.estimate(scenario);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @BenchmarkMode(Mode.AverageTime)
    public double[] sweepTraffic200() {
        return Sweep.evaluate(scenario, Sweep.REQUESTS_PER_DAY, traffic, e -> e.serving().monthlyCostUsd());
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @BenchmarkMode(Mode.AverageTime)
    public double[] sweepModelSize200() {
        return Sweep.evaluate(scenario, Sweep.MODEL_PARAMETERS, sizes, e -> e.trainingMemory().perGpuBytes());
    }
}
