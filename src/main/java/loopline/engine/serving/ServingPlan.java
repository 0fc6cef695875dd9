package loopline.engine.serving;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import loopline.engine.Units;
import loopline.engine.model.ModelArchitecture;

/**
 * The replica shapes a scenario may serve with and what one replica of each takes on. Capacities do
 * not depend on traffic, so the plan prices any traffic level without solving a replica again.
 */
public final class ServingPlan {

    static final int[] DEGREES = {1, 2, 4, 8, 16, 32, 64};
    /** Attention stays tensor-parallel within a node when experts are spread (DEP): t ≤ 8. */
    static final int MAX_ATTENTION_TP_WITH_EP = 8;

    /**
     * Shapes that meet the targets first, then the cheapest. The sort is stable and the options are built in
     * order of GPUs per replica, so at equal cost the smaller replica comes first.
     */
    private static final Comparator<ShapeOption> CHEAPEST = Comparator
            .comparing((ShapeOption o) -> !o.targetsMet())
            .thenComparingDouble(ShapeOption::monthlyCostUsd);

    /** Fewest GPUs per replica first, so that dearer shapes can be passed over once a cheaper one is known. */
    private final List<ReplicaModel> replicas;
    /** Solved on first use: a shape that cannot beat the best so far is never solved. */
    private final ReplicaModel.Capacity[] capacities;
    private final double pricePerGpuHourUsd;
    /** The same scenario with TP and EP free, when the setup pins them; else this plan. */
    private final ServingPlan unpinned;

    private ServingPlan(List<ReplicaModel> replicas, double pricePerGpuHourUsd, ServingPlan unpinned) {
        this.replicas = new ArrayList<>(replicas);
        this.replicas.sort(Comparator.comparingInt(r -> r.shape().gpus()));
        this.pricePerGpuHourUsd = pricePerGpuHourUsd;
        this.unpinned = unpinned == null ? this : unpinned;
        this.capacities = new ReplicaModel.Capacity[replicas.size()];
    }

    /** The capacity of replica {@code i}, solved once; a benign race at worst solves it twice to the same value. */
    private ReplicaModel.Capacity capacity(int i) {
        ReplicaModel.Capacity c = capacities[i];
        if (c == null) {
            c = replicas.get(i).capacity();
            capacities[i] = c;
        }
        return c;
    }

    /** Every shape the setup allows: its pinned TP and EP, or all of them up to 64 GPUs where it leaves them at 0. */
    static ServingPlan of(ModelArchitecture model, InferenceSetup setup) {
        int domain = setup.gpu().nvlinkDomainGpus();
        ServingPlan free = new ServingPlan(fitting(model, setup, shapes(model, 0, 0, domain)), setup.pricePerGpuHourUsd(), null);
        if (!ServingModel.pinned(setup)) {
            return free;
        }
        return new ServingPlan(fitting(model, setup, shapes(model, setup.tensorParallel(), setup.expertParallel(), domain)),
                setup.pricePerGpuHourUsd(), free);
    }

    /** The plan with TP and EP both free, to say what a pinned shape costs. */
    ServingPlan unpinned() {
        return unpinned;
    }

    /**
     * The shapes to try. Expert parallelism also tries the whole NVLink domain where it is not a power of two (EP 72 on an
     * NVL72 rack, the widest EP that stays on NVLink), with redundant experts in the spare slots ({@link
     * ReplicaShape#routedExpertShare}).
     */
    static List<ReplicaShape> shapes(ModelArchitecture model, int pinnedTp, int pinnedEp, int nvlinkDomainGpus) {
        List<ReplicaShape> shapes = new ArrayList<>();
        boolean moe = model.moe() != null;
        int[] expertDegrees = expertDegrees(nvlinkDomainGpus);
        for (int t : pinnedTp > 0 ? new int[] {pinnedTp} : DEGREES) {
            if (pinnedEp <= 1 || !moe) {
                shapes.add(ReplicaShape.tensorParallel(t));
            }
            if (!moe || pinnedEp == 1 || t > MAX_ATTENTION_TP_WITH_EP && pinnedEp == 0) {
                continue;
            }
            for (int e : pinnedEp > 1 ? new int[] {pinnedEp} : expertDegrees) {
                if (e > 1 && e >= t && e % t == 0 && e <= model.moe().experts()) {
                    shapes.add(new ReplicaShape(t, e));
                }
            }
        }
        return shapes;
    }

    private static int[] expertDegrees(int nvlinkDomainGpus) {
        if (Integer.bitCount(nvlinkDomainGpus) == 1 || nvlinkDomainGpus < DEGREES[0]) {
            return DEGREES;
        }
        int[] degrees = Arrays.copyOf(DEGREES, DEGREES.length + 1);
        degrees[DEGREES.length] = nvlinkDomainGpus;
        Arrays.sort(degrees);
        return degrees;
    }

    /** The shapes whose weights fit with room for a sequence; if none, the largest, so the scenario still shows why. */
    private static List<ReplicaModel> fitting(ModelArchitecture model, InferenceSetup setup, List<ReplicaShape> shapes) {
        List<ReplicaModel> fit = new ArrayList<>();
        ReplicaModel largest = null;
        for (ReplicaShape shape : shapes) {
            ReplicaModel r = new ReplicaModel(model, setup, shape);
            if (r.fits()) {
                fit.add(r);
            }
            if (largest == null || shape.gpus() > largest.shape().gpus()) {
                largest = r;
            }
        }
        if (fit.isEmpty() && largest != null) {
            fit.add(largest);
        }
        return fit;
    }

    /**
     * The options priced at {@code peakRequestsPerSecond}, cheapest first. A shape whose single replica
     * already costs at least the cheapest one meeting the targets cannot be chosen, and is left out.
     */
    public List<ShapeOption> options(double peakRequestsPerSecond) {
        List<ShapeOption> options = new ArrayList<>(replicas.size());
        double bestMeeting = Double.POSITIVE_INFINITY;
        for (int i = 0; i < replicas.size(); i++) {
            if (replicas.get(i).shape().gpus() * pricePerGpuHourUsd * Units.HOURS_PER_MONTH >= bestMeeting) {
                continue;
            }
            ShapeOption o = option(i, peakRequestsPerSecond);
            options.add(o);
            if (o.targetsMet() && o.replicas() > 0) {
                bestMeeting = Math.min(bestMeeting, o.monthlyCostUsd());
            }
        }
        options.sort(CHEAPEST);
        return options;
    }

    /** A planned replica at an open-loop request rate, solved on the replica the plan already built. */
    public OperatingPoint at(ReplicaShape shape, double requestsPerSecond) {
        return replica(shape).at(requestsPerSecond);
    }

    /** The rate past which a planned replica cannot keep up at all (0 when it does not fit). */
    public double saturationRequestsPerSecond(ReplicaShape shape) {
        ReplicaModel r = replica(shape);
        return r.fits() ? r.saturationRequestsPerSecond() : 0;
    }

    ReplicaModel replica(ReplicaShape shape) {
        int i = indexOf(shape);
        if (i < 0) {
            throw new IllegalArgumentException("no replica of shape " + shape);
        }
        return replicas.get(i);
    }

    private ShapeOption option(int i, double peakRequestsPerSecond) {
        ReplicaModel r = replicas.get(i);
        ReplicaModel.Capacity c = capacity(i);
        long count = c.requestsPerSecond() > 0 ? replicasFor(peakRequestsPerSecond, c.requestsPerSecond()) : 0;
        long gpus = count * r.shape().gpus();
        return new ShapeOption(r.shape(), c.requestsPerSecond(), c.speedTargetMet() && c.firstTokenTargetMet(), count, gpus,
                gpus * pricePerGpuHourUsd * Units.HOURS_PER_MONTH);
    }

    /** ⌈peak ÷ capacity⌉, at least one; saturating at Long.MAX_VALUE rather than wrapping. */
    public static long replicasFor(double peakRequestsPerSecond, double capacity) {
        double n = Math.max(1, Math.ceil(peakRequestsPerSecond / capacity * (1 - 1e-12)));
        return n >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) n;
    }

    /** Monthly bill of serving {@code peakRequestsPerSecond} with replicas of {@code shape}, pinned or not. */
    public double cost(ReplicaShape shape, double peakRequestsPerSecond) {
        int i = indexOf(shape);
        return i >= 0 ? option(i, peakRequestsPerSecond).monthlyCostUsd() : unpinned.cost(shape, peakRequestsPerSecond);
    }

    private int indexOf(ReplicaShape shape) {
        for (int i = 0; i < replicas.size(); i++) {
            if (replicas.get(i).shape().equals(shape)) {
                return i;
            }
        }
        return -1;
    }

    ReplicaModel.Capacity capacity(ReplicaShape shape) {
        return capacity(indexOf(shape));
    }
}
