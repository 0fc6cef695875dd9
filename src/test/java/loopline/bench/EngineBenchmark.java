package loopline.bench;

import java.util.concurrent.TimeUnit;
import loopline.data.Catalogs;
import loopline.data.ScenarioReader;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import loopline.engine.Scenario;
import loopline.present.Charts;
import loopline.present.ChartsFactory;
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
 * Engine speed: one full scenario evaluation (every replica shape's capacity solved or passed over), and
 * what a slider move costs before drawing — the estimate plus every chart's data. Run with {@code mvn -B -Pbench verify -DskipTests} (see README).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {
    /**
     * default.json pins TP 4 (and prices the free choice beside it); the chat preset leaves the shape to the
     * engine's search; the MoE preset pins expert parallelism among 28 dense and expert-parallel shapes.
     */
    @Param({"default.json", "chat-assistant-8b.json", "moe-deepseek-v3.json"})
    public String preset;

    private Scenario scenario;

    @Setup
    public void setUp() {
        Catalogs catalogs = Catalogs.loadDefault();
        scenario = ScenarioReader.read(Catalogs.home().resolve("presets").resolve(preset), catalogs);
    }

    @Benchmark
    public Estimate fullScenario() {
        return Estimator.estimate(scenario);
    }

    /** What one slider move costs before any drawing: the estimate and every chart's data, as the view-model computes them. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @BenchmarkMode(Mode.AverageTime)
    public Charts sliderUpdate() {
        return ChartsFactory.of(Estimator.estimate(scenario));
    }
}
