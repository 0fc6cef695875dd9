package loopline.present;

import static loopline.present.Format.formatBytes;
import static loopline.present.Format.formatUsd;

import loopline.engine.Scenario;
import loopline.engine.hardware.Gpu;

/**
 * How an accelerator reads in a picker: what decides a choice (memory, bandwidth, price) beside its name. A TPU,
 * Trainium or Gaudi says "accelerator", so nobody reads it as a GPU; "est." marks a price LoopLine set where no
 * public hourly price exists.
 */
public final class GpuSummary {
    private GpuSummary() {
    }

    /** "NVIDIA H100 SXM5 80GB · 80 GB · 3.35 TB/s · $2.99/h", for the picker's list. */
    public static String pickerLabel(Gpu g) {
        return g.name() + (g.isGpu() ? "" : " · accelerator") + " · " + figures(g);
    }

    /**
     * "Serving GPU · 80 GB · 3.35 TB/s · $2.99/h" above the picker, which is too narrow to show the chosen entry's
     * whole label; {@code role} is "Training" or "Serving".
     */
    public static String caption(String role, Gpu g) {
        return role + (g.isGpu() ? " GPU" : " accelerator") + " · " + figures(g);
    }

    /**
     * The caption with the price the scenario pays an hour for {@code g}: an owned cluster's rate ("$1.21/h owned") when
     * it owns GPUs the catalog has a purchase price for, else the catalog's rental price.
     */
    public static String caption(String role, Gpu g, Scenario s) {
        if (!s.economics().owned() || !g.hasPurchasePrice()) {
            return caption(role, g);
        }
        return role + (g.isGpu() ? " GPU" : " accelerator") + " · " + formatBytes(g.memoryBytes()) + " · "
                + formatBytes(g.memoryBandwidthBytesPerSecond()) + "/s · "
                + formatUsd(s.economics().pricePerGpuHourUsd(g, s.energy().serverOverhead())) + "/h owned";
    }

    /** "H100 SXM5 80GB": the name without its vendor, where the side's colour and context already say it. */
    public static String shortName(Gpu g) {
        return g.name().replace("NVIDIA ", "").replace("AMD Instinct ", "");
    }

    private static String figures(Gpu g) {
        return formatBytes(g.memoryBytes()) + " · " + formatBytes(g.memoryBandwidthBytesPerSecond()) + "/s · "
                + formatUsd(g.pricePerGpuHourUsd()) + "/h" + (g.priceEstimated() ? " est." : "");
    }
}
