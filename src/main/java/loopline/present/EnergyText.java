package loopline.present;

import static loopline.present.Explanation.in;
import static loopline.present.Format.formatCo2e;
import static loopline.present.Format.formatCount;
import static loopline.present.Format.formatNumber;
import static loopline.present.Format.formatPercent;
import static loopline.present.Format.formatUsd;
import static loopline.present.Format.formatWattHours;
import static loopline.present.Format.formatWatts;

import java.util.List;
import loopline.engine.Estimate;
import loopline.engine.Units;
import loopline.engine.economics.EnergySetup;
import loopline.engine.economics.ServingEnergy;
import loopline.engine.economics.TrainingEnergy;
import loopline.engine.hardware.PowerDraw;
import loopline.engine.serving.ServingPower;

/** The "why?" of the energy figures: power from what the GPUs do, then the servers, the facility and the grid. */
final class EnergyText {
    private EnergyText() {
    }

    static Explanation explain(Figure figure, Estimate e) {
        return switch (figure) {
            case TRAINING_ENERGY -> training(e);
            case SERVING_ENERGY -> servingMonth(e);
            case ENERGY_PER_REQUEST -> perRequest(e);
            default -> throw new IllegalArgumentException(figure + " is not an energy figure");
        };
    }

    private static Explanation training(Estimate e) {
        TrainingEnergy te = e.trainingEnergy();
        EnergySetup energy = e.scenario().energy();
        return new Explanation("Training energy and emissions", TrainingEnergy.FORMULA + "\n  " + PowerDraw.FORMULA + "\n  "
                + TrainingEnergy.EMISSIONS_FORMULA,
                List.of(in("GPUs", Format.formatWhole(e.scenario().training().gpuCount())),
                        in("wall-clock hours", formatCount(e.trainingRun().wallClockSeconds() / Units.SECONDS_PER_HOUR)),
                        in("W per GPU computing", formatWatts(te.gpuWattsComputing()) + " of " + formatWatts(e.scenario().training().gpu().tdpWatts())
                                + " TDP, at MFU " + formatPercent(e.scenario().training().mfu())),
                        in("share of wall-clock computing", formatPercent(te.computingShare()) + " (bubble, exposed all-reduce, idle GPUs and "
                                + "the time goodput leaves draw idle power)"),
                        in("W per GPU on average", formatWatts(te.gpuWattsAverage())),
                        facility(energy), grid(energy)),
                formatWattHours(te.energyKwh() * 1000) + ", " + formatCo2e(te.emissionsKgCo2e()),
                "Electricity at " + formatUsd(energy.electricityUsdPerKwh()) + "/kWh would cost " + formatUsd(te.electricityUsd())
                        + electricityWhere(e) + ". Model cards count every GPU at its TDP; LoopLine counts what the GPUs draw.");
    }

    private static Explanation servingMonth(Estimate e) {
        ServingEnergy se = e.servingEnergy();
        EnergySetup energy = e.scenario().energy();
        return new Explanation("Serving energy per month", ServingEnergy.FORMULA + "\n  " + PowerDraw.FORMULA + "\n  "
                + ServingPower.BUSY_FORMULA + "\n  " + TrainingEnergy.EMISSIONS_FORMULA + "\n  " + ServingEnergy.AUTOSCALED_FORMULA,
                List.of(in("tensor cores at the point shown", formatPercent(se.computeUtilisationAtPoint()) + " of dense peak"),
                        in("W per GPU at the point shown", formatWatts(se.gpuWattsAtPoint())),
                        in("busy at the average traffic", formatPercent(se.busyShareAverage()) + " of the time"),
                        in("W per GPU at the average traffic", formatWatts(se.gpuWattsAverage())),
                        in("GPUs", Format.formatWhole(e.serving().gpus())), facility(energy),
                        in("the fleet draws", formatWatts(se.fleetKilowatts() * 1000)), grid(energy),
                        in("autoscaled (" + e.scenario().inference().dailyTraffic().id() + " day)",
                                formatWattHours(se.autoscaledMonthlyKwh() * 1000) + ", " + formatCo2e(se.autoscaledMonthlyEmissionsKgCo2e()))),
                formatWattHours(se.monthlyKwh() * 1000) + ", " + formatCo2e(se.monthlyEmissionsKgCo2e()),
                "A GPU with work draws most of its TDP even while decoding waits on memory (ML.ENERGY measured 58–70% of TDP at batch 8 "
                        + "on H100, 85–99% at batch 256 and beyond). Electricity at " + formatUsd(energy.electricityUsdPerKwh()) + "/kWh: "
                        + formatUsd(se.monthlyElectricityUsd()) + " a month" + electricityWhere(e) + ". Grows with traffic, like the bill.");
    }

    private static Explanation perRequest(Estimate e) {
        ServingEnergy se = e.servingEnergy();
        double outputTokens = e.scenario().inference().outputTokens();
        return new Explanation("Energy per request", ServingEnergy.PER_REQUEST_FORMULA + "\n  J per output token = Wh per request × 3600 ÷ output tokens"
                + "\n  " + ServingEnergy.GPU_PER_TOKEN_FORMULA,
                List.of(in("kWh a month", formatCount(se.monthlyKwh())), in("requests/day", formatCount(e.scenario().inference().requestsPerDay())),
                        in("output tokens", formatCount(outputTokens))),
                formatWattHours(se.whPerRequest()) + " (" + formatNumber(se.joulesPerOutputToken()) + " J per output token, "
                        + formatWattHours(se.kwhPerMillionOutputTokens() * 1000) + " per 1M output tokens)",
                "Everything the facility draws for the fleet, idle headroom included, as the cost per request is. The GPUs alone, at the "
                        + "operating point shown, draw " + formatNumber(se.gpuJoulesPerOutputToken()) + " J per output token (what ML.ENERGY "
                        + "measures). Training adds " + formatWattHours(se.trainingWhPerRequest()) + " per request over "
                        + Format.formatMonths(e.scenario().economics().horizonMonths()) + ".");
    }

    private static Explanation.Input facility(EnergySetup energy) {
        return in("server overhead × PUE", "(1 + " + formatNumber(energy.serverOverhead()) + ") × " + formatNumber(energy.pue()));
    }

    private static Explanation.Input grid(EnergySetup energy) {
        return in("grid", formatNumber(energy.gridCarbonGramsPerKwh()) + " g CO₂e/kWh");
    }


    /** Where the electricity's cost sits: inside a rented GPU-hour, or on an owned cluster's bill beside the GPUs. */
    private static String electricityWhere(Estimate e) {
        return e.scenario().economics().electricityBilledApart() ? ", billed beside the owned GPUs in the cost"
                : ", already inside the rented GPU-hours";
    }
}
