package org.storeline.channels.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
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
 * WooCommerce (REST API v3). Order webhooks carry the whole order as the REST API shows it at delivery
 * time, so {@link #resolve} maps the body without calling the store; the reconciliation poll lists orders
 * by {@code modified_after}, which matters here because WooCommerce never retries a failed delivery.
 */
public final class WooCommerceConnector implements Connector {
    static final String TOPIC_HEADER = "X-WC-Webhook-Topic";
    static final String DELIVERY_ID_HEADER = "X-WC-Webhook-Delivery-ID";
    /** Topics whose body is the order: created, changed (status, payment, refunds) or taken out of the bin. */
    static final Set<String> ORDER_TOPICS = Set.of("order.created", "order.updated", "order.restored");
    /** A product or a variation saved in the store (by hand, or by our own stock push): its body is the product. */
    static final String PRODUCT_UPDATED = "product.updated";

    private final WooCommerceWebhookVerifier verifier = new WooCommerceWebhookVerifier();
    private final WooCommerceOrderMapper mapper = new WooCommerceOrderMapper();
    private final WooCommerceClient client;
    private final WooCommerceOutbound outbound;

    public WooCommerceConnector(PlatformHttp http) {
        this(http, PlatformHttp.singleAttempt());
    }

    /** {@code outboundHttp}: one attempt per call, for the sync outbox, which retries by itself. */
    public WooCommerceConnector(PlatformHttp http, PlatformHttp outboundHttp) {
        this.client = new WooCommerceClient(http, mapper);
        this.outbound = new WooCommerceOutbound(outboundHttp);
    }

    @Override
    public Platform platform() {
        return Platform.WOOCOMMERCE;
    }

    @Override
    public List<String> requiredCredentials() {
        return List.of("consumer_key", "consumer_secret");
    }

    @Override
    public Verification verify(WebhookDelivery delivery, ChannelConnection connection) {
        return verifier.verify(delivery, connection.webhookSecret());
    }

    /**
     * The topic header decides. order.deleted (body {@code {"id": N}}) is kept and logged but changes
     * nothing: a sale is never deleted because the web order was. The delivery id is new on every
     * delivery, not per event; WooCommerce sends no event time, so the order's {@code date_modified_gmt}
     * stands in for it.
     */
    @Override
    public DeliveryEvent read(WebhookDelivery delivery) {
        String topic = delivery.header(TOPIC_HEADER).map(String::trim).orElse("");
        if (PRODUCT_UPDATED.equals(topic)) {
            return readStock(delivery, topic);
        }
        if (!ORDER_TOPICS.contains(topic)) {
            return DeliveryEvent.ignored(topic.isEmpty() ? "(no " + TOPIC_HEADER + ")" : topic);
        }
        JsonNode body = PlatformJson.parse(delivery.body(), "WooCommerce " + topic + " delivery");
        String orderId = PlatformJson.id(body, "id")
                .orElseThrow(
                        () -> PlatformCallException.unreadable("WooCommerce " + topic + " delivery has no order id"));
        Optional<Instant> eventTime = WooCommerceText.gmt(body, "date_modified_gmt");
        return DeliveryEvent.order(
                topic, orderId, delivery.header(DELIVERY_ID_HEADER).map(String::trim), eventTime);
    }

    /**
     * product.updated carries the product as {@code GET /products/{id}} shows it, a variation included (then with its
     * {@code parent_id}): a stock report when WooCommerce counts its stock ({@code manage_stock} true; a variation
     * whose stock its parent manages says {@code "parent"}), in the ids {@link WooCommerceOutbound} remembers. A
     * product with variations, or one whose stock is not counted, is ignored: the variations report their own.
     */
    private static DeliveryEvent readStock(WebhookDelivery delivery, String topic) {
        JsonNode product = PlatformJson.parse(delivery.body(), "WooCommerce " + topic + " delivery");
        Optional<String> id = PlatformJson.id(product, "id");
        JsonNode quantity = product.path("stock_quantity");
        if (id.isEmpty()
                || !product.path("manage_stock").isBoolean()
                || !product.path("manage_stock").asBoolean()
                || !quantity.canConvertToExactIntegral()
                || "variable".equals(product.path("type").asText())) {
            return DeliveryEvent.ignored(topic);
        }
        Optional<String> parent = PlatformJson.id(product, "parent_id");
        Map<String, String> ids = parent.isPresent()
                ? Map.of(WooCommerceOutbound.PRODUCT_ID, parent.get(), WooCommerceOutbound.VARIATION_ID, id.get())
                : Map.of(WooCommerceOutbound.PRODUCT_ID, id.get());
        return DeliveryEvent.stock(
                topic,
                ids,
                OptionalLong.of(quantity.longValue()),
                delivery.header(DELIVERY_ID_HEADER).map(String::trim));
    }

    /**
     * Maps the body when it is a REST v3 order. A webhook created with an older API version (wp_api_v1
     * bodies have no {@code *_gmt} times) or a body without line items is re-read from the store instead.
     */
    @Override
    public ChannelOrder resolve(DeliveryEvent event, WebhookDelivery delivery, ChannelConnection connection) {
        String orderId = event.orderId()
                .orElseThrow(() -> PlatformCallException.unreadable(
                        "WooCommerce delivery " + event.topic() + " is not about an order"));
        JsonNode body = PlatformJson.parse(delivery.body(), "WooCommerce " + event.topic() + " delivery");
        boolean wholeV3Order =
                body.hasNonNull("date_modified_gmt") && body.has("line_items") && body.hasNonNull("currency");
        return wholeV3Order ? mapper.map(body) : client.fetchOrder(orderId, connection);
    }

    @Override
    public ChannelOrder fetchOrder(String externalOrderId, ChannelConnection connection) {
        return client.fetchOrder(externalOrderId.trim(), connection);
    }

    @Override
    public OrderPage listOrders(OrderQuery query, ChannelConnection connection) {
        return client.listOrders(query, connection);
    }

    @Override
    public Registration register(ChannelConnection connection, URI webhookUrl) {
        return client.register(connection, webhookUrl);
    }

    @Override
    public Unregistration unregister(ChannelConnection connection, URI webhookUrl) {
        return client.unregister(connection, webhookUrl);
    }

    /** The site's URL (host and path) without the REST API's path, should the owner have pasted it in base_url. */
    @Override
    public String storeIdentity(URI baseUrl, Map<String, String> credentials) {
        return StoreIdentities.site(baseUrl, "/wp-json");
    }

    /** Stock levels, prices and the completion of orders (see {@link WooCommerceOutbound}). */
    @Override
    public Optional<ChannelOutbound> outbound() {
        return Optional.of(outbound);
    }

    /** Keys pasted from WooCommerce's screen often carry spaces or a line break. */
}
