package org.storeline.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.OrderImportScenarioIT.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.core.channel.Channel;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Payloads;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;

/**
 * Orders pulled rather than pushed, and what happens when a platform fails: manual imports (date range and
 * order ids), reconciliation, Ecwid's thin webhooks fetched from the platform, the activity log's retry and
 * the channel's health. Each platform's API is played by WireMock at the channel's {@code base_url}.
 */
class ChannelSyncIT {
    private static final AtomicLong ORDER_IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);
    private static final String WOO_ORDERS = "/wp-json/wc/v3/orders";
    private static final DateTimeFormatter WOO_GMT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String ECWID_STORE = "1003";
    private static final String ECWID_TOKEN = "secret_storeline-it-token";

    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);
    private WireMockServer platform;
    private String outlet;
    private String register;
    private String sku;

    @BeforeEach
    void aPlatformAndAnOutletThatSellsOneProduct() {
        platform = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        platform.start();
        outlet = shop.outlet("Web");
        register = shop.register(outlet);
        sku = Shop.unique("CAP");
        shop.productWithSku(sku, "10.00");
    }

    @AfterEach
    void stopThePlatform() {
        platform.stop();
    }

    @Test
    void aManualImportByDateRangePullsEveryPageAndImportingAgainMakesNothingNew() {
        String channel = wooChannel();
        Instant until = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant since = until.minusSeconds(3600);
        List<WooCommerceOrders> page1 =
                List.of(wooOrder(next(), until.minusSeconds(900)), wooOrder(next(), until.minusSeconds(600)));
        List<WooCommerceOrders> page2 = List.of(wooOrder(next(), until.minusSeconds(300)));
        stubWooList(page1, page2);
        Map<String, Object> range = Map.of("since", since.toString(), "until", until.toString());

        JsonNode first = importOrders(channel, range);
        JsonNode again = importOrders(channel, range);

        assertSummary(first, 3, 3, 0);
        assertThat(externalIds(sales(channel)))
                .containsExactlyInAnyOrderElementsOf(Stream.concat(page1.stream(), page2.stream())
                        .map(ChannelSyncIT::wooId)
                        .toList());
        assertSummary(again, 3, 0, 3);
        assertThat(sales(channel)).hasSize(3);
        for (String page : List.of("1", "2")) {
            platform.verify(
                    2,
                    getRequestedFor(urlPathEqualTo(WOO_ORDERS))
                            .withQueryParam("page", equalTo(page))
                            .withQueryParam("modified_after", equalTo(WOO_GMT.format(since.minusSeconds(1))))
                            .withQueryParam("modified_before", equalTo(WOO_GMT.format(until)))
                            .withQueryParam("dates_are_gmt", equalTo("true"))
                            .withQueryParam("per_page", equalTo("100")));
        }
    }

    @Test
    void aManualImportByOrderIdsFetchesEachOrderAndNeverImportsAWebhookOrderTwice() {
        String channel = wooChannel();
        WooCommerceOrders delivered = wooOrder(next(), Instant.now().minusSeconds(120));
        WooCommerceOrders missed = wooOrder(next(), Instant.now().minusSeconds(60));
        stubWooOrder(delivered);
        stubWooOrder(missed);
        assertThat(delivered.deliver(admin, channel, "order.created").status()).isEqualTo(200);
        awaitSale(channel, wooId(delivered));

        JsonNode summary = importOrders(channel, Map.of("order_ids", List.of(wooId(delivered), " " + wooId(missed))));

        assertSummary(summary, 2, 1, 1);
        assertThat(salesOf(channel, wooId(delivered))).hasSize(1);
        assertThat(salesOf(channel, wooId(missed))).hasSize(1);
        assertThat(sales(channel)).hasSize(2);
        platform.verify(1, getRequestedFor(urlPathEqualTo(WOO_ORDERS + "/" + wooId(missed))));
    }

    @Test
    void reconciliationCatchesAnOrderThatNoWebhookDelivered() {
        String channel = wooChannel();
        Instant now = Instant.now();
        WooCommerceOrders imported = wooOrder(next(), now.minusSeconds(120));
        stubWooList(List.of(imported));
        assertSummary(
                importOrders(
                        channel,
                        Map.of(
                                "since",
                                now.minusSeconds(3600)
                                        .truncatedTo(ChronoUnit.SECONDS)
                                        .toString())),
                1,
                1,
                0);
        assertThat(admin.get("/api/v1/channels/" + channel)
                        .json()
                        .path("reconciled_until")
                        .isNull())
                .isTrue();
        WooCommerceOrders missed = wooOrder(next(), now.minusSeconds(60));
        stubWooList(List.of(imported, missed));
        Instant beforePass = Instant.now();

        Channel loaded = TestStoreline.instance().wiring().channels().require(UUID.fromString(channel));
        TestStoreline.instance().reconciler().reconcile(loaded);

        assertThat(salesOf(channel, wooId(missed))).hasSize(1);
        assertThat(salesOf(channel, wooId(imported))).hasSize(1);
        String reconciledUntil = admin.get("/api/v1/channels/" + channel)
                .json()
                .path("reconciled_until")
                .asText();
        assertThat(Instant.parse(reconciledUntil))
                .isAfterOrEqualTo(beforePass.truncatedTo(ChronoUnit.MILLIS))
                .isBeforeOrEqualTo(Instant.now());
        JsonNode pass = awaitActivity(channel, e -> e.path("kind").asText().equals("reconciliation"));
        assertThat(pass.path("outcome").asText()).isEqualTo("succeeded");
        assertThat(pass.path("reason").asText()).contains("1 imported that webhooks had missed");
    }

    @Test
    void anOrderOfAListedPageThatCannotBeReadIsLoggedForRetryAndTheRestOfThePageIsImported() {
        String channel = wooChannel();
        Instant until = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long brokenId = next();
        WooCommerceOrders before = wooOrder(next(), until.minusSeconds(900));
        WooCommerceOrders broken = wooOrder(brokenId, until.minusSeconds(600)).totals("12,10", "2.10");
        WooCommerceOrders after = wooOrder(next(), until.minusSeconds(300));
        stubWooList(List.of(before, broken, after));

        Map<String, Object> range = Map.of("since", until.minusSeconds(3600).toString(), "until", until.toString());

        JsonNode summary = importOrders(channel, range);

        String id = String.valueOf(brokenId);
        assertThat(summary.path("imported").asInt()).as(summary.toString()).isEqualTo(2);
        assertThat(summary.path("failed").asInt()).as(summary.toString()).isEqualTo(1);
        assertThat(summary.path("problems").get(0).asText()).contains(id, "total '12,10' is not a number");
        assertThat(externalIds(sales(channel))).containsExactlyInAnyOrder(wooId(before), wooId(after));
        JsonNode failed =
                awaitActivity(channel, e -> e.path("external_order_id").asText().equals(id));
        assertThat(failed.path("kind").asText()).isEqualTo("fetch");
        assertThat(failed.path("outcome").asText()).isEqualTo("failed");
        assertThat(failed.path("retryable").asBoolean()).isTrue();
        assertThat(failed.path("reason").asText())
                .startsWith("WooCommerce order " + id + " cannot be read: total '12,10' is not a number");

        stubWooOrder(wooOrder(brokenId, until.minusSeconds(60)));
        ApiClient.Response retried = retry(channel, failed.path("id").asText());

        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        assertThat(retried.json().path("result").asText()).isEqualTo("the order was fetched and imported again");
        assertThat(salesOf(channel, id)).hasSize(1);
    }

    @Test
    void reconciliationImportsTheReadableOrdersLogsTheOneThatCannotBeReadAndMovesOn() {
        String channel = wooChannel();
        Instant now = Instant.now();
        WooCommerceOrders readable = wooOrder(next(), now.minusSeconds(120));
        WooCommerceOrders broken = wooOrder(next(), now.minusSeconds(60)).totals("12,10", "2.10");
        stubWooList(List.of(broken, readable));
        Instant beforePass = Instant.now();

        Channel loaded = TestStoreline.instance().wiring().channels().require(UUID.fromString(channel));
        TestStoreline.instance().reconciler().reconcile(loaded);

        assertThat(salesOf(channel, wooId(readable))).hasSize(1);
        assertThat(salesOf(channel, wooId(broken))).isEmpty();
        JsonNode failed =
                awaitActivity(channel, e -> e.path("external_order_id").asText().equals(wooId(broken)));
        assertThat(failed.path("retryable").asBoolean()).isTrue();
        JsonNode pass = awaitActivity(channel, e -> e.path("kind").asText().equals("reconciliation"));
        assertThat(pass.path("outcome").asText()).isEqualTo("failed");
        assertThat(pass.path("reason").asText()).contains("1 imported that webhooks had missed", "1 could not be read");
        assertThat(pass.path("retryable").asBoolean()).isFalse();
        String reconciledUntil = admin.get("/api/v1/channels/" + channel)
                .json()
                .path("reconciled_until")
                .asText();
        assertThat(Instant.parse(reconciledUntil)).isAfterOrEqualTo(beforePass.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void aSignedEcwidWebhookIsAcknowledgedAndItsOrderFetchedFromThePlatformToTheCent() {
        String channel = ecwidChannel();
        long order = next();
        stubEcwidOrder(order, okJson(ecwidOrder(order)));

        ApiClient.Response answer = deliverEcwid(channel, order);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asText()).isEqualTo("accepted");
        JsonNode sale = awaitSale(channel, String.valueOf(order));
        assertThat(sale.path("total").asText()).isEqualTo("2014.97");
        assertThat(sale.path("total_tax").asText()).isEqualTo("488.48");
        assertThat(sale.path("currency").asText()).isEqualTo("USD");
        assertThat(sale.path("external_order_number").asText()).isEqualTo("lala1028001");
        assertThat(sale.path("source").asText()).isEqualTo("online");
        assertThat(sale.path("lines"))
                .noneSatisfy(line ->
                        assertThat(line.path("is_adjustment").asBoolean()).isTrue());
        platform.verify(
                1,
                getRequestedFor(urlPathEqualTo(ecwidOrderPath(order)))
                        .withHeader("Authorization", equalTo("Bearer " + ECWID_TOKEN)));
    }

    @Test
    void anEcwidOrderFetchAnswered503AndThen200IsImportedExactlyOnce() {
        String channel = ecwidChannel();
        long order = next();
        platform.stubFor(get(urlPathEqualTo(ecwidOrderPath(order)))
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0"))
                .willSetStateTo("recovered"));
        platform.stubFor(get(urlPathEqualTo(ecwidOrderPath(order)))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson(ecwidOrder(order))));

        assertThat(deliverEcwid(channel, order).status()).isEqualTo(200);

        awaitSale(channel, String.valueOf(order));
        awaitActivity(channel, e -> e.path("outcome").asText().equals("imported"));
        assertThat(salesOf(channel, String.valueOf(order))).hasSize(1);
        assertThat(activity(channel))
                .noneSatisfy(e -> assertThat(e.path("outcome").asText()).isEqualTo("failed"));
        platform.verify(2, getRequestedFor(urlPathEqualTo(ecwidOrderPath(order))));
    }

    @Test
    void aFetchThatKeepsFailingIsLoggedAndRunsAgainFromTheActivityLog() {
        String channel = ecwidChannel();
        long order = next();

        JsonNode failed = failingEcwidDelivery(channel, order);
        assertThat(failed.path("retryable").asBoolean()).isTrue();
        assertThat(failed.path("delivery_id").asText()).isNotBlank();
        assertThat(failed.path("reason").asText()).contains("500");
        assertThat(salesOf(channel, String.valueOf(order))).isEmpty();

        assertThat(fixAndRetry(channel, order, failed).path("total").asText()).isEqualTo("2014.97");
        assertThat(salesOf(channel, String.valueOf(order))).hasSize(1);
        String entryId = failed.path("id").asText();
        assertThat(awaitActivity(channel, e -> e.path("id").asText().equals(entryId))
                        .path("retried_at")
                        .isNull())
                .isFalse();
    }

    @Test
    void healthReportsTheConnectionTheFailuresOfTheLastHourAndHowFarBehindTheChannelIs() {
        String channel = ecwidChannel();
        JsonNode calm = await(
                () -> {
                    JsonNode health = health(channel);
                    return health.path("connection").path("status").asText().equals("connected") ? health : null;
                },
                "the Ecwid credentials check");
        assertThat(calm.path("connection").path("detail").asText())
                .contains("webhooks are set in the Ecwid app settings");
        assertThat(calm.path("connection").path("checked_at").isNull()).isFalse();
        assertThat(calm.path("failures_last_hour").asInt()).isZero();
        assertThat(calm.path("behind_seconds").asLong()).isZero();
        long order = next();
        JsonNode failed = failingEcwidDelivery(channel, order);

        JsonNode behind = await(
                () -> {
                    JsonNode health = health(channel);
                    return health.path("behind_seconds").asLong() >= 1 ? health : null;
                },
                "the channel to fall behind");

        assertThat(behind.path("failures_last_hour").asInt()).isPositive();
        assertThat(behind.path("oldest_pending_at").isNull()).isFalse();
        assertThat(behind.path("connection").path("status").asText()).isEqualTo("connected");
        fixAndRetry(channel, order, failed);
        JsonNode caughtUp = health(channel);
        assertThat(caughtUp.path("oldest_pending_at").isNull())
                .as(caughtUp.toString())
                .isTrue();
        assertThat(caughtUp.path("behind_seconds").asLong()).isZero();
    }

    @Test
    void retryingAnEntryThatDidNotFailIsRefusedAndAnUnknownEntryIsNotFound() {
        String channel = wooChannel();
        WooCommerceOrders order = wooOrder(next(), Instant.now().minusSeconds(60));
        stubWooOrder(order);
        assertSummary(importOrders(channel, Map.of("order_ids", List.of(wooId(order)))), 1, 1, 0);
        String imported = awaitActivity(channel, e -> e.path("outcome").asText().equals("imported"))
                .path("id")
                .asText();

        ApiClient.Response notFailed = retry(channel, imported);
        ApiClient.Response unknown = retry(channel, UUID.randomUUID().toString());
        ApiClient.Response otherChannel = retry(wooChannel(), imported);

        assertThat(notFailed.status()).isEqualTo(409);
        assertThat(notFailed.errorCode()).isEqualTo("not_retryable");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("activity_not_found");
        assertThat(otherChannel.status()).isEqualTo(404);
        assertThat(otherChannel.errorCode()).isEqualTo("activity_not_found");
    }

    // --- WooCommerce, played by WireMock ---

    private String wooChannel() {
        return shop.wooChannel(register, List.of(outlet), Map.of(), false, platform.baseUrl());
    }

    private WooCommerceOrders wooOrder(long id, Instant modified) {
        return WooCommerceOrders.order(id)
                .status("processing")
                .line(sku, 1, "10.00", "10.00", "2.10")
                .totals("12.10", "2.10")
                .modifiedAt(modified);
    }

    @SafeVarargs
    private void stubWooList(List<WooCommerceOrders>... pages) {
        for (int page = 1; page <= pages.length; page++) {
            String body =
                    pages[page - 1].stream().map(WooCommerceOrders::json).collect(Collectors.joining(",", "[", "]"));
            platform.stubFor(get(urlPathEqualTo(WOO_ORDERS))
                    .withQueryParam("page", equalTo(String.valueOf(page)))
                    .willReturn(okJson(body).withHeader("X-WP-TotalPages", String.valueOf(pages.length))));
        }
    }

    private void stubWooOrder(WooCommerceOrders order) {
        platform.stubFor(get(urlPathEqualTo(WOO_ORDERS + "/" + wooId(order))).willReturn(okJson(order.json())));
    }

    private static String wooId(WooCommerceOrders order) {
        return read(order.json()).path("id").asText();
    }

    // --- Ecwid, played by WireMock ---

    private String ecwidChannel() {
        platform.stubFor(get(urlPathEqualTo("/api/v3/" + ECWID_STORE + "/profile"))
                .willReturn(okJson(payload("ecwid-profile.json"))));
        ApiClient.Response created = admin.post(
                "/api/v1/channels",
                Map.of(
                        "platform",
                        "ecwid",
                        "name",
                        Shop.unique("Ecwid shop"),
                        "base_url",
                        platform.baseUrl(),
                        "credentials",
                        Map.of("store_id", ECWID_STORE, "access_token", ECWID_TOKEN, "currency", "USD"),
                        "webhook_secret",
                        WooCommerceOrders.SECRET,
                        "outlet_ids",
                        List.of(outlet),
                        "register_id",
                        register,
                        "notifications",
                        false));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.id();
    }

    private static String ecwidOrderPath(long order) {
        return "/api/v3/" + ECWID_STORE + "/orders/" + order;
    }

    /**
     * The docs' order lala1028001 (it has no {@code id}, so its {@code orderNumber} is its id) as order {@code number}.
     */
    private static String ecwidOrder(long number) {
        ObjectNode order = (ObjectNode) read(payload("ecwid-lala1028001-mollie-shipping.order.json"));
        return order.put("orderNumber", number).toString();
    }

    private void stubEcwidOrder(long order, ResponseDefinitionBuilder response) {
        platform.stubFor(get(urlPathEqualTo(ecwidOrderPath(order))).willReturn(response));
    }

    /**
     * The docs' order.created webhook announcing {@code order}, signed as Ecwid signs: base64 HMAC-SHA256 of
     * "eventCreated.eventId" (the same HMAC WooCommerce puts on its bodies, so the channel shares that secret).
     */
    private ApiClient.Response deliverEcwid(String channel, long order) {
        ObjectNode event = (ObjectNode) read(payload("ecwid-order-created.webhook.json"));
        event.put("eventId", UUID.randomUUID().toString())
                .put("eventCreated", Instant.now().getEpochSecond())
                .put("entityId", order);
        ((ObjectNode) event.path("data")).put("orderId", String.valueOf(order));
        String signed = event.path("eventCreated").asText() + "."
                + event.path("eventId").asText();
        return admin.as(null)
                .send(HttpRequest.newBuilder(
                                URI.create(admin.baseUrl() + "/webhooks/" + channel + "?eventtype=order.created"))
                        .header("Content-Type", "application/json")
                        .header(
                                "X-Ecwid-Webhook-Signature",
                                WooCommerceOrders.sign(signed.getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(event.toString())));
    }

    // --- Storeline's API ---

    private JsonNode importOrders(String channel, Map<String, Object> body) {
        ApiClient.Response response = admin.post("/api/v1/channels/" + channel + "/import", body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static void assertSummary(JsonNode summary, int fetched, int imported, int duplicates) {
        assertThat(summary.path("fetched").asInt()).as(summary.toString()).isEqualTo(fetched);
        assertThat(summary.path("imported").asInt()).as(summary.toString()).isEqualTo(imported);
        assertThat(summary.path("duplicates").asInt()).as(summary.toString()).isEqualTo(duplicates);
        assertThat(summary.path("failed").asInt()).as(summary.toString()).isZero();
    }

    private JsonNode sales(String channel) {
        return admin.get("/api/v1/sales?limit=500&channel_id=" + channel).json().path("items");
    }

    private JsonNode salesOf(String channel, String externalOrderId) {
        return admin.get("/api/v1/sales?channel_id=" + channel + "&external_order_id=" + externalOrderId)
                .json()
                .path("items");
    }

    private static List<String> externalIds(JsonNode sales) {
        return StreamSupport.stream(sales.spliterator(), false)
                .map(s -> s.path("external_order_id").asText())
                .toList();
    }

    private JsonNode awaitSale(String channel, String externalOrderId) {
        return await(
                () -> {
                    JsonNode items = salesOf(channel, externalOrderId);
                    return items.isEmpty() ? null : items.get(0);
                },
                "a sale for order " + externalOrderId);
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

    /** An order.created webhook whose order Ecwid answers 500 to, every attempt: the failed fetch it logs. */
    private JsonNode failingEcwidDelivery(String channel, long order) {
        stubEcwidOrder(order, aResponse().withStatus(500).withHeader("Retry-After", "0"));
        assertThat(deliverEcwid(channel, order).status()).isEqualTo(200);
        return awaitActivity(
                channel,
                e -> e.path("kind").asText().equals("fetch")
                        && e.path("outcome").asText().equals("failed"));
    }

    /** Ecwid answers again; the failed entry is retried (not waited for: the worker's own retry is 10 s+ away). */
    private JsonNode fixAndRetry(String channel, long order, JsonNode failed) {
        stubEcwidOrder(order, okJson(ecwidOrder(order)));
        ApiClient.Response retry = retry(channel, failed.path("id").asText());
        assertThat(retry.status()).as(retry.text()).isEqualTo(200);
        assertThat(retry.json().path("result").asText()).isEqualTo("the delivery is queued again");
        return awaitSale(channel, String.valueOf(order));
    }

    private ApiClient.Response retry(String channel, String entryId) {
        return admin.post("/api/v1/channels/" + channel + "/activity/" + entryId + "/retry", Map.of());
    }

    private JsonNode health(String channel) {
        ApiClient.Response response = admin.get("/api/v1/channels/" + channel + "/health");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static long next() {
        return ORDER_IDS.incrementAndGet();
    }

    private static String payload(String name) {
        return Payloads.text(name);
    }

    private static JsonNode read(String json) {
        return Payloads.json(json);
    }
}
