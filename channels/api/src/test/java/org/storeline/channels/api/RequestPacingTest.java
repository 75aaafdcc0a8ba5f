package org.storeline.channels.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every attempt PlatformHttp makes inside a paced operation asks the pacer first; outside one, none is asked. */
class RequestPacingTest {
    private WireMockServer platform;
    private final PlatformHttp http = new PlatformHttp(
            HttpClient.newHttpClient(), 3, attempt -> Duration.ZERO, wait -> {}, Duration.ofSeconds(5));

    @BeforeEach
    void start() {
        platform = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        platform.start();
        platform.stubFor(get(urlPathEqualTo("/ok")).willReturn(aResponse().withStatus(200)));
        platform.stubFor(get(urlPathEqualTo("/busy")).willReturn(aResponse().withStatus(503)));
    }

    @AfterEach
    void stop() {
        platform.stop();
    }

    @Test
    void eachRequestAndEachRetryIsChargedWithItsWeightBeforeItGoes() {
        List<String> charged = new ArrayList<>();

        RequestPacing.during((weight, what) -> charged.add(what + " x" + weight), () -> {
            http.send(request("/ok"), "first");
            http.send(request("/ok"), "batch", 7);
            try {
                http.send(request("/busy"), "busy");
            } catch (PlatformCallException expected) {
                // three attempts, each charged
            }
            return null;
        });

        assertThat(charged).containsExactly("first x1", "batch x7", "busy x1", "busy x1", "busy x1");
    }

    @Test
    void thePacerHearsWhenEachAttemptCameBackAnsweredOrNot() {
        List<String> heard = new ArrayList<>();
        RequestPacing.Pacer pacer = new RequestPacing.Pacer() {
            @Override
            public void beforeSending(int weight, String what) {
                heard.add("send " + what);
            }

            @Override
            public void answered(int weight) {
                heard.add("back x" + weight);
            }
        };

        RequestPacing.during(pacer, () -> {
            http.send(request("/ok"), "batch", 4);
            try {
                http.send(request("/busy"), "busy");
            } catch (PlatformCallException expected) {
                // three attempts, each heard back
            }
            return null;
        });

        assertThat(heard)
                .containsExactly(
                        "send batch",
                        "back x4",
                        "send busy",
                        "back x1",
                        "send busy",
                        "back x1",
                        "send busy",
                        "back x1");
    }

    @Test
    void aRequestThePacerRefusesIsNotSent() {
        assertThatThrownBy(() -> RequestPacing.during(
                        (weight, what) -> {
                            throw PlatformCallException.notSent("budget spent", Duration.ofSeconds(9));
                        },
                        () -> http.send(request("/ok"), "refused")))
                .isInstanceOfSatisfying(
                        PlatformCallException.class,
                        e -> assertThat(e.notSent()).isTrue());

        platform.verify(0, getRequestedFor(urlPathEqualTo("/ok")));
    }

    @Test
    void outsideAPacedOperationNothingIsCharged() {
        List<Integer> charged = new ArrayList<>();
        RequestPacing.during((weight, what) -> charged.add(weight), () -> null);

        http.send(request("/ok"), "unpaced");

        assertThat(charged).isEmpty();
        platform.verify(1, getRequestedFor(urlPathEqualTo("/ok")));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(platform.baseUrl() + path)).GET();
    }
}
