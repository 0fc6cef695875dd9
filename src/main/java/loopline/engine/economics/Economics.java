package loopline.engine.economics;

import loopline.engine.Units;
import loopline.engine.hardware.Gpu;

/**
 * How long the model serves (to amortise training over) and how its GPU-hours are paid for. Owned GPU-hours cost the
 * purchase, with the cluster's network on top (a share of the whole cluster's cost), straight-line over
 * {@code amortisationYears}, plus the colocation rent for the power capacity each GPU's server needs; the electricity
 * comes on top from the energy estimate ({@link #electricityBilledApart()}).
 */
public record Economics(double horizonMonths, CostMode costMode, double amortisationYears, double networkShareOfCapex,
                        double colocationUsdPerKwMonth) {

    public static final String OWNED_RATE_FORMULA = "owned $/GPU-hour = purchase ÷ (1 − network share) ÷ (years × 8,760 h)"
            + " + colocation $/kW-month × TDP × (1 + server overhead) ÷ 1000 ÷ 720 h";
    /** Hours in a calendar year: an owned GPU is paid for every one of them, used or not. */
    static final double HOURS_PER_YEAR = 365 * 24;

    public boolean owned() {
        return costMode == CostMode.OWNED;
    }

    /** Owned GPUs pay their electricity on top of the hourly rate; a rented GPU-hour already includes it. */
    public boolean electricityBilledApart() {
        return owned();
    }

    /** The purchase, network share included, over the hours of the amortisation: $ per owned GPU-hour. */
    public double capexUsdPerGpuHour(Gpu gpu) {
        return gpu.purchaseUsdPerGpu() / (1 - networkShareOfCapex) / (amortisationYears * HOURS_PER_YEAR);
    }

    /**
     * The data centre's rent for the power capacity one GPU and its share of the server take: $ per owned GPU-hour (a
     * month is 720 hours, as the serving bill counts it, so a month of an owned GPU pays exactly a month's rent).
     */
    public double facilityUsdPerGpuHour(Gpu gpu, double serverOverhead) {
        return colocationUsdPerKwMonth * gpu.tdpWatts() * (1 + serverOverhead) / 1000 / Units.HOURS_PER_MONTH;
    }

    /**
     * The default $/GPU-hour of {@code gpu} in this cost mode: the catalog's rental price, or what owning it costs an
     * hour before electricity; a GPU with no purchase price in the catalog keeps its rental price (the window says so).
     */
    public double pricePerGpuHourUsd(Gpu gpu, double serverOverhead) {
        if (!owned() || !gpu.hasPurchasePrice()) {
            return gpu.pricePerGpuHourUsd();
        }
        return capexUsdPerGpuHour(gpu) + facilityUsdPerGpuHour(gpu, serverOverhead);
    }
}
