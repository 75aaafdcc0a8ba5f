package org.storeline.channels.lightspeed;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.ChannelOutbound;
import org.storeline.channels.api.Connector;
import org.storeline.channels.api.DeliveryEvent;
import org.storeline.channels.api.OrderPage;
import org.storeline.channels.api.OrderQuery;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.channels.api.Registration;
import org.storeline.channels.api.StoreIdentities;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.Platform;

/**
 * Lightspeed eCom (C-Series, formerly SEOshop / WebshopApp). Webhooks carry the whole order resource
 * ({@code {"order": {...}}}) signed with md5(body + API secret); when they only link the order's products,
 * the products are fetched. Credentials: {@code api_key}, {@code api_secret}, and optionally {@code language}
 * (URL prefix, default "nl") and {@code currency} (Lightspeed orders do not state theirs; default EUR).
 */
public final class LightspeedConnector implements Connector {
    /**
     * The date filter of the order list takes no time zone and Lightspeed does not document which one it
     * means, so we ask for 14 hours (the widest UTC offset) more on each side and keep only the orders whose
     * updatedAt is really in range: an order is never missed, and re-importing one is harmless (BYD-1).
     */
    static final Duration FILTER_MARGIN = Duration.ofHours(14);
    /** Optional credential: the shop's id, which names the store for relinking (SOR-5) better than an API key. */
    static final String SHOP_ID = "shop_id";

    private static final String KEY_FINGERPRINT = "/key:";

    private final LightspeedWebhookVerifier verifier = new LightspeedWebhookVerifier();
    private final LightspeedOrderMapper mapper = new LightspeedOrderMapper();
    private final LightspeedClient client;

    private final LightspeedOutbound outbound;

    /** Reads through {@code http}; sends stock, prices and statuses one attempt at a time (the outbox retries). */
    public LightspeedConnector(PlatformHttp http) {
        this(http, LightspeedOutbound.standard());
    }

    public LightspeedConnector(PlatformHttp http, LightspeedOutbound outbound) {
        this.client = new LightspeedClient(http);
        this.outbound = outbound;
    }

    @Override
    public Optional<ChannelOutbound> outbound() {
        return Optional.of(outbound);
    }

    @Override
    public Platform platform() {
        return Platform.LIGHTSPEED_ECOM;
    }

    @Override
    public List<String> requiredCredentials() {
        return List.of("api_key", "api_secret");
    }

    @Override
    public Map<String, String> normalizeCredentials(Map<String, String> credentials) {
        Map<String, String> normalized = new LinkedHashMap<>();
        Connector.super.normalizeCredentials(credentials).forEach((name, value) -> {
            String shaped = value == null ? "" : value;
            if (name.equals("language")) {
                shaped = shaped.toLowerCase(Locale.ROOT);
            } else if (name.equals("currency")) {
                shaped = shaped.toUpperCase(Locale.ROOT);
            }
            normalized.put(name, shaped);
        });
        return normalized;
    }

    @Override
    public Verification verify(WebhookDelivery delivery, ChannelConnection connection) {
        return verifier.verify(delivery, connection.webhookSecret());
    }

    /**
     * The topic comes from the headers integrators report ({@code X-Event: orders/updated}, or
     * {@code X-Group}/{@code X-Action}); neither is documented, so without them the body decides: an
     * {@code order} object is an order event, anything else is named after its root key and ignored.
     */
    @Override
    public DeliveryEvent read(WebhookDelivery delivery) {
        Optional<String> headerTopic = headerTopic(delivery);
        if (headerTopic.isPresent()
                && headerTopic.get().startsWith("variants")
                && !headerTopic.get().endsWith("/deleted")) {
            return readVariant(delivery, headerTopic.get());
        }
        if (headerTopic.isPresent()
                && (!headerTopic.get().startsWith("orders") || headerTopic.get().endsWith("/deleted"))) {
            // Other resources, and deleted orders (nothing left to import), are kept but not acted on.
            return DeliveryEvent.ignored(headerTopic.get());
        }
        JsonNode body;
        try {
            body = PlatformJson.parse(delivery.body(), "The Lightspeed delivery");
        } catch (PlatformCallException notJson) {
            return DeliveryEvent.ignored(
                    headerTopic.orElse("unreadable (not JSON: register the webhook with format json)"));
        }
        if (headerTopic.isEmpty() && body.path("variant").isObject()) {
            return readVariant(delivery, "variants");
        }
        JsonNode order = body.path("order");
        Optional<String> orderId = order.isObject() ? LightspeedOrderMapper.id(order, "id") : Optional.empty();
        if (orderId.isEmpty()) {
            return DeliveryEvent.ignored(headerTopic.orElse(
                    body.fieldNames().hasNext() ? body.fieldNames().next() : "empty"));
        }
        return DeliveryEvent.order(headerTopic.orElse("orders"), orderId.get(), Optional.empty(), eventTime(order));
    }

    /**
     * A variant changed (its stock among others: by hand in the back office, by an order, or by our own push): the body
     * is the variant as {@code GET /variants/{id}.json} shows it, {@code {"variant": {...}}}. A stock report of the
     * variant ({@link LightspeedOutbound}'s listing id) with its {@code stockLevel}, when Lightspeed tracks its stock
     * ({@code stockTracking} {@code enabled}, or {@code indicator}, which keeps a level too); otherwise ignored.
     */
    private static DeliveryEvent readVariant(WebhookDelivery delivery, String topic) {
        JsonNode variant;
        try {
            variant = PlatformJson.parse(delivery.body(), "The Lightspeed " + topic + " delivery")
                    .path("variant");
        } catch (PlatformCallException notJson) {
            return DeliveryEvent.ignored(topic);
        }
        Optional<String> id = LightspeedOrderMapper.id(variant, "id");
        String tracking = variant.path("stockTracking").asText("");
        JsonNode level = variant.path("stockLevel");
        if (id.isEmpty()
                || !(tracking.equals("enabled") || tracking.equals("indicator"))
                || !level.canConvertToExactIntegral()) {
            return DeliveryEvent.ignored(topic);
        }
        return DeliveryEvent.stock(
                topic,
                Map.of(LightspeedOutbound.VARIANT, id.get()),
                OptionalLong.of(level.longValue()),
                Optional.empty());
    }

    /** A hint only: an unreadable time must not stop the delivery here (resolve reports it). */
    private static Optional<Instant> eventTime(JsonNode order) {
        try {
            return LightspeedOrderMapper.instant(order, "updatedAt");
        } catch (PlatformCallException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<String> headerTopic(WebhookDelivery delivery) {
        Optional<String> event = delivery.header("X-Event").map(String::trim).filter(v -> !v.isEmpty());
        if (event.isPresent()) {
            return event.map(v -> v.toLowerCase(Locale.ROOT));
        }
        return delivery.header("X-Group")
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .map(group -> (group
                                + delivery.header("X-Action")
                                        .map(a -> "/" + a.trim())
                                        .orElse(""))
                        .toLowerCase(Locale.ROOT));
    }

    /**
     * Maps the delivery's own order. Only a missing product list is fetched, never the order itself: a stored
     * delivery must always map to the same order version (same updatedAt), whatever happened since.
     */
    @Override
    public ChannelOrder resolve(DeliveryEvent event, WebhookDelivery delivery, ChannelConnection connection) {
        if (event.kind() != DeliveryEvent.Kind.ORDER || event.orderId().isEmpty()) {
            throw new IllegalArgumentException("Only order events resolve to an order; this one is " + event.topic());
        }
        JsonNode order =
                PlatformJson.parse(delivery.body(), "The Lightspeed delivery").path("order");
        return withProducts(order, event.orderId().get(), connection);
    }

    @Override
    public ChannelOrder fetchOrder(String externalOrderId, ChannelConnection connection) {
        return withProducts(client.order(externalOrderId, connection), externalOrderId, connection);
    }

    private ChannelOrder withProducts(JsonNode order, String orderId, ChannelConnection connection) {
        List<JsonNode> products = LightspeedOrderMapper.embeddedProducts(order)
                .orElseGet(() -> client.orderProducts(orderId, connection));
        return mapper.map(order, products, fallbackCurrency(connection));
    }

    /** Page tokens are Lightspeed's page numbers; a full page means there may be another. */
    @Override
    public OrderPage listOrders(OrderQuery query, ChannelConnection connection) {
        int page = query.pageNumber();
        List<JsonNode> listed = client.orders(
                query.modifiedSince().minus(FILTER_MARGIN),
                query.modifiedUntil().map(until -> until.plus(FILTER_MARGIN)),
                page,
                connection);
        Optional<String> next =
                listed.size() >= LightspeedClient.PAGE_SIZE ? Optional.of(String.valueOf(page + 1)) : Optional.empty();
        return OrderPage.read(
                listed,
                order -> LightspeedOrderMapper.id(order, "id"),
                order -> readInRange(order, query, connection),
                next);
    }

    /**
     * Only orders really in the range are read: the filter's margin lists many that are not, and reading one costs
     * a call for its products (and would report an unreadable one on every pass of the next 14 hours).
     */
    private Optional<ChannelOrder> readInRange(JsonNode order, OrderQuery query, ChannelConnection connection) {
        String id = LightspeedOrderMapper.id(order, "id")
                .orElseThrow(() -> PlatformCallException.unreadable("Lightspeed listed an order without an id"));
        Optional<Instant> lastChange = LightspeedOrderMapper.lastChange(order);
        if (lastChange.isPresent() && !inRange(lastChange.get(), query)) {
            return Optional.empty();
        }
        return Optional.of(withProducts(order, id, connection));
    }

    private static boolean inRange(Instant updatedAt, OrderQuery query) {
        return !updatedAt.isBefore(query.modifiedSince())
                && query.modifiedUntil().map(updatedAt::isBefore).orElse(true);
    }

    @Override
    public Registration register(ChannelConnection connection, URI webhookUrl) {
        return client.register(connection, webhookUrl);
    }

    /**
     * The cluster (the API's host: {@code api.webshopapp.com}, {@code api.shoplightspeed.com}) and the shop: its id
     * when {@code credentials.shop_id} gives it, else a fingerprint of the API key (a key belongs to one shop; the
     * key itself is never shown).
     */
    @Override
    public String storeIdentity(URI baseUrl, Map<String, String> credentials) {
        String cluster = StoreIdentities.host(baseUrl);
        String shop = credentials.getOrDefault(SHOP_ID, "").trim();
        return shop.isEmpty()
                ? cluster + KEY_FINGERPRINT + StoreIdentities.fingerprint(credentials.getOrDefault("api_key", ""))
                : cluster + "/shop/" + shop;
    }

    /**
     * A shop known only by its API key may take a new key, or its shop id, on the same cluster: the key is how the
     * owner reaches the shop, not what names it. A shop known by its id stays that shop.
     */
    @Override
    public boolean isSameStore(String identity, String newIdentity) {
        int key = identity.indexOf(KEY_FINGERPRINT);
        return identity.equals(newIdentity) || (key > 0 && newIdentity.startsWith(identity.substring(0, key) + "/"));
    }

    /** Lightspeed orders carry no currency field: the channel's {@code currency} credential, else EUR. */
    private static Currency fallbackCurrency(ChannelConnection connection) {
        return connection.currency(Currency.getInstance("EUR"));
    }
}
