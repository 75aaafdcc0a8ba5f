package org.storeline.channels.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
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
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.channels.api.Registration;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.Platform;

/**
 * BigCommerce. Webhooks are thin ({@code data.id} only), so every order event is resolved by fetching the
 * order, its products and its shipping addresses from the v2 API: the delivery is only a hint that order
 * {@code data.id} changed.
 */
public final class BigCommerceConnector implements Connector {
    private final BigCommerceClient client;
    private final BigCommerceOutbound outbound;
    private final BigCommerceWebhookVerifier verifier = new BigCommerceWebhookVerifier();
    private final BigCommerceOrderMapper mapper = new BigCommerceOrderMapper();

    /**
     * Outbound calls are made one attempt each, the sync outbox retrying them, through a client that reads
     * BigCommerce's rate-limit reset header as {@code Retry-After} ({@link BigCommerceRateLimits#singleAttempt()}).
     */
    public BigCommerceConnector(PlatformHttp http) {
        this(new BigCommerceClient(http));
    }

    BigCommerceConnector(BigCommerceClient client) {
        this(client, new BigCommerceOutbound(BigCommerceRateLimits.singleAttempt()));
    }

    BigCommerceConnector(BigCommerceClient client, BigCommerceOutbound outbound) {
        this.client = client;
        this.outbound = outbound;
    }

    @Override
    public Platform platform() {
        return Platform.BIGCOMMERCE;
    }

    /**
     * {@code location_id} (optional, for stock pushes) and {@code client_secret} (optional, signatures)
     * are not required.
     */
    @Override
    public List<String> requiredCredentials() {
        return List.of("store_hash", "access_token");
    }

    @Override
    public Verification verify(WebhookDelivery delivery, ChannelConnection connection) {
        return verifier.verify(delivery, connection);
    }

    /**
     * {@code store/order/created}, {@code updated} and {@code statusUpdated} are order events; everything else
     * ({@code archived}, refunds, transactions, messages, products...) is kept and ignored. The event key is
     * BigCommerce's {@code hash} (the same for every retry of one event); the time is {@code created_at}, unix seconds.
     */
    @Override
    public DeliveryEvent read(WebhookDelivery delivery) {
        JsonNode body = PlatformJson.parse(delivery.body(), "The BigCommerce webhook body");
        String scope = PlatformJson.text(body, "scope").orElse("(no scope)");
        if (BigCommerceClient.STOCK_SCOPES.contains(scope)) {
            return readStock(body, scope);
        }
        Optional<String> orderId = PlatformJson.id(body.path("data"), "id");
        if (!BigCommerceClient.ORDER_SCOPES.contains(scope) || orderId.isEmpty()) {
            return DeliveryEvent.ignored(scope);
        }
        return DeliveryEvent.order(scope, orderId.get(), PlatformJson.text(body, "hash"), eventTime(body));
    }

    /**
     * An inventory hook names a product tracked as a whole ({@code data.inventory.product_id}) or a variant
     * ({@code product_id} and {@code variant_id}), in the ids {@link BigCommerceListings} remembers. Its {@code value}
     * is the difference, never the level (whichever its {@code method}), so the report carries none: the level is
     * read from the catalog before it is compared.
     */
    private static DeliveryEvent readStock(JsonNode body, String scope) {
        JsonNode inventory = body.path("data").path("inventory");
        Optional<String> product =
                PlatformJson.id(inventory, "product_id").or(() -> PlatformJson.id(body.path("data"), "id"));
        Optional<String> variant = PlatformJson.id(inventory, "variant_id");
        if (product.isEmpty()) {
            return DeliveryEvent.ignored(scope);
        }
        Map<String, String> ids = scope.startsWith("store/sku/") && variant.isPresent()
                ? Map.of(BigCommerceOutbound.PRODUCT_ID, product.get(), BigCommerceOutbound.VARIANT_ID, variant.get())
                : Map.of(
                        BigCommerceOutbound.PRODUCT_ID,
                        product.get(),
                        BigCommerceOutbound.TRACKING,
                        BigCommerceOutbound.OF_PRODUCT);
        return DeliveryEvent.stock(scope, ids, OptionalLong.empty(), PlatformJson.text(body, "hash"));
    }

    private static Optional<Instant> eventTime(JsonNode body) {
        JsonNode createdAt = body.path("created_at");
        if (createdAt.isIntegralNumber() && createdAt.canConvertToLong()) {
            // Instant.ofEpochSecond throws beyond year 1e9; a time that far off is no time at all, not a failed
            // delivery.
            long seconds = createdAt.longValue();
            return seconds >= 0 && seconds <= 999_999_999_999L
                    ? Optional.of(Instant.ofEpochSecond(seconds))
                    : Optional.empty();
        }
        return PlatformJson.text(body, "created_at")
                .filter(text -> text.matches("[0-9]{1,12}"))
                .map(text -> Instant.ofEpochSecond(Long.parseLong(text)));
    }

    @Override
    public ChannelOrder resolve(DeliveryEvent event, WebhookDelivery delivery, ChannelConnection connection) {
        if (event.kind() != DeliveryEvent.Kind.ORDER || event.orderId().isEmpty()) {
            throw new IllegalArgumentException(
                    "Only order events resolve to an order; this one is " + event.kind() + " " + event.topic());
        }
        // Always fetched, never built from the delivery: BigCommerce's body carries no order data.
        return fetchOrder(event.orderId().get(), connection);
    }

    @Override
    public ChannelOrder fetchOrder(String externalOrderId, ChannelConnection connection) {
        return mapper.map(client.fetchOrder(externalOrderId, connection));
    }

    /**
     * Filter: {@code min_date_modified}/{@code max_date_modified}, sorted by {@code date_modified};
     * the page token is the page number.
     */
    @Override
    public OrderPage listOrders(OrderQuery query, ChannelConnection connection) {
        BigCommerceClient.OrdersPage page = client.listOrders(query, connection);
        return OrderPage.read(
                page.orders(),
                order -> PlatformJson.id(order, "id"),
                order -> Optional.of(mapper.map(client.withSubresources(order, connection))),
                page.nextPage());
    }

    @Override
    public Registration register(ChannelConnection connection, URI webhookUrl) {
        return client.register(connection, webhookUrl);
    }

    @Override
    public Optional<ChannelOutbound> outbound() {
        return Optional.of(outbound);
    }

    /**
     * Trims (as every connector does). A store hash pasted as {@code stores/abc123} or as the whole API path is cut
     * down to the hash, which is what the control panel's API account page shows inside a URL.
     */
    @Override
    public Map<String, String> normalizeCredentials(Map<String, String> credentials) {
        Map<String, String> normalized = new LinkedHashMap<>(Connector.super.normalizeCredentials(credentials));
        Optional.ofNullable(normalized.get("store_hash"))
                .ifPresent(hash -> normalized.put("store_hash", storeHashOf(hash)));
        return normalized;
    }

    /** The store hash, which names a BigCommerce store whatever host its API is called on. */
    @Override
    public String storeIdentity(URI baseUrl, Map<String, String> credentials) {
        return storeHashOf(credentials.getOrDefault("store_hash", "")).toLowerCase(Locale.ROOT);
    }

    private static String storeHashOf(String value) {
        String trimmed = value.replaceAll("/+$", "");
        int stores = trimmed.indexOf("stores/");
        if (stores < 0) {
            return trimmed;
        }
        String rest = trimmed.substring(stores + "stores/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
