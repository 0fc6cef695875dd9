package loopline.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import loopline.engine.economics.ApiOffer;

/**
 * {@code assets/api-prices.json}: per catalog model, the public per-token prices it is offered at. Every
 * entry's id must name a catalog model; a folder without the file simply has no API comparison.
 */
final class ApiPriceCatalog {
    private static final Set<String> ENTRY_FIELDS = Set.of("id", "offers");
    private static final Set<String> OFFER_FIELDS = Set.of("provider", "inputUsdPerMillionTokens", "outputUsdPerMillionTokens",
            "date", "source", "notes");
    /** No listed model costs more than this per million tokens; a larger figure is a typo. */
    private static final double MAX_USD_PER_MILLION = 10_000;

    private ApiPriceCatalog() {
    }

    static Map<String, List<ApiOffer>> read(Path file, Set<String> modelIds) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        return CatalogArray.read(file, "apiPrices", (f, id) -> {
            f.onlyKnown(ENTRY_FIELDS);
            if (!modelIds.contains(id)) {
                throw f.error("id", "is not a model in models.json");
            }
            JsonNode list = f.node().get("offers");
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw f.error("offers", "must be a non-empty array");
            }
            List<ApiOffer> offers = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonFields o = new JsonFields(list.get(i), f.where() + ".offers[" + i + "]");
                o.onlyKnown(OFFER_FIELDS);
                o.textsForReaders("notes");
                offers.add(new ApiOffer(o.text("provider"), o.between("inputUsdPerMillionTokens", 0, MAX_USD_PER_MILLION),
                        o.between("outputUsdPerMillionTokens", 0, MAX_USD_PER_MILLION), o.text("date"), o.text("source")));
            }
            return List.copyOf(offers);
        });
    }
}
