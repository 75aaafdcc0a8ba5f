package org.storeline.channels.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.sync.Listing;

/**
 * Finds products on Shopify by SKU. The REST Admin API has no SKU filter, so this is the one GraphQL query of the
 * module: {@code productVariants(query: "sku:\"A\" OR sku:\"B\"")}, several SKUs a query, which gives each variant's
 * id and its inventory item. The location stock is set at is the channel's {@code location_id} credential, else the
 * shop's primary location ({@code GET /shop.json}, {@code primary_location_id}), asked only when a SKU was found.
 */
final class ShopifyListings {
    /** SKUs per query; a query asks for four times as many variants, for SKUs that more than one variant shares. */
    static final int SKUS_PER_QUERY = 25;

    static final String QUERY = """
            query StorelineListings($query: String!, $first: Int!) {
              productVariants(first: $first, query: $query) {
                edges { node { id sku inventoryItem { id } } }
              }
            }""";

    private final PlatformHttp http;

    ShopifyListings(PlatformHttp http) {
        this.http = http;
    }

    Map<String, Listing> find(Collection<String> skus, ChannelConnection connection) {
        List<String> wanted = skus.stream()
                .filter(sku -> sku != null && !sku.isBlank())
                .distinct()
                .toList();
        Map<String, JsonNode> variants = new LinkedHashMap<>();
        ShopifyCalls calls = new ShopifyCalls(http);
        for (int from = 0; from < wanted.size(); from += SKUS_PER_QUERY) {
            List<String> chunk = wanted.subList(from, Math.min(wanted.size(), from + SKUS_PER_QUERY));
            ObjectNode variables = PlatformJson.MAPPER
                    .createObjectNode()
                    .put("query", searchQuery(chunk))
                    .put("first", SKUS_PER_QUERY * 4);
            JsonNode data =
                    calls.graphql(connection, QUERY, variables, "Looking up " + chunk.size() + " SKUs on Shopify");
            for (JsonNode edge : data.path("productVariants").path("edges")) {
                JsonNode node = edge.path("node");
                // The search matches words, not whole values: only the variant whose SKU is the one asked is taken.
                PlatformJson.text(node, "sku")
                        .filter(chunk::contains)
                        .ifPresent(sku -> variants.putIfAbsent(sku, node));
            }
        }
        if (variants.isEmpty()) {
            return Map.of();
        }
        String location = location(connection, calls);
        Map<String, Listing> found = new LinkedHashMap<>();
        variants.forEach((sku, node) -> found.put(
                sku,
                new Listing(
                        sku,
                        Map.of(
                                ShopifyOutbound.VARIANT_ID, gidNumber(node.path("id")),
                                ShopifyOutbound.INVENTORY_ITEM_ID,
                                        gidNumber(node.path("inventoryItem").path("id")),
                                ShopifyOutbound.LOCATION_ID, location))));
        return found;
    }

    /** {@code sku:"A" OR sku:"B"}; each value quoted, with {@code \} and {@code "} escaped (Shopify search syntax). */
    static String searchQuery(List<String> skus) {
        return skus.stream()
                .map(sku -> "sku:\"" + sku.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(" OR "));
    }

    private static String location(ChannelConnection connection, ShopifyCalls calls) {
        Optional<String> configured = connection.optionalCredential(ShopifyOutbound.LOCATION_ID);
        if (configured.isPresent()) {
            if (!configured.get().matches("\\d+")) {
                throw PlatformCallException.refused(
                        "credentials.location_id must be a Shopify location id (digits, as in the address of the"
                                + " location in the Shopify admin); got '" + configured.get() + "'.",
                        0);
            }
            return configured.get();
        }
        JsonNode shop = calls.get(connection, "/shop.json", "Reading the Shopify shop's primary location")
                .path("shop");
        return PlatformJson.id(shop, "primary_location_id")
                .orElseThrow(() -> PlatformCallException.unreadable(
                        "Shopify's shop.json names no primary_location_id: set credentials.location_id"));
    }

    /** {@code gid://shopify/InventoryItem/30322695} is 30322695; REST takes the number. */
    static String gidNumber(JsonNode gid) {
        String text = gid.asText("");
        String last = text.substring(text.lastIndexOf('/') + 1);
        int query = last.indexOf('?');
        String number = query < 0 ? last : last.substring(0, query);
        if (!number.matches("\\d+")) {
            throw PlatformCallException.unreadable("Shopify answered an id that is not a Shopify gid: '" + text + "'");
        }
        return number;
    }
}
