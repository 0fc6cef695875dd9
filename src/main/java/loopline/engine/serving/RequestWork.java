package loopline.engine.serving;

/**
 * What one request asks of a replica, as the batching solvers see it: the prompt tokens prefill must
 * compute (after the prefix cache), the answer's length, and how speculative decoding changes a step —
 * {@code positionsPerStep} verified per sequence, {@code tokensPerStep} kept on average, and draft steps
 * costing {@code draftStepsPerStep} target steps of one position.
 */
record RequestWork(double promptTokens, double outputTokens, double positionsPerStep, double tokensPerStep,
                   double draftStepsPerStep) {

    static RequestWork of(InferenceSetup setup) {
        double prompt = setup.uncachedPromptTokens();
        SpeculativeDecoding spec = setup.speculativeDecoding();
        if (spec == null || !spec.enabled()) {
            return new RequestWork(prompt, setup.outputTokens(), 1, 1, 0);
        }
        return new RequestWork(prompt, setup.outputTokens(), spec.draftTokens() + 1, spec.expectedTokensPerStep(),
                spec.draftTokens() * spec.draftCostRatio());
    }

    /** One decode step of {@code sequences} (verify and drafts) with {@code prefill} prompt tokens riding along. */
    double stepSeconds(StepCost cost, double sequences, double prefill) {
        return cost.seconds(sequences, positionsPerStep, prefill) + draftStepsPerStep * cost.seconds(sequences, 1, 0);
    }

    /** The same step with a lone prompt's {@code chunk} on one attention rank ({@link StepCost#secondsWithPromptOnOneRank}). */
    double promptStepSeconds(StepCost cost, double sequences, double chunk) {
        return cost.secondsWithPromptOnOneRank(sequences, positionsPerStep, chunk) + draftStepsPerStep * cost.seconds(sequences, 1, 0);
    }
}
