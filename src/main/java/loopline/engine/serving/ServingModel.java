package loopline.engine.serving;

import java.util.List;
import loopline.engine.Units;
import loopline.engine.model.ModelArchitecture;

/**
 * Serving as a loaded system. For each replica shape the setup allows, a replica's capacity is solved
 * under continuous (or static) batching; the cheapest shape that meets the targets at the scenario's
 * peak traffic is chosen; and the chosen replica is solved again at the traffic it really gets
 * (peak ÷ replicas), so concurrency, speed, latency and request rate describe one operating point.
 */
public final class ServingModel {

    private ServingModel() {
    }

    /** Memory, speed and the priced shape options of serving this setup. */
    public record Result(InferenceMemory memory, InferenceSpeed speed, ServingPlan plan, List<ShapeOption> options,
                         ShapeOption unpinnedBest, ShapeOption alternative, ServingPower power) {
    }

    public static Result evaluate(ModelArchitecture model, InferenceSetup setup) {
        return evaluate(model, setup, ServingPlan.of(model, setup));
    }

    /** The same scenario at another traffic level: the plan's capacities stand, only the choice and operating point move. */
    static Result evaluate(ModelArchitecture model, InferenceSetup setup, ServingPlan plan) {
        double peak = peakRequestsPerSecond(setup);
        List<ShapeOption> options = plan.options(peak);
        ShapeOption chosen = options.get(0);
        ReplicaModel replica = plan.replica(chosen.shape());
        ReplicaModel.Capacity capacity = plan.capacity(chosen.shape());
        OperatingPoint point = operatingPoint(replica, setup, capacity, chosen, peak);
        List<ShapeOption> free = plan.unpinned() == plan ? options : plan.unpinned().options(peak);
        ShapeOption alternative = free.stream().filter(o -> !o.shape().equals(chosen.shape())).findFirst().orElse(null);
        StepCost cost = replica.stepCost();
        double decoding = decodingSequences(setup, point);
        InferenceSpeed speed = new InferenceSpeed(chosen.shape(), point, capacity.point(), capacity.requestsPerSecond(),
                capacity.limit(), setup.batchSize() > 0 ? LoadMode.CLOSED_LOOP : LoadMode.OPEN_LOOP,
                // met where capacity was read and at the point shown (an open queue at its edge runs full, slower)
                capacity.speedTargetMet() && replica.meetsSpeed(point), capacity.firstTokenTargetMet() && replica.meetsFirstToken(point),
                cost.decodeMemoryBound(decoding), cost.decodeFlopsPerByte(decoding),
                averageStep(cost, setup, point), averageStep(cost, setup, capacity.point()));
        ServingPower power = replica.fits() ? ServingPower.of(cost, setup, point, averagePoint(replica, setup, chosen, peak, point))
                : ServingPower.NONE;
        return new Result(memory(model, setup, replica, point), speed, plan, options, free.get(0), alternative, power);
    }

    /**
     * What each GPU of a replica of the chosen shape draws over time when the replica takes {@code requestsPerSecond}
     * (an open loop, as an hour of an autoscaled fleet runs); with a set batch, the closed loop's average draw.
     */
    public static double wattsPerGpuAt(Result serving, InferenceSetup setup, double requestsPerSecond) {
        if (setup.batchSize() > 0 || !serving.memory().fits()) {
            return serving.power().wattsPerGpuAverage();
        }
        ReplicaModel replica = serving.plan().replica(serving.options().get(0).shape());
        return ServingPower.averageWatts(replica.stepCost(), setup, openOrFull(replica, requestsPerSecond));
    }

    /** Sequences decoding in the average step at {@code p}: λ·O·τ, at least one. */
    static double decodingSequences(InferenceSetup setup, OperatingPoint p) {
        return p.stable() ? Math.max(1, p.requestsPerSecond() * setup.outputTokens() * p.timePerOutputTokenSeconds()) : 1;
    }

    /** The average step at {@code p}: λ·O·τ sequences decoding while λ·P·τ prompt tokens ride along. */
    private static StepTerms averageStep(StepCost cost, InferenceSetup setup, OperatingPoint p) {
        double prefillPerStep = p.stable() ? p.requestsPerSecond() * setup.uncachedPromptTokens() * p.timePerOutputTokenSeconds() : 0;
        return cost.terms(decodingSequences(setup, p), 1, prefillPerStep);
    }

    /** True when the scenario fixes the replica's TP or EP instead of leaving the shape to the engine. */
    public static boolean pinned(InferenceSetup setup) {
        return setup.tensorParallel() > 0 || setup.expertParallel() > 0;
    }

    public static double peakRequestsPerSecond(InferenceSetup setup) {
        return peakRequestsPerSecond(setup.requestsPerDay(), setup.peakToAverage());
    }

    /** Replicas are sized for the busiest moment: the average rate times the peak-to-average ratio. */
    public static double peakRequestsPerSecond(double requestsPerDay, double peakToAverage) {
        return requestsPerDay / Units.SECONDS_PER_DAY * peakToAverage;
    }

    /**
     * The replica at its share of the peak (an open loop); with a batch size set, at that many concurrent requests (a
     * closed loop, as a benchmark runs it), which is also where its capacity and target flags were read. Sized
     * replicas never exceed capacity, but an open queue at the edge of what the slots sustain runs full, the excess waiting.
     */
    private static OperatingPoint operatingPoint(ReplicaModel replica, InferenceSetup setup, ReplicaModel.Capacity capacity,
                                                 ShapeOption chosen, double peak) {
        if (!replica.fits() || setup.batchSize() > 0) {
            return capacity.point(); // unstable when nothing fits; the set batch in its closed loop otherwise
        }
        return openOrFull(replica, peak / chosen.replicas());
    }

    /** The replica taking {@code requestsPerSecond}; beyond what its slots sustain, running full (the excess waiting). */
    private static OperatingPoint openOrFull(ReplicaModel replica, double requestsPerSecond) {
        OperatingPoint open = replica.at(requestsPerSecond);
        return open.stable() ? open : replica.closedLoop(Math.max(1, replica.slots()));
    }

    /** The replica at the average traffic (peak ÷ peak-to-average, over the replicas); the set batch's point in a closed loop. */
    private static OperatingPoint averagePoint(ReplicaModel replica, InferenceSetup setup, ShapeOption chosen, double peak,
                                               OperatingPoint atPeak) {
        if (setup.batchSize() > 0) {
            return atPeak;
        }
        OperatingPoint average = replica.at(peak / setup.peakToAverage() / chosen.replicas());
        return average.stable() ? average : atPeak;
    }

    private static InferenceMemory memory(ModelArchitecture model, InferenceSetup setup, ReplicaModel replica, OperatingPoint point) {
        ReplicaShape shape = replica.shape();
        double bytesPerWeight = setup.precision().weightBytesPerParameter();
        double holding = point.stable() ? Math.min(point.runningSequences(), replica.slots()) : 0;
        double kvPerGpu = holding / shape.attentionGroups() * replica.kvPerSequencePerGpuBytes();
        double overhead = setup.gpu().memoryBytes() * (1 - setup.gpuMemoryUtilization());
        double kvPerToken = model.kvValuesPerToken() * setup.kvCachePrecision().kvBytesPerValue();
        return new InferenceMemory(model.totalParameters() * bytesPerWeight, replica.weightsPerGpuBytes(), kvPerToken,
                replica.kvBytesPerSequence(setup.promptTokens() + setup.outputTokens()), kvPerGpu * shape.gpus(), kvPerGpu,
                overhead, replica.weightsPerGpuBytes() + kvPerGpu + overhead, setup.gpu().memoryBytes(), bytesPerWeight,
                shape.gpus(), replica.sequencesByMemory(), replica.fits());
    }

    /** A replica of this shape with {@code concurrency} users in a closed loop, as a benchmark's concurrency setting runs it. */
    public static OperatingPoint closedLoop(ModelArchitecture model, InferenceSetup setup, ReplicaShape shape, double concurrency) {
        return new ReplicaModel(model, setup, shape).closedLoop(concurrency);
    }

    /** A replica of this shape at an open-loop request rate: the latency-vs-traffic curve. */
    public static OperatingPoint at(ModelArchitecture model, InferenceSetup setup, ReplicaShape shape, double requestsPerSecond) {
        return new ReplicaModel(model, setup, shape).at(requestsPerSecond);
    }

    /** The open-loop rate past which this shape's replica cannot keep up at all. */
    public static double saturationRequestsPerSecond(ModelArchitecture model, InferenceSetup setup, ReplicaShape shape) {
        ReplicaModel r = new ReplicaModel(model, setup, shape);
        return r.fits() ? r.saturationRequestsPerSecond() : 0;
    }

    /** Sequences this shape's memory holds at once (with the scheduler's limit: {@code min} of the two is what runs). */
    public static long sequencesByMemory(ModelArchitecture model, InferenceSetup setup, ReplicaShape shape) {
        return new ReplicaModel(model, setup, shape).sequencesByMemory();
    }
}
