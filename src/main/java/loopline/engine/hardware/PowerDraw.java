package loopline.engine.hardware;

/**
 * What one GPU draws, from what its silicon does. A GPU with kernels in flight runs at full clocks and draws a large floor
 * whatever they are, with a dynamic part on top that grows with how busy its tensor cores are, capped at the board power
 * limit (TDP/TGP) its clocks enforce; a GPU with nothing to do draws its idle power. ML.ENERGY reads power the same way
 * (static power "consumed regardless of activity" and dynamic power that "reflects compute and memory activity":
 * leaderboard v3.0 post, 2026-01-29).
 *
 * <p>The two busy constants are fitted, once, by least squares to ML.ENERGY leaderboard v3.0's measured GPU power
 * (vLLM 0.11.1, Zeus/NVML, steady state; ml-energy/leaderboard public/data/models, commit 0cd52da): 85 runs of Llama 3.1
 * 8B/70B/405B, Gemma 3 27B, Qwen3 8B/32B/30B-A3B/235B-A22B and DeepSeek-V3.1 on H100 and B200 at batch 8 to 512, each
 * with the FLOP rate LoopLine estimates for it (EnergyCalibration under src/test lists every row). Decode at batch 8
 * draws 58–70% of TDP on H100 with idle tensor cores; at batch 512, 85–99%. A memory term was tried and fitted to zero:
 * a decoding GPU streams HBM near its bandwidth at every batch, so memory's draw is inside the floor. The fit's residuals
 * (estimated ÷ measured) run 0.81–1.42 from the 5th to the 95th percentile, median 1.01; {@code energy.gpuPowerVsModelled}
 * carries that band into the ranges.
 */
public final class PowerDraw {
    /** Share of the power limit a GPU with kernels in flight draws at idle tensor cores (fitted). */
    public static final double BUSY_FLOOR_SHARE_OF_TDP = 0.69;
    /** Further share of the power limit per unit of tensor-core utilisation (FLOP/s ÷ dense peak; fitted). */
    public static final double COMPUTE_SHARE_OF_TDP = 0.52;
    /**
     * Share of the power limit a powered GPU with a CUDA context and no kernels draws. No published absolute figure was
     * found (a loaded context adds 26–50 W over bare idle on HBM GPUs: "The Model Parking Tax", arXiv 2605.23918); a
     * LoopLine estimate, 70 W on a 700 W H100, in line with the idle readings nvidia-smi shows.
     */
    public static final double IDLE_SHARE_OF_TDP = 0.10;

    public static final String FORMULA = "W busy = TDP × min(1, " + BUSY_FLOOR_SHARE_OF_TDP + " + " + COMPUTE_SHARE_OF_TDP
            + " × FLOP/s ÷ dense peak); W idle = " + IDLE_SHARE_OF_TDP + " × TDP";

    private PowerDraw() {
    }

    /** Watts one GPU draws while it runs kernels with its tensor cores at this share of their dense peak. */
    public static double busyWatts(Gpu gpu, double computeUtilisation) {
        return gpu.tdpWatts() * Math.min(1, BUSY_FLOOR_SHARE_OF_TDP + COMPUTE_SHARE_OF_TDP * computeUtilisation);
    }

    /** Watts one powered GPU draws with nothing to do. */
    public static double idleWatts(Gpu gpu) {
        return gpu.tdpWatts() * IDLE_SHARE_OF_TDP;
    }
}
