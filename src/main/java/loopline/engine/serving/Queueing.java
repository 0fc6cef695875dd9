package loopline.engine.serving;

/**
 * The queueing formulas serving latency under traffic uses. Arrivals are Poisson (open loop, as users
 * arrive independently) unless the scenario says they come in bursts: then the waits of the Poisson queues are scaled
 * by the two-moment approximations of G/G queues ({@link #burstyWaitFactor}); waits are given as a mean and as
 * quantiles of an exponential tail.
 */
final class Queueing {
    /** z of the 99th percentile of a standard normal, for Poisson counts with a large mean. */
    private static final double Z99 = 2.326;

    private Queueing() {
    }

    /**
     * Mean wait in an M/D/1 queue (fixed service {@code service}, load {@code rho}): Pollaczek–Khinchine
     * with no service variance, ρ·x ÷ (2(1 − ρ)). Infinite at ρ ≥ 1.
     */
    static double mdOneMeanWait(double rho, double service) {
        return rho >= 1 ? Double.POSITIVE_INFINITY : rho * service / (2 * (1 - rho));
    }

    /**
     * How much longer a queue waits when arrivals are burstier than Poisson: Kingman's and Allen–Cunneen's two-moment
     * form W(G/G) ≈ W(M/G) × (c_a² + c_s²) ÷ (1 + c_s²), with c_a the coefficient of variation of the times between
     * arrivals (1: Poisson) and c_s that of the service (0 for a fixed chunk budget, 1 for exponential stays).
     */
    static double burstyWaitFactor(double arrivalCv, double serviceCv) {
        double cs2 = serviceCv * serviceCv;
        return (arrivalCv * arrivalCv + cs2) / (1 + cs2);
    }

    /**
     * Quantile {@code q} of a length whose mean is 1 and coefficient of variation {@code cv}, taken as lognormal (request
     * lengths in LLM traces are right-skewed: Azure 2023's conversation prompts have median 1,020 for a mean of 1,155,
     * p99 4,142). σ² = ln(1 + cv²); the quantile is e^(−σ²/2 + z·σ). 1 at cv = 0.
     */
    static double lognormalQuantileOverMean(double cv, double q) {
        if (cv <= 0) {
            return 1;
        }
        if (q != 0.5 && q != 0.99) {
            throw new IllegalArgumentException("only the median and the 99th percentile are reported, not " + q);
        }
        double sigma = Math.sqrt(Math.log(1 + cv * cv));
        return Math.exp(-sigma * sigma / 2 + (q == 0.5 ? 0 : Z99) * sigma);
    }

    /**
     * Quantile {@code q} of a wait that is 0 with probability 1 − {@code pWait} and otherwise exponential
     * with mean {@code conditionalMean} (exact for M/M/c; Kingman's heavy-traffic form for M/G/1).
     */
    static double waitQuantile(double pWait, double conditionalMean, double q) {
        if (pWait <= 1 - q || conditionalMean <= 0) {
            return 0;
        }
        return conditionalMean * Math.log(pWait / (1 - q));
    }

    /**
     * Erlang C: the chance an arrival finds all {@code servers} busy at offered load {@code load} (in
     * servers). Computed by the stable Erlang-B recursion; loads far below capacity skip it (the
     * chance is then below 1e-9, as the normal tail of a Poisson occupancy 6 σ under capacity shows).
     */
    static double erlangC(double servers, double load) {
        if (load >= servers) {
            return 1;
        }
        if (Double.isInfinite(servers) || load <= 0 || load < servers - 6 * Math.sqrt(servers) - 1) {
            return 0;
        }
        double c = Math.floor(servers);
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = load * b / (k + load * b);
        }
        double rho = load / c;
        return b / (1 - rho + rho * b);
    }

    /**
     * Quantile {@code q} (the median or the 99th percentile, the two LoopLine reports) of a Poisson count
     * with mean {@code mean}: exact for small means, the normal approximation beyond 50.
     */
    static double poissonQuantile(double mean, double q) {
        if (q != 0.5 && q != 0.99) {
            throw new IllegalArgumentException("only the median and the 99th percentile are reported, not " + q);
        }
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            return mean + (q == 0.5 ? 0 : Z99) * Math.sqrt(mean);
        }
        double p = Math.exp(-mean);
        double cumulative = p;
        int k = 0;
        while (cumulative < q) {
            k++;
            p *= mean / k;
            cumulative += p;
        }
        return k;
    }

    /**
     * The same for arrivals of coefficient of variation {@code arrivalCv}: a renewal process's counts have an index of
     * dispersion c_a² over long windows, so their spread about the mean is the Poisson spread times c_a.
     */
    static double countQuantile(double mean, double arrivalCv, double q) {
        double poisson = poissonQuantile(mean, q);
        return Math.max(0, mean + (poisson - mean) * arrivalCv);
    }

    /**
     * The busiest of {@code groups} equal shares when {@code mean} items land on each at random: the
     * mean plus √(2 ln groups · mean), the usual bound on the maximum of Poisson counts, capped at {@code cap}.
     */
    static double busiest(double mean, int groups, double cap) {
        if (groups <= 1 || mean <= 0) {
            return Math.min(mean, cap);
        }
        return Math.min(cap, mean + Math.sqrt(2 * Math.log(groups) * mean));
    }
}
