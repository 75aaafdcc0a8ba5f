package org.storeline.channels.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.ChannelOutbound;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.sync.Listing;
import org.storeline.core.sync.PlatformCall;
import org.storeline.core.sync.PriceChange;
import org.storeline.core.sync.RateBudget;
import org.storeline.core.sync.StatusChange;
import org.storeline.core.sync.StockLevel;

/**
 * What Storeline sends to WooCommerce (REST API v3):
 * <ul>
 *   <li>products are found by SKU with {@code GET /products?sku=A,B,...}: with a SKU filter WooCommerce searches
 *       variations too, and answers a variation with its {@code parent_id}. A listing's ids are {@code product_id}
 *       and, for a variation, {@code variation_id};</li>
 *   <li>stock and prices go through the batch endpoints, 100 objects a call: {@code POST /products/batch} and, for
 *       variations, {@code POST /products/{parent}/variations/batch}, each {@code {"update": [{"id": ..,
 *       "manage_stock": true, "stock_quantity": N}]}} or {@code {"regular_price": "12.10"}} (a string, tax included,
 *       as the store enters its prices when they include tax). An item WooCommerce rejects inside a batch (its
 *       answer names an {@code error} for it) makes the call a refusal that names the items;</li>
 *   <li>an order shipped or picked up here (FULFILLED) becomes {@code completed}: the order is read first
 *       ({@code GET /orders/{id}}), so one already completed is not written again and one cancelled, refunded or
 *       failed on the store is refused rather than completed; then {@code PUT /orders/{id} {"status":"completed"}}.
 *       WooCommerce has no word for the other changes, and nothing is sent for them.</li>
 * </ul>
 */
public final class WooCommerceOutbound implements ChannelOutbound {
    /** The names of a listing's ids: its product, and for a variation the variation. */
    static final String PRODUCT_ID = "product_id";

    static final String VARIATION_ID = "variation_id";

    /** WooCommerce's batch endpoints take at most 100 objects (filter woocommerce_rest_batch_items_limit). */
    static final int BATCH = 100;
    /** SKUs per look-up: the answer is one page of at most 100 products and variations. */
    static final int SKUS_PER_LOOKUP = 50;
    /** Order statuses a completion must not overwrite: the store ended the order otherwise. */
    private static final Set<String> ENDED = Set.of("cancelled", "refunded", "failed", "trash");

    private static final String PRODUCTS = WooCommerceClient.API + "/products";

    /**
     * WooCommerce limits nothing itself: the shop's host does (its PHP workers). Five requests a second keeps a small
     * host answering its customers while a batch of 100 levels a request still moves 500 products a second.
     */
    private static final RateBudget BUDGET = RateBudget.of(new RateBudget.Window(5, Duration.ofSeconds(1)));

    private final PlatformHttp http;

    public WooCommerceOutbound(PlatformHttp http) {
        this.http = http;
    }

    @Override
    public RateBudget budget() {
        return BUDGET;
    }

    @Override
    public Map<String, Listing> findListings(Collection<String> skus, ChannelConnection connection) {
        Map<String, Listing> found = new LinkedHashMap<>();
        List<String> plain = new ArrayList<>();
        for (String sku : skus) {
            // A SKU with a comma would be split by WooCommerce's list filter: it is looked up on its own.
            if (sku.contains(",")) {
                lookUp(List.of(sku), connection, found);
            } else {
                plain.add(sku);
            }
        }
        for (int from = 0; from < plain.size(); from += SKUS_PER_LOOKUP) {
            lookUp(plain.subList(from, Math.min(plain.size(), from + SKUS_PER_LOOKUP)), connection, found);
        }
        return found;
    }

    private void lookUp(List<String> skus, ChannelConnection connection, Map<String, Listing> found) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("sku", String.join(",", skus));
        params.put("per_page", "100");
        params.put("_fields", "id,parent_id,sku,type");
        PlatformHttp.Response response =
                http.send(WooCommerceClient.get(connection, PRODUCTS, params), "WooCommerce product look-up by SKU");
        for (JsonNode product : PlatformJson.parse(response.body(), "WooCommerce products")) {
            Optional<String> sku = PlatformJson.text(product, "sku");
            Optional<String> id = PlatformJson.id(product, "id");
            if (sku.isEmpty() || id.isEmpty() || !skus.contains(sku.get()) || found.containsKey(sku.get())) {
                continue;
            }
            Optional<String> parent = PlatformJson.id(product, "parent_id");
            boolean variation = parent.isPresent()
                    || "variation".equals(product.path("type").asText());
            found.put(
                    sku.get(),
                    new Listing(
                            sku.get(),
                            variation && parent.isPresent()
                                    ? Map.of(PRODUCT_ID, parent.get(), VARIATION_ID, id.get())
                                    : Map.of(PRODUCT_ID, id.get())));
        }
    }

    @Override
    public List<PlatformCall> setStockLevels(List<StockLevel> levels, ChannelConnection connection) {
        return batches(
                levels,
                StockLevel::listing,
                connection,
                "stock",
                (item, level) -> item.put("manage_stock", true).put("stock_quantity", level.level()));
    }

    @Override
    public List<PlatformCall> setPrices(List<PriceChange> prices, ChannelConnection connection) {
        return batches(
                prices,
                PriceChange::listing,
                connection,
                "prices",
                (item, price) -> item.put("regular_price", price.price().toDecimalString()));
    }

    /** How one value becomes the fields of its batch item. */
    private interface Fields<T> {
        void write(ObjectNode item, T value);
    }

    /** Products in {@code POST /products/batch}, variations per parent product, 100 a call. */
    private <T> List<PlatformCall> batches(
            List<T> values,
            Function<T, Listing> listingOf,
            ChannelConnection connection,
            String what,
            Fields<T> fields) {
        Map<String, List<ObjectNode>> byPath = new LinkedHashMap<>();
        for (T value : values) {
            Map<String, String> ids = listingOf.apply(value).ids();
            String product = ids.get("product_id");
            if (product == null) {
                throw PlatformCallException.refused(
                        "WooCommerce listing of " + listingOf.apply(value).sku() + " has no product id", 0);
            }
            String variation = ids.get("variation_id");
            ObjectNode item =
                    PlatformJson.MAPPER.createObjectNode().put("id", number(variation != null ? variation : product));
            fields.write(item, value);
            String path = variation != null ? PRODUCTS + "/" + product + "/variations/batch" : PRODUCTS + "/batch";
            byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(item);
        }
        List<PlatformCall> calls = new ArrayList<>();
        for (Map.Entry<String, List<ObjectNode>> entry : byPath.entrySet()) {
            List<ObjectNode> items = entry.getValue();
            for (int from = 0; from < items.size(); from += BATCH) {
                List<ObjectNode> part = items.subList(from, Math.min(items.size(), from + BATCH));
                // A failure carries the batches sent before it: they took effect, and the activity log shows them.
                calls.add(PlatformCallException.following(calls, () -> batch(entry.getKey(), part, connection, what)));
            }
        }
        return calls;
    }

    private static long number(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw PlatformCallException.refused("'" + id + "' is not a WooCommerce product id (a number)", 0);
        }
    }

    private PlatformCall batch(String path, List<ObjectNode> items, ChannelConnection connection, String what) {
        ObjectNode body = PlatformJson.MAPPER.createObjectNode();
        ArrayNode update = body.putArray("update");
        items.forEach(update::add);
        PlatformHttp.Response response = http.send(
                WooCommerceClient.request(connection, path, Map.of())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
                "WooCommerce " + what + " batch");
        List<String> rejected = new ArrayList<>();
        for (JsonNode answered :
                PlatformJson.parse(response.body(), "WooCommerce batch answer").path("update")) {
            if (answered.hasNonNull("error")) {
                rejected.add("#" + answered.path("id").asText() + " "
                        + answered.path("error").path("message").asText("rejected"));
            }
        }
        if (!rejected.isEmpty()) {
            throw PlatformCallException.refused(
                    "WooCommerce rejected " + rejected.size() + " of " + items.size() + " items of its " + what
                            + " batch (" + path + "): " + String.join("; ", rejected),
                    response.status());
        }
        return new PlatformCall("POST", path, response.status(), response.body());
    }

    @Override
    public List<PlatformCall> sendStatus(StatusChange change, ChannelConnection connection) {
        if (change.kind() != StatusChange.Kind.FULFILLED) {
            return List.of();
        }
        String orderId = change.externalOrderId().trim();
        if (!orderId.matches("[0-9]{1,20}")) {
            throw PlatformCallException.refused("'" + orderId + "' is not a WooCommerce order id (a number)", 0);
        }
        String path = WooCommerceClient.API + "/orders/" + orderId;
        PlatformHttp.Response read = http.send(
                WooCommerceClient.get(connection, path, Map.of("_fields", "id,status")),
                "WooCommerce order " + orderId);
        String status = PlatformJson.text(PlatformJson.parse(read.body(), "WooCommerce order " + orderId), "status")
                .orElse("");
        List<PlatformCall> calls = new ArrayList<>();
        calls.add(new PlatformCall("GET", path, read.status(), read.body()));
        if (status.equals("completed")) {
            return calls;
        }
        if (ENDED.contains(status)) {
            throw PlatformCallException.refused(
                            "WooCommerce order " + orderId + " is " + status
                                    + " on the store; it was not marked completed",
                            read.status())
                    .after(calls);
        }
        PlatformHttp.Response written = PlatformCallException.following(
                calls,
                () -> http.send(
                        WooCommerceClient.request(connection, path, Map.of())
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"completed\"}")),
                        "WooCommerce order " + orderId + " completion"));
        calls.add(new PlatformCall("PUT", path, written.status(), written.body()));
        return calls;
    }
}
