package org.storeline.channels.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * Finds products on BigCommerce by SKU, in two steps, because its catalog filters a product's own SKU and a variant's
 * SKU separately ("Filter items by main SKU. To filter by variant SKU, see Get All Variants"):
 * <ol>
 *   <li>{@code GET /v3/catalog/products?sku:in=A,B,...}, 50 SKUs a call: products whose own SKU is asked, with their
 *       base variant and how their stock is tracked ({@code inventory_tracking}: {@code product}, {@code variant} or
 *       {@code none});</li>
 *   <li>{@code GET /v3/catalog/variants?sku=X} for each SKU still missing (the variant filter takes one SKU): a
 *       variant of a product with options, whose stock is the variant's.</li>
 * </ol>
 * The location is the channel's {@code location_id} credential, else BigCommerce's default location, 1.
 */
final class BigCommerceListings {
    /** SKUs per products query; the page asked for holds far more products than that. */
    static final int SKUS_PER_QUERY = 50;

    static final String DEFAULT_LOCATION = "1";

    private final PlatformHttp http;

    BigCommerceListings(PlatformHttp http) {
        this.http = http;
    }

    Map<String, Listing> find(Collection<String> skus, ChannelConnection connection) {
        List<String> wanted = skus.stream()
                .filter(sku -> sku != null && !sku.isBlank())
                .distinct()
                .toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        String location = location(connection);
        BigCommerceCalls calls = new BigCommerceCalls(http);
        Map<String, Listing> found = new LinkedHashMap<>();
        // A SKU with a comma cannot be written in a sku:in list: it is looked up by the variant filter only.
        List<String> listable =
                wanted.stream().filter(sku -> !sku.contains(",")).toList();
        for (int from = 0; from < listable.size(); from += SKUS_PER_QUERY) {
            List<String> chunk = listable.subList(from, Math.min(listable.size(), from + SKUS_PER_QUERY));
            String query = "/catalog/products?sku:in="
                    + chunk.stream().map(BigCommerceListings::encode).collect(Collectors.joining(","))
                    + "&include_fields=sku,base_variant_id,inventory_tracking&limit=250";
            for (JsonNode product : data(calls.get(
                    connection,
                    BigCommerceClient.v3(connection, query),
                    "Looking up " + chunk.size() + " SKUs among BigCommerce products"))) {
                PlatformJson.text(product, "sku")
                        .filter(chunk::contains)
                        .filter(sku -> !found.containsKey(sku))
                        .ifPresent(sku -> found.put(sku, productListing(sku, product, location)));
            }
        }
        for (String sku : wanted) {
            if (!found.containsKey(sku)) {
                String query = "/catalog/variants?sku=" + encode(sku) + "&include_fields=sku,product_id";
                for (JsonNode variant : data(calls.get(
                        connection,
                        BigCommerceClient.v3(connection, query),
                        "Looking up SKU " + sku + " among BigCommerce variants"))) {
                    if (sku.equals(PlatformJson.text(variant, "sku").orElse(null)) && !found.containsKey(sku)) {
                        found.put(sku, variantListing(sku, variant, location));
                    }
                }
            }
        }
        return found;
    }

    private static Listing productListing(String sku, JsonNode product, String location) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put(BigCommerceOutbound.PRODUCT_ID, required(product, "id", sku));
        ids.put(BigCommerceOutbound.VARIANT_ID, required(product, "base_variant_id", sku));
        ids.put(BigCommerceOutbound.LOCATION_ID, location);
        ids.put(BigCommerceOutbound.SKU_OF, BigCommerceOutbound.OF_PRODUCT);
        ids.put(
                BigCommerceOutbound.TRACKING,
                PlatformJson.text(product, "inventory_tracking").orElse(BigCommerceOutbound.OF_PRODUCT));
        return new Listing(sku, ids);
    }

    private static Listing variantListing(String sku, JsonNode variant, String location) {
        return new Listing(
                sku,
                Map.of(
                        BigCommerceOutbound.PRODUCT_ID,
                        required(variant, "product_id", sku),
                        BigCommerceOutbound.VARIANT_ID,
                        required(variant, "id", sku),
                        BigCommerceOutbound.LOCATION_ID,
                        location,
                        BigCommerceOutbound.SKU_OF,
                        BigCommerceOutbound.OF_VARIANT,
                        BigCommerceOutbound.TRACKING,
                        BigCommerceOutbound.OF_VARIANT));
    }

    private static String required(JsonNode node, String field, String sku) {
        return PlatformJson.id(node, field)
                .filter(id -> id.matches("\\d+"))
                .orElseThrow(() -> PlatformCallException.unreadable(
                        "BigCommerce answered SKU " + sku + " without a numeric " + field));
    }

    private static String location(ChannelConnection connection) {
        String location =
                connection.optionalCredential(BigCommerceOutbound.LOCATION_ID).orElse(DEFAULT_LOCATION);
        if (!location.matches("\\d+")) {
            throw PlatformCallException.refused(
                    "credentials.location_id must be a BigCommerce inventory location id (a number, 1 for the default"
                            + " location); got '" + location + "'.",
                    0);
        }
        return location;
    }

    /** v3 lists are {@code {"data": [...], "meta": {...}}}. */
    private static List<JsonNode> data(Optional<JsonNode> answer) {
        List<JsonNode> items = new ArrayList<>();
        answer.map(body -> body.path("data")).filter(JsonNode::isArray).ifPresent(array -> array.forEach(items::add));
        return items;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
