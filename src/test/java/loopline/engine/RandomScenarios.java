package loopline.engine;

import static loopline.Fixtures.scenario;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Scenarios over the whole slider domain, for properties of the engine and of what is built on it (the JSON the
 * command line prints): model size 0.1B–2T, every precision and GPU, 1–100k GPUs, batch 1–4096, context 128–1M,
 * traffic 1–1e10 requests/day, any speed and first-token target.
 */
public final class RandomScenarios {
    private static final List<String> GPUS = List.copyOf(loopline.Fixtures.CATALOGS.gpus().keySet());

    private RandomScenarios() {
    }

    public static Arbitrary<Scenario> any() {
        Arbitrary<Integer> context = Arbitraries.doubles().between(7, 20).map(e -> (int) Math.pow(2, e));
        List<Arbitrary<String>> settings = List.of(
                Arbitraries.doubles().between(8, 12.3).map(e -> "model.parameters=" + Math.pow(10, e)),
                Arbitraries.of(GPUS).map(g -> "training.gpu=" + g),
                Arbitraries.of(GPUS).map(g -> "inference.gpu=" + g),
                Arbitraries.of("fp32", "bf16", "fp16", "fp8").map(p -> "training.precision=" + p),
                Arbitraries.of("fp32", "bf16", "fp16", "fp8", "int8", "int4").map(p -> "inference.precision=" + p),
                Arbitraries.integers().between(1, 100_000).map(n -> "training.gpuCount=" + n),
                Arbitraries.integers().between(0, 4096).map(b -> "inference.batchSize=" + b),
                context.map(c -> "training.sequenceLength=" + c),
                context.map(c -> "inference.promptTokens=" + c),
                Arbitraries.doubles().between(0, 10).map(e -> "inference.requestsPerDay=" + Math.pow(10, e)),
                Arbitraries.of("none", "selective", "full").map(r -> "training.activationRecompute=" + r),
                Arbitraries.of("flash", "eager").map(k -> "training.attention=" + k),
                Arbitraries.integers().between(0, 3).map(z -> "training.zeroStage=" + z),
                Arbitraries.of(true, false).map(b -> "inference.speculativeDecoding.enabled=" + b),
                Arbitraries.of("pretrain", "full", "lora", "qlora").map(m -> "training.method=" + m),
                Arbitraries.integers().between(1, 4096).map(r -> "training.loraRank=" + r),
                Arbitraries.of("query-value", "attention", "all-linear").map(t -> "training.loraTargets=" + t),
                Arbitraries.doubles().between(0.01, 1000).map(x -> "training.epochs=" + x),
                Arbitraries.doubles().between(1, 200).map(x -> "inference.targetTokensPerSecondPerUser=" + x),
                Arbitraries.doubles().between(0.05, 30).map(x -> "inference.targetTimeToFirstTokenSeconds=" + x));
        return Combinators.combine(settings).as(v -> {
            String[] sets = v.toArray(new String[0]);
            return scenario(sets[0], java.util.Arrays.copyOfRange(sets, 1, sets.length));
        });
    }
}
