package loopline.engine.hardware;

import java.util.Comparator;
import java.util.List;

/**
 * A fused MoE layer (router, permute, grouped expert GEMMs, un-permute) of one format, as measured: its
 * weight-streaming side ({@code floorSeconds} + bytes of the experts reached ÷ ({@code bandwidthShare} × HBM
 * bandwidth)) and its compute side, a share of peak by tokens per expert for each measured layer shape. A shape
 * between two measured ones is interpolated in log(hidden × FFN); beyond them the nearest is held.
 */
public record GroupedGemmEfficiency(double floorSeconds, double bandwidthShare, List<ExpertShape> shapes) {

    public GroupedGemmEfficiency {
        if (shapes.isEmpty()) {
            throw new IllegalArgumentException("a grouped-GEMM table needs at least one measured shape");
        }
        shapes = shapes.stream().sorted(Comparator.comparingDouble(ExpertShape::size)).toList();
    }

    /** Share of peak the grouped GEMM reaches for experts of {@code hidden} × {@code expertFfn} at this many tokens each. */
    public double computeShare(double hidden, double expertFfn, double tokensPerExpert) {
        return forShape(hidden, expertFfn).at(tokensPerExpert);
    }

    /**
     * The share by tokens per expert for one layer shape, with the measured shapes around it found once: a replica's
     * shape is fixed while the slider path asks for many batch sizes.
     */
    public ShareByTokens forShape(double hidden, double expertFfn) {
        double size = hidden * expertFfn;
        ExpertShape first = shapes.get(0);
        if (size <= first.size()) {
            return new ShareByTokens(first.computeShareByTokensPerExpert(), null, 0);
        }
        for (int i = 1; i < shapes.size(); i++) {
            ExpertShape hi = shapes.get(i);
            if (size <= hi.size()) {
                ExpertShape lo = shapes.get(i - 1);
                double f = Math.log(size / lo.size()) / Math.log(hi.size() / lo.size());
                return new ShareByTokens(lo.computeShareByTokensPerExpert(), hi.computeShareByTokensPerExpert(), f);
            }
        }
        return new ShareByTokens(shapes.get(shapes.size() - 1).computeShareByTokensPerExpert(), null, 0);
    }

    /** One layer shape's share of peak by tokens per expert: {@code lower}, or {@code fraction} of the way to {@code upper}. */
    public record ShareByTokens(LogCurve lower, LogCurve upper, double fraction) {
        public double at(double tokensPerExpert) {
            double a = lower.at(tokensPerExpert);
            return upper == null ? a : a + fraction * (upper.at(tokensPerExpert) - a);
        }
    }
}
