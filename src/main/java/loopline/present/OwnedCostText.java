package loopline.present;

import static loopline.present.Explanation.in;
import static loopline.present.Format.formatCount;
import static loopline.present.Format.formatNumber;
import static loopline.present.Format.formatPercent;
import static loopline.present.Format.formatUsd;

import java.util.ArrayList;
import java.util.List;
import loopline.engine.Estimate;
import loopline.engine.economics.Economics;
import loopline.engine.economics.ServingCost;
import loopline.engine.hardware.Gpu;
import loopline.engine.training.TrainingRun;

/**
 * The words for an owned cluster's bill: what the hourly rate is made of (the purchase over the years, the colocation
 * rent) and the electricity billed apart, for the cost cards and their "why?".
 */
final class OwnedCostText {
    static final String TRAINING_FORMULA = TrainingRun.COST_FORMULA + " + kWh × $/kWh (owned: the electricity is billed apart)";

    private OwnedCostText() {
    }

    /** The card's second line for an owned side: " · owned, $401k power". */
    static String cardSuffix(double electricityUsd) {
        return " · owned, " + formatUsd(electricityUsd) + " power";
    }

    static Explanation trainingCost(Estimate e, String title) {
        var t = e.scenario().training();
        TrainingRun run = e.trainingRun();
        List<Explanation.Input> inputs = new ArrayList<>(List.of(in("GPU-hours", formatCount(run.gpuHours()))));
        inputs.addAll(rate(e.scenario().economics(), t.gpu(), t.pricePerGpuHourUsd(), e.scenario().energy().serverOverhead()));
        inputs.add(in("electricity", formatCount(e.trainingEnergy().energyKwh()) + " kWh × " + usdPerKwh(e) + " = "
                + formatUsd(e.trainingEnergy().electricityUsd())));
        return new Explanation(title, TRAINING_FORMULA, inputs, formatUsd(e.trainingCostUsd()),
                "Owned: the GPUs are paid for every hour of the run, and the years after it are yours for other work. Compute only: "
                        + "no staff, data or failed experiments. " + purchaseNote(t.gpu()));
    }

    static Explanation servingCost(Estimate e) {
        var i = e.scenario().inference();
        ServingCost sc = e.serving();
        List<Explanation.Input> inputs = new ArrayList<>(List.of(in("GPUs", Format.formatWhole(sc.gpus()))));
        inputs.addAll(rate(e.scenario().economics(), i.gpu(), i.pricePerGpuHourUsd(), e.scenario().energy().serverOverhead()));
        inputs.add(in("electricity", formatCount(e.servingEnergy().monthlyKwh()) + " kWh × " + usdPerKwh(e) + " = "
                + formatUsd(sc.monthlyElectricityUsd())));
        return new Explanation("Serving cost per month", ServingCost.OWNED_MONTHLY_FORMULA, inputs, formatUsd(sc.monthlyCostUsd()),
                "Owned GPUs are paid for every hour, busy or idle: a fleet that scales down at night saves only the power, so the "
                        + "fleet sized for the peak is the bill. " + purchaseNote(i.gpu()));
    }

    /** The rate's parts when it is the owned default, or the typed rate as it stands. */
    private static List<Explanation.Input> rate(Economics economics, Gpu gpu, double price, double serverOverhead) {
        if (!gpu.hasPurchasePrice() || price != economics.pricePerGpuHourUsd(gpu, serverOverhead)) {
            return List.of(in("$/GPU-hour", formatUsd(price) + (gpu.hasPurchasePrice() ? " (typed)" : " (rental: no purchase price)")));
        }
        return List.of(
                in("purchase", formatUsd(gpu.purchaseUsdPerGpu()) + " per GPU ÷ (1 − " + formatPercent(economics.networkShareOfCapex())
                        + " network) ÷ " + formatNumber(economics.amortisationYears()) + " years = "
                        + formatUsd(economics.capexUsdPerGpuHour(gpu)) + "/GPU-hour"),
                in("colocation", formatUsd(economics.colocationUsdPerKwMonth()) + "/kW-month × "
                        + formatNumber(gpu.tdpWatts() * (1 + serverOverhead) / 1000) + " kW = "
                        + formatUsd(economics.facilityUsdPerGpuHour(gpu, serverOverhead)) + "/GPU-hour"));
    }

    private static String usdPerKwh(Estimate e) {
        return formatUsd(e.scenario().energy().electricityUsdPerKwh()) + "/kWh";
    }

    private static String purchaseNote(Gpu gpu) {
        return gpu.hasPurchasePrice() ? "Purchase price: " + gpu.purchaseSource() + "." : "";
    }
}
