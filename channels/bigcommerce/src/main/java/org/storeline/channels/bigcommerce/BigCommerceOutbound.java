package org.storeline.channels.bigcommerce;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * What Storeline sends to BigCommerce:
 * <ul>
 *   <li>stock: {@code PUT /v3/inventory/adjustments/absolute}, the absolute level of up to 2,000 items a call, by
 *       variant, or by product for a product whose stock BigCommerce tracks on the product;</li>
 *   <li>prices: {@code PUT /v3/catalog/variants} (50 variants a call) for variant SKUs, {@code PUT
 *       /v3/catalog/products} (10 products a call) for products found by their own SKU;</li>
 *   <li>order status: see {@link BigCommerceOrderUpdates}.</li>
 * </ul>
 */
public final class BigCommerceOutbound implements ChannelOutbound {
    static final String PRODUCT_ID = "product_id";
    static final String VARIANT_ID = "variant_id";
    static final String LOCATION_ID = "location_id";
    /** Whether the SKU is the product's own ({@link #OF_PRODUCT}) or one variant's ({@link #OF_VARIANT}). */
    static final String SKU_OF = "sku_of";
    /** The product's {@code inventory_tracking}: {@code product}, {@code variant} or {@code none}. */
    static final String TRACKING = "inventory_tracking";

    static final String OF_PRODUCT = "product";
    static final String OF_VARIANT = "variant";
    static final String NOT_TRACKED = "none";

    /** Items per absolute adjustment (the Inventory API's limit). */
    static final int ITEMS_PER_ADJUSTMENT = 2000;
    /** Variants per {@code PUT /v3/catalog/variants} ("Currently the limit is 50 variants"). */
    static final int VARIANTS_PER_BATCH = 50;
    /** Products per {@code PUT /v3/catalog/products} ("Batches are limited to 10 products"). */
    static final int PRODUCTS_PER_BATCH = 10;

    static final String ADJUSTMENT_REASON = "Storeline stock sync";

    /** The Standard and Plus plans' quota: 150 requests per 30 s (Pro: 450; Enterprise: by plan). */
    static final RateBudget BUDGET = RateBudget.of(new RateBudget.Window(150, Duration.ofSeconds(30)));

    private final PlatformHttp http;
    private final BigCommerceListings listings;
    private final BigCommerceOrderUpdates orders;
    private final BigCommerceStockReads stockReads;

    /**
     * {@code http} should be {@link BigCommerceRateLimits#singleAttempt()}'s: one attempt a call (the outbox retries),
     * and BigCommerce's reset header read as {@code Retry-After}.
     */
    public BigCommerceOutbound(PlatformHttp http) {
        this.http = http;
        this.listings = new BigCommerceListings(http);
        this.orders = new BigCommerceOrderUpdates(http);
        this.stockReads = new BigCommerceStockReads(http);
    }

    @Override
    public RateBudget budget() {
        return BUDGET;
    }

    @Override
    public Map<String, Listing> findListings(Collection<String> skus, ChannelConnection connection) {
        return listings.find(skus, connection);
    }

    /** The levels BigCommerce's catalog shows (see {@link BigCommerceStockReads}). */
    @Override
    public Map<Listing, Long> readStockLevels(List<Listing> levels, ChannelConnection connection) {
        return stockReads.read(levels, connection);
    }

    @Override
    public List<PlatformCall> setStockLevels(List<StockLevel> levels, ChannelConnection connection) {
        // The last level of an item at a location wins; items are grouped by location, as BigCommerce advises.
        Map<String, ObjectNode> items = new LinkedHashMap<>();
        for (StockLevel level : levels) {
            Listing listing = level.listing();
            if (NOT_TRACKED.equals(listing.ids().get(TRACKING))) {
                continue; // BigCommerce counts no stock for this product: there is no level to set.
            }
            ObjectNode item = PlatformJson.MAPPER.createObjectNode().put("location_id", id(listing, LOCATION_ID));
            String key = OF_PRODUCT.equals(listing.ids().get(TRACKING)) ? PRODUCT_ID : VARIANT_ID;
            item.put(key, id(listing, key)).put("quantity", level.level());
            String itemKey = key + ":" + item.get(key) + "@" + item.get("location_id");
            items.remove(itemKey);
            items.put(itemKey, item);
        }
        List<ObjectNode> byLocation = new ArrayList<>(items.values());
        byLocation.sort(Comparator.comparing(item -> item.get("location_id").bigIntegerValue()));
        BigCommerceCalls calls = new BigCommerceCalls(http);
        for (int from = 0; from < byLocation.size(); from += ITEMS_PER_ADJUSTMENT) {
            List<ObjectNode> batch = byLocation.subList(from, Math.min(byLocation.size(), from + ITEMS_PER_ADJUSTMENT));
            ObjectNode body = PlatformJson.MAPPER.createObjectNode().put("reason", ADJUSTMENT_REASON);
            body.putArray("items").addAll(batch);
            calls.put(
                    connection,
                    BigCommerceClient.v3(connection, "/inventory/adjustments/absolute"),
                    body,
                    "Setting the BigCommerce stock of " + batch.size() + " items");
        }
        return calls.made();
    }

    @Override
    public List<PlatformCall> setPrices(List<PriceChange> prices, ChannelConnection connection) {
        Map<String, ObjectNode> products = new LinkedHashMap<>();
        Map<String, ObjectNode> variants = new LinkedHashMap<>();
        for (PriceChange change : prices) {
            boolean ofProduct = OF_PRODUCT.equals(change.listing().ids().get(SKU_OF));
            BigInteger id = id(change.listing(), ofProduct ? PRODUCT_ID : VARIANT_ID);
            // A number, exact: v3 takes prices as JSON numbers. The last price of one product or variant wins.
            ObjectNode entry = PlatformJson.MAPPER
                    .createObjectNode()
                    .put("id", id)
                    .put("price", change.price().amount());
            (ofProduct ? products : variants).put(id.toString(), entry);
        }
        BigCommerceCalls calls = new BigCommerceCalls(http);
        send(
                calls,
                connection,
                "/catalog/variants",
                new ArrayList<>(variants.values()),
                VARIANTS_PER_BATCH,
                "variants");
        send(
                calls,
                connection,
                "/catalog/products",
                new ArrayList<>(products.values()),
                PRODUCTS_PER_BATCH,
                "products");
        return calls.made();
    }

    private static void send(
            BigCommerceCalls calls,
            ChannelConnection connection,
            String path,
            List<ObjectNode> entries,
            int perBatch,
            String what) {
        for (int from = 0; from < entries.size(); from += perBatch) {
            List<ObjectNode> batch = entries.subList(from, Math.min(entries.size(), from + perBatch));
            ArrayNode body = PlatformJson.MAPPER.createArrayNode().addAll(batch);
            calls.put(
                    connection,
                    BigCommerceClient.v3(connection, path),
                    body,
                    "Setting the BigCommerce prices of " + batch.size() + " " + what);
        }
    }

    @Override
    public List<PlatformCall> sendStatus(StatusChange change, ChannelConnection connection) {
        return orders.send(change, connection);
    }

    /** A BigCommerce id the listing holds, as a number; a listing without it was not found on BigCommerce. */
    static BigInteger id(Listing listing, String name) {
        String value = listing.ids().get(name);
        if (value == null || !value.matches("\\d+")) {
            throw PlatformCallException.refused(
                    "The BigCommerce listing of " + listing.sku() + " has no " + name + " (" + value
                            + "): look the SKU up on BigCommerce again.",
                    0);
        }
        return new BigInteger(value);
    }
}
