package org.storeline.server.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.Connector;
import org.storeline.channels.api.Connectors;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.Registration;
import org.storeline.channels.api.Unregistration;
import org.storeline.channels.woocommerce.WooCommerceConnector;
import org.storeline.core.channel.ActivityEntry;
import org.storeline.core.channel.ActivityLog;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelRepository;
import org.storeline.core.channel.Platform;

/**
 * What a registration leaves on the channel, on the platform and in its activity: one that could not even ask the
 * platform, one that finished after the channel was unlinked, and the entry of one that succeeded.
 */
class PlatformChannelSyncTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private Channel channel = wooCommerceChannel(URI.create("http://127.0.0.1:1"));
    private final List<Channel.Connection> connections = new ArrayList<>();
    private final List<ActivityEntry> entries = new ArrayList<>();
    private final List<String> platformCalls = new ArrayList<>();
    /** What the repository answers to updateConnection: false once the channel is unlinked. */
    private boolean linkedInTheDatabase = true;

    /**
     * The connection's status already says Failed, and the activity entry's kind and outcome say Registration and
     * Failed: the detail says what went wrong, not "registration failed" once more.
     */
    @Test
    void aRegistrationThatThrowsSaysWhatWentWrongWithoutRepeatingThatItFailed() {
        // No connector is installed for the channel's platform: asking for it throws.
        try (PlatformChannelSync sync = sync(new Connectors(List.of()))) {
            sync.register(channel);
        }

        assertThat(connections).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(Channel.ConnectionStatus.FAILED);
            assertThat(c.detail()).isEqualTo("an unexpected error (the details are in the server log)");
            assertThat(c.checkedAt()).contains(NOW);
        });
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ActivityEntry.Kind.REGISTRATION);
            assertThat(e.outcome()).isEqualTo(ActivityEntry.Outcome.FAILED);
            assertThat(e.reason()).isEqualTo("an unexpected error (the details are in the server log)");
        });
    }

    /**
     * The channel was linked when the registration started and unlinked while the platform answered: its connection
     * is not written (the repository refuses it on an unlinked channel), the entry says why and cannot be retried, and
     * the webhooks just registered are removed again (the unlink's removal may have run before they existed).
     */
    @Test
    void aRegistrationThatFinishesAfterTheUnlinkLeavesTheChannelUnlinkedAndRemovesItsWebhooksAgain() {
        try (PlatformChannelSync sync = sync(new Connectors(List.of(platformThatUnlinksWhileRegistering())))) {
            sync.register(channel);
        }

        assertThat(connections).isEmpty();
        assertThat(platformCalls).containsExactly("register", "unregister");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ActivityEntry.Kind.REGISTRATION);
            assertThat(e.outcome()).isEqualTo(ActivityEntry.Outcome.SUCCEEDED);
            assertThat(e.reason())
                    .isEqualTo("webhooks registered (webhooks: order.created #7); the channel was unlinked"
                            + " meanwhile: it stays unlinked and its webhooks are removed again");
            assertThat(e.canBeRetried()).isFalse();
        });
        assertThat(entries.get(1).reason()).isEqualTo("unlinked: removed order.created #7");
    }

    /** A WooCommerce store that registers a webhook; the channel is unlinked in the database meanwhile. */
    private Connector platformThatUnlinksWhileRegistering() {
        return (Connector) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connector.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "platform":
                            return Platform.WOOCOMMERCE;
                        case "outbound":
                            return Optional.empty();
                        case "register":
                            platformCalls.add("register");
                            linkedInTheDatabase = false;
                            return Registration.connected("webhooks registered", List.of("order.created #7"));
                        case "unregister":
                            platformCalls.add("unregister");
                            return Unregistration.removed("removed order.created #7", List.of("order.created #7"));
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    /** The detail names where the webhooks deliver, the entry adds which they are: each is named once. */
    @Test
    void aRegistrationEntryNamesEachWebhookOnce() {
        WireMockServer store =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        store.start();
        try {
            store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/system_status"))
                    .willReturn(okJson("{\"environment\":{\"version\":\"8.2.1\"}}")));
            store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/webhooks")).willReturn(okJson("[]")));
            store.stubFor(post(urlPathEqualTo("/wp-json/wc/v3/webhooks"))
                    .willReturn(okJson("{\"id\":33}").withStatus(201)));
            channel = wooCommerceChannel(URI.create(store.baseUrl()));
            PlatformHttp http = new PlatformHttp(
                    HttpClient.newHttpClient(), 1, attempt -> Duration.ZERO, duration -> {}, Duration.ofSeconds(5));
            try (PlatformChannelSync sync = sync(new Connectors(List.of(new WooCommerceConnector(http))))) {
                sync.register(channel);
            }
        } finally {
            store.stop();
        }

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(ActivityEntry.Outcome.SUCCEEDED);
            assertThat(e.reason())
                    .isEqualTo("WooCommerce 8.2.1: our webhooks deliver to http://127.0.0.1:2/webhooks/" + channel.id()
                            + ". (webhooks: order.created #33, order.updated #33, product.updated #33)");
        });
    }

    private static Channel wooCommerceChannel(URI baseUrl) {
        return new Channel(
                UUID.randomUUID(),
                Platform.WOOCOMMERCE,
                "Web shop",
                baseUrl,
                Map.of("consumer_key", "ck", "consumer_secret", "cs"),
                "secret",
                List.of(UUID.randomUUID()),
                UUID.randomUUID(),
                Map.of(),
                true,
                Channel.Connection.pending(),
                Optional.empty(),
                NOW);
    }

    /** The sync with only what a registration uses: these connectors, the channel, its activity, a fixed clock. */
    private PlatformChannelSync sync(Connectors connectors) {
        return new PlatformChannelSync(
                connectors,
                channels(),
                null,
                null,
                activity(),
                null,
                () -> {},
                () -> URI.create("http://127.0.0.1:2"),
                null,
                new RateLimits(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private ChannelRepository channels() {
        return (ChannelRepository) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ChannelRepository.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "findById":
                            return Optional.of(channel);
                        case "updateConnection":
                            if (linkedInTheDatabase) {
                                connections.add((Channel.Connection) args[1]);
                            }
                            return linkedInTheDatabase;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    @SuppressWarnings("unchecked")
    private ActivityLog activity() {
        return (ActivityLog) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ActivityLog.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("record")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    entries.addAll((List<ActivityEntry>) args[0]);
                    return null;
                });
    }
}
