package org.storeline.channels.ecwid;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.PlatformHttp;

/** A WireMock Ecwid store 1003 and an outbound that calls it once per request, as the outbox does. */
final class EcwidFake {
    static final String STORE = "/api/v3/1003";
    static final String TOKEN = "Bearer secret_token";
    /** Generous: a cold JVM's first request to WireMock can take a second or two. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    final WireMockServer server =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    /** The batch's ticket is read twice at most: once at once, once more after a wait that takes no time here. */
    final EcwidOutbound outbound = outbound(REQUEST_TIMEOUT);

    static EcwidOutbound outbound(Duration requestTimeout) {
        return new EcwidOutbound(
                new PlatformHttp(HttpClient.newHttpClient(), 1, attempt -> Duration.ZERO, wait -> {}, requestTimeout),
                List.of(Duration.ofMillis(200)),
                wait -> {});
    }

    EcwidFake start() {
        server.start();
        return this;
    }

    void stop() {
        server.stop();
    }

    ChannelConnection connection() {
        return new ChannelConnection(
                "ch_1",
                URI.create(server.baseUrl()),
                Map.of("store_id", "1003", "access_token", "secret_token"),
                "client-secret");
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(body);
    }

    static String outbound(String file) {
        return EcwidFixtures.payload("outbound/" + file);
    }
}
