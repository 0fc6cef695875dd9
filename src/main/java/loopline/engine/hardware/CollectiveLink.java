package loopline.engine.hardware;

/**
 * What a collective over {@code span} GPUs costs on a GPU's links: inside the NVLink domain the measured floor and bus
 * bandwidth (for a GPU borrowing another's table, no faster than its own link allows); beyond it the network's.
 * Serving's tensor- and expert-parallel steps and training's tensor-parallel layers both ask it.
 */
public final class CollectiveLink {
    /** Small-message latency of a collective across nodes (InfiniBand/RoCE), where no NVLink table applies. */
    public static final double CROSS_NODE_LATENCY_SECONDS = 25e-6;
    /** One 400 Gb/s InfiniBand/RoCE NIC per GPU, as in DGX/HGX clusters: 50 GB/s each way. */
    public static final double CROSS_NODE_BYTES_PER_SECOND = 50e9;
    /**
     * Share of a link's bandwidth a collective's bus bandwidth reaches where none is measured (a GPU borrowing a table,
     * or the network): NCCL's all-reduce bus bandwidth on 8 × H100 is ~360 of NVLink's 450 GB/s each way, DeepEP's
     * all-to-all ~153 of H800's 200.
     */
    public static final double COLLECTIVE_EFFICIENCY = 0.8;

    private CollectiveLink() {
    }

    /** Latency floor: measured inside the NVLink domain; across nodes the kernel's own latency plus the wire's. */
    public static double floorSeconds(Gpu gpu, Collective measured, int span, double networkKernelLatency) {
        return span > gpu.nvlinkDomainGpus() ? networkKernelLatency + CROSS_NODE_LATENCY_SECONDS : measured.floorSeconds(span);
    }

    /**
     * One GPU's one-way bandwidth to a GPU {@code span} GPUs away at most, for a point-to-point copy (a KV cache handed
     * from one replica to another): its own NVLink inside the NVLink domain, its NIC beyond it, each at
     * {@link #COLLECTIVE_EFFICIENCY} of the wire; the wire's latency comes on top beyond the domain ({@link #pointToPointLatencySeconds}).
     */
    public static double pointToPointBytesPerSecond(Gpu gpu, int span) {
        double ownLink = gpu.interconnectBytesPerSecond() / 2 * COLLECTIVE_EFFICIENCY;
        return span > gpu.nvlinkDomainGpus() ? Math.min(ownLink, CROSS_NODE_BYTES_PER_SECOND * COLLECTIVE_EFFICIENCY) : ownLink;
    }

    /** Latency of a point-to-point copy over {@code span} GPUs: none counted inside the NVLink domain, the wire's beyond it. */
    public static double pointToPointLatencySeconds(Gpu gpu, int span) {
        return span > gpu.nvlinkDomainGpus() ? CROSS_NODE_LATENCY_SECONDS : 0;
    }

    /** Bus bandwidth as nccl-tests count it. */
    public static double busBytesPerSecond(Gpu gpu, Collective measured, int span) {
        double link = pointToPointBytesPerSecond(gpu, span);
        if (span > gpu.nvlinkDomainGpus()) {
            return link;
        }
        double bus = measured.busBytesPerSecond(span);
        return gpu.kernelsMeasured() ? bus : Math.min(bus, link);
    }
}
