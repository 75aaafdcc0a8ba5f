package org.storeline.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.OrderImportScenarioIT.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.core.channel.Channel;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;

/**
 * DELETE /api/v1/channels/{id} (SOR-5): the channel stops receiving while its history stays, deliveries to it are kept
 * and answered clearly, its webhooks are removed on the platform (played by WireMock) where it allows, and a platform
 * that refuses never prevents the unlink.
 */
class ChannelUnlinkIT {
    private static final AtomicLong ORDER_IDS = new AtomicLong(7_000_000_000L + System.nanoTime() % 1_000_000_000L);
    private static final String WEBHOOKS = "/wp-json/wc/v3/webhooks";

    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);
    private WireMockServer platform;
    private String outlet;
    private String register;
    private String sku;

    @BeforeEach
    void aWooCommerceStoreAndAnOutletThatSellsOneProduct() {
        platform = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        platform.start();
        outlet = shop.outlet("Unlink");
        register = shop.register(outlet);
        sku = Shop.unique("UNL");
        shop.productWithSku(sku, "10.00");
    }

    @AfterEach
    void stopThePlatform() {
        platform.stop();
    }

    @Test
    void unlinkingKeepsTheHistoryReadableAndRefusesWhatWouldUseTheChannel() {
        String channel = shop.wooChannel(register, List.of(outlet), Map.of(), false, platform.baseUrl());
        String before = deliver(channel, order());
        JsonNode sale = awaitSale(channel, before);

        ApiClient.Response unlinked = admin.delete("/api/v1/channels/" + channel);

        assertThat(unlinked.status()).as(unlinked.text()).isEqualTo(200);
        Instant at = Instant.parse(unlinked.json().path("unlinked_at").asText());
        assertThat(admin.get("/api/v1/channels/" + channel)
                        .json()
                        .path("unlinked_at")
                        .asText())
                .isEqualTo(at.toString());
        assertThat(ids(admin.get("/api/v1/channels").json().path("items"))).doesNotContain(channel);
        assertThat(ids(admin.get("/api/v1/channels?include_unlinked=true")
                        .json()
                        .path("items")))
                .contains(channel);
        assertThat(admin.get("/api/v1/sales/" + sale.path("id").asText()).status())
                .isEqualTo(200);
        assertThat(salesOf(channel, before)).hasSize(1);
        assertThat(activity(channel))
                .anySatisfy(e -> assertThat(e.path("outcome").asText()).isEqualTo("imported"));
        assertThat(admin.get("/api/v1/channels/" + channel + "/health").status())
                .isEqualTo(200);
        assertUnlinkedConnection(unlinked.json().path("connection"), at);
        assertUnlinkedConnection(admin.get("/api/v1/channels/" + channel).json().path("connection"), at);
        assertUnlinkedConnection(
                StreamSupport.stream(
                                admin.get("/api/v1/channels?include_unlinked=true")
                                        .json()
                                        .path("items")
                                        .spliterator(),
                                false)
                        .filter(c -> c.path("id").asText().equals(channel))
                        .findFirst()
                        .orElseThrow()
                        .path("connection"),
                at);
        assertUnlinkedConnection(
                admin.get("/api/v1/channels/" + channel + "/health").json().path("connection"), at);
        for (ApiClient.Response refused : List.of(
                admin.patch("/api/v1/channels/" + channel, Map.of("name", "Again")),
                admin.post("/api/v1/channels/" + channel + "/import", Map.of("order_ids", List.of(before))),
                admin.post("/api/v1/channels/" + channel + "/activity/" + UUID.randomUUID() + "/retry", Map.of()))) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(409);
            assertThat(refused.errorCode()).isEqualTo("channel_unlinked");
        }
        ApiClient.Response again = admin.delete("/api/v1/channels/" + channel);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("unlinked_at").asText()).isEqualTo(at.toString());
        assertThat(admin.get("/api/v1/channels?include_unlinked=maybe").errorCode())
                .isEqualTo("invalid_request");
    }

    @Test
    void aDeliveryAfterTheUnlinkIsKeptAndAnsweredClearlyButNeverImported() {
        String channel = shop.wooChannel(register, List.of(outlet), Map.of(), false, platform.baseUrl());
        assertThat(admin.delete("/api/v1/channels/" + channel).status()).isEqualTo(200);
        WooCommerceOrders late = order();

        ApiClient.Response answer = late.deliver(admin, channel, "order.created");
        ApiClient.Response forged = order().deliver(admin, channel, "order.created", "not-the-secret");

        assertThat(answer.status()).as(answer.text()).isEqualTo(409);
        assertThat(answer.errorCode()).isEqualTo("channel_unlinked");
        assertThat(answer.json().path("error").path("message").asText()).contains("kept", "not imported");
        assertThat(forged.errorCode()).isEqualTo("invalid_signature");
        JsonNode kept = awaitActivity(
                channel,
                e -> e.path("kind").asText().equals("delivery")
                        && e.path("reason").asText().startsWith("kept, not imported"));
        assertThat(kept.path("outcome").asText()).isEqualTo("rejected");
        assertThat(answer.json().path("error").path("message").asText())
                .contains(kept.path("delivery_id").asText());
        assertThat(TestStoreline.instance()
                        .wiring()
                        .inbox()
                        .find(UUID.fromString(kept.path("delivery_id").asText())))
                .hasValueSatisfying(
                        d -> assertThat(d.body()).isEqualTo(late.json().getBytes()));
        // The worker had its chance: nothing was imported.
        TestStoreline.instance().inboxWorker().drainOnce();
        assertThat(salesOf(channel, id(late))).isEmpty();
    }

    @Test
    void unlinkingRemovesOurWebhooksOnWooCommerceAndLeavesTheOthers() {
        String channel = shop.wooChannel(register, List.of(outlet), Map.of(), false, platform.baseUrl());
        String ours = "http://localhost:" + TestStoreline.instance().port() + "/webhooks/" + channel;
        platform.stubFor(get(urlPathEqualTo(WEBHOOKS))
                .willReturn(okJson("[{\"id\": 41, \"topic\": \"order.created\", \"delivery_url\": \"" + ours + "\"},"
                        + "{\"id\": 42, \"topic\": \"order.updated\", \"delivery_url\": \"" + ours + "\"},"
                        + "{\"id\": 43, \"topic\": \"order.created\", \"delivery_url\": \"https://other.example\"}]")));
        platform.stubFor(delete(urlPathMatching(WEBHOOKS + "/.*")).willReturn(okJson("{}")));

        assertThat(admin.delete("/api/v1/channels/" + channel).status()).isEqualTo(200);

        JsonNode removed = awaitActivity(channel, e -> e.path("reason").asText().startsWith("unlinked:"));
        assertThat(removed.path("kind").asText()).isEqualTo("registration");
        assertThat(removed.path("outcome").asText()).isEqualTo("succeeded");
        assertThat(removed.path("reason").asText()).contains("#41", "#42");
        assertThat(removed.path("retryable").asBoolean()).isFalse();
        for (String id : List.of("41", "42")) {
            platform.verify(
                    deleteRequestedFor(urlPathEqualTo(WEBHOOKS + "/" + id)).withQueryParam("force", equalTo("true")));
        }
        platform.verify(0, deleteRequestedFor(urlPathEqualTo(WEBHOOKS + "/43")));
    }

    @Test
    void aPlatformThatRefusesToRemoveTheWebhooksNeverPreventsTheUnlink() {
        String channel = shop.wooChannel(register, List.of(outlet), Map.of(), false, platform.baseUrl());
        platform.stubFor(get(urlPathEqualTo(WEBHOOKS))
                .willReturn(aResponse().withStatus(401).withBody("{\"code\": \"woocommerce_rest_cannot_view\"}")));

        ApiClient.Response unlinked = admin.delete("/api/v1/channels/" + channel);

        assertThat(unlinked.status()).isEqualTo(200);
        assertThat(unlinked.json().path("unlinked_at").isNull()).isFalse();
        JsonNode failed = awaitActivity(channel, e -> e.path("reason").asText().startsWith("unlinked:"));
        assertThat(failed.path("outcome").asText()).isEqualTo("failed");
        assertThat(failed.path("reason").asText()).contains("401", "Remove them in WooCommerce");
    }

    @Test
    void aPlatformWhoseWebhooksStorelineDoesNotRemoveIsSaidSo() {
        ApiClient.Response created = admin.post(
                "/api/v1/channels",
                Map.of(
                        "platform",
                        "ecwid",
                        "name",
                        Shop.unique("Ecwid"),
                        "base_url",
                        platform.baseUrl(),
                        "credentials",
                        Map.of("store_id", Shop.unique("store"), "access_token", "t"),
                        "webhook_secret",
                        "s",
                        "register_id",
                        register));
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        assertThat(admin.delete("/api/v1/channels/" + created.id()).status()).isEqualTo(200);

        JsonNode said =
                awaitActivity(created.id(), e -> e.path("reason").asText().startsWith("unlinked:"));
        assertThat(said.path("outcome").asText()).isEqualTo("ignored");
        assertThat(said.path("reason").asText()).contains("does not remove ecwid webhooks");
    }

    /**
     * A registration that was still asking the platform when the unlink committed writes its outcome through the
     * repository: it is refused there, whatever it found, and the channel stays unlinked.
     */
    @Test
    void aRegistrationThatFinishesAfterTheUnlinkCannotSayTheChannelIsConnectedAgain() {
        String channel = shop.wooChannel(register, List.of(outlet), Map.of(), false, platform.baseUrl());
        ApiClient.Response unlinked = admin.delete("/api/v1/channels/" + channel);
        Instant at = Instant.parse(unlinked.json().path("unlinked_at").asText());

        boolean written = TestStoreline.instance()
                .wiring()
                .channelRepository
                .updateConnection(
                        UUID.fromString(channel),
                        new Channel.Connection(
                                Channel.ConnectionStatus.CONNECTED,
                                "webhooks deliver to the channel",
                                Optional.of(Instant.now())));

        assertThat(written).isFalse();
        assertUnlinkedConnection(admin.get("/api/v1/channels/" + channel).json().path("connection"), at);
    }

    /** Unlinked, since the unlink, in words an integrator can act on: never "connected" any more. */
    private static void assertUnlinkedConnection(JsonNode connection, Instant unlinkedAt) {
        assertThat(connection.path("status").asText()).as(connection.toString()).isEqualTo("unlinked");
        assertThat(connection.path("checked_at").asText()).isEqualTo(unlinkedAt.toString());
        assertThat(connection.path("detail").asText())
                .startsWith("unlinked at " + unlinkedAt + ": no orders are received")
                .contains("webhooks are removed where the platform allows");
    }

    private WooCommerceOrders order() {
        return WooCommerceOrders.order(ORDER_IDS.incrementAndGet())
                .status("processing")
                .line(sku, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00");
    }

    private String deliver(String channel, WooCommerceOrders order) {
        assertThat(order.deliver(admin, channel, "order.created").status()).isEqualTo(200);
        return id(order);
    }

    static String id(WooCommerceOrders order) {
        return order.json().replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1");
    }

    private static List<String> ids(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false)
                .map(c -> c.path("id").asText())
                .toList();
    }

    private JsonNode salesOf(String channel, String orderId) {
        return admin.get("/api/v1/sales?channel_id=" + channel + "&external_order_id=" + orderId)
                .json()
                .path("items");
    }

    private JsonNode awaitSale(String channel, String orderId) {
        return await(
                () -> {
                    JsonNode items = salesOf(channel, orderId);
                    return items.isEmpty() ? null : items.get(0);
                },
                "a sale for order " + orderId);
    }

    private JsonNode activity(String channel) {
        return admin.get("/api/v1/channels/" + channel + "/activity?limit=500")
                .json()
                .path("items");
    }

    private JsonNode awaitActivity(String channel, Predicate<JsonNode> wanted) {
        return await(
                () -> StreamSupport.stream(activity(channel).spliterator(), false)
                        .filter(wanted)
                        .findFirst()
                        .orElse(null),
                "an activity entry");
    }
}
