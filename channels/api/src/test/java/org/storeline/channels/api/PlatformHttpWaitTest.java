package org.storeline.channels.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A platform's own wait header is read where its 429 has no Retry-After; a Retry-After still wins. A failed call names
 * its request for the activity log, without its query (which may carry credentials).
 */
class PlatformHttpWaitTest {
    private WireMockServer platform;
    private final PlatformHttp http = new PlatformHttp(
                    HttpClient.newHttpClient(), 1, attempt -> Duration.ZERO, wait -> {}, Duration.ofSeconds(5))
            .readingWait((status, headers) -> headers.firstValue("X-Reset-Ms")
                    .filter(v -> status == 429)
                    .map(v -> Duration.ofMillis(Long.parseLong(v))));

    @BeforeEach
    void start() {
        platform = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        platform.start();
    }

    @AfterEach
    void stop() {
        platform.stop();
    }

    @Test
    void aTooManyRequestsWithoutRetryAfterWaitsAsThePlatformsOwnHeaderSays() {
        platform.stubFor(get(urlPathEqualTo("/limited"))
                .willReturn(aResponse().withStatus(429).withHeader("X-Reset-Ms", "1500")));

        assertThatThrownBy(() -> http.send(request("/limited"), "A limited call"))
                .isInstanceOfSatisfying(
                        PlatformCallException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Optional.of(Duration.ofMillis(1500))));
    }

    @Test
    void aRetryAfterWinsOverThePlatformsOwnHeader() {
        platform.stubFor(get(urlPathEqualTo("/limited"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "3")
                        .withHeader("X-Reset-Ms", "1500")));

        assertThatThrownBy(() -> http.send(request("/limited"), "A limited call"))
                .isInstanceOfSatisfying(
                        PlatformCallException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Optional.of(Duration.ofSeconds(3))));
    }

    @Test
    void aFailedCallNamesItsMethodAndPathButNotItsQuery() {
        platform.stubFor(get(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> http.send(request("/down?consumer_secret=cs_secret"), "A call"))
                .isInstanceOfSatisfying(
                        PlatformCallException.class,
                        e -> assertThat(e.request()).isEqualTo(Optional.of("GET /down")));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(platform.baseUrl() + path)).GET();
    }
}
