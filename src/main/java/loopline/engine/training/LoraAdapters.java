package loopline.engine.training;

import loopline.engine.model.ModelArchitecture;
import loopline.engine.model.Moe;
import loopline.engine.model.MultiHeadLatentAttention;

/**
 * How many parameters LoRA adds (Hu et al. 2021, arXiv:2106.09685): each adapted linear layer W (d_in × d_out)
 * gets two trained factors, A (d_in × r) and B (r × d_out), so r·(d_in + d_out) parameters beside the frozen W.
 * Routed experts each get their own adapter; a token passes through only its active experts' adapters.
 */
public final class LoraAdapters {
    public static final String PARAMETERS_FORMULA = "N_adapters = r × Σ_layers Σ_adapted matrices (d_in + d_out)";

    private LoraAdapters() {
    }

    /** Adapter parameters of the whole model at rank {@code rank}. */
    public static double parameters(ModelArchitecture m, double rank, LoraTargets targets) {
        return rank * widths(m, targets, false);
    }

    /** Adapter parameters one token passes through (MoE: shared and active experts only). */
    public static double activeParameters(ModelArchitecture m, double rank, LoraTargets targets) {
        return rank * widths(m, targets, true);
    }

    /** Σ (d_in + d_out) over the adapted matrices of every layer. */
    private static double widths(ModelArchitecture m, LoraTargets targets, boolean activeOnly) {
        double perLayer = switch (targets) {
            case QUERY_VALUE -> queryValueWidths(m);
            case ATTENTION, ALL_LINEAR -> attentionWidths(m);
        };
        double attention = m.mixerLayers() * perLayer;
        if (targets != LoraTargets.ALL_LINEAR) {
            return attention;
        }
        double mlp = m.denseMlpLayers() * mlpWidths(m, m.ffnSize());
        if (m.moe() != null) {
            Moe moe = m.moe();
            double experts = (activeOnly ? moe.activeExperts() : moe.experts()) + moe.sharedExperts();
            double router = m.hiddenSize() + moe.experts();
            mlp += m.moeLayers() * (router + experts * mlpWidths(m, moe.expertFfnSize()));
        }
        return attention + mlp;
    }

    private static double attentionWidths(ModelArchitecture m) {
        double h = m.hiddenSize();
        if (m.mla() != null) {
            MultiHeadLatentAttention mla = m.mla();
            double kvDown = h + mla.kvLoraRank() + mla.qkRopeHeadDim();
            double out = m.attentionHeads() * m.valueHeadDim() + h;
            return queryValueWidths(m) + kvDown + out;
        }
        return m.perAttentionLayer(s -> s.projectionWidths(h));
    }

    /** Query and value projections; for MLA the query path and the latent's up-projection to keys and values. */
    private static double queryValueWidths(ModelArchitecture m) {
        double h = m.hiddenSize();
        double a = m.attentionHeads();
        if (m.mla() != null) {
            MultiHeadLatentAttention mla = m.mla();
            double qk = a * m.queryKeyHeadDim();
            double query = mla.qLoraRank() > 0 ? (h + mla.qLoraRank()) + (mla.qLoraRank() + qk) : h + qk;
            return query + mla.kvLoraRank() + a * (mla.qkNopeHeadDim() + mla.vHeadDim());
        }
        return m.perAttentionLayer(s -> s.queryValueProjectionWidths(h));
    }

    private static double mlpWidths(ModelArchitecture m, double width) {
        return (m.gatedMlp() ? 3 : 2) * (m.hiddenSize() + width);
    }
}
