package org.storeline.channels.ecwid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * What Storeline sends to an Ecwid store (REST API v3, {@code Authorization: Bearer}): stock levels and prices of
 * products and their variations ("combinations"), and the order statuses of the STS table.
 *
 * <p>A product is found by SKU ({@code GET /products?sku=}), which Ecwid matches against products and their
 * combinations; the listing keeps the product id, and the combination id when the SKU is a combination's. One write
 * is sent as it is ({@code PUT /products/{id}} or {@code PUT /products/{id}/combinations/{cid}}); several go through
 * Ecwid's batch API ({@link EcwidBatch}).
 */
public final class EcwidOutbound implements ChannelOutbound {
    /** Ecwid takes 600 requests a minute per token, then answers 429 with {@code Retry-After}. */
    static final RateBudget BUDGET = RateBudget.of(new RateBudget.Window(600, Duration.ofMinutes(1)));

    static final String PRODUCT = "product";
    static final String COMBINATION = "combination";

    private final EcwidClient client;
    private final EcwidBatch batch;

    /** Calls made once each (the outbox retries), with the batch's reads of its ticket paced by {@code sleeper}. */
    EcwidOutbound(PlatformHttp http, List<Duration> batchPolls, EcwidBatch.Sleeper sleeper) {
        this.client = new EcwidClient(http);
        this.batch = new EcwidBatch(client, batchPolls, sleeper);
    }

    public EcwidOutbound(PlatformHttp http) {
        this(http, EcwidBatch.POLLS, Thread::sleep);
    }

    @Override
    public RateBudget budget() {
        return BUDGET;
    }

    @Override
    public Map<String, Listing> findListings(Collection<String> skus, ChannelConnection connection) {
        Map<String, Listing> found = new LinkedHashMap<>();
        for (String sku :
                skus.stream().filter(s -> s != null && !s.isBlank()).distinct().toList()) {
            String what = "Looking up SKU " + sku + " on Ecwid";
            JsonNode search = client.exchange(connection, "GET", "/products?sku=" + query(sku), Optional.empty(), what)
                    .json();
            listing(sku, search).ifPresent(listing -> found.put(sku, listing));
        }
        return found;
    }

    /**
     * The product whose own SKU it is, else the product and combination whose SKU it is. A combination without a SKU
     * of its own shows its product's, so the product is looked at first. Ecwid matches SKUs exactly; they are
     * compared again here so that an answer that ignored the filter cannot attach the wrong product.
     */
    static Optional<Listing> listing(String sku, JsonNode search) {
        for (JsonNode product : search.path("items")) {
            Optional<String> productId = PlatformJson.id(product, "id");
            if (productId.isPresent() && sameSku(sku, product)) {
                return Optional.of(new Listing(sku, Map.of(PRODUCT, productId.get())));
            }
        }
        for (JsonNode product : search.path("items")) {
            Optional<String> productId = PlatformJson.id(product, "id");
            for (JsonNode combination : product.path("combinations")) {
                Optional<String> combinationId = PlatformJson.id(combination, "id");
                if (productId.isPresent() && combinationId.isPresent() && sameSku(sku, combination)) {
                    return Optional.of(
                            new Listing(sku, Map.of(PRODUCT, productId.get(), COMBINATION, combinationId.get())));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean sameSku(String sku, JsonNode item) {
        return PlatformJson.text(item, "sku")
                .map(s -> s.equalsIgnoreCase(sku.trim()))
                .orElse(false);
    }

    /**
     * Each listing's {@code quantity} as {@code GET /products/{id}} shows it (a combination's from the product's
     * {@code combinations}), one read per product: Ecwid's {@code product.updated} webhook names the product and
     * nothing else (SOR-3). A product or combination sold as {@code unlimited}, or gone (404), is left out.
     */
    @Override
    public Map<Listing, Long> readStockLevels(List<Listing> listings, ChannelConnection connection) {
        Map<String, Optional<JsonNode>> products = new LinkedHashMap<>();
        Map<Listing, Long> levels = new LinkedHashMap<>();
        for (Listing listing : listings) {
            String productId = listing.ids().get(PRODUCT);
            if (productId == null) {
                continue;
            }
            Optional<JsonNode> product = products.computeIfAbsent(productId, id -> product(id, connection));
            Optional<JsonNode> item = Optional.ofNullable(listing.ids().get(COMBINATION))
                    .map(combination -> product.flatMap(p -> combination(p, combination)))
                    .orElse(product);
            item.flatMap(EcwidOutbound::counted).ifPresent(level -> levels.put(listing, level));
        }
        return levels;
    }

    private Optional<JsonNode> product(String productId, ChannelConnection connection) {
        try {
            return Optional.of(client.exchange(
                            connection,
                            "GET",
                            "/products/" + EcwidClient.encode(productId),
                            Optional.empty(),
                            "Reading the stock of Ecwid product " + productId)
                    .json());
        } catch (PlatformCallException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Optional<JsonNode> combination(JsonNode product, String combinationId) {
        for (JsonNode combination : product.path("combinations")) {
            if (PlatformJson.id(combination, "id").filter(combinationId::equals).isPresent()) {
                return Optional.of(combination);
            }
        }
        return Optional.empty();
    }

    /** The quantity Ecwid counts, unless it sells the item as unlimited. */
    static Optional<Long> counted(JsonNode item) {
        JsonNode quantity = item.path("quantity");
        if (item.path("unlimited").asBoolean(false) || !quantity.canConvertToExactIntegral()) {
            return Optional.empty();
        }
        return Optional.of(quantity.longValue());
    }

    /**
     * {@code quantity} with {@code unlimited: false}: a product Ecwid sells as unlimited ignores its quantity, and
     * this system is the record of stock (SOR-3).
     */
    @Override
    public List<PlatformCall> setStockLevels(List<StockLevel> levels, ChannelConnection connection) {
        List<EcwidBatch.Write> writes = new ArrayList<>();
        for (StockLevel level : levels) {
            ObjectNode body = PlatformJson.MAPPER.createObjectNode();
            body.put("quantity", level.level()).put("unlimited", false);
            writes.add(write(level.listing(), body));
        }
        return send(writes, connection);
    }

    /** {@code price} of the product or the combination, as sold (see docs/platforms/ecwid.md on taxes). */
    @Override
    public List<PlatformCall> setPrices(List<PriceChange> prices, ChannelConnection connection) {
        List<EcwidBatch.Write> writes = new ArrayList<>();
        for (PriceChange price : prices) {
            ObjectNode body = PlatformJson.MAPPER.createObjectNode();
            body.put("price", price.price().amount());
            writes.add(write(price.listing(), body));
        }
        return send(writes, connection);
    }

    private static EcwidBatch.Write write(Listing listing, ObjectNode body) {
        String product = Optional.ofNullable(listing.ids().get(PRODUCT))
                .orElseThrow(() -> PlatformCallException.refused(
                        "SKU " + listing.sku() + " has no Ecwid product id: look it up again", 0));
        String path = "/products/" + EcwidClient.encode(product)
                + Optional.ofNullable(listing.ids().get(COMBINATION))
                        .map(c -> "/combinations/" + EcwidClient.encode(c))
                        .orElse("");
        return new EcwidBatch.Write(listing.sku(), "PUT", path, body);
    }

    /** One write as it is; several in batches. A listing written twice gets only its last value (all are absolute). */
    private List<PlatformCall> send(List<EcwidBatch.Write> writes, ChannelConnection connection) {
        Map<String, EcwidBatch.Write> last = new LinkedHashMap<>();
        writes.forEach(write -> {
            last.remove(write.path());
            last.put(write.path(), write);
        });
        List<EcwidBatch.Write> distinct = List.copyOf(last.values());
        if (distinct.isEmpty()) {
            return List.of();
        }
        if (distinct.size() == 1) {
            EcwidBatch.Write write = distinct.get(0);
            String what = "Updating SKU " + write.sku() + " on Ecwid";
            return List.of(client.exchange(connection, write.method(), write.path(), Optional.of(write.body()), what)
                    .call());
        }
        return batch.run(distinct, connection);
    }

    /**
     * Reads the order ({@code GET /orders/{id}}: the order id Storeline keeps, "K8XTQ" or an older order's number,
     * which the update also takes) and sends only what it does not show yet ({@code PUT /orders/{id}}).
     */
    @Override
    public List<PlatformCall> sendStatus(StatusChange change, ChannelConnection connection) {
        if (!EcwidStatusUpdate.applies(change)) {
            return List.of();
        }
        String path = "/orders/" + EcwidClient.encode(change.externalOrderId());
        EcwidClient.Exchange read = client.exchange(
                connection, "GET", path, Optional.empty(), "Reading Ecwid order " + change.externalOrderId());
        List<PlatformCall> made = List.of(read.call());
        Optional<String> conflict = EcwidStatusUpdate.conflict(change, read.json());
        if (conflict.isPresent()) {
            throw PlatformCallException.refused("Ecwid order " + change.externalOrderId() + ": " + conflict.get(), 0)
                    .after(made);
        }
        ObjectNode fields = EcwidStatusUpdate.fields(change, read.json());
        if (fields.isEmpty()) {
            return made;
        }
        EcwidClient.Exchange update = PlatformCallException.following(
                made,
                () -> client.exchange(
                        connection,
                        "PUT",
                        path,
                        Optional.of(fields),
                        "Updating Ecwid order " + change.externalOrderId() + " (" + change.kind() + ")"));
        return List.of(read.call(), update.call());
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
