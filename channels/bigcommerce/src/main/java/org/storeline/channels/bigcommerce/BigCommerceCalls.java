package org.storeline.channels.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.core.sync.PlatformCall;

/**
 * The requests of one outbound operation, made one at a time through {@link PlatformHttp} (which throws on a refusal,
 * a 429 or 5xx, or no answer) with the store's {@code X-Auth-Token}, and each kept as a {@link PlatformCall} for the
 * activity log: the path with its query (the store hash is in it; the token is a header, never in the address).
 */
final class BigCommerceCalls {
    private final PlatformHttp http;
    private final List<PlatformCall> made = new ArrayList<>();

    BigCommerceCalls(PlatformHttp http) {
        this.http = http;
    }

    /** The answer, empty for v2's 204 and other empty bodies. */
    Optional<JsonNode> get(ChannelConnection connection, URI uri, String what) {
        return send(connection, uri, "GET", HttpRequest.BodyPublishers.noBody(), what);
    }

    Optional<JsonNode> put(ChannelConnection connection, URI uri, JsonNode body, String what) {
        return send(connection, uri, "PUT", json(body), what);
    }

    Optional<JsonNode> post(ChannelConnection connection, URI uri, JsonNode body, String what) {
        return send(connection, uri, "POST", json(body), what);
    }

    List<PlatformCall> made() {
        return List.copyOf(made);
    }

    private Optional<JsonNode> send(
            ChannelConnection connection, URI uri, String method, HttpRequest.BodyPublisher body, String what) {
        HttpRequest.Builder request = BigCommerceClient.authorized(connection, uri)
                .header("Content-Type", "application/json")
                .method(method, body);
        String path = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        // A failure carries the calls made before it: they took effect, and the activity log shows them.
        return PlatformCallException.following(made, () -> {
            PlatformHttp.Response response = http.send(request, what);
            Optional<JsonNode> answer = BigCommerceClient.parse(response, what);
            made.add(new PlatformCall(method, path, response.status(), response.body()));
            return answer;
        });
    }

    private static HttpRequest.BodyPublisher json(JsonNode body) {
        return HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
    }
}
