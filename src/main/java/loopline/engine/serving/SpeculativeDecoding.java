package loopline.engine.serving;

/**
 * Draft-and-verify decoding (Leviathan et al. 2023): a small model proposes {@code draftTokens}, the
 * target verifies them in one step and keeps each with probability {@code acceptanceRate}. A draft step
 * costs {@code draftCostRatio} of a target decode step.
 */
public record SpeculativeDecoding(boolean enabled, int draftTokens, double acceptanceRate, double draftCostRatio) {

    /** Expected tokens kept per verify step: (1 − α^(k+1)) ÷ (1 − α). */
    public double expectedTokensPerStep() {
        if (!enabled) {
            return 1;
        }
        if (acceptanceRate >= 1) {
            return draftTokens + 1;
        }
        return (1 - Math.pow(acceptanceRate, draftTokens + 1)) / (1 - acceptanceRate);
    }
}
