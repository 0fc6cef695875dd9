package loopline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import loopline.engine.RandomScenarios;
import loopline.engine.Scenario;
import loopline.present.Warnings;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What {@code estimate --json} prints, over random valid scenarios: strict JSON (no NaN, no Infinity, as numbers
 * or as strings), a target flag that agrees with the figures printed beside it, Little's law in the printed
 * figures, and more traffic never needing fewer GPUs.
 */
class EstimateJsonProperties {
    /** Strict: refuses NaN and Infinity tokens, as any JSON reader but Jackson's lenient mode would. */
    private static final ObjectMapper STRICT = JsonMapper.builder().disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    @Provide
    Arbitrary<Scenario> anyScenario() {
        return RandomScenarios.any();
    }

    private static JsonNode printed(Estimate e) throws Exception {
        ObjectNode json = EstimateCommand.toJsonWithRanges(e, Warnings.of(e));
        EstimateCommand.nullForNoValue(json);
        return STRICT.readTree(json.toPrettyString());
    }

    @Property(tries = 120)
    void theJsonHasOnlyFiniteNumbersAndItsFlagAgreesWithItsFigures(@ForAll("anyScenario") Scenario s) throws Exception {
        JsonNode json = printed(Estimator.estimate(s));
        List<String> noValue = new ArrayList<>();
        collectNonNumbers("", json, noValue);
        assertThat(noValue).isEmpty();
        JsonNode in = json.get("inference");
        if (in.get("latencyTargetMet").asBoolean()) {
            assertThat(in.get("tokensPerSecondPerUser").asDouble())
                    .isGreaterThanOrEqualTo(s.inference().targetTokensPerSecondPerUser() * (1 - 1e-6));
            assertThat(in.get("latency").get("ttftP99Seconds").asDouble())
                    .isLessThanOrEqualTo(s.inference().targetTimeToFirstTokenSeconds() * (1 + 1e-6));
        }
        if (in.get("fits").asBoolean()) {
            double inSystem = in.get("requestsPerSecondPerReplica").asDouble() * (in.get("meanTimeToFirstTokenSeconds").asDouble()
                    + s.inference().outputTokens() * in.get("meanTimePerOutputTokenSeconds").asDouble());
            assertThat(in.get("concurrentRequestsPerReplica").asDouble()).isCloseTo(inSystem, withinPercentage(1e-4));
        } else {
            assertThat(in.get("latencyTargetMet").asBoolean()).isFalse();
            assertThat(in.get("meanTimeToFirstTokenSeconds").isNull()).isTrue();
        }
    }

    @Property(tries = 60)
    void twiceTheTrafficNeverNeedsFewerServingGpus(@ForAll("anyScenario") Scenario s) throws Exception {
        Scenario doubled = s.withInference(s.inference().withRequestsPerDay(2 * s.inference().requestsPerDay()));
        JsonNode once = printed(Estimator.estimate(s)).get("inference");
        JsonNode twice = printed(Estimator.estimate(doubled)).get("inference");
        if (once.get("servable").asBoolean()) {
            assertThat(twice.get("gpus").asLong()).isGreaterThanOrEqualTo(once.get("gpus").asLong());
        }
    }

    /** Paths of values that stand for "no number": NaN/Infinity spelt as strings, or numbers that are not finite. */
    private static void collectNonNumbers(String path, JsonNode n, List<String> bad) {
        if (n.isNumber() && !Double.isFinite(n.asDouble())
                || n.isTextual() && n.asText().matches("-?(NaN|Infinity)")) {
            bad.add(path + " = " + n);
        }
        n.fields().forEachRemaining(f -> collectNonNumbers(path + "." + f.getKey(), f.getValue(), bad));
        for (int i = 0; n.isArray() && i < n.size(); i++) {
            collectNonNumbers(path + "[" + i + "]", n.get(i), bad);
        }
    }
}
