package org.storeline.channels.ecwid;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
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
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.Platform;

/**
 * Ecwid by Lightspeed (Lightspeed eCom E-Series). Its webhooks are thin (ids and statuses) and their body is
 * not signed, so every order event is resolved by fetching the order from the API.
 *
 * <p>Credentials: {@code store_id}, {@code access_token}; optional {@code currency} (ISO 4217), because Ecwid
 * orders carry no currency: without it orders are read as EUR. The webhook secret is the app's client secret.
 */
public final class EcwidConnector implements Connector {
    /** Used when the channel does not say: Ecwid orders carry no currency of their own. */
    static final Currency DEFAULT_CURRENCY = Currency.getInstance("EUR");

    private static final Set<String> ORDER_EVENTS = Set.of("order.created", "order.updated");
    /**
     * A product changed, its stock among others (by hand, by a checkout, or by our own push): the webhook names the
     * product only ({@code entityId}), so its level is read from Ecwid before it is compared (SOR-3).
     */
    static final String PRODUCT_UPDATED = "product.updated";

    private final EcwidClient client;
    private final EcwidWebhookVerifier verifier = new EcwidWebhookVerifier();
    private final EcwidOrderMapper mapper = new EcwidOrderMapper();

    private final EcwidOutbound outbound;

    /** Reads through {@code http}; sends stock, prices and statuses one attempt at a time (the outbox retries). */
    public EcwidConnector(PlatformHttp http) {
        this(http, new EcwidOutbound(PlatformHttp.singleAttempt()));
    }

    public EcwidConnector(PlatformHttp http, EcwidOutbound outbound) {
        this.client = new EcwidClient(http);
        this.outbound = outbound;
    }

    @Override
    public Optional<ChannelOutbound> outbound() {
        return Optional.of(outbound);
    }

    @Override
    public Platform platform() {
        return Platform.ECWID;
    }

    @Override
    public List<String> requiredCredentials() {
        return List.of("store_id", "access_token");
    }

    @Override
    public Verification verify(WebhookDelivery delivery, ChannelConnection connection) {
        return verifier.verify(delivery, connection.webhookSecret());
    }

    /**
     * The body's {@code eventType} (the {@code ?eventtype=} Ecwid also puts in the URL only when the body has
     * none). Only {@code order.created} and {@code order.updated} are orders; {@code product.updated} is a stock
     * report without its level; unfinished orders, deletions, customers and the rest are kept and ignored. The order
     * id is {@code data.orderId} ("XJ12H"); older deliveries have only {@code entityId}, then the order number, which
     * the API also accepts.
     */
    @Override
    public DeliveryEvent read(WebhookDelivery delivery) {
        JsonNode body = PlatformJson.parse(delivery.body(), "Ecwid webhook body");
        String topic = PlatformJson.text(body, "eventType")
                .or(() -> queryEventType(delivery))
                .orElse("unknown");
        if (PRODUCT_UPDATED.equals(topic.toLowerCase(Locale.ROOT))) {
            return PlatformJson.id(body, "entityId")
                    .map(product -> DeliveryEvent.stock(
                            topic,
                            Map.of(EcwidOutbound.PRODUCT, product),
                            OptionalLong.empty(),
                            PlatformJson.text(body, "eventId")))
                    .orElseGet(() -> DeliveryEvent.ignored(topic));
        }
        if (!ORDER_EVENTS.contains(topic.toLowerCase(Locale.ROOT))) {
            return DeliveryEvent.ignored(topic);
        }
        String orderId = PlatformJson.text(body.path("data"), "orderId")
                .or(() -> PlatformJson.id(body, "entityId"))
                .orElseThrow(() -> PlatformCallException.unreadable(
                        "Ecwid " + topic + " webhook names no order (no data.orderId, no entityId)"));
        Optional<Instant> eventTime = body.path("eventCreated").canConvertToLong()
                ? Optional.of(Instant.ofEpochSecond(body.path("eventCreated").asLong()))
                : Optional.empty();
        return DeliveryEvent.order(topic, orderId, PlatformJson.text(body, "eventId"), eventTime);
    }

    @Override
    public ChannelOrder resolve(DeliveryEvent event, WebhookDelivery delivery, ChannelConnection connection) {
        String orderId = event.orderId()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Only order events resolve to an order; this is " + event.topic()));
        return fetchOrder(orderId, connection);
    }

    @Override
    public ChannelOrder fetchOrder(String externalOrderId, ChannelConnection connection) {
        return mapper.map(client.fetchOrder(externalOrderId, connection), currency(connection));
    }

    @Override
    public OrderPage listOrders(OrderQuery query, ChannelConnection connection) {
        EcwidClient.Page page = client.listOrders(query, connection);
        Currency currency = currency(connection);
        return OrderPage.read(
                page.orders(),
                EcwidOrderMapper::externalIdIfAny,
                order -> Optional.of(mapper.map(order, currency)),
                page.nextPage());
    }

    @Override
    public Registration register(ChannelConnection connection, URI webhookUrl) {
        return client.register(connection, webhookUrl, currency(connection));
    }

    /** The store id, which names an Ecwid store whatever host its API is called on. */
    @Override
    public String storeIdentity(URI baseUrl, Map<String, String> credentials) {
        return credentials.getOrDefault("store_id", "").trim();
    }

    static Currency currency(ChannelConnection connection) {
        return connection.currency(DEFAULT_CURRENCY);
    }

    private static Optional<String> queryEventType(WebhookDelivery delivery) {
        // Ecwid's docs spell the parameter both "eventtype" and "eventType".
        return delivery.query().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("eventtype"))
                .map(Map.Entry::getValue)
                .filter(v -> v != null && !v.isBlank())
                .findFirst();
    }
}
