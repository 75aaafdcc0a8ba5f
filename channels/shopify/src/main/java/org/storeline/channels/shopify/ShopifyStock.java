package org.storeline.channels.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.sync.Listing;
import org.storeline.core.sync.PlatformCall;
import org.storeline.core.sync.StockLevel;

/**
 * Stock levels to Shopify with GraphQL's {@code inventorySetQuantities}: the absolute {@code available} quantity of up
 * to {@value #PER_CALL} inventory items at their locations in one call (Shopify caps input arrays at 250), where REST's
 * {@code inventory_levels/set.json} takes one. A burst over a thousand products is then four calls, not a thousand,
 * which is what lets it through the store's rate budget within seconds.
 *
 * <p>The mutation's input changed in 2026-04: every quantity must then carry {@code changeFromQuantity} (an explicit
 * null opts out of the compare-and-set check, as the system of record for stock does), and the call an
 * {@code @idempotent(key:)} directive; 2026-01 takes both already and 2025-01 (the module's pinned version) neither. So
 * this one call names {@value #API_VERSION}, whose request stays valid when Shopify retires that version and serves
 * the next. A mutation Shopify answers with {@code userErrors} set nothing it names: the call is a refusal carrying
 * Shopify's messages, as an item WooCommerce rejects in a batch.
 */
final class ShopifyStock {
    static final int PER_CALL = 250;
    static final String API_VERSION = "2026-01";

    /** The mutation, with its idempotency key (a new one per call: a level sent again is a new, absolute call). */
    static String mutation(UUID key) {
        return """
                mutation StorelineSetStock($input: InventorySetQuantitiesInput!) {
                  inventorySetQuantities(input: $input) @idempotent(key: "%s") {
                    inventoryAdjustmentGroup { createdAt reason changes { name delta } }
                    userErrors { field message }
                  }
                }""".formatted(key);
    }

    private final PlatformHttp http;

    ShopifyStock(PlatformHttp http) {
        this.http = http;
    }

    List<PlatformCall> set(List<StockLevel> levels, ChannelConnection connection) {
        // The latest level of an item at a location wins: the earlier ones would only be overwritten.
        Map<String, StockLevel> latest = new LinkedHashMap<>();
        for (StockLevel level : levels) {
            latest.remove(key(level.listing()));
            latest.put(key(level.listing()), level);
        }
        // Every quantity is built before the first call: a listing without its ids stops the batch before it starts.
        List<ObjectNode> quantities = new ArrayList<>();
        latest.values().forEach(level -> quantities.add(quantity(level)));
        List<StockLevel> ordered = List.copyOf(latest.values());
        ShopifyCalls calls = new ShopifyCalls(http);
        for (int from = 0; from < quantities.size(); from += PER_CALL) {
            int to = Math.min(quantities.size(), from + PER_CALL);
            List<PlatformCall> earlier = calls.made();
            JsonNode data = calls.graphql(
                    connection,
                    API_VERSION,
                    mutation(UUID.randomUUID()),
                    variables(quantities.subList(from, to)),
                    what(ordered.subList(from, to)));
            JsonNode errors = data.path("inventorySetQuantities").path("userErrors");
            if (errors.isArray() && !errors.isEmpty()) {
                throw PlatformCallException.refused(
                                what(ordered.subList(from, to)) + ": Shopify refused "
                                        + errors.findValuesAsText("message"),
                                200)
                        .after(earlier);
            }
        }
        return calls.made();
    }

    private static ObjectNode variables(List<ObjectNode> quantities) {
        ObjectNode variables = PlatformJson.MAPPER.createObjectNode();
        ObjectNode input = variables.putObject("input");
        input.put("name", "available").put("reason", "correction");
        ArrayNode list = input.putArray("quantities");
        quantities.forEach(list::add);
        return variables;
    }

    private static ObjectNode quantity(StockLevel level) {
        return PlatformJson.MAPPER
                .createObjectNode()
                .put(
                        "inventoryItemId",
                        "gid://shopify/InventoryItem/"
                                + ShopifyOutbound.id(level.listing(), ShopifyOutbound.INVENTORY_ITEM_ID))
                .put(
                        "locationId",
                        "gid://shopify/Location/" + ShopifyOutbound.id(level.listing(), ShopifyOutbound.LOCATION_ID))
                .put("quantity", level.level())
                .putNull("changeFromQuantity");
    }

    private static String what(List<StockLevel> levels) {
        if (levels.size() == 1) {
            StockLevel level = levels.get(0);
            return "Setting the Shopify stock of " + level.listing().sku() + " to " + level.level();
        }
        return "Setting the Shopify stock of " + levels.size() + " items";
    }

    private static String key(Listing listing) {
        return listing.ids().get(ShopifyOutbound.INVENTORY_ITEM_ID) + "@"
                + listing.ids().get(ShopifyOutbound.LOCATION_ID);
    }
}
