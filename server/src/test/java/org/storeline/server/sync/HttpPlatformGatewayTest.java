package org.storeline.server.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.ChannelOutbound;
import org.storeline.channels.api.Connector;
import org.storeline.channels.api.Connectors;
import org.storeline.channels.api.DeliveryEvent;
import org.storeline.channels.api.OrderPage;
import org.storeline.channels.api.OrderQuery;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.Registration;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.Platform;
import org.storeline.core.sync.Listing;
import org.storeline.core.sync.PlatformCall;
import org.storeline.core.sync.PlatformGateway.SyncCallFailed;
import org.storeline.core.sync.PriceChange;
import org.storeline.core.sync.RateBudget;
import org.storeline.core.sync.SendFailure;
import org.storeline.core.sync.StatusChange;
import org.storeline.core.sync.StockLevel;

/**
 * Every request a module's operation makes is charged to the channel's budget before it goes, not only the first:
 * a module that writes one level per request, against a fake platform.
 */
class HttpPlatformGatewayTest {
    private static final List<StockLevel> TWO_LEVELS = List.of(
            new StockLevel(new Listing("A-1", Map.of("id", "1")), 5),
            new StockLevel(new Listing("B-2", Map.of("id", "2")), 7));

    private WireMockServer platform;

    @BeforeEach
    void start() {
        platform = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        platform.start();
        platform.stubFor(
                put(urlPathMatching("/levels/.*")).willReturn(aResponse().withStatus(200)));
    }

    @AfterEach
    void stop() {
        platform.stop();
    }

    @Test
    void aModulesSecondRequestWaitsForTheBudgetBeforeItIsSent() {
        RateLimits limits = new RateLimits();
        HttpPlatformGateway gateway = gateway(RateBudget.of(new RateBudget.Window(1, Duration.ofMillis(400))), limits);
        Channel channel = channel();

        long started = System.nanoTime();
        List<PlatformCall> calls = gateway.setStockLevels(channel, TWO_LEVELS);

        assertThat(calls).hasSize(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(limits.left(channel.id())).hasValue(0);
    }

    @Test
    void aWaitBeyondTheLongestSendsNothingMoreAndFailsWithTheCallsMadeSoFar() {
        HttpPlatformGateway gateway =
                gateway(RateBudget.of(new RateBudget.Window(1, Duration.ofSeconds(30))), new RateLimits());

        assertThatThrownBy(() -> gateway.setStockLevels(channel(), TWO_LEVELS))
                .isInstanceOfSatisfying(SyncCallFailed.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(SendFailure.Kind.UNAVAILABLE);
                    assertThat(e.failure().message()).contains("rate budget is spent", "not sent before");
                    assertThat(e.failure().retryAfter().orElseThrow()).isGreaterThan(Duration.ofSeconds(29));
                    assertThat(e.madeBefore()).extracting(PlatformCall::path).containsExactly("/levels/1");
                });
        platform.verify(1, putRequestedFor(urlPathMatching("/levels/.*")));
    }

    @Test
    void aRequestWhoseAnswerCouldComeAfterTheRoundsDeadlineIsNotSentAndTheCallIsOutOfTime() {
        HttpPlatformGateway gateway =
                gateway(RateBudget.of(new RateBudget.Window(1, Duration.ofMillis(400))), new RateLimits());
        // A timeout of 1 s: the first request may start until 0.2 s from now; the second's turn is 0.4 s away.
        Instant deadline = Instant.now().plusMillis(1_200);

        assertThatThrownBy(() -> gateway.within(deadline, () -> gateway.setStockLevels(channel(), TWO_LEVELS)))
                .isInstanceOfSatisfying(SyncCallFailed.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(SendFailure.Kind.OUT_OF_TIME);
                    assertThat(e.failure().message()).contains("round's claim ends");
                    assertThat(e.madeBefore()).extracting(PlatformCall::path).containsExactly("/levels/1");
                });
        platform.verify(1, putRequestedFor(urlPathMatching("/levels/.*")));
    }

    @Test
    void withoutARoundDeadlineTheSameCallsAreSent() {
        HttpPlatformGateway gateway =
                gateway(RateBudget.of(new RateBudget.Window(1, Duration.ofMillis(400))), new RateLimits());

        assertThat(gateway.setStockLevels(channel(), TWO_LEVELS)).hasSize(2);
    }

    @Test
    void aRequestWaitsWhileAnotherToTheSameChannelIsUnderWayWhateverTheBudgetLeft() throws Exception {
        platform.stubFor(get(urlPathEqualTo("/slow"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(400)));
        RateBudget roomy = RateBudget.of(new RateBudget.Window(100, Duration.ofSeconds(1)));
        RateLimits limits = new RateLimits();
        HttpPlatformGateway gateway = gateway(roomy, limits);
        Channel channel = channel();
        PlatformHttp http = PlatformHttp.singleAttempt(Duration.ofSeconds(5));

        try (ExecutorService registering = Executors.newSingleThreadExecutor()) {
            Future<?> slow = registering.submit(() -> HttpPlatformGateway.paced(
                    limits.of(channel.id(), roomy),
                    Duration.ofSeconds(5),
                    () -> http.send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/slow")), "slow")));
            while (platform.findAll(getRequestedFor(urlPathEqualTo("/slow"))).isEmpty()) {
                Thread.onSpinWait();
            }
            long started = System.nanoTime();
            gateway.setStockLevels(channel, TWO_LEVELS);
            long took = System.nanoTime() - started;
            slow.get();

            assertThat(Duration.ofNanos(took)).isGreaterThan(Duration.ofMillis(200));
        }
    }

    private HttpPlatformGateway gateway(RateBudget budget, RateLimits limits) {
        return new HttpPlatformGateway(
                new Connectors(List.of(new OneLevelARequest(budget))), limits, Duration.ofSeconds(1));
    }

    private Channel channel() {
        return new Channel(
                UUID.randomUUID(),
                Platform.WOOCOMMERCE,
                "Web shop",
                URI.create(platform.baseUrl()),
                Map.of(),
                "secret",
                List.of(UUID.randomUUID()),
                UUID.randomUUID(),
                Map.of(),
                false,
                new Channel.Connection(Channel.ConnectionStatus.CONNECTED, "ok", Optional.of(Instant.now())),
                Optional.empty(),
                Instant.now());
    }

    /** A module that sends each level by itself, as Shopify and Lightspeed do. */
    private static final class OneLevelARequest implements Connector, ChannelOutbound {
        private final RateBudget budget;
        private final PlatformHttp http = PlatformHttp.singleAttempt(Duration.ofSeconds(5));

        OneLevelARequest(RateBudget budget) {
            this.budget = budget;
        }

        @Override
        public Optional<ChannelOutbound> outbound() {
            return Optional.of(this);
        }

        @Override
        public RateBudget budget() {
            return budget;
        }

        @Override
        public List<PlatformCall> setStockLevels(List<StockLevel> levels, ChannelConnection connection) {
            List<PlatformCall> calls = new ArrayList<>();
            for (StockLevel level : levels) {
                String path = "/levels/" + level.listing().ids().get("id");
                PlatformHttp.Response response = PlatformCallException.following(
                        calls,
                        () -> http.send(
                                HttpRequest.newBuilder(connection.resolve(path))
                                        .PUT(HttpRequest.BodyPublishers.ofString(String.valueOf(level.level()))),
                                "Setting " + level.listing().sku()));
                calls.add(new PlatformCall("PUT", path, response.status(), response.body()));
            }
            return calls;
        }

        @Override
        public Map<String, Listing> findListings(Collection<String> skus, ChannelConnection connection) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PlatformCall> setPrices(List<PriceChange> prices, ChannelConnection connection) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PlatformCall> sendStatus(StatusChange change, ChannelConnection connection) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Platform platform() {
            return Platform.WOOCOMMERCE;
        }

        @Override
        public List<String> requiredCredentials() {
            return List.of();
        }

        @Override
        public Verification verify(WebhookDelivery delivery, ChannelConnection connection) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DeliveryEvent read(WebhookDelivery delivery) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChannelOrder resolve(DeliveryEvent event, WebhookDelivery delivery, ChannelConnection connection) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChannelOrder fetchOrder(String externalOrderId, ChannelConnection connection) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OrderPage listOrders(OrderQuery query, ChannelConnection connection) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Registration register(ChannelConnection connection, URI webhookUrl) {
            throw new UnsupportedOperationException();
        }
    }
}
