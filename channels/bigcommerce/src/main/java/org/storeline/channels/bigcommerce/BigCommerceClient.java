package org.storeline.channels.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.OrderQuery;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.channels.api.Registration;
import org.storeline.core.error.StorelineException;

/**
 * BigCommerce's REST API, always through {@link PlatformHttp}: orders from v2 (order, then its products and
 * shipping addresses, which the order only links to), hooks from v3. Authenticated with the store-level
 * {@code X-Auth-Token}; every path starts with {@code /stores/{store_hash}}.
 */
final class BigCommerceClient {
    /** The largest page v2 serves; its default is 50, so it is always asked for explicitly. */
    static final int MAX_PAGE_SIZE = 250;
    /** The hooks we need: {@code archived} is left out because an archived order changes nothing here. */
    static final List<String> ORDER_SCOPES =
            List.of("store/order/created", "store/order/updated", "store/order/statusUpdated");
    /**
     * Stock changed through the control panel or the API (our own push included), of a product tracked as a whole or
     * of one variant (SOR-3). Their {@code value} is a difference, so the level is read before it is compared.
     */
    static final List<String> STOCK_SCOPES = List.of("store/product/inventory/updated", "store/sku/inventory/updated");
    /** A guard against a platform that keeps answering full pages of the same items. */
    private static final int MAX_SUBRESOURCE_PAGES = 40;

    private final PlatformHttp http;
    private final int pageSize;

    BigCommerceClient(PlatformHttp http) {
        this(http, MAX_PAGE_SIZE);
    }

    /** {@code pageSize} below 250 lets tests walk several pages without serving hundreds of orders. */
    BigCommerceClient(PlatformHttp http, int pageSize) {
        this.http = http;
        this.pageSize = pageSize;
    }

    /** A page of listed orders (each still without its products and addresses) and the token of the next one. */
    record OrdersPage(List<JsonNode> orders, Optional<String> nextPage) {}

    BigCommerceOrderData fetchOrder(String orderId, ChannelConnection connection) {
        if (orderId == null || !isOrderId(orderId)) {
            throw PlatformCallException.refused("A BigCommerce order id is a number; got '" + orderId + "'.", 0);
        }
        JsonNode order = get(connection, v2(connection, "/orders/" + orderId), "Fetching BigCommerce order " + orderId)
                .orElseThrow(() -> PlatformCallException.unreadable(
                        "Fetching BigCommerce order " + orderId + ": the platform answered no content"));
        return withSubresources(order, orderId, connection);
    }

    /**
     * Orders modified since {@code modifiedSince}, oldest change first. v2 answers 204 with an empty body when
     * nothing matches; a full page means there may be another. List items are the same objects as a single
     * GET, so each only needs its products and shipping addresses (two calls per order).
     */
    OrdersPage listOrders(OrderQuery query, ChannelConnection connection) {
        int page = query.pageNumber();
        StringBuilder path = new StringBuilder("/orders?min_date_modified=")
                .append(encode(BigCommerceDates.filter(query.modifiedSince())));
        query.modifiedUntil()
                .ifPresent(until -> path.append("&max_date_modified=").append(encode(BigCommerceDates.filter(until))));
        path.append("&sort=date_modified:asc&limit=")
                .append(pageSize)
                .append("&page=")
                .append(page);
        List<JsonNode> items = elements(
                get(connection, v2(connection, path.toString()), "Listing BigCommerce orders (page " + page + ")"));
        Optional<String> next = items.size() >= pageSize ? Optional.of(String.valueOf(page + 1)) : Optional.empty();
        return new OrdersPage(items, next);
    }

    /** A listed order with its products and shipping addresses: two more calls. */
    BigCommerceOrderData withSubresources(JsonNode listed, ChannelConnection connection) {
        String id = PlatformJson.id(listed, "id")
                .orElseThrow(() -> PlatformCallException.unreadable("BigCommerce listed an order without an id"));
        if (!isOrderId(id)) {
            throw PlatformCallException.unreadable("BigCommerce listed an order whose id '" + id + "' is not a number");
        }
        return withSubresources(listed, id, connection);
    }

    /**
     * Checks the token with a cheap authenticated GET ({@code /v2/store}), then creates our order hooks, or
     * updates the ones this token already has for this destination (BigCommerce allows one hook per scope
     * and destination): the update re-activates a hook BigCommerce deactivated and refreshes the secret header.
     */
    Registration register(ChannelConnection connection, URI webhookUrl) {
        try {
            JsonNode store = get(connection, v2(connection, "/store"), "Checking the BigCommerce credentials")
                    .orElse(PlatformJson.MAPPER.createObjectNode());
            String storeName = PlatformJson.text(store, "name").orElse(connection.credential("store_hash"));
            if (unreachableByBigCommerce(connection.baseUrl(), webhookUrl)) {
                return Registration.failed("The access token works (store " + storeName
                        + "), but BigCommerce only delivers webhooks to " + "https URLs on port 443, and " + webhookUrl
                        + " is not one: give Storeline a public https address.");
            }
            Map<String, String> existing = existingHooks(connection, webhookUrl);
            List<String> hooks = new ArrayList<>();
            for (String scope :
                    Stream.concat(ORDER_SCOPES.stream(), STOCK_SCOPES.stream()).toList()) {
                hooks.add(scope + " -> hook "
                        + upsertHook(connection, webhookUrl, scope, Optional.ofNullable(existing.get(scope))));
            }
            return Registration.connected(
                    "BigCommerce store " + storeName + " accepted the access token; order and stock hooks point at "
                            + webhookUrl
                            + " (they can take a minute to start).",
                    hooks);
        } catch (PlatformCallException e) {
            return Registration.failed(refusal(e));
        } catch (StorelineException e) {
            return Registration.failed(e.getMessage());
        }
    }

    /**
     * BigCommerce itself delivers webhooks only to https URLs on port 443, so a hook elsewhere would be accepted and
     * never called: said at once instead. The rule is BigCommerce's, so it holds when the API is BigCommerce's
     * ({@code *.bigcommerce.com}); a server that speaks BigCommerce's API from another address (the demo's store
     * simulator, a sandbox proxy) delivers where it can and answers for itself.
     */
    static boolean unreachableByBigCommerce(URI apiBase, URI webhookUrl) {
        String host = apiBase.getHost() == null ? "" : apiBase.getHost().toLowerCase(Locale.ROOT);
        boolean bigCommerce = host.equals("bigcommerce.com") || host.endsWith(".bigcommerce.com");
        boolean https443 = "https".equalsIgnoreCase(webhookUrl.getScheme())
                && (webhookUrl.getPort() == -1 || webhookUrl.getPort() == 443);
        return bigCommerce && !https443;
    }

    private BigCommerceOrderData withSubresources(JsonNode order, String id, ChannelConnection connection) {
        return new BigCommerceOrderData(
                order,
                allPages(connection, "/orders/" + id + "/products", "products of BigCommerce order " + id),
                allPages(
                        connection,
                        "/orders/" + id + "/shipping_addresses",
                        "shipping addresses of BigCommerce order " + id),
                hasCurrency(order) ? Optional.empty() : store(connection, id));
    }

    private static boolean hasCurrency(JsonNode order) {
        return PlatformJson.text(order, "currency_code")
                .or(() -> PlatformJson.text(order, "default_currency_code"))
                .or(() -> PlatformJson.text(order, "store_default_currency_code"))
                .isPresent();
    }

    /**
     * The store's currency, for the rare order that names none: the documented answer to "Create an Order"
     * has {@code currency_code} and {@code default_currency_code} both {@code null}. One extra call, only then.
     */
    private Optional<JsonNode> store(ChannelConnection connection, String id) {
        return get(connection, v2(connection, "/store"), "Fetching the BigCommerce store's currency for order " + id);
    }

    private List<JsonNode> allPages(ChannelConnection connection, String path, String what) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; page <= MAX_SUBRESOURCE_PAGES; page++) {
            List<JsonNode> items = elements(get(
                    connection, v2(connection, path + "?limit=" + pageSize + "&page=" + page), "Fetching the " + what));
            all.addAll(items);
            if (items.size() < pageSize) {
                return all;
            }
        }
        throw PlatformCallException.unreadable(
                "Fetching the " + what + ": more than " + MAX_SUBRESOURCE_PAGES + " pages");
    }

    private Map<String, String> existingHooks(ChannelConnection connection, URI webhookUrl) {
        Optional<JsonNode> answer = get(
                connection,
                v3(connection, "/hooks?destination=" + encode(webhookUrl.toString()) + "&limit=250"),
                "Listing the BigCommerce hooks");
        Map<String, String> byScope = new LinkedHashMap<>();
        for (JsonNode hook : elements(answer.map(body -> body.has("data") ? body.get("data") : body))) {
            // The destination filter is applied here too, in case the platform ignores the query parameter.
            if (webhookUrl
                    .toString()
                    .equals(PlatformJson.text(hook, "destination").orElse(""))) {
                PlatformJson.text(hook, "scope")
                        .ifPresent(scope -> PlatformJson.id(hook, "id").ifPresent(id -> byScope.put(scope, id)));
            }
        }
        return byScope;
    }

    private String upsertHook(ChannelConnection connection, URI webhookUrl, String scope, Optional<String> existingId) {
        ObjectNode body = PlatformJson.MAPPER
                .createObjectNode()
                .put("scope", scope)
                .put("destination", webhookUrl.toString())
                .put("is_active", true);
        body.putObject("headers").put(BigCommerceWebhookVerifier.SECRET_HEADER, connection.webhookSecret());
        HttpRequest.BodyPublisher json = HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
        HttpRequest.Builder request = existingId
                .map(id -> authorized(connection, v3(connection, "/hooks/" + encode(id)))
                        .PUT(json))
                .orElseGet(
                        () -> authorized(connection, v3(connection, "/hooks")).POST(json))
                .header("Content-Type", "application/json");
        String what = (existingId.isPresent() ? "Updating" : "Creating") + " the BigCommerce hook for " + scope;
        JsonNode answer = parse(http.send(request, what), what).orElse(PlatformJson.MAPPER.createObjectNode());
        JsonNode hook = answer.has("data") ? answer.get("data") : answer;
        return PlatformJson.id(hook, "id").or(() -> existingId).orElse("?");
    }

    private Optional<JsonNode> get(ChannelConnection connection, URI uri, String what) {
        return parse(http.send(authorized(connection, uri).GET(), what), what);
    }

    /** 204 and empty bodies are "nothing": v2 answers them for empty lists, and they are not JSON. */
    static Optional<JsonNode> parse(PlatformHttp.Response response, String what) {
        if (response.status() == 204
                || response.body() == null
                || response.body().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(PlatformJson.parse(response.body(), what));
    }

    static List<JsonNode> elements(Optional<JsonNode> answer) {
        List<JsonNode> items = new ArrayList<>();
        answer.filter(JsonNode::isArray).ifPresent(array -> array.forEach(items::add));
        return items;
    }

    static HttpRequest.Builder authorized(ChannelConnection connection, URI uri) {
        return HttpRequest.newBuilder(uri)
                .header("X-Auth-Token", connection.credential("access_token"))
                .header("Accept", "application/json");
    }

    static URI v2(ChannelConnection connection, String path) {
        return connection.resolve("/stores/" + storeHash(connection) + "/v2" + path);
    }

    static URI v3(ChannelConnection connection, String path) {
        return connection.resolve("/stores/" + storeHash(connection) + "/v3" + path);
    }

    /** Store hashes are short alphanumeric ids; anything else would change the path we call. */
    private static String storeHash(ChannelConnection connection) {
        String hash = connection.credential("store_hash");
        if (!hash.matches("[A-Za-z0-9]+")) {
            throw StorelineException.invalid(
                    "credentials.store_hash must be the store's hash (letters and digits, as in "
                            + "api.bigcommerce.com/stores/{hash}/); got '" + hash + "'.");
        }
        return hash;
    }

    /** Order ids are numbers; anything else would change the path we call. */
    static boolean isOrderId(String orderId) {
        return orderId.matches("[0-9]+");
    }

    private static String refusal(PlatformCallException e) {
        if (e.status() == 401 || e.status() == 403) {
            return "BigCommerce refused the access token (HTTP " + e.status() + "): check credentials.store_hash and "
                    + "credentials.access_token, and that the API account has the Orders "
                    + "and Information & settings scopes. "
                    + e.getMessage();
        }
        return (e.retryable()
                        ? "BigCommerce could not be reached; Storeline will try again later. "
                        : "BigCommerce said no. ")
                + e.getMessage();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
