package loopline.engine.serving;

/**
 * Static batching, as before continuous batching (FasterTransformer; Orca's baseline): a batch of b
 * requests is prefilled together, stalling decode, then decodes until its longest answer ends, while
 * arrivals wait for the next batch. Answers are taken to spread evenly from none to twice the mean, so
 * the longest of b runs O·2b ÷ (b + 1) steps.
 */
final class StaticBatching implements Batching {

    private static final int BISECTIONS = 60;
    /** No real batch is larger; past it the rate is beyond what any batch sustains. */
    private static final double MAX_BATCH = 1e7;
    private static final double RELATIVE_TOLERANCE = 1e-6;

    private final StepCost cost;
    private final RequestWork work;
    private final double promptTokens;
    private final double outputTokens;

    /** Coefficient of variation of the times between arrivals (1: Poisson). */
    private final double arrivalCv;

    StaticBatching(StepCost cost, InferenceSetup setup) {
        this.cost = cost;
        this.arrivalCv = setup.arrivalCv();
        this.work = RequestWork.of(setup);
        this.promptTokens = work.promptTokens();
        this.outputTokens = work.outputTokens();
    }

    private double prefillSeconds(double batch) {
        return cost.seconds(0, 1, batch * promptTokens);
    }

    private double timePerToken(double batch) {
        return work.stepSeconds(cost, batch, 0) / work.tokensPerStep();
    }

    /** Seconds from one batch's start to the next: its prefill, then decode until its longest answer ends. */
    private double cycleSeconds(double batch) {
        return prefillSeconds(batch) + outputTokens * 2 * batch / (batch + 1) * timePerToken(batch);
    }

    @Override
    public OperatingPoint at(double lambda, double slots) {
        double busyAtOne = lambda * cycleSeconds(1);
        if (busyAtOne < 1) {
            // Batches of one, the replica idle between them: an M/D/1 queue of whole requests.
            double service = cycleSeconds(1);
            double wait = Queueing.mdOneMeanWait(busyAtOne, service) * Queueing.burstyWaitFactor(arrivalCv, 0);
            double tail = busyAtOne > 0 ? wait / busyAtOne : 0;
            return point(lambda, 1, wait, Queueing.waitQuantile(busyAtOne, tail, 0.5), Queueing.waitQuantile(busyAtOne, tail, 0.99),
                    busyAtOne);
        }
        // Always busy: each batch holds the requests that arrived during the previous one, b = λ·T(b).
        double largest = Math.min(slots, MAX_BATCH);
        double lo = 1;
        double hi = Math.min(2, largest);
        while (lambda * cycleSeconds(hi) > hi) {
            if (hi >= largest) {
                return OperatingPoint.unstable(lambda); // even the largest batch memory holds falls behind
            }
            lo = hi;
            hi = Math.min(2 * hi, largest);
        }
        for (int i = 0; i < BISECTIONS && hi - lo > RELATIVE_TOLERANCE * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (lambda * cycleSeconds(mid) > mid) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double cycle = cycleSeconds(hi);
        return point(lambda, hi, cycle / 2, cycle * 0.5, cycle * 0.99, 1);
    }

    private OperatingPoint point(double lambda, double batch, double meanWait, double waitP50, double waitP99, double busy) {
        double prefill = prefillSeconds(batch);
        double tpot = timePerToken(batch);
        double ttft = meanWait + prefill;
        Latency latency = new Latency(waitP50 + prefill, waitP99 + prefill, tpot, tpot);
        return new OperatingPoint(lambda, lambda * (ttft + outputTokens * tpot), batch * Math.min(1, busy), ttft, tpot, latency,
                lambda * outputTokens, busy, true);
    }

    @Override
    public OperatingPoint closedLoop(double concurrency) {
        double batch = Math.max(1, concurrency);
        double lambda = batch / cycleSeconds(batch);
        return point(lambda, batch, 0, 0, 0, 1);
    }

    @Override
    public double saturationRequestsPerSecond(double slots) {
        double batch = Math.max(1, Math.min(slots, MAX_BATCH));
        return batch / cycleSeconds(batch);
    }
}
