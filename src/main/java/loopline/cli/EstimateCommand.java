package loopline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import loopline.data.Catalogs;
import loopline.data.Json;
import loopline.engine.Estimate;
import loopline.engine.Estimator;
import loopline.engine.Scenario;
import loopline.engine.economics.ApiComparison;
import loopline.engine.economics.EstimateRange;
import loopline.engine.economics.ServingCost;
import loopline.engine.economics.ServingEnergy;
import loopline.engine.economics.TrainingEnergy;
import loopline.engine.serving.Disaggregation;
import loopline.engine.serving.InferenceMemory;
import loopline.engine.serving.InferenceSpeed;
import loopline.engine.training.TrainingMemory;
import loopline.engine.training.TrainingRun;
import loopline.present.ReportText;
import loopline.present.Warnings;

/**
 * {@code loopline estimate --scenario FILE [--model-config PATH] [--set path=value ...] [--baseline FILE] [--json]};
 * with a baseline A, the text ends with the inputs and key figures that differ, A → B, and the JSON holds A's
 * estimate under "baseline" and the differing inputs under "changedInputs".
 */
public final class EstimateCommand {
    private EstimateCommand() {
    }

    public static void run(String[] args, PrintStream out) {
        CommandLine cl = CommandLine.parse(args, Set.of("--scenario", "--model-config", "--set", "--baseline", "--json"));
        Catalogs catalogs = Catalogs.loadDefault();
        Estimate e = estimate(cl.load(catalogs), catalogs);
        Estimate baseline = cl.hasBaseline() ? estimate(cl.loadBaseline(catalogs), catalogs) : null;
        List<String> warnings = new ArrayList<>(cl.importWarnings());
        warnings.addAll(Warnings.of(e));
        if (cl.has("--json")) {
            ObjectNode json = toJsonWithRanges(e, warnings);
            if (baseline != null) {
                json.set("baseline", toJsonWithRanges(baseline, Warnings.of(baseline)));
                json.putPOJO("changedInputs", ReportText.changes(baseline.scenario(), e.scenario()));
            }
            nullForNoValue(json);
            out.println(json.toPrettyString());
        } else {
            out.println(TextSummary.of(e, warnings) + (baseline == null ? "" : TextSummary.comparison(baseline, e)));
        }
    }

    private static Estimate estimate(Scenario s, Catalogs catalogs) {
        return Estimator.estimate(s, catalogs.apiOffersFor(s.model().id()));
    }

    /** {@link #toJson} and, under "ranges", each number's low and high over the uncertain inputs' ends. */
    public static ObjectNode toJsonWithRanges(Estimate e, List<String> warnings) {
        ObjectNode likely = toJson(e, warnings);
        List<ObjectNode> corners = EstimateRange.of(e).corners().stream().map(c -> toJson(c, List.of())).toList();
        likely.set("ranges", JsonRanges.of(likely, corners));
        return likely;
    }

    /** What {@code activeParameters} counts, the same figure README's model table and the window's "N_active" show. */
    static final String ACTIVE_PARAMETERS_CONVENTION = "every weight one token passes through: the input embedding, attention, "
            + "dense MLPs, shared and the k routed experts, the norms and the output head (some model cards leave out the input embedding)";

    /** The stable JSON shape: bytes in bytes, times in seconds, money in USD; warnings as sentences. */
    static ObjectNode toJson(Estimate e, List<String> warnings) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("scenario", e.scenario().name());
        ObjectNode model = root.putObject("model");
        model.put("name", e.scenario().model().name());
        model.put("parameters", e.totalParameters());
        model.put("activeParameters", e.activeParameters());
        model.put("activeParametersCount", ACTIVE_PARAMETERS_CONVENTION);

        TrainingMemory tm = e.trainingMemory();
        TrainingRun run = e.trainingRun();
        ObjectNode training = root.putObject("training");
        ObjectNode tmem = training.putObject("memory");
        tmem.put("weightsBytes", tm.weightsBytes());
        tmem.put("gradientsBytes", tm.gradientsBytes());
        tmem.put("optimizerStatesBytes", tm.optimizerStatesBytes());
        tmem.put("activationsBytes", tm.activationsBytes());
        tmem.put("logitsBytes", tm.logitsBytes());
        tmem.put("workingCopiesBytes", tm.workingCopiesBytes());
        tmem.put("overheadBytes", tm.overheadBytes());
        tmem.put("perGpuBytes", tm.perGpuBytes());
        tmem.put("gpuCapacityBytes", tm.capacityBytes());
        tmem.put("modelStatesTotalBytes", tm.modelStatesTotalBytes());
        tmem.put("bytesPerParameter", tm.bytesPerParameter());
        tmem.put("frozenWeightsBytes", tm.frozenWeightsBytes());
        tmem.put("pagedOptimizerBytes", tm.pagedOptimizerBytes());
        training.put("method", e.scenario().training().method().id());
        training.put("trainableParameters", tm.trainableParameters());
        training.put("tokensTrained", run.tokensTrained());
        training.put("fitsOnGpu", tm.fitsOnGpu());
        training.put("minGpusToFit", tm.minGpusToFit());
        training.put("gpuCount", e.scenario().training().gpuCount());
        training.put("flops", run.flops());
        training.put("tokensPerSecond", run.tokensPerSecond());
        training.put("wallClockDays", run.wallClockDays());
        training.put("gpuHours", run.gpuHours());
        training.put("costUsd", e.trainingCostUsd());
        training.put("gpuCostUsd", run.costUsd());
        TrainingEnergy te = e.trainingEnergy();
        ObjectNode tenergy = training.putObject("energy");
        tenergy.put("gpuWattsComputing", te.gpuWattsComputing());
        tenergy.put("gpuWattsAverage", te.gpuWattsAverage());
        tenergy.put("energyKwh", te.energyKwh());
        tenergy.put("emissionsKgCo2e", te.emissionsKgCo2e());
        tenergy.put("electricityUsd", te.electricityUsd());

        InferenceMemory im = e.inferenceMemory();
        InferenceSpeed sp = e.inferenceSpeed();
        ServingCost sc = e.serving();
        ObjectNode inference = root.putObject("inference");
        ObjectNode imem = inference.putObject("memory");
        imem.put("weightsBytes", im.weightsBytes());
        imem.put("weightsPerGpuBytes", im.weightsPerGpuBytes());
        imem.put("kvCacheBytesPerToken", im.kvCacheBytesPerToken());
        imem.put("kvCacheBytes", im.kvCacheBytes());
        imem.put("kvCachePerGpuBytes", im.kvCachePerGpuBytes());
        imem.put("overheadPerGpuBytes", im.overheadPerGpuBytes());
        imem.put("perGpuBytes", im.perGpuBytes());
        imem.put("gpuCapacityBytes", im.capacityBytes());
        imem.put("bytesPerParameter", im.bytesPerParameter());
        inference.put("fits", im.fits());
        inference.put("gpusPerReplica", im.gpusPerReplica());
        inference.put("shape", sp.shape().label());
        inference.put("tensorParallel", sp.shape().tensorParallel());
        inference.put("expertParallel", sp.shape().expertParallel());
        inference.put("loadMode", jsonId(sp.loadMode()));
        inference.put("concurrentRequestsPerReplica", sp.concurrentRequests());
        inference.put("sequencesByMemory", im.sequencesByMemory());
        inference.put("capacityRequestsPerSecondPerReplica", sp.capacityRequestsPerSecond());
        inference.put("capacityLimitedBy", jsonId(sp.capacityLimit()));
        inference.put("meanTimeToFirstTokenSeconds", sp.timeToFirstTokenSeconds());
        inference.put("meanTimePerOutputTokenSeconds", sp.timePerOutputTokenSeconds());
        inference.put("tokensPerSecondPerUser", sp.tokensPerSecondPerUser());
        inference.put("tokensPerSecondPerReplica", sp.tokensPerSecondPerReplica());
        inference.put("requestsPerSecondPerReplica", sp.requestsPerSecondPerReplica());
        inference.put("decodeMemoryBound", sp.decodeMemoryBound());
        inference.put("latencyTargetMet", sp.latencyTargetMet());
        ObjectNode latency = inference.putObject("latency");
        latency.put("ttftP50Seconds", sp.latency().ttftP50Seconds());
        latency.put("ttftP99Seconds", sp.latency().ttftP99Seconds());
        latency.put("tpotP50Seconds", sp.latency().tpotP50Seconds());
        latency.put("tpotP99Seconds", sp.latency().tpotP99Seconds());
        inference.put("servable", sc.servable());
        inference.put("replicas", sc.replicas());
        inference.put("gpus", sc.gpus());
        inference.put("monthlyCostUsd", sc.monthlyCostUsd());
        inference.put("monthlyGpuCostUsd", sc.monthlyGpuCostUsd());
        inference.put("monthlyElectricityBilledUsd", sc.monthlyElectricityUsd());
        inference.put("costPerRequestUsd", sc.costPerRequestUsd());
        inference.put("costPerMillionOutputTokensUsd", sc.costPerMillionOutputTokensUsd());
        inference.put("autoscaledGpuHoursPerMonth", sc.autoscaledGpuHoursPerMonth());
        inference.put("autoscaledMonthlyCostUsd", sc.autoscaledMonthlyCostUsd());
        Disaggregation split = e.disaggregation();
        if (split != null) {
            ObjectNode d = inference.putObject("disaggregated");
            d.put("feasible", split.feasible());
            if (split.prefill() != null) {
                d.put("prefillShape", split.prefill().shape().label());
                d.put("prefillReplicas", split.prefill().replicas());
            }
            d.put("decodeShape", split.decode().shape().label());
            d.put("decodeReplicas", split.decode().replicas());
            d.put("gpus", split.gpus());
            d.put("monthlyCostUsd", e.withElectricity(split.monthlyCostUsd()));
            d.put("kvTransferSeconds", split.kvTransferSeconds());
            d.put("decodeTtftP99Seconds", split.decodeFirstTokenP99Seconds());
            d.put("prefillTtftTargetSeconds", split.prefillFirstTokenTargetSeconds());
        }
        ServingEnergy se = e.servingEnergy();
        ObjectNode ienergy = inference.putObject("energy");
        ienergy.put("gpuWattsAtPeak", se.gpuWattsAtPoint());
        ienergy.put("gpuWattsAverage", se.gpuWattsAverage());
        ienergy.put("gpuJoulesPerOutputTokenAtPeak", se.gpuJoulesPerOutputToken());
        ienergy.put("fleetKilowatts", se.fleetKilowatts());
        ienergy.put("monthlyKwh", se.monthlyKwh());
        ienergy.put("whPerRequest", se.whPerRequest());
        ienergy.put("joulesPerOutputToken", se.joulesPerOutputToken());
        ienergy.put("kwhPerMillionOutputTokens", se.kwhPerMillionOutputTokens());
        ienergy.put("monthlyEmissionsKgCo2e", se.monthlyEmissionsKgCo2e());
        ienergy.put("monthlyElectricityUsd", se.monthlyElectricityUsd());
        ienergy.put("autoscaledMonthlyKwh", se.autoscaledMonthlyKwh());
        ienergy.put("autoscaledMonthlyEmissionsKgCo2e", se.autoscaledMonthlyEmissionsKgCo2e());

        ObjectNode economics = root.putObject("economics");
        economics.put("trainingCostPerRequestUsd", sc.trainingCostPerRequestUsd());
        economics.put("breakEvenMonths", sc.breakEvenMonths());
        economics.put("horizonMonths", e.scenario().economics().horizonMonths());
        economics.put("costMode", e.scenario().economics().costMode().id());
        economics.put("trainingWhPerRequest", e.servingEnergy().trainingWhPerRequest());
        ApiComparison api = e.api();
        if (api != null) {
            ObjectNode a = economics.putObject("api");
            a.put("provider", api.cheapest().provider());
            a.put("date", api.cheapest().date());
            a.put("inputUsdPerMillionTokens", api.cheapest().inputUsdPerMillionTokens());
            a.put("outputUsdPerMillionTokens", api.cheapest().outputUsdPerMillionTokens());
            a.put("monthlyCostUsd", api.monthlyCostUsd());
            double breakEven = api.selfHostingBreakEvenRequestsPerDay();
            if (Double.isFinite(breakEven)) {
                economics.put("selfHostingBreakEvenRequestsPerDay", breakEven);
            } else {
                economics.putNull("selfHostingBreakEvenRequestsPerDay");
            }
        }
        root.putPOJO("warnings", warnings);
        return root;
    }

    /**
     * Figures that have no value (the TTFT of a setup that does not fit, a break-even that never comes) are infinite or
     * NaN in the engine; JSON has no such numbers, so they are written null, and the warnings say why.
     */
    static void nullForNoValue(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (hasNoValue(o.get(name))) {
                    o.putNull(name);
                } else {
                    nullForNoValue(o.get(name));
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (hasNoValue(a.get(i))) {
                    a.set(i, NullNode.getInstance());
                } else {
                    nullForNoValue(a.get(i));
                }
            }
        }
    }

    private static boolean hasNoValue(JsonNode n) {
        return n.isFloatingPointNumber() && !Double.isFinite(n.doubleValue());
    }

    /** An engine enum as JSON spells ids: FIRST_TOKEN_TARGET → "first-token-target". */
    private static String jsonId(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
