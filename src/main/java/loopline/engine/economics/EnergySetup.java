package loopline.engine.economics;

/**
 * Where the GPUs run, for energy and carbon: the data centre's power usage effectiveness (facility power over IT
 * power), what the rest of each server draws beside its GPUs, the grid's carbon intensity and the price of a kWh.
 * The rented $/GPU-hour already includes power; the electricity cost is shown beside it, not added to it.
 * {@code gpuPowerVsModelled} scales the GPUs' modelled draw (1 = as {@code PowerDraw} models it).
 */
public record EnergySetup(double pue, double serverOverhead, double gridCarbonGramsPerKwh, double electricityUsdPerKwh,
                          double gpuPowerVsModelled) {

    /** Facility watts per GPU watt: the GPU, its share of the server beside it, then cooling and power conversion. */
    public double facilityWattsPerGpuWatt() {
        return (1 + serverOverhead) * pue;
    }
}
