package org.storeline.channels.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.sync.PlatformCall;

/**
 * The requests of one outbound operation, made one at a time through {@link PlatformHttp} (which throws on a refusal,
 * a 429 or 5xx, or no answer) with the channel's token, and each kept as a {@link PlatformCall} for the activity log.
 * The log keeps the path and the query: the token travels in a header, never in the address.
 */
final class ShopifyCalls {
    private final PlatformHttp http;
    private final List<PlatformCall> made = new ArrayList<>();

    ShopifyCalls(PlatformHttp http) {
        this.http = http;
    }

    JsonNode get(ChannelConnection connection, String path, String what) {
        return send(connection, path, "GET", HttpRequest.BodyPublishers.noBody(), what);
    }

    JsonNode post(ChannelConnection connection, String path, JsonNode body, String what) {
        return send(connection, path, "POST", json(body), what);
    }

    JsonNode put(ChannelConnection connection, String path, JsonNode body, String what) {
        return send(connection, path, "PUT", json(body), what);
    }

    /**
     * A GraphQL Admin API query. GraphQL answers 200 with an {@code errors} list when it will not run a query: a
     * {@code THROTTLED} one means the cost bucket is empty (unavailable, with the wait its throttle status implies),
     * any other is a refusal that repeating will not change (a missing scope, a query this API version rejects).
     */
    JsonNode graphql(ChannelConnection connection, String query, JsonNode variables, String what) {
        return graphql(connection, ShopifyClient.API_VERSION, query, variables, what);
    }

    /** {@link #graphql} in another API version than the pinned one. */
    JsonNode graphql(ChannelConnection connection, String version, String query, JsonNode variables, String what) {
        ObjectNode body = PlatformJson.MAPPER.createObjectNode().put("query", query);
        body.set("variables", variables);
        List<PlatformCall> earlier = made();
        JsonNode answer = send(connection, version, "/graphql.json", "POST", json(body), what);
        return PlatformCallException.following(earlier, () -> data(answer, what));
    }

    private static JsonNode data(JsonNode answer, String what) {
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            String messages = errors.findValuesAsText("message").toString();
            boolean throttled = errors.findValuesAsText("code").contains("THROTTLED");
            if (throttled) {
                // Reported as the 429 it stands for: the outbox treats it like any other rate-limit answer.
                throw PlatformCallException.unavailable(
                        what + ": Shopify throttled the query " + messages, 429, throttleWait(answer));
            }
            throw PlatformCallException.refused(what + ": Shopify refused the query " + messages, 200);
        }
        if (!answer.path("data").isObject()) {
            throw PlatformCallException.unreadable(what + ": Shopify's GraphQL answer has no data");
        }
        return answer.path("data");
    }

    List<PlatformCall> made() {
        return List.copyOf(made);
    }

    private JsonNode send(
            ChannelConnection connection, String path, String method, HttpRequest.BodyPublisher body, String what) {
        return send(connection, ShopifyClient.API_VERSION, path, method, body, what);
    }

    private JsonNode send(
            ChannelConnection connection,
            String version,
            String path,
            String method,
            HttpRequest.BodyPublisher body,
            String what) {
        URI uri = ShopifyClient.apiUri(connection, version, path);
        HttpRequest.Builder request =
                ShopifyClient.request(connection, version, path).header("Content-Type", "application/json");
        // A failure carries the calls made before it: they took effect, and the activity log shows them.
        return PlatformCallException.following(made, () -> {
            PlatformHttp.Response response = http.send(request.method(method, body), what);
            String text = response.body();
            JsonNode answer = text == null || text.isBlank()
                    ? PlatformJson.MAPPER.createObjectNode()
                    : PlatformJson.parse(text, "Shopify's answer to " + what);
            made.add(new PlatformCall(method, pathOf(uri), response.status(), response.body()));
            return answer;
        });
    }

    private static HttpRequest.BodyPublisher json(JsonNode body) {
        return HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
    }

    private static String pathOf(URI uri) {
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /**
     * How long until the bucket holds the points the query asked for: (requested - available) / restore rate seconds,
     * from {@code extensions.cost}; empty when the answer does not say.
     */
    static Optional<Duration> throttleWait(JsonNode answer) {
        JsonNode cost = answer.path("extensions").path("cost");
        JsonNode status = cost.path("throttleStatus");
        if (!cost.path("requestedQueryCost").isNumber()
                || !status.path("currentlyAvailable").isNumber()
                || !status.path("restoreRate").isNumber()
                || status.path("restoreRate").decimalValue().signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal missing = cost.path("requestedQueryCost")
                .decimalValue()
                .subtract(status.path("currentlyAvailable").decimalValue())
                .max(BigDecimal.ZERO);
        BigDecimal millis = missing.multiply(BigDecimal.valueOf(1000))
                .divide(status.path("restoreRate").decimalValue(), 0, RoundingMode.CEILING);
        return Optional.of(Duration.ofMillis(millis.longValueExact()));
    }
}
