package org.storeline.channels.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.ChannelOutbound;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.fulfillment.Tracking;
import org.storeline.core.sync.Listing;
import org.storeline.core.sync.PlatformCall;
import org.storeline.core.sync.PriceChange;
import org.storeline.core.sync.RateBudget;
import org.storeline.core.sync.StatusChange;
import org.storeline.core.sync.StockLevel;

/**
 * What Storeline sends to Shopify, through the Admin API of {@link ShopifyClient#API_VERSION} (REST, but for two
 * GraphQL calls REST has no form for: finding products by SKU, and setting many stock levels at once):
 * <ul>
 *   <li>stock: GraphQL {@code inventorySetQuantities}, the absolute {@code available} of up to 250 inventory items at
 *       their locations a call ({@link ShopifyStock});</li>
 *   <li>price: {@code PUT /variants/{id}.json} with the variant's {@code price};</li>
 *   <li>status: only FULFILLED has a Shopify word (the STS table): a fulfillment of every open fulfillment order of the
 *       order ({@code GET /orders/{id}/fulfillment_orders.json}, then {@code POST /fulfillments.json}), with the first
 *       tracking given and {@code notify_customer} false, since Storeline e-mails the customer itself. When no
 *       fulfillment order is open the order is fulfilled already and nothing more is sent.</li>
 * </ul>
 */
public final class ShopifyOutbound implements ChannelOutbound {
    static final String VARIANT_ID = "variant_id";
    static final String INVENTORY_ITEM_ID = "inventory_item_id";
    static final String LOCATION_ID = "location_id";

    /**
     * The REST leaky bucket of the standard plan: 40 requests, leaking 2 a second. Advanced stores leak 4 and Plus
     * stores 20 a second; this budget is the smallest, which every store takes.
     *
     * <p>As strict windows (at most N in any interval of length P), 40 in 20 s and 2 in 1 s keep within that bucket:
     * it overflows only if some interval of length L holds more than 40 + 2L requests. Below 20 s the first window
     * allows at most 40; from 20 s on the second allows at most 2 per started second, 2(L + 1) at most, which is
     * below 40 + 2L. (RateLimiterPropertyTest checks it on random arrivals.)
     */
    static final RateBudget BUDGET = RateBudget.of(
            new RateBudget.Window(40, Duration.ofSeconds(20)), new RateBudget.Window(2, Duration.ofSeconds(1)));

    /** Fulfillment orders a fulfillment can be created for (closed, cancelled, on hold, scheduled... cannot). */
    private static final Set<String> FULFILLABLE = Set.of("open", "in_progress");

    private final PlatformHttp http;
    private final ShopifyListings listings;
    private final ShopifyStock stock;

    public ShopifyOutbound(PlatformHttp http) {
        this.http = http;
        this.listings = new ShopifyListings(http);
        this.stock = new ShopifyStock(http);
    }

    @Override
    public RateBudget budget() {
        return BUDGET;
    }

    @Override
    public Map<String, Listing> findListings(Collection<String> skus, ChannelConnection connection) {
        return listings.find(skus, connection);
    }

    @Override
    public List<PlatformCall> setStockLevels(List<StockLevel> levels, ChannelConnection connection) {
        return stock.set(levels, connection);
    }

    @Override
    public List<PlatformCall> setPrices(List<PriceChange> prices, ChannelConnection connection) {
        prices.forEach(change -> id(change.listing(), VARIANT_ID));
        ShopifyCalls calls = new ShopifyCalls(http);
        for (PriceChange change : prices) {
            BigInteger variant = id(change.listing(), VARIANT_ID);
            ObjectNode body = PlatformJson.MAPPER.createObjectNode();
            // Shopify sends prices as strings ("199.00") and takes them so.
            body.putObject("variant")
                    .put("id", variant)
                    .put("price", change.price().toDecimalString());
            calls.put(
                    connection,
                    "/variants/" + variant + ".json",
                    body,
                    "Setting the Shopify price of " + change.listing().sku() + " to " + change.price());
        }
        return calls.made();
    }

    @Override
    public List<PlatformCall> sendStatus(StatusChange change, ChannelConnection connection) {
        if (change.kind() != StatusChange.Kind.FULFILLED) {
            return List.of();
        }
        String orderId = change.externalOrderId();
        if (orderId == null || !orderId.matches("\\d+")) {
            throw PlatformCallException.refused("'" + orderId + "' is not a Shopify order id (digits only)", 0);
        }
        ShopifyCalls calls = new ShopifyCalls(http);
        JsonNode answer = calls.get(
                connection,
                "/orders/" + orderId + "/fulfillment_orders.json",
                "Reading the fulfillment orders of Shopify order " + orderId);
        // One fulfillment per location: Shopify fulfils fulfillment orders of one location together.
        Map<String, List<String>> openByLocation = new LinkedHashMap<>();
        for (JsonNode fulfillmentOrder : answer.path("fulfillment_orders")) {
            if (FULFILLABLE.contains(fulfillmentOrder.path("status").asText(""))) {
                PlatformJson.id(fulfillmentOrder, "id")
                        .ifPresent(id -> openByLocation
                                .computeIfAbsent(
                                        PlatformJson.id(fulfillmentOrder, "assigned_location_id")
                                                .orElse(""),
                                        location -> new ArrayList<>())
                                .add(id));
            }
        }
        for (List<String> fulfillmentOrders : openByLocation.values()) {
            calls.post(
                    connection,
                    "/fulfillments.json",
                    fulfillment(fulfillmentOrders, change.tracking()),
                    "Fulfilling Shopify order " + orderId);
        }
        return calls.made();
    }

    /** {@code {"fulfillment": {"line_items_by_fulfillment_order", "tracking_info", "notify_customer": false}}}. */
    static ObjectNode fulfillment(List<String> fulfillmentOrderIds, List<Tracking> tracking) {
        ObjectNode body = PlatformJson.MAPPER.createObjectNode();
        ObjectNode fulfillment = body.putObject("fulfillment");
        ArrayNode byOrder = fulfillment.putArray("line_items_by_fulfillment_order");
        // Without fulfillment_order_line_items, every remaining line of the fulfillment order is fulfilled.
        fulfillmentOrderIds.forEach(id -> byOrder.addObject().put("fulfillment_order_id", new BigInteger(id)));
        if (!tracking.isEmpty()) {
            Tracking first = tracking.get(0);
            ObjectNode info = fulfillment.putObject("tracking_info");
            first.number().ifPresent(number -> info.put("number", number));
            first.company().ifPresent(company -> info.put("company", company));
            first.url().ifPresent(url -> info.put("url", url));
        }
        fulfillment.put("notify_customer", false);
        return body;
    }

    /** A Shopify id the listing holds, as the number REST takes; a listing without it was not found here. */
    static BigInteger id(Listing listing, String name) {
        String value = listing.ids().get(name);
        if (value == null || !value.matches("\\d+")) {
            throw PlatformCallException.refused(
                    "The Shopify listing of " + listing.sku() + " has no " + name + " (" + value
                            + "): look the SKU up on Shopify again.",
                    0);
        }
        return new BigInteger(value);
    }
}
