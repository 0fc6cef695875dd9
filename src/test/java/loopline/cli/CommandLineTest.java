package loopline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import loopline.Fixtures;
import loopline.Launcher;
import loopline.data.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Launcher.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String preset() {
        return Fixtures.preset("default.json").toString();
    }

    @Test
    void jsonOutputHasTheDocumentedFields() throws Exception {
        assertThat(run("estimate", "--scenario", preset(), "--json")).isZero();
        JsonNode j = Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        for (String path : new String[] {"/training/memory/weightsBytes", "/training/memory/gradientsBytes",
                "/training/memory/optimizerStatesBytes", "/training/memory/activationsBytes", "/training/memory/perGpuBytes",
                "/training/memory/bytesPerParameter", "/training/fitsOnGpu", "/training/minGpusToFit", "/training/flops",
                "/training/tokensPerSecond", "/training/wallClockDays", "/training/gpuHours", "/training/costUsd",
                "/inference/memory/weightsBytes", "/inference/memory/kvCacheBytesPerToken", "/inference/memory/kvCacheBytes",
                "/inference/memory/perGpuBytes", "/inference/gpusPerReplica", "/inference/shape", "/inference/concurrentRequestsPerReplica",
                "/inference/capacityRequestsPerSecondPerReplica", "/inference/sequencesByMemory", "/inference/latency/ttftP50Seconds",
                "/inference/latency/ttftP99Seconds", "/inference/latency/tpotP50Seconds", "/inference/latency/tpotP99Seconds",
                "/inference/meanTimeToFirstTokenSeconds", "/inference/meanTimePerOutputTokenSeconds", "/inference/tokensPerSecondPerUser",
                "/inference/tokensPerSecondPerReplica", "/inference/requestsPerSecondPerReplica", "/inference/replicas",
                "/inference/monthlyCostUsd", "/inference/costPerRequestUsd", "/inference/costPerMillionOutputTokensUsd",
                "/economics/trainingCostPerRequestUsd", "/economics/breakEvenMonths", "/economics/api/provider", "/economics/api/date",
                "/economics/api/inputUsdPerMillionTokens", "/economics/api/outputUsdPerMillionTokens", "/economics/api/monthlyCostUsd",
                "/economics/selfHostingBreakEvenRequestsPerDay"}) {
            assertThat(j.at(path).isMissingNode()).as(path).isFalse();
        }
        assertThat(j.at("/training/memory/bytesPerParameter").asDouble()).isEqualTo(16.0);
    }

    @Test
    void textOutputOpensWithTheKeyFiguresAndTheirRanges() {
        assertThat(run("estimate", "--scenario", preset())).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).containsPattern("Time to train +98.3 days \\(83\\.5–138 days\\)").containsPattern("Training B/param +16 B\\n")
                .contains("Ranges in brackets:");
    }

    @Test
    void jsonCarriesARangeForEveryNumberThatHoldsTheLikelyValue() throws Exception {
        assertThat(run("estimate", "--scenario", preset(), "--json")).isZero();
        JsonNode j = Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode ranges = j.get("ranges");
        for (String path : new String[] {"training.gpuHours", "training.memory.perGpuBytes", "inference.monthlyCostUsd",
                "inference.latency.ttftP99Seconds", "economics.breakEvenMonths", "model.parameters"}) {
            double likely = j.at("/" + path.replace('.', '/')).asDouble();
            assertThat(ranges.get(path).get(0).asDouble()).as(path).isLessThanOrEqualTo(likely);
            assertThat(ranges.get(path).get(1).asDouble()).as(path).isGreaterThanOrEqualTo(likely);
        }
        // exact by definition: a format's bytes per parameter and the model's size
        assertThat(ranges.get("training.memory.bytesPerParameter").get(0).asDouble()).isEqualTo(16.0);
        assertThat(ranges.get("training.memory.bytesPerParameter").get(1).asDouble()).isEqualTo(16.0);
        assertThat(ranges.get("model.parameters").get(0)).isEqualTo(ranges.get("model.parameters").get(1));
        // uncertain: H100 at $1.99–3.90 against $2.99 and MFU ×0.8–1.15, goodput ×0.9–1.05 move the cost both ways
        double cost = j.at("/training/costUsd").asDouble();
        assertThat(ranges.get("training.costUsd").get(0).asDouble()).isCloseTo(cost * 1.99 / 2.99 / (1.15 * 1.05 * 0.92 / 0.92),
                org.assertj.core.api.Assertions.withinPercentage(25));
        assertThat(ranges.get("training.costUsd").get(1).asDouble()).isGreaterThan(cost * 3.9 / 2.99);
    }

    @Test
    void setOverridesTheScenario() throws Exception {
        assertThat(run("estimate", "--scenario", preset(), "--json", "--set", "inference.requestsPerDay=2000000",
                "--set", "model=llama-3.1-8b")).isZero();
        JsonNode j = Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(j.at("/model/name").asText()).isEqualTo("Llama 3.1 8B");
    }

    @Test
    void aFineTuneSaysWhatItTrainsInJsonAndInWords() throws Exception {
        assertThat(run("estimate", "--scenario", preset(), "--json", "--set", "training.method=lora", "--set", "training.epochs=2",
                "--set", "training.tokens=1e8")).isZero();
        JsonNode j = Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(j.at("/training/method").asText()).isEqualTo("lora");
        assertThat(j.at("/training/tokensTrained").asDouble()).isEqualTo(2e8);
        assertThat(j.at("/training/trainableParameters").asDouble()).isPositive().isLessThan(0.01 * j.at("/model/parameters").asDouble());
        assertThat(j.at("/training/memory/frozenWeightsBytes").asDouble()).isPositive();
        assertThat(j.at("/training/memory/pagedOptimizerBytes").asDouble()).isZero();
        out.reset();
        assertThat(run("estimate", "--scenario", preset(), "--set", "training.method=qlora")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("TRAINING — A LOOP: QLORA FINE-TUNE", "Trainable parameters (adapters)",
                "Fine-tune cost (one-time)");
    }

    @Test
    void humanOutputExplainsTheFigures() {
        assertThat(run("estimate", "--scenario", preset())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("16 B/param", "TRAINING", "INFERENCE", "Break-even");
    }

    @Test
    void badInputExitsNonZeroWithOneLineAndNoStackTrace() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"name\": \"x\", \"model\": \"llama-2-7b\", \"training\": {\"mfu\": 3}}");
        assertThat(run("estimate", "--scenario", broken.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("loopline: " + broken + ": training.mfu: must be between 0.01 and 1, got 3");
    }

    @Test
    void unknownSetPathAndMissingFileAreUserErrors() {
        assertThat(run("estimate", "--scenario", preset(), "--set", "training.nope=1")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--set training.nope: unknown setting").doesNotContain("Exception");
        err.reset();
        assertThat(run("estimate", "--scenario", dir.resolve("none.json").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("none.json: file not found");
    }

    @Test
    void aModelConfigReplacesTheScenariosModelAndIsSavedInline() throws Exception {
        String config = Path.of(getClass().getResource("/hf-configs/Qwen--Qwen3-30B-A3B.json").toURI()).toString();
        assertThat(run("estimate", "--model-config", config, "--json", "--set", "inference.gpu=h100-sxm")).isZero();
        JsonNode json = Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.at("/model/name").asText()).isEqualTo("Qwen/Qwen3-30B-A3B");
        assertThat(json.at("/model/parameters").asDouble()).isBetween(30e9, 31e9);
        assertThat(json.at("/model/activeParameters").asDouble()).isBetween(3.2e9, 3.4e9);
        out.reset();
        assertThat(run("estimate", "--scenario", preset(), "--model-config", config, "--set", "model.layers=24")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Model: Qwen/Qwen3-30B-A3B");
    }

    @Test
    void aConfigLoopLineCannotModelExitsOneWithOneLine() throws Exception {
        String config = Path.of(getClass().getResource("/hf-configs/refused/nvidia--Nemotron-H-56B-without-ssm_state_size.json").toURI())
                .toString();
        assertThat(run("estimate", "--model-config", config)).isEqualTo(1);
        assertThat(errLine()).contains("NemotronHForCausalLM", "ssm_state_size");
        assertThat(err.toString(StandardCharsets.UTF_8).strip().lines().count()).isEqualTo(1);
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("estimate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--scenario FILE is required");
        assertThat(run("frobnicate")).isEqualTo(2);
    }

    private String errLine() {
        return err.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void aBadSetIsBlamedOnTheSetNotThePresetAndWholeNumbersPrintPlain() {
        assertThat(run("estimate", "--scenario", preset(), "--set", "training.gpuCount=0")).isEqualTo(1);
        assertThat(errLine()).isEqualTo("loopline: --set training.gpuCount: must be between 1 and 1000000, got 0");
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        for (String[] args : new String[][] {{"--help"}, {"estimate", "--help"}, {"export", "--scenario", preset(), "-h"}}) {
            out.reset();
            assertThat(run(args)).as(String.join(" ", args)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: loopline");
        }
        assertThat(err.size()).isZero();
    }

    @Test
    void hugeArchitectureNumbersAreRefusedNotComputedToInfinity() {
        assertThat(run("estimate", "--scenario", preset(), "--set", "model.layers=1e300", "--json")).isEqualTo(1);
        assertThat(errLine()).startsWith("loopline: --set model.layers: must be between 1 and 1000, got ");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("NaN", "Infinity");
    }

    /** Java's float and double suffixes and hex are not numbers in a JSON world: "80f" would otherwise read as 80. */
    @Test
    void numbersAreReadAsJsonNumbersAndNothingElse() {
        for (String v : new String[] {"1d", "80f", "0x50", "8e1f"}) {
            err.reset();
            assertThat(run("estimate", "--scenario", preset(), "--set", "model.layers=" + v)).as(v).isEqualTo(1);
            assertThat(errLine()).isEqualTo("loopline: --set model.layers: must be a number, got \"" + v + "\"");
        }
        assertThat(run("estimate", "--scenario", preset(), "--set", "model.layers=8e1")).isZero();
    }

    /** One shape rule for catalogs, inline models, --set and imports: grouped-query attention shares KV heads evenly. */
    @Test
    void impossibleShapesAreRefusedWithTheRuleTheyBreak() throws Exception {
        assertThat(run("estimate", "--scenario", preset(), "--set", "model.kvHeads=7")).isEqualTo(1);
        assertThat(errLine()).isEqualTo("loopline: --set model.kvHeads: must divide attentionHeads (64) evenly, got 7");
        err.reset();
        Path inline = dir.resolve("inline.json");
        Files.writeString(inline, "{\"name\": \"odd heads\", \"model\": {\"layers\": 32, \"hiddenSize\": 4100, \"attentionHeads\": 32,"
                + " \"ffnSize\": 11008, \"vocabSize\": 32000}}");
        assertThat(run("estimate", "--scenario", inline.toString())).isEqualTo(1);
        assertThat(errLine()).isEqualTo("loopline: " + inline + ": model.attentionHeads: must divide hiddenSize (4100) evenly unless"
                + " headDim is given, got 32");
    }

    /** A figure without a value (a setup that does not fit has no first token) is null in JSON, and a warning says why. */
    @Test
    void figuresWithoutAValueAreNullInJson() throws Exception {
        assertThat(run("estimate", "--scenario", preset(), "--set", "inference.gpu=t4", "--set", "inference.tensorParallel=1", "--json"))
                .isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("Infinity", "NaN");
        JsonNode j = Json.MAPPER.readTree(text);
        assertThat(j.at("/inference/meanTimeToFirstTokenSeconds").isNull()).isTrue();
        assertThat(j.at("/ranges").toString()).contains("null");
        assertThat(j.at("/warnings").toString()).containsIgnoringCase("does not fit");
    }

    @Test
    void devicesAndPipesAreRefusedAtOnce() throws Exception {
        assertThat(run("estimate", "--scenario", "/dev/zero")).isEqualTo(1);
        assertThat(errLine()).isEqualTo("loopline: /dev/zero: is not a regular file (a device or pipe cannot be read)");
        Path fifo = dir.resolve("fifo.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        err.reset();
        assertThat(run("estimate", "--scenario", fifo.toString())).isEqualTo(1); // would block forever if opened
        assertThat(errLine()).endsWith("fifo.json: is not a regular file (a device or pipe cannot be read)");
    }

    @Test
    void hugeBinaryAndUtf16FilesAreOneLineEach() throws Exception {
        Path huge = dir.resolve("huge.json");
        try (var ch = java.nio.channels.FileChannel.open(huge, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {' '}), 200L << 20); // a sparse 200 MB file
        }
        Path utf16 = dir.resolve("utf16.json");
        Files.writeString(utf16, "{\"model\": \"llama-2-7b\"}", StandardCharsets.UTF_16);
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xE9, '"', '}'});
        String[][] cases = {{huge.toString(), "is larger than 8 MB; not a LoopLine file"},
                {utf16.toString(), "is binary or UTF-16, not UTF-8 JSON text"}, {latin1.toString(), "is not UTF-8 text"}};
        for (String[] c : cases) {
            err.reset();
            assertThat(run("estimate", "--scenario", c[0])).isEqualTo(1);
            assertThat(errLine()).isEqualTo("loopline: " + c[0] + ": " + c[1]);
        }
    }

    @Test
    void anOutputNamingAFolderIsOneClearLine() {
        assertThat(run("export", "--scenario", preset(), "--out", "/")).isEqualTo(1);
        assertThat(errLine()).isEqualTo("loopline: /: names a folder; give a file name such as /report.png");
        err.reset();
        String newdir = dir.resolve("newdir") + "/";
        assertThat(run("export", "--scenario", preset(), "--out", newdir)).isEqualTo(1);
        assertThat(errLine()).isEqualTo("loopline: " + newdir + ": names a folder; give a file name such as " + newdir + "report.png");
    }

    @Test
    void digitsAreAsciiInEveryLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ar-EG-u-nu-arab"));
            for (String[] extra : new String[][] {{}, {"--json"}}) {
                out.reset();
                String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("estimate", "--scenario", preset(),
                        "--set", "model=llama-3.1-405b", "--set", "training.gpuCount=8"), java.util.Arrays.stream(extra)).toArray(String[]::new);
                assertThat(run(args)).isZero();
                String text = out.toString(StandardCharsets.UTF_8);
                assertThat(text).contains("does not fit").doesNotContainPattern("[\\u0660-\\u0669\\u06F0-\\u06F9]");
            }
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void aFileNameTheLocaleCannotEncodeIsOneClearLine() throws Exception {
        ProcessBuilder p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "loopline.Launcher", "estimate", "--scenario", "szenario-\u00e4\u00f6\u00fc.json")
                .redirectErrorStream(true);
        p.environment().put("LC_ALL", "C");
        p.environment().put("LANG", "C");
        Process run = p.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(run.waitFor()).isEqualTo(1);
        assertThat(output).doesNotContain("Exception").doesNotContain("\tat ").contains("szenario-");
        assertThat(output.lines().count()).isEqualTo(1);
    }

    @Test
    void baselineAddsTheChangedInputsAndEveryKeyFigureAToBWhileSetChangesOnlyTheScenario() throws Exception {
        assertThat(run("estimate", "--scenario", preset(), "--baseline", preset(), "--set", "inference.requestsPerDay=4e7")).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("COMPARED WITH A: 70B: a terabyte to train, a few GPUs to serve")
                .containsPattern("Requests per day +20M requests/day → 40M requests/day")
                .containsPattern("Serving GPUs +272 → 544").containsPattern("Break-even +24.7 months → 12.3 months")
                ;
        assertThat(text.substring(text.indexOf("COMPARED WITH A"))).as("what did not change is not repeated")
                .doesNotContain("Time to train").doesNotContain("Training cost");

        out.reset();
        assertThat(run("estimate", "--scenario", preset(), "--baseline", preset(), "--set", "inference.requestsPerDay=4e7", "--json"))
                .isZero();
        JsonNode j = Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(j.at("/baseline/inference/gpus").asInt()).isEqualTo(272);
        assertThat(j.at("/inference/gpus").asInt()).isEqualTo(544);
        assertThat(j.at("/changedInputs/0/label").asText()).isEqualTo("Requests per day");
        assertThat(j.at("/changedInputs").size()).isEqualTo(1);
        assertThat(j.at("/baseline/ranges").isObject()).isTrue();
    }

    @Test
    void withoutABaselineThereIsNoComparison() throws Exception {
        assertThat(run("estimate", "--scenario", preset(), "--json")).isZero();
        JsonNode j = Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(j.has("baseline")).isFalse();
        assertThat(j.has("changedInputs")).isFalse();
    }
}
