package org.storeline.channels.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
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
import org.storeline.channels.api.Unregistration;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.Platform;

/**
 * Shopify, seen from Storeline. Order webhooks carry the whole REST order (in the subscription's API
 * version), so {@link #resolve} maps the body itself; the API is only called for imports, reconciliation
 * and registration.
 */
public final class ShopifyConnector implements Connector {
    static final String TOPIC_HEADER = "X-Shopify-Topic";
    static final String WEBHOOK_ID_HEADER = "X-Shopify-Webhook-Id";
    static final String TRIGGERED_AT_HEADER = "X-Shopify-Triggered-At";

    /** Topics whose body is the order. refunds/create and orders/delete are kept but not acted on. */
    static final Set<String> ORDER_TOPICS = Set.of(
            "orders/create",
            "orders/updated",
            "orders/paid",
            "orders/cancelled",
            "orders/fulfilled",
            "orders/partially_fulfilled");

    /**
     * An inventory level changed at a location (by hand in the admin, by an order, or by our own push): the body is the
     * level, {@code {"inventory_item_id", "location_id", "available", "updated_at"}}.
     */
    static final String INVENTORY_LEVEL_TOPIC = "inventory_levels/update";

    private final ShopifyWebhookVerifier verifier = new ShopifyWebhookVerifier();
    private final ShopifyOrderMapper mapper = new ShopifyOrderMapper();
    private final ShopifyClient client;
    private final ShopifyOutbound outbound;

    /** Outbound calls are made one attempt each ({@link PlatformHttp#singleAttempt()}): the sync outbox retries. */
    public ShopifyConnector(PlatformHttp http) {
        this(http, PlatformHttp.singleAttempt());
    }

    public ShopifyConnector(PlatformHttp http, PlatformHttp outboundHttp) {
        this.client = new ShopifyClient(http);
        this.outbound = new ShopifyOutbound(outboundHttp);
    }

    @Override
    public Platform platform() {
        return Platform.SHOPIFY;
    }

    @Override
    public List<String> requiredCredentials() {
        // location_id is optional: it only says where stock is pushed.
        return List.of(ShopifyClient.ACCESS_TOKEN);
    }

    @Override
    public Verification verify(WebhookDelivery delivery, ChannelConnection connection) {
        return verifier.verify(delivery, connection.webhookSecret());
    }

    @Override
    public DeliveryEvent read(WebhookDelivery delivery) {
        String topic = delivery.header(TOPIC_HEADER).map(String::trim).orElse("");
        if (INVENTORY_LEVEL_TOPIC.equals(topic)) {
            return readLevel(delivery, topic);
        }
        if (!ORDER_TOPICS.contains(topic)) {
            return DeliveryEvent.ignored(topic.isEmpty() ? "(no " + TOPIC_HEADER + " header)" : topic);
        }
        // Parsed with BigInteger ints: ids exceed 2^53 and must not pass through a double.
        String orderId = PlatformJson.id(PlatformJson.parse(delivery.body(), "Shopify " + topic + " body"), "id")
                .orElseThrow(
                        () -> PlatformCallException.unreadable("The Shopify " + topic + " delivery has no order id"));
        return DeliveryEvent.order(
                topic,
                orderId,
                delivery.header(WEBHOOK_ID_HEADER).map(String::trim).filter(s -> !s.isEmpty()),
                delivery.header(TRIGGERED_AT_HEADER).flatMap(ShopifyConnector::instant));
    }

    /**
     * The inventory item at a location, in the ids {@link ShopifyListings} remembers, and its {@code available}
     * quantity (what our push sets). An item Shopify does not track says {@code null}: nothing to compare, ignored.
     */
    private static DeliveryEvent readLevel(WebhookDelivery delivery, String topic) {
        JsonNode level = PlatformJson.parse(delivery.body(), "Shopify " + topic + " body");
        Optional<String> item = PlatformJson.id(level, ShopifyOutbound.INVENTORY_ITEM_ID);
        Optional<String> location = PlatformJson.id(level, ShopifyOutbound.LOCATION_ID);
        JsonNode available = level.path("available");
        if (item.isEmpty() || location.isEmpty() || !available.canConvertToExactIntegral()) {
            return DeliveryEvent.ignored(topic);
        }
        return DeliveryEvent.stock(
                topic,
                Map.of(ShopifyOutbound.INVENTORY_ITEM_ID, item.get(), ShopifyOutbound.LOCATION_ID, location.get()),
                OptionalLong.of(available.longValue()),
                delivery.header(WEBHOOK_ID_HEADER).map(String::trim).filter(s -> !s.isEmpty()));
    }

    @Override
    public ChannelOrder resolve(DeliveryEvent event, WebhookDelivery delivery, ChannelConnection connection) {
        if (event.kind() != DeliveryEvent.Kind.ORDER) {
            throw new IllegalArgumentException("Only order events carry an order; " + event.topic() + " does not");
        }
        return mapper.map(PlatformJson.parse(delivery.body(), "Shopify " + event.topic() + " body"));
    }

    @Override
    public ChannelOrder fetchOrder(String externalOrderId, ChannelConnection connection) {
        return mapper.map(client.fetchOrder(externalOrderId, connection));
    }

    @Override
    public OrderPage listOrders(OrderQuery query, ChannelConnection connection) {
        ShopifyClient.RawPage page = client.listOrders(query, connection);
        return OrderPage.read(
                page.orders(),
                order -> PlatformJson.id(order, "id"),
                order -> Optional.of(mapper.map(order)).filter(o -> ShopifyClient.inWindow(o.updatedAt(), query)),
                page.nextPageInfo());
    }

    @Override
    public Registration register(ChannelConnection connection, URI webhookUrl) {
        return client.register(connection, webhookUrl);
    }

    @Override
    public Optional<ChannelOutbound> outbound() {
        return Optional.of(outbound);
    }

    @Override
    public Unregistration unregister(ChannelConnection connection, URI webhookUrl) {
        return client.unregister(connection, webhookUrl);
    }

    /** The shop's domain ({@code example.myshopify.com}), which is the host its Admin API is called on. */
    @Override
    public String storeIdentity(URI baseUrl, Map<String, String> credentials) {
        return StoreIdentities.host(baseUrl);
    }

    /**
     * {@code X-Shopify-Triggered-At}, e.g. "2025-07-10T16:15:47.000000Z"; an unreadable value is ignored, not fatal.
     */
    static Optional<Instant> instant(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value.trim()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
