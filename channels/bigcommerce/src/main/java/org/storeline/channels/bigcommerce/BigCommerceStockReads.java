package org.storeline.channels.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.sync.Listing;

/**
 * Reads the stock levels BigCommerce shows, for its inventory webhooks, which carry a difference and never the level
 * (SOR-3): {@code GET /v3/catalog/products?id:in=...} for stock tracked on the product and
 * {@code GET /v3/catalog/variants?id:in=...} for stock tracked on variants, 50 ids a call, each answering its
 * {@code inventory_level}. The catalog's level is the store's total over its locations: the level Storeline sets where
 * the listing's location is the store's only one (BigCommerce's default location). Untracked stock is left out.
 */
final class BigCommerceStockReads {
    static final int IDS_PER_QUERY = 50;

    private final PlatformHttp http;

    BigCommerceStockReads(PlatformHttp http) {
        this.http = http;
    }

    Map<Listing, Long> read(List<Listing> listings, ChannelConnection connection) {
        Map<String, Listing> ofProducts = new LinkedHashMap<>();
        Map<String, Listing> ofVariants = new LinkedHashMap<>();
        for (Listing listing : listings) {
            String tracking = listing.ids().get(BigCommerceOutbound.TRACKING);
            if (BigCommerceOutbound.OF_PRODUCT.equals(tracking)) {
                ofProducts.put(
                        BigCommerceOutbound.id(listing, BigCommerceOutbound.PRODUCT_ID)
                                .toString(),
                        listing);
            } else if (BigCommerceOutbound.OF_VARIANT.equals(tracking)) {
                ofVariants.put(
                        BigCommerceOutbound.id(listing, BigCommerceOutbound.VARIANT_ID)
                                .toString(),
                        listing);
            }
        }
        Map<Listing, Long> levels = new LinkedHashMap<>();
        read("/catalog/products", "products", ofProducts, connection, levels);
        read("/catalog/variants", "variants", ofVariants, connection, levels);
        return levels;
    }

    private void read(
            String path,
            String what,
            Map<String, Listing> byId,
            ChannelConnection connection,
            Map<Listing, Long> levels) {
        List<String> ids = new ArrayList<>(byId.keySet());
        BigCommerceCalls calls = new BigCommerceCalls(http);
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            String query = path + "?id:in=" + String.join(",", chunk) + "&include_fields=inventory_level&limit=250";
            Optional<JsonNode> answer = calls.get(
                    connection,
                    BigCommerceClient.v3(connection, query),
                    "Reading the stock of " + chunk.size() + " BigCommerce " + what);
            for (JsonNode item : answer.map(body -> body.path("data")).orElse(PlatformJson.MAPPER.missingNode())) {
                JsonNode level = item.path("inventory_level");
                PlatformJson.id(item, "id")
                        .map(byId::get)
                        .filter(listing -> level.canConvertToExactIntegral())
                        .ifPresent(listing -> levels.put(listing, level.longValue()));
            }
        }
    }
}
