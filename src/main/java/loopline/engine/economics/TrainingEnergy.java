package loopline.engine.economics;

import loopline.engine.Units;
import loopline.engine.hardware.Gpu;
import loopline.engine.hardware.PowerDraw;
import loopline.engine.hardware.Precision;
import loopline.engine.model.ModelArchitecture;
import loopline.engine.training.TrainingRun;
import loopline.engine.training.TrainingSchedule;
import loopline.engine.training.TrainingSetup;

/**
 * The energy a training run draws from the grid and what it emits. While a GPU computes it draws {@link PowerDraw}'s busy
 * power at the run's FLOP rate (the MFU, recompute included, and fp8's faster GEMMs); through the pipeline bubble, the
 * exposed all-reduce, on GPUs the batch leaves idle and for the wall-clock goodput does not cover (restarts, evaluation,
 * checkpoints) it draws idle power. A simplification, stated: a GPU waiting on a collective still runs NCCL's kernels. The server around it and the facility come on top
 * ({@link EnergySetup#facilityWattsPerGpuWatt}).
 */
public record TrainingEnergy(
        double gpuWattsComputing,
        double gpuWattsAverage,
        double computingShare,
        double energyKwh,
        double emissionsKgCo2e,
        double electricityUsd) {

    public static final String FORMULA = "kWh = GPUs × wall-clock hours × (computing share × W busy + rest × W idle)"
            + " × (1 + server overhead) × PUE ÷ 1000";
    public static final String EMISSIONS_FORMULA = "kg CO₂e = kWh × grid g CO₂e/kWh ÷ 1000";

    public static TrainingEnergy of(ModelArchitecture model, TrainingSetup setup, TrainingRun run, EnergySetup energy) {
        Gpu gpu = setup.gpu();
        Precision base = setup.precision() == Precision.FP8 ? Precision.BF16 : setup.precision();
        // FLOP/s while computing (the MFU applies to the recomputed forward too), over the peak of the format the GEMMs run in
        double compute = setup.mfu() * run.lowPrecisionSpeedup() * gpu.trainingPeakFlopsPerSecond(base)
                / gpu.trainingPeakFlopsPerSecond(setup.precision());
        double computing = PowerDraw.busyWatts(gpu, compute) * energy.gpuPowerVsModelled();
        double share = computingShare(run.schedule()) * setup.goodput();
        double average = share * computing + (1 - share) * PowerDraw.idleWatts(gpu) * energy.gpuPowerVsModelled();
        double kwh = setup.gpuCount() * run.wallClockSeconds() / Units.SECONDS_PER_HOUR * average * energy.facilityWattsPerGpuWatt() / 1000;
        return new TrainingEnergy(computing, average, share, kwh, kwh * energy.gridCarbonGramsPerKwh() / 1000,
                kwh * energy.electricityUsdPerKwh());
    }

    /** Share of a step's wall-clock the cluster's GPUs spend in kernels: the micro-batches' time over the step, busy replicas only. */
    static double computingShare(TrainingSchedule schedule) {
        double inKernels = schedule.microBatchesPerReplica() * schedule.microBatchSeconds() / schedule.stepSeconds();
        return Math.min(1, inKernels) * (1 - schedule.idleShare());
    }
}
