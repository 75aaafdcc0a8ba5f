package org.storeline.channels.lightspeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.ChannelOutbound;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.fulfillment.Tracking;
import org.storeline.core.sync.Listing;
import org.storeline.core.sync.PlatformCall;
import org.storeline.core.sync.PriceChange;
import org.storeline.core.sync.RateBudget;
import org.storeline.core.sync.StatusChange;
import org.storeline.core.sync.StockLevel;

/**
 * What Storeline sends to a Lightspeed eCom (C-Series) shop: stock levels and prices of variants (where Lightspeed
 * keeps SKU, stock and price), and the "completed" of the STS table, with the shipment and its tracking code.
 *
 * <p>Every call is made once ({@code PlatformHttp} with one attempt: the outbox retries). Several variants are written
 * at once through the bulk endpoint ({@link LightspeedVariantWrites}).
 */
public final class LightspeedOutbound implements ChannelOutbound {
    /**
     * Per API key: 20 a second, 300 per 5 minutes, 3,000 an hour and 12,000 a day (the three longer windows are the
     * ones Lightspeed's {@code X-RateLimit-*} headers count).
     */
    static final RateBudget BUDGET = RateBudget.of(
            new RateBudget.Window(20, Duration.ofSeconds(1)),
            new RateBudget.Window(300, Duration.ofMinutes(5)),
            new RateBudget.Window(3_000, Duration.ofHours(1)),
            new RateBudget.Window(12_000, Duration.ofDays(1)));

    static final String VARIANT = "variant";
    static final String PRODUCT = "product";

    private static final Set<String> COMPLETED = Set.of("completed", "completed_shipped", "completed_picked_up");

    private final LightspeedClient client;
    private final LightspeedVariantWrites variantWrites = new LightspeedVariantWrites();

    /**
     * One attempt per call through {@code client}, each waiting at most {@code requestTimeout} for its answer; a 429
     * without {@code Retry-After} gets its wait from Lightspeed's rate-limit headers ({@link LightspeedRateLimits}), so
     * the outbox does not ask again before a window has room.
     */
    public LightspeedOutbound(HttpClient client, Duration requestTimeout) {
        this.client = new LightspeedClient(
                new PlatformHttp(client, 1, attempt -> Duration.ZERO, Thread::sleep, requestTimeout)
                        .readingWait(LightspeedRateLimits::waitAfter));
    }

    /** The timeouts of {@link PlatformHttp#singleAttempt()}. */
    public static LightspeedOutbound standard() {
        return new LightspeedOutbound(
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                Duration.ofSeconds(20));
    }

    @Override
    public RateBudget budget() {
        return BUDGET;
    }

    /** By SKU, or by listing the shop's variants when there are many SKUs ({@link LightspeedListings}). */
    @Override
    public Map<String, Listing> findListings(Collection<String> skus, ChannelConnection connection) {
        return new LightspeedListings((path, what) -> exchange(connection, "GET", path, Optional.empty(), what)
                        .json())
                .find(skus);
    }

    /**
     * {@code {"variant":{"stockTracking":"enabled","stockLevel":N}}}: the level is only kept (and sales stopped at
     * zero) while stock tracking is on, and this system is the record of stock (SOR-3).
     */
    @Override
    public List<PlatformCall> setStockLevels(List<StockLevel> levels, ChannelConnection connection) {
        Map<String, ObjectNode> writes = new LinkedHashMap<>();
        for (StockLevel level : levels) {
            ObjectNode variant = PlatformJson.MAPPER.createObjectNode();
            variant.put("stockTracking", "enabled").put("stockLevel", level.level());
            put(writes, level.listing(), variant);
        }
        return updateVariants(writes, connection);
    }

    /** {@code {"variant":{"priceIncl":P}}}: the price including tax, as sold here. */
    @Override
    public List<PlatformCall> setPrices(List<PriceChange> prices, ChannelConnection connection) {
        Map<String, ObjectNode> writes = new LinkedHashMap<>();
        for (PriceChange price : prices) {
            ObjectNode variant = PlatformJson.MAPPER.createObjectNode();
            variant.put("priceIncl", price.price().amount());
            put(writes, price.listing(), variant);
        }
        return updateVariants(writes, connection);
    }

    /** A variant written twice keeps its last value (levels and prices are absolute). */
    private static void put(Map<String, ObjectNode> writes, Listing listing, ObjectNode variant) {
        String id = Optional.ofNullable(listing.ids().get(VARIANT))
                .orElseThrow(() -> PlatformCallException.refused(
                        "SKU " + listing.sku() + " has no Lightspeed variant id: look it up again", 0));
        writes.remove(id);
        writes.put(id, variant);
    }

    private List<PlatformCall> updateVariants(Map<String, ObjectNode> writes, ChannelConnection connection) {
        return variantWrites.write(
                writes,
                connection,
                (path, body, what) -> exchange(connection, "PUT", path, Optional.of(body), what)
                        .call());
    }

    /**
     * FULFILLED is the only kind Lightspeed has a word for (STS: "Completed"). The order is read first; a delivery's
     * shipments not yet shipped are marked shipped, with the tracking code when one was given
     * ({@code PUT /{lang}/shipments/{id}.json}); then the order's status becomes {@code completed_shipped} or
     * {@code completed_picked_up} ({@code PUT /{lang}/orders/{id}.json}) unless it is already completed.
     */
    @Override
    public List<PlatformCall> sendStatus(StatusChange change, ChannelConnection connection) {
        if (change.kind() != StatusChange.Kind.FULFILLED) {
            return List.of();
        }
        String id = change.externalOrderId();
        String orderPath = "/orders/" + LightspeedClient.encode(id) + ".json";
        LightspeedClient.Exchange read =
                exchange(connection, "GET", orderPath, Optional.empty(), "Reading Lightspeed order " + id);
        JsonNode order = read.json().path("order");
        String status = LightspeedOrderMapper.text(order, "status").orElse("");
        if ("cancelled".equals(status)
                || "cancelled"
                        .equals(LightspeedOrderMapper.text(order, "paymentStatus")
                                .orElse(""))) {
            throw PlatformCallException.refused(
                            "Lightspeed order " + id + " is cancelled there: it is not marked completed", 0)
                    .after(List.of(read.call()));
        }
        List<PlatformCall> calls = new ArrayList<>(List.of(read.call()));
        Optional<String> trackingCode = trackingCode(change);
        boolean shipped = COMPLETED.contains(status)
                || "shipped"
                        .equals(LightspeedOrderMapper.text(order, "shipmentStatus")
                                .orElse(""));
        // An order Lightspeed already shows shipped is left as it is, unless it lacks the tracking code.
        if (change.type() == FulfillmentType.DELIVERY && (!shipped || trackingCode.isPresent())) {
            calls.addAll(
                    PlatformCallException.following(calls, () -> shipShipments(id, order, trackingCode, connection)));
        }
        if (!COMPLETED.contains(status)) {
            ObjectNode body = PlatformJson.MAPPER.createObjectNode();
            body.putObject("order")
                    .put(
                            "status",
                            change.type() == FulfillmentType.PICKUP ? "completed_picked_up" : "completed_shipped");
            calls.add(PlatformCallException.following(
                            calls,
                            () -> exchange(
                                    connection,
                                    "PUT",
                                    orderPath,
                                    Optional.of(body),
                                    "Completing Lightspeed order " + id))
                    .call());
        }
        return calls;
    }

    private List<PlatformCall> shipShipments(
            String orderId, JsonNode order, Optional<String> trackingCode, ChannelConnection connection) {
        List<PlatformCall> calls = new ArrayList<>();
        List<JsonNode> shipments = LightspeedOrderMapper.embedded(order, "shipments")
                .orElseGet(() -> {
                    String what = "Listing the shipments of Lightspeed order " + orderId;
                    LightspeedClient.Exchange listed = exchange(
                            connection,
                            "GET",
                            "/shipments.json?order=" + LightspeedClient.encode(orderId),
                            Optional.empty(),
                            what);
                    calls.add(listed.call());
                    return LightspeedClient.items(listed.json(), "shipments", what);
                });
        for (JsonNode shipment : shipments) {
            Optional<String> id = LightspeedOrderMapper.id(shipment, "id");
            String status = LightspeedOrderMapper.text(shipment, "status").orElse("");
            boolean codeMissing = trackingCode.isPresent()
                    && !trackingCode
                            .get()
                            .equals(LightspeedOrderMapper.text(shipment, "trackingCode")
                                    .orElse(""));
            if (id.isEmpty() || "cancelled".equals(status) || ("shipped".equals(status) && !codeMissing)) {
                continue;
            }
            ObjectNode fields = PlatformJson.MAPPER.createObjectNode().put("status", "shipped");
            trackingCode.ifPresent(code -> fields.put("trackingCode", code));
            ObjectNode body = PlatformJson.MAPPER.createObjectNode();
            body.set("shipment", fields);
            calls.add(PlatformCallException.following(
                            calls,
                            () -> exchange(
                                    connection,
                                    "PUT",
                                    "/shipments/" + LightspeedClient.encode(id.get()) + ".json",
                                    Optional.of(body),
                                    "Shipping Lightspeed shipment " + id.get() + " of order " + orderId))
                    .call());
        }
        return calls;
    }

    /** One tracking code per shipment: a split order's numbers are all given, separated by ", ". */
    static Optional<String> trackingCode(StatusChange change) {
        Set<String> numbers = change.tracking().stream()
                .map(Tracking::number)
                .flatMap(Optional::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return numbers.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", numbers));
    }

    private LightspeedClient.Exchange exchange(
            ChannelConnection connection, String method, String path, Optional<JsonNode> body, String what) {
        return client.exchange(connection, method, path, body, what);
    }
}
