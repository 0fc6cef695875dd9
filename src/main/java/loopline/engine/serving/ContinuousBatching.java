package loopline.engine.serving;

/**
 * Continuous batching with chunked prefill (Orca, Yu et al. 2022; vLLM; Sarathi-Serve, Agrawal et al.
 * 2024). Every step decodes one position for each running sequence and carries up to
 * {@link #PREFILL_CHUNK_TOKENS} prompt tokens of arriving requests, so prefill and decode share each
 * step. In steady state at λ requests/s with step time τ, λ·O·τ sequences decode and λ·P·τ prompt
 * tokens ride along per step; τ is the step cost of exactly that mix, solved as a fixed point.
 */
public final class ContinuousBatching implements Batching {

    /**
     * Prompt tokens one step may carry on one attention rank (vLLM V1's max_num_batched_tokens and TensorRT-LLM's
     * max_num_tokens: 8,192, each per rank under attention data parallelism).
     */
    public static final double PREFILL_CHUNK_TOKENS = 8192;
    private static final int BISECTIONS = 60;
    private static final double RELATIVE_TOLERANCE = 1e-6;
    /** A closed loop of N users is solved until N in flight holds to a part in 100,000. */
    private static final double CONCURRENCY_TOLERANCE = 1e-5;

    private final StepCost cost;
    private final RequestWork work;
    private final double promptTokens;
    private final double outputTokens;
    private final double tokensPerStep;
    /** Coefficient of variation of the times between arrivals in an open loop (1: Poisson). */
    private final double arrivalCv;
    /** Coefficient of variation of the prompts' lengths (0: every prompt the mean, as benchmarks send them). */
    private final double promptCv;
    /** Prompt tokens one step of the whole replica may carry: a chunk on every attention-DP rank, each scheduling its own. */
    private final double budgetTokens;

    ContinuousBatching(StepCost cost, InferenceSetup setup) {
        this.cost = cost;
        this.budgetTokens = cost.prefillBudgetTokens();
        this.work = RequestWork.of(setup);
        this.promptTokens = work.promptTokens();
        this.outputTokens = work.outputTokens();
        this.tokensPerStep = work.tokensPerStep();
        this.arrivalCv = setup.arrivalCv();
        this.promptCv = setup.promptTokensCv();
    }

    /** One step's seconds with {@code sequences} decoding and {@code prefill} prompt tokens; a step always has a sequence. */
    private double step(double sequences, double prefill) {
        return work.stepSeconds(cost, Math.max(1, sequences), prefill);
    }

    /** A step in which one rank carries {@code chunk} tokens of a lone prompt. */
    private double promptStep(double sequences, double chunk) {
        return work.promptStepSeconds(cost, Math.max(1, sequences), chunk);
    }

    /**
     * Step time at rate λ: the smallest τ with τ = step(λ·O·τ ÷ tokens per step, s·λ·P·τ), where s is the
     * share of the prompt flow that rides along another request's decode; NaN when none exists.
     */
    private double stepSeconds(double lambda, double others) {
        double lo = step(0, 0);
        if (lambda <= 0) {
            return lo;
        }
        double hi = lo;
        for (int i = 0; i < 80 && excess(lambda, others, hi) > 0; i++) {
            lo = hi;
            hi *= 2;
        }
        double excessHi = excess(lambda, others, hi);
        if (excessHi > 0 || lambda * promptTokens * hi >= budgetTokens) {
            return Double.NaN;
        }
        // the fixed point, where the excess falls from above 0 to at most 0; hi, where the step fits in the time
        return RegulaFalsi.narrow(tau -> excess(lambda, others, tau), lo, excess(lambda, others, lo), hi, excessHi, BISECTIONS,
                this::withinTolerance).hi();
    }

    private double excess(double lambda, double others, double tau) {
        return step(lambda * outputTokens * tau / tokensPerStep, others * lambda * promptTokens * tau) - tau;
    }

    @Override
    public OperatingPoint at(double lambda, double slots) {
        return solve(lambda, slots, 1, arrivalCv);
    }

    /**
     * The steady state at rate λ. {@code others} is the share of the other traffic a request meets: 1 in
     * an open loop; (N − 1) ÷ N in a closed loop of N users, where a request never queues behind itself
     * (the finite-population correction; exact at N = 1). {@code cv} is the arrivals' coefficient of variation: a closed
     * loop's users send when answered, so only an open loop's arrivals come in bursts.
     */
    private OperatingPoint solve(double lambda, double slots, double others, double cv) {
        Load load = load(lambda, others, cv);
        if (load == null || load.margin(slots) <= 0) {
            return OperatingPoint.unstable(lambda);
        }
        double tpot = load.tpot();
        double decoding = load.decoding();
        double decodeOnly = step(decoding, 0) / tokensPerStep;
        double ttftAlone = load.ttftAlone();
        double secondsPerPromptToken = load.secondsPerPromptToken();
        double rho = load.rho();
        double prefillWait = load.prefillWait();
        double prefillTail = others * rho > 0 ? prefillWait / (others * rho) : 0;
        double residence = load.residence();
        double holding = load.holding();
        double pAdmitWait = Queueing.erlangC(slots, holding);
        double admitTail = Double.isInfinite(slots) ? 0 : residence / (slots - holding) * Queueing.burstyWaitFactor(cv, 1);
        double ttft = ttftAlone + prefillWait + pAdmitWait * admitTail;

        // a median or a 99th-percentile prompt takes its own length's prefill (the mean TTFT is the mean prompt's)
        double ttftAlone50 = ttftAlone + promptTokens * (Queueing.lognormalQuantileOverMean(promptCv, 0.5) - 1) * secondsPerPromptToken;
        double ttftAlone99 = ttftAlone + promptTokens * (Queueing.lognormalQuantileOverMean(promptCv, 0.99) - 1) * secondsPerPromptToken;
        Latency latency = new Latency(
                ttftAlone50 + Queueing.waitQuantile(others * rho, prefillTail, 0.5) + Queueing.waitQuantile(pAdmitWait, admitTail, 0.5),
                ttftAlone99 + Queueing.waitQuantile(others * rho, prefillTail, 0.99) + Queueing.waitQuantile(pAdmitWait, admitTail, 0.99),
                tpotQuantile(others * lambda, tpot, decodeOnly, cv, 0.5), tpotQuantile(others * lambda, tpot, decodeOnly, cv, 0.99));
        return new OperatingPoint(lambda, lambda * (ttft + outputTokens * tpot), holding, ttft, tpot, latency,
                lambda * outputTokens, rho, true);
    }

    /**
     * The load at rate λ up to what decides whether the replica keeps up: the step time, the prefill budget's utilisation
     * ρ and the requests holding KV; null where no step time keeps up with the tokens arriving.
     */
    private Load load(double lambda, double others, double cv) {
        double tau = stepSeconds(lambda, others);
        if (Double.isNaN(tau)) {
            return null;
        }
        double tpot = tau / tokensPerStep;
        double decoding = lambda * outputTokens * tpot;

        // a prompt is prefilled on its own attention rank, a chunk a step, while every rank decodes
        double fullChunks = Math.floor((promptTokens - 1e-9) / PREFILL_CHUNK_TOKENS);
        double lastChunk = promptTokens - fullChunks * PREFILL_CHUNK_TOKENS;
        double ttftAlone = fullChunks * promptStep(decoding, PREFILL_CHUNK_TOKENS) + promptStep(decoding, lastChunk);

        // Waiting for prefill capacity: the chunk budget is one server working through prompt tokens (M/D/1 for prompts
        // of one length; their spread and bursty arrivals lengthen it: Kingman's G/G/1, (c_a² + c_s²) × the M/D/1 wait)
        double secondsPerPromptToken = step(decoding, budgetTokens) / budgetTokens;
        double rho = lambda * promptTokens * secondsPerPromptToken;
        if (rho >= 1) {
            return new Load(tpot, decoding, ttftAlone, secondsPerPromptToken, rho, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY);
        }
        double prefillWait = Queueing.mdOneMeanWait(others * rho, promptTokens * secondsPerPromptToken)
                * (Queueing.burstyWaitFactor(cv, 0) + promptCv * promptCv);
        // Waiting for memory: each admitted request holds KV for its whole stay, `slots` of them at most (M/M/c).
        double residence = ttftAlone + prefillWait + outputTokens * tpot;
        return new Load(tpot, decoding, ttftAlone, secondsPerPromptToken, rho, prefillWait, residence, lambda * residence);
    }

    /** One rate's load; {@link #margin} is how far it is from the prefill budget or the slots running out. */
    private record Load(double tpot, double decoding, double ttftAlone, double secondsPerPromptToken, double rho,
                        double prefillWait, double residence, double holding) {

        /** Positive while the replica keeps up: the nearer of 1 − ρ and 1 − holding ÷ slots. */
        double margin(double slots) {
            return Math.min(1 - rho, Double.isInfinite(slots) ? 1 : 1 - holding / slots);
        }
    }

    /**
     * A request's own time per token: decode-only steps, slowed by the other prompts prefilled while it
     * decodes. Their number is Poisson with mean λ·O·TPOT (wider with bursty arrivals); on average they add exactly
     * TPOT − decode-only. What they add is their prompt tokens, a compound count: with prompts of spread c_p and arrivals
     * of c_a its variance is E[N]·Var L + Var N·E[L]² = mean × E[L]² × (c_a² + c_p²), so the spread about the mean is
     * √(c_a² + c_p²) times the Poisson one (prompts of one length and Poisson arrivals: exactly Poisson).
     */
    private double tpotQuantile(double lambda, double tpot, double decodeOnly, double cv, double q) {
        double overlapping = lambda * outputTokens * tpot;
        if (overlapping <= 0 || tpot <= decodeOnly) {
            return tpot;
        }
        return decodeOnly + (tpot - decodeOnly) * Queueing.countQuantile(overlapping, Math.hypot(cv, promptCv), q) / overlapping;
    }

    @Override
    public OperatingPoint closedLoop(double concurrency) {
        double others = Math.max(0, concurrency - 1) / concurrency;
        double hi = saturationRequestsPerSecond(Double.POSITIVE_INFINITY);
        double lo = 0;
        // to the concurrency, not the rate: near saturation a millionth of the rate is a percent of the users in flight
        for (int i = 0; i < 2 * BISECTIONS && hi - lo > 1e-15 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            OperatingPoint p = solve(mid, Double.POSITIVE_INFINITY, others, 1);
            if (p.stable() && Math.abs(p.concurrentRequests() - concurrency) <= CONCURRENCY_TOLERANCE * concurrency) {
                return p;
            }
            if (p.stable() && p.concurrentRequests() < concurrency) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return solve(lo, Double.POSITIVE_INFINITY, others, 1);
    }

    /**
     * The highest rate the replica keeps up with, by {@link RegulaFalsi} on the margin to the prefill budget or the slots;
     * where the step time itself stops keeping up there is no margin past the edge, and the bracket halves.
     */
    @Override
    public double saturationRequestsPerSecond(double slots) {
        double lo = 0;
        double marginLo = 1;
        double hi = 1 / step(0, 0);
        double marginHi = margin(hi, slots);
        while (marginHi > 0 && hi < 1e12) {
            lo = hi;
            marginLo = marginHi;
            hi *= 4;
            marginHi = margin(hi, slots);
        }
        return RegulaFalsi.narrow(lambda -> margin(lambda, slots), lo, marginLo, hi, marginHi, BISECTIONS, this::withinTolerance).lo();
    }

    private boolean withinTolerance(double lo, double hi) {
        return hi - lo <= RELATIVE_TOLERANCE * hi;
    }

    /** The open loop's margin at rate λ: positive where it is stable, NaN where no step time keeps up (no margin to aim by). */
    private double margin(double lambda, double slots) {
        Load load = load(lambda, 1, arrivalCv);
        return load == null ? Double.NaN : load.margin(slots);
    }
}
