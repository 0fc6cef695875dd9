package loopline.engine.economics;

/** One public per-token price for a model: what a provider charges per million input and output tokens, when, and where it was read. */
public record ApiOffer(String provider, double inputUsdPerMillionTokens, double outputUsdPerMillionTokens, String date,
                       String source) {

    /** What one request of {@code promptTokens} in and {@code outputTokens} out costs through this provider. */
    public double costPerRequestUsd(double promptTokens, double outputTokens) {
        return (promptTokens * inputUsdPerMillionTokens + outputTokens * outputUsdPerMillionTokens) / 1e6;
    }
}
