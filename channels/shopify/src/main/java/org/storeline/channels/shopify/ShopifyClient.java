package org.storeline.channels.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.OrderQuery;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.channels.api.Registration;
import org.storeline.channels.api.Unregistration;

/**
 * Shopify's Admin REST API, always through {@link PlatformHttp} (429 with {@code Retry-After} and 5xx are
 * retried there). REST is legacy since 2024-10 but still served for custom apps; the version is pinned so the
 * order shape does not move under the mapper. Auth: the Admin API access token in {@code X-Shopify-Access-Token}.
 */
public final class ShopifyClient {
    /** The Admin API version we call, and whose order shape the mapper reads. */
    public static final String API_VERSION = "2025-01";

    static final String ACCESS_TOKEN = "access_token";
    /** The order topics, and inventory levels changed in the shop (SOR-3: one changed there is set back to ours). */
    static final List<String> WEBHOOK_TOPICS =
            List.of("orders/create", "orders/updated", "orders/cancelled", "inventory_levels/update");
    /** Shopify's largest page for orders.json. */
    static final int PAGE_SIZE = 250;

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final Pattern PAGE_INFO = Pattern.compile("[?&]page_info=([^&]+)");

    /** One page of raw orders and the {@code page_info} cursor of the next page. */
    record RawPage(List<JsonNode> orders, Optional<String> nextPageInfo) {}

    private final PlatformHttp http;

    public ShopifyClient(PlatformHttp http) {
        this.http = http;
    }

    /** {@code GET /admin/api/{version}/orders/{id}.json}: the {@code order} object. */
    public JsonNode fetchOrder(String orderId, ChannelConnection connection) {
        if (!orderId.matches("\\d+")) {
            throw PlatformCallException.refused("'" + orderId + "' is not a Shopify order id (digits only)", 0);
        }
        PlatformHttp.Response response =
                http.send(get(connection, "/orders/" + orderId + ".json"), "Fetching Shopify order " + orderId);
        JsonNode order =
                PlatformJson.parse(response.body(), "Shopify's order response").path("order");
        if (!order.isObject()) {
            throw PlatformCallException.unreadable("Shopify's answer for order " + orderId + " has no order object");
        }
        return order;
    }

    /**
     * Orders updated in the query's window, {@value #PAGE_SIZE} at a time. The first page filters with
     * {@code status=any} (the default, {@code open}, would hide closed and cancelled orders) and
     * {@code updated_at_min}/{@code updated_at_max}; Shopify's cursor pages then take only {@code page_info}
     * and {@code limit}, the filters travelling inside the cursor. Our page token is that {@code page_info}.
     */
    RawPage listOrders(OrderQuery query, ChannelConnection connection) {
        String path = query.page()
                .map(pageInfo -> "/orders.json?page_info=" + encode(pageInfo) + "&limit=" + PAGE_SIZE)
                .orElseGet(() -> firstPagePath(query));
        PlatformHttp.Response response = http.send(get(connection, path), "Listing Shopify orders");
        List<JsonNode> orders = new ArrayList<>();
        PlatformJson.parse(response.body(), "Shopify's order list")
                .path("orders")
                .forEach(orders::add);
        return new RawPage(orders, response.header("Link").flatMap(ShopifyClient::nextPageInfo));
    }

    private static String firstPagePath(OrderQuery query) {
        StringBuilder path = new StringBuilder("/orders.json?status=any&updated_at_min=")
                .append(encode(query.modifiedSince().toString()));
        query.modifiedUntil().ifPresent(until -> path.append("&updated_at_max=").append(encode(until.toString())));
        return path.append("&limit=").append(PAGE_SIZE).toString();
    }

    /** The {@code page_info} of the {@code rel="next"} URL in a {@code Link} header, if there is a next page. */
    static Optional<String> nextPageInfo(String linkHeader) {
        Matcher link = NEXT_LINK.matcher(linkHeader);
        if (!link.find()) {
            return Optional.empty();
        }
        Matcher pageInfo = PAGE_INFO.matcher(link.group(1));
        return pageInfo.find()
                ? Optional.of(URLDecoder.decode(pageInfo.group(1), StandardCharsets.UTF_8))
                : Optional.empty();
    }

    /**
     * Checks the token with {@code GET /shop.json}, then creates our order webhooks. Webhooks created through
     * the API with an app's token are signed with that app's client secret, which is the channel's webhook secret.
     */
    public Registration register(ChannelConnection connection, URI webhookUrl) {
        if (connection.optionalCredential(ACCESS_TOKEN).isEmpty()) {
            return Registration.failed("credentials.access_token is missing: create a custom app in the Shopify admin"
                    + " (Settings > Apps > Develop apps) with read_orders, and paste its Admin API access token.");
        }
        String shop;
        try {
            JsonNode body = PlatformJson.parse(
                    http.send(get(connection, "/shop.json"), "Checking the Shopify access token")
                            .body(),
                    "shop.json");
            shop = PlatformJson.text(body.path("shop"), "myshopify_domain")
                    .or(() -> PlatformJson.text(body.path("shop"), "name"))
                    .orElse("the shop");
        } catch (PlatformCallException e) {
            return Registration.failed(credentialProblem(e));
        }
        List<String> registered = new ArrayList<>();
        for (String topic : WEBHOOK_TOPICS) {
            try {
                createWebhook(connection, topic, webhookUrl);
                registered.add(topic);
            } catch (PlatformCallException e) {
                if (!alreadyRegistered(e)) {
                    return Registration.failed("Connected to " + shop + ", but Shopify refused the " + topic
                            + " webhook: " + e.getMessage());
                }
                registered.add(topic);
            }
        }
        return Registration.connected(
                "Connected to " + shop + " (Admin API " + API_VERSION + "); order webhooks point at " + webhookUrl,
                registered);
    }

    /**
     * Deletes our webhooks: those {@code GET /webhooks.json?address=} lists for {@code webhookUrl}, each with
     * {@code DELETE /webhooks/{id}.json}. Never throws: a refusal or an outage is a failed unregistration.
     */
    public Unregistration unregister(ChannelConnection connection, URI webhookUrl) {
        List<String> removed = new ArrayList<>();
        try {
            JsonNode listed = PlatformJson.parse(
                    http.send(
                                    get(connection, "/webhooks.json?address=" + encode(webhookUrl.toString())),
                                    "Listing the Shopify webhooks")
                            .body(),
                    "webhooks.json");
            for (JsonNode webhook : listed.path("webhooks")) {
                Optional<String> id = PlatformJson.id(webhook, "id");
                // The address filter is Shopify's: checked again here, so that no other app's webhook is touched.
                if (id.isPresent()
                        && webhookUrl.toString().equals(webhook.path("address").asText())) {
                    http.send(
                            request(connection, "/webhooks/" + id.get() + ".json")
                                    .DELETE(),
                            "Deleting the Shopify webhook " + id.get());
                    removed.add(webhook.path("topic").asText("?") + " #" + id.get());
                }
            }
        } catch (PlatformCallException e) {
            return Unregistration.failed("Shopify did not remove the webhooks that deliver to " + webhookUrl
                    + (removed.isEmpty() ? "" : " (removed: " + String.join(", ", removed) + ")") + ": "
                    + e.getMessage() + ". Remove them in the Shopify admin (Settings > Notifications > Webhooks) or"
                    + " uninstall the app.");
        }
        return Unregistration.removed(
                removed.isEmpty()
                        ? "No Shopify webhook delivered to " + webhookUrl + " any more."
                        : "Shopify webhooks removed: " + String.join(", ", removed) + ".",
                removed);
    }

    private void createWebhook(ChannelConnection connection, String topic, URI address) {
        ObjectNode webhook = PlatformJson.MAPPER.createObjectNode();
        webhook.putObject("webhook")
                .put("topic", topic)
                .put("address", address.toString())
                .put("format", "json");
        HttpRequest.Builder request = request(connection, "/webhooks.json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(webhook.toString()));
        http.send(request, "Creating the Shopify " + topic + " webhook");
    }

    /**
     * Re-registering answers 422 "address for this topic has already been taken":
     * the webhook is there, which is what we want.
     */
    private static boolean alreadyRegistered(PlatformCallException e) {
        return e.status() == 422 && e.getMessage() != null && e.getMessage().contains("already been taken");
    }

    private static String credentialProblem(PlatformCallException e) {
        if (e.status() == 401 || e.status() == 403) {
            return "Shopify refused the access token (" + e.status()
                    + "): check credentials.access_token and that the app is"
                    + " still installed with the read_orders scope.";
        }
        if (e.status() == 404) {
            return "Shopify has no Admin API at this base_url (404): it should be https://<shop>.myshopify.com.";
        }
        return "Could not reach Shopify to check the access token: " + e.getMessage();
    }

    private HttpRequest.Builder get(ChannelConnection connection, String path) {
        return request(connection, path).GET();
    }

    /** The Admin API address of {@code path} ({@code /orders.json}) in the pinned version. */
    static URI apiUri(ChannelConnection connection, String path) {
        return apiUri(connection, API_VERSION, path);
    }

    /** The Admin API address of {@code path} in {@code version}: the one call made in another version names it. */
    static URI apiUri(ChannelConnection connection, String version, String path) {
        return connection.resolve("/admin/api/" + version + path);
    }

    /** An authenticated request to {@code path}, also used by {@link ShopifyOutbound}. */
    static HttpRequest.Builder request(ChannelConnection connection, String path) {
        return request(connection, API_VERSION, path);
    }

    /** An authenticated request to {@code path} in {@code version}. */
    static HttpRequest.Builder request(ChannelConnection connection, String version, String path) {
        return HttpRequest.newBuilder(apiUri(connection, version, path))
                .header("X-Shopify-Access-Token", connection.credential(ACCESS_TOKEN))
                .header("Accept", "application/json");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Shopify's {@code updated_at_max} is inclusive; our window is half-open,
     * so an order updated exactly at its end is the next window's.
     */
    static boolean inWindow(Instant updatedAt, OrderQuery query) {
        return query.modifiedUntil().map(updatedAt::isBefore).orElse(true);
    }
}
