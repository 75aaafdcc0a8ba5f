package org.storeline.channels.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.OrderPage;
import org.storeline.channels.api.OrderQuery;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.channels.api.Registration;
import org.storeline.channels.api.Unregistration;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.error.StorelineException;

/**
 * WooCommerce's REST API v3 ({@code {base_url}/wp-json/wc/v3}), authenticated with HTTP Basic
 * {@code consumer_key:consumer_secret}. Every call goes through {@link PlatformHttp}.
 */
public final class WooCommerceClient {
    static final String API = "/wp-json/wc/v3";
    static final int PAGE_SIZE = 100;
    /**
     * What we subscribe to: order.updated also fires on refunds, payment and status changes; product.updated on a
     * product's or a variation's stock edited in the store (or set by our own push: SOR-3 tells the two apart).
     */
    static final List<String> TOPICS = List.of("order.created", "order.updated", "product.updated");
    /** Servers that strip the Authorization header need the keys in the query string (HTTPS only). */
    static final String QUERY_STRING_AUTH = "query_string_auth";

    private static final DateTimeFormatter WOO_GMT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final PlatformHttp http;
    private final WooCommerceOrderMapper mapper;

    public WooCommerceClient(PlatformHttp http, WooCommerceOrderMapper mapper) {
        this.http = http;
        this.mapper = mapper;
    }

    public ChannelOrder fetchOrder(String orderId, ChannelConnection connection) {
        if (!orderId.matches("[0-9]{1,20}")) {
            throw PlatformCallException.refused("'" + orderId + "' is not a WooCommerce order id (a number)", 0);
        }
        PlatformHttp.Response response =
                http.send(get(connection, API + "/orders/" + orderId, Map.of()), "WooCommerce order " + orderId);
        return mapper.map(PlatformJson.parse(response.body(), "WooCommerce order " + orderId));
    }

    /**
     * Orders whose {@code date_modified_gmt} is in [since, until), oldest change first, 100 a page.
     * WooCommerce's {@code modified_after}/{@code modified_before} are strict and to the second, so the
     * lower bound is moved one second back: a few orders may come twice, which the import absorbs.
     */
    public OrderPage listOrders(OrderQuery query, ChannelConnection connection) {
        int page = query.pageNumber();
        Map<String, String> params = new LinkedHashMap<>();
        params.put(
                "modified_after",
                WOO_GMT.format(
                        query.modifiedSince().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1)));
        query.modifiedUntil().ifPresent(until -> params.put("modified_before", WOO_GMT.format(until)));
        params.put("dates_are_gmt", "true");
        params.put("orderby", "modified");
        params.put("order", "asc");
        params.put("per_page", String.valueOf(PAGE_SIZE));
        params.put("page", String.valueOf(page));
        PlatformHttp.Response response =
                http.send(get(connection, API + "/orders", params), "WooCommerce orders page " + page);
        List<JsonNode> listed = new ArrayList<>();
        PlatformJson.parse(response.body(), "WooCommerce orders page " + page).forEach(listed::add);
        return OrderPage.read(
                listed,
                order -> PlatformJson.id(order, "id"),
                order -> readInRange(order, query),
                nextPage(response, page, listed.size()));
    }

    /**
     * Stores older than WooCommerce 5.8 ignore modified_after and send everything: only orders in the range are
     * read, so that one that cannot be read is not reported again on every pass while it is outside the range.
     */
    private Optional<ChannelOrder> readInRange(JsonNode order, OrderQuery query) {
        Optional<Instant> modified = WooCommerceText.gmt(order, "date_modified_gmt")
                .or(() -> WooCommerceText.gmt(order, "date_created_gmt"));
        if (modified.isPresent() && !inRange(modified.get(), query)) {
            return Optional.empty();
        }
        return Optional.of(mapper.map(order));
    }

    private static boolean inRange(Instant updatedAt, OrderQuery query) {
        Instant from = query.modifiedSince().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        return !updatedAt.isBefore(from)
                && query.modifiedUntil().map(updatedAt::isBefore).orElse(true);
    }

    private static Optional<String> nextPage(PlatformHttp.Response response, int page, int count) {
        Optional<Integer> totalPages = response.header("X-WP-TotalPages").flatMap(WooCommerceClient::integer);
        boolean more = totalPages.map(total -> page < total).orElse(count >= PAGE_SIZE);
        return more ? Optional.of(String.valueOf(page + 1)) : Optional.empty();
    }

    private static Optional<Integer> integer(String value) {
        try {
            return Optional.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks the keys with a cheap authenticated GET, then makes sure an active webhook exists for each
     * of {@link #TOPICS} pointing at {@code webhookUrl} with the channel's secret: an existing one (ours,
     * from an earlier attempt, or one WooCommerce disabled after failed deliveries) is updated and
     * re-activated rather than duplicated. Never throws: a refusal or an outage is a failed registration.
     */
    public Registration register(ChannelConnection connection, URI webhookUrl) {
        try {
            String version = storeVersion(connection);
            JsonNode existing = webhooks(connection);
            List<String> registered = new ArrayList<>();
            for (String topic : TOPICS) {
                registered.add(topic + " #" + ensureWebhook(connection, existing, topic, webhookUrl.toString()));
            }
            return Registration.connected(
                    "WooCommerce " + version + ": our webhooks deliver to " + webhookUrl + ".", registered);
        } catch (PlatformCallException e) {
            return Registration.failed(explain(e, connection));
        } catch (StorelineException e) {
            return Registration.failed(e.getMessage());
        }
    }

    private String ensureWebhook(ChannelConnection connection, JsonNode existing, String topic, String deliveryUrl) {
        ObjectNode settings = PlatformJson.MAPPER
                .createObjectNode()
                .put("secret", connection.webhookSecret())
                .put("status", "active");
        for (JsonNode webhook : existing) {
            boolean same = topic.equals(webhook.path("topic").asText())
                    && deliveryUrl.equals(webhook.path("delivery_url").asText());
            Optional<String> id = PlatformJson.id(webhook, "id");
            if (same && id.isPresent()) {
                updateWebhook(connection, id.get(), settings);
                return id.get();
            }
        }
        ObjectNode webhook = PlatformJson.MAPPER
                .createObjectNode()
                .put("name", "Storeline " + topic)
                .put("topic", topic)
                .put("delivery_url", deliveryUrl);
        webhook.setAll(settings);
        return PlatformJson.id(createWebhook(connection, webhook), "id").orElse("?");
    }

    /**
     * Deletes our webhooks: those of the webhook list that deliver to {@code webhookUrl}, each with
     * {@code DELETE /webhooks/{id}?force=true} (WooCommerce keeps no trash of webhooks). Never throws: a refusal or an
     * outage is a failed unregistration.
     */
    public Unregistration unregister(ChannelConnection connection, URI webhookUrl) {
        List<String> removed = new ArrayList<>();
        try {
            for (JsonNode webhook : webhooks(connection)) {
                Optional<String> id = PlatformJson.id(webhook, "id");
                if (id.isPresent()
                        && webhookUrl
                                .toString()
                                .equals(webhook.path("delivery_url").asText())) {
                    http.send(
                            request(connection, API + "/webhooks/" + id.get(), Map.of("force", "true"))
                                    .DELETE(),
                            "WooCommerce webhook deletion");
                    removed.add(webhook.path("topic").asText("?") + " #" + id.get());
                }
            }
        } catch (PlatformCallException | StorelineException e) {
            return Unregistration.failed("WooCommerce did not remove the webhooks that deliver to " + webhookUrl
                    + (removed.isEmpty() ? "" : " (removed: " + String.join(", ", removed) + ")") + ": "
                    + e.getMessage() + ". Remove them in WooCommerce > Settings > Advanced > Webhooks.");
        }
        return Unregistration.removed(
                removed.isEmpty()
                        ? "No WooCommerce webhook delivered to " + webhookUrl + " any more."
                        : "WooCommerce webhooks removed: " + String.join(", ", removed) + ".",
                removed);
    }

    /** What the merchant should do about a failed registration. */
    private static String explain(PlatformCallException e, ChannelConnection connection) {
        return switch (e.status()) {
            case 401, 403 ->
                "WooCommerce refused the API keys (HTTP " + e.status()
                        + "). Check credentials.consumer_key and consumer_secret, "
                        + "that the key has Read/Write permissions and belongs to a shop manager or administrator, "
                        + "and that the server "
                        + "passes the Authorization header (if it strips it, set credentials." + QUERY_STRING_AUTH
                        + " to true; HTTPS only).";
            case 404 ->
                "No WooCommerce REST API at " + connection.resolve(API)
                        + " (HTTP 404). Check base_url, that WooCommerce is active "
                        + "and that WordPress permalinks are not set to Plain.";
            case 0 ->
                "WooCommerce at " + connection.baseUrl() + " could not be reached: " + e.getMessage()
                        + ". Storeline will try again.";
            default -> "WooCommerce did not accept the webhook setup: " + e.getMessage();
        };
    }

    /** The store's WooCommerce version: only that field is asked for, so the status report stays cheap. */
    String storeVersion(ChannelConnection connection) {
        PlatformHttp.Response response = http.send(
                get(connection, API + "/system_status", Map.of("_fields", "environment.version")),
                "WooCommerce credentials check");
        return PlatformJson.text(
                        PlatformJson.parse(response.body(), "WooCommerce system status")
                                .path("environment"),
                        "version")
                .orElse("(version not reported)");
    }

    JsonNode webhooks(ChannelConnection connection) {
        PlatformHttp.Response response = http.send(
                get(connection, API + "/webhooks", Map.of("per_page", String.valueOf(PAGE_SIZE))),
                "WooCommerce webhooks list");
        return PlatformJson.parse(response.body(), "WooCommerce webhooks list");
    }

    JsonNode createWebhook(ChannelConnection connection, ObjectNode webhook) {
        return send(connection, "POST", API + "/webhooks", webhook, "WooCommerce webhook creation");
    }

    JsonNode updateWebhook(ChannelConnection connection, String webhookId, ObjectNode changes) {
        return send(connection, "PUT", API + "/webhooks/" + webhookId, changes, "WooCommerce webhook update");
    }

    private JsonNode send(ChannelConnection connection, String method, String path, ObjectNode body, String what) {
        HttpRequest.Builder request = request(connection, path, Map.of())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        return PlatformJson.parse(http.send(request, what).body(), what);
    }

    static HttpRequest.Builder get(ChannelConnection connection, String path, Map<String, String> params) {
        return request(connection, path, params).GET();
    }

    /** A request to the store's REST API, authenticated as the channel's credentials say (header or query string). */
    static HttpRequest.Builder request(ChannelConnection connection, String path, Map<String, String> params) {
        String key = connection.credential("consumer_key");
        String secret = connection.credential("consumer_secret");
        Map<String, String> query = new LinkedHashMap<>(params);
        boolean inQuery = connection
                .optionalCredential(QUERY_STRING_AUTH)
                .map(Boolean::parseBoolean)
                .orElse(false);
        if (inQuery) {
            query.put("consumer_key", key);
            query.put("consumer_secret", secret);
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(connection, path, query)).header("Accept", "application/json");
        if (!inQuery) {
            String basic = Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + basic);
        }
        return request;
    }

    private static URI uri(ChannelConnection connection, String path, Map<String, String> query) {
        StringBuilder pathAndQuery = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> param : query.entrySet()) {
            pathAndQuery
                    .append(separator)
                    .append(encode(param.getKey()))
                    .append('=')
                    .append(encode(param.getValue()));
            separator = '&';
        }
        return connection.resolve(pathAndQuery.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
