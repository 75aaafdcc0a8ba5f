package org.storeline.channels.ecwid;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.OrderQuery;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.channels.api.Registration;
import org.storeline.core.error.StorelineException;
import org.storeline.core.sync.PlatformCall;

/**
 * Ecwid's REST API v3 ({@code {base_url}/api/v3/{store_id}/...}), through {@link PlatformHttp}, authenticated
 * with {@code Authorization: Bearer <access_token>} (never the legacy {@code ?token=}, which ends up in logs).
 * Answers platform JSON; the connector maps it.
 */
public final class EcwidClient {
    /** Ecwid's maximum page size for {@code GET /orders}. */
    static final int PAGE_SIZE = 100;

    private final PlatformHttp http;

    public EcwidClient(PlatformHttp http) {
        this.http = http;
    }

    /** One page of orders as Ecwid returns them, and the offset of the next page (empty on the last). */
    public record Page(List<JsonNode> orders, Optional<String> nextPage) {
        public Page {
            orders = List.copyOf(orders);
        }
    }

    /** {@code GET /orders/{orderId}}: the order id ("K8XTQ", or the number of an order from before ids existed). */
    public JsonNode fetchOrder(String orderId, ChannelConnection connection) {
        String what = "Ecwid order " + orderId;
        return PlatformJson.parse(
                get(connection, "/orders/" + encode(orderId), what).body(), what);
    }

    /**
     * {@code GET /orders?updatedFrom&updatedTo&offset&limit=100}: orders modified in the query's range, in
     * Ecwid's own offset pagination (the page token is the next offset). Ecwid filters on whole seconds
     * and its bounds are inclusive, so the exclusive upper bound becomes the last whole second before it.
     * Unfinished (INCOMPLETE) orders are not listed unless asked for, and we never ask.
     */
    public Page listOrders(OrderQuery query, ChannelConnection connection) {
        long offset = query.offset();
        StringBuilder path = new StringBuilder("/orders?updatedFrom=")
                .append(query.modifiedSince().getEpochSecond());
        query.modifiedUntil().ifPresent(until -> path.append("&updatedTo=").append(lastSecondBefore(until)));
        path.append("&offset=").append(offset).append("&limit=").append(PAGE_SIZE);
        String what = "Ecwid orders updated since " + query.modifiedSince();
        JsonNode body =
                PlatformJson.parse(get(connection, path.toString(), what).body(), what);

        List<JsonNode> orders = new ArrayList<>();
        body.path("items").forEach(orders::add);
        long count = body.path("count").asLong(orders.size());
        long total = body.path("total").asLong(0);
        // "count" is what this page holds; a page of 0 ends the walk even if "total" says otherwise.
        Optional<String> next =
                count > 0 && offset + count < total ? Optional.of(Long.toString(offset + count)) : Optional.empty();
        return new Page(orders, next);
    }

    /**
     * Ecwid has no API to create webhooks: they are configured once per app, in the app's settings, and reach
     * every store that installs it. So registering only checks the credentials with the cheapest authenticated
     * call ({@code GET /profile}) and says where the app's webhooks must point. It also reports when the
     * store's currency is not the one the channel reads its orders in (orders carry no currency of their own).
     */
    public Registration register(ChannelConnection connection, URI webhookUrl, Currency channelCurrency) {
        try {
            JsonNode profile = PlatformJson.parse(
                    get(connection, "/profile", "Ecwid store profile").body(), "Ecwid store profile");
            String detail = "webhooks are set in the Ecwid app settings: point them at " + webhookUrl;
            Optional<String> storeCurrency = PlatformJson.text(profile.path("formatsAndUnits"), "currency");
            if (storeCurrency.isPresent() && !storeCurrency.get().equalsIgnoreCase(channelCurrency.getCurrencyCode())) {
                detail += ". The store's currency is " + storeCurrency.get() + " but this channel reads its orders as "
                        + channelCurrency.getCurrencyCode() + ": set credentials.currency to " + storeCurrency.get();
            }
            return Registration.connected(detail, List.of());
        } catch (PlatformCallException e) {
            return Registration.failed("Checking the Ecwid credentials (GET /profile) failed: " + e.getMessage()
                    + (e.status() == 401 || e.status() == 403
                            ? ". Check store_id and access_token (the app needs read_orders)."
                            : ""));
        } catch (StorelineException missingCredential) {
            return Registration.failed(missingCredential.getMessage());
        }
    }

    private PlatformHttp.Response get(ChannelConnection connection, String storePath, String what) {
        return http.send(request(connection, storePath).GET(), what);
    }

    /** One request the outbound sync made: what the activity log shows of it, and the answer's JSON. */
    record Exchange(PlatformCall call, JsonNode json) {}

    /**
     * {@code method storePath} with an optional JSON body, for the outbound sync: the answer and the call as the
     * activity log shows it (the path without the host; the token is only ever in the header).
     */
    Exchange exchange(
            ChannelConnection connection, String method, String storePath, Optional<JsonNode> body, String what) {
        HttpRequest.Builder request = request(connection, storePath);
        if (body.isPresent()) {
            request.header("Content-Type", "application/json")
                    .method(
                            method,
                            HttpRequest.BodyPublishers.ofString(body.get().toString(), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        PlatformHttp.Response response = http.send(request, what);
        URI uri = response.raw().uri();
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        JsonNode json = response.body() == null || response.body().isBlank()
                ? PlatformJson.MAPPER.missingNode()
                : PlatformJson.parse(response.body(), what);
        return new Exchange(new PlatformCall(method, path, response.status(), response.body()), json);
    }

    /** The store's API path as the activity log shows it, for calls Ecwid makes on our behalf (batches). */
    static String storePath(ChannelConnection connection, String storePath) {
        return "/api/v3/" + encode(connection.credential("store_id")) + storePath;
    }

    private static HttpRequest.Builder request(ChannelConnection connection, String storePath) {
        URI uri = connection.resolve("/api/v3/" + encode(connection.credential("store_id")) + storePath);
        return HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + connection.credential("access_token"))
                .header("Accept", "application/json");
    }

    private static long lastSecondBefore(Instant until) {
        return until.getNano() == 0 ? until.getEpochSecond() - 1 : until.getEpochSecond();
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
