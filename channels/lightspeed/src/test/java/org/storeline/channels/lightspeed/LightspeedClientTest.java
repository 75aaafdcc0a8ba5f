package org.storeline.channels.lightspeed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.OrderPage;
import org.storeline.channels.api.OrderQuery;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.channels.api.Registration;
import org.storeline.core.channel.ChannelOrder;

/** Lightspeed's list and webhook APIs, played by WireMock. */
class LightspeedClientTest {
    private static final URI HOOK = URI.create("https://storeline.example/webhooks/ch-1");
    private WireMockServer platform;
    private LightspeedConnector connector;
    private ChannelConnection connection;

    @BeforeEach
    void start() {
        platform = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        platform.start();
        connector = new LightspeedConnector(new PlatformHttp(
                HttpClient.newHttpClient(), 2, attempt -> Duration.ZERO, duration -> {}, Duration.ofSeconds(5)));
        connection = new ChannelConnection(
                "ch-1", URI.create(platform.baseUrl()), LightspeedConnectorContractTest.CREDENTIALS, "s");
    }

    @AfterEach
    void stop() {
        platform.stop();
    }

    @Test
    void orderProductsTheFakeApiAnswersAsAnObjectKeyedByIdAreReadAsAListAndAMissingListAsNone() {
        String pickup = new String(bytes("payloads/order-pickup-1623552.json"), StandardCharsets.UTF_8);
        JsonNode product = PlatformJson.parse(bytes("payloads/order-products-1623550.json"), "products")
                .path("orderProducts")
                .get(0);
        ObjectNode keyed = PlatformJson.MAPPER.createObjectNode();
        keyed.putObject("orderProducts").set("3515302", product);
        platform.stubFor(get(urlPathEqualTo("/us/orders/1623552.json")).willReturn(okJson(pickup)));
        platform.stubFor(get(urlPathEqualTo("/us/orders/1623552/products.json")).willReturn(okJson(keyed.toString())));

        assertThat(connector.fetchOrder("1623552", connection).lines())
                .extracting(ChannelOrder.OrderLine::name)
                .containsExactly("anacampseros");

        platform.stubFor(get(urlPathEqualTo("/us/orders/1623552/products.json")).willReturn(okJson("{}")));
        assertThat(connector.fetchOrder("1623552", connection).lines()).isEmpty();
    }

    private static byte[] bytes(String path) {
        try (InputStream in = LightspeedClientTest.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void listingAsksForUpdatedOrdersWithAWideWindowAndKeepsOnlyThoseReallyInRange() {
        platform.stubFor(
                get(urlPathEqualTo("/us/orders.json")).willReturn(okJson(ordersBody(2, "2019-09-16T19:46:01+00:00"))));
        Instant since = Instant.parse("2019-09-16T00:00:00Z");

        OrderPage page = connector.listOrders(
                new OrderQuery(since, Optional.of(Instant.parse("2019-09-17T00:00:00Z")), Optional.empty()),
                connection);
        OrderPage tooLate = connector.listOrders(
                new OrderQuery(Instant.parse("2019-09-16T20:00:00Z"), Optional.empty(), Optional.empty()), connection);

        assertThat(page.orders()).extracting(ChannelOrder::externalId).containsExactly("1000", "1001");
        assertThat(page.nextPage()).isEmpty();
        assertThat(tooLate.orders()).isEmpty();
        // 14 hours either side: the filter's time zone is not documented.
        platform.verify(getRequestedFor(urlPathEqualTo("/us/orders.json"))
                .withQueryParam("updated_at_min", equalTo("2019-09-15 10:00:00"))
                .withQueryParam("updated_at_max", equalTo("2019-09-17 14:00:00"))
                .withQueryParam("limit", equalTo("250"))
                .withQueryParam("page", equalTo("1")));
    }

    @Test
    void anOrderTheWideWindowListsOutsideTheRangeIsNeitherReadNorReportedAndCostsNoCallForItsProducts() {
        JsonNode linked = PlatformJson.parse(resourceText("payloads/order-pickup-1623552.json"), "pickup order")
                .path("order");
        ObjectNode inRange = ((ObjectNode) linked.deepCopy()).put("updatedAt", "2019-09-16T19:46:01+00:00");
        ObjectNode outside = ((ObjectNode) linked.deepCopy())
                .put("id", 1623599)
                .put("updatedAt", "2019-09-15T12:00:00+00:00")
                .put("priceIncl", "12,50");
        ObjectNode body = PlatformJson.MAPPER.createObjectNode();
        body.putArray("orders").add(outside).add(inRange);
        platform.stubFor(get(urlPathEqualTo("/us/orders.json")).willReturn(okJson(body.toString())));
        platform.stubFor(get(urlPathMatching("/us/orders/[0-9]+/products.json"))
                .willReturn(okJson(resourceText("payloads/order-products-1623550.json"))));

        OrderPage page = connector.listOrders(
                new OrderQuery(
                        Instant.parse("2019-09-16T00:00:00Z"),
                        Optional.of(Instant.parse("2019-09-17T00:00:00Z")),
                        Optional.empty()),
                connection);

        assertThat(page.orders()).extracting(ChannelOrder::externalId).containsExactly("1623552");
        assertThat(page.unreadable()).isEmpty();
        platform.verify(0, getRequestedFor(urlPathEqualTo("/us/orders/1623599/products.json")));
    }

    @Test
    void aFullPageMeansAskForTheNextOne() {
        platform.stubFor(get(urlPathEqualTo("/us/orders.json"))
                .willReturn(okJson(ordersBody(250, "2019-09-16T19:46:01+00:00"))));

        OrderPage first = connector.listOrders(
                new OrderQuery(Instant.parse("2019-09-16T00:00:00Z"), Optional.empty(), Optional.empty()), connection);
        OrderPage second = connector.listOrders(
                new OrderQuery(Instant.parse("2019-09-16T00:00:00Z"), Optional.empty(), first.nextPage()), connection);

        assertThat(first.orders()).hasSize(250);
        assertThat(first.nextPage()).contains("2");
        assertThat(second.nextPage()).contains("3");
        platform.verify(getRequestedFor(urlPathEqualTo("/us/orders.json")).withQueryParam("page", equalTo("2")));
    }

    @Test
    void anEmptyListEndsTheListing() {
        platform.stubFor(get(urlPathEqualTo("/us/orders.json")).willReturn(okJson("{}")));

        OrderPage page =
                connector.listOrders(new OrderQuery(Instant.EPOCH, Optional.empty(), Optional.empty()), connection);

        assertThat(page.orders()).isEmpty();
        assertThat(page.nextPage()).isEmpty();
    }

    @Test
    void registeringChecksTheCredentialsThenCreatesAJsonWebhookForEveryOrderEventAndForVariantsUpdated() {
        platform.stubFor(
                get(urlPathEqualTo("/us/shop.json")).willReturn(okJson(resourceText("payloads/shop-sdk.json"))));
        platform.stubFor(get(urlPathEqualTo("/us/webhooks.json")).willReturn(okJson("{\"webhooks\":[]}")));
        platform.stubFor(post(urlPathEqualTo("/us/webhooks.json")).willReturn(okJson("{\"webhook\":{\"id\":64675}}")));

        Registration registration = connector.register(connection, HOOK);

        assertThat(registration.connected()).isTrue();
        assertThat(registration.detail()).isEqualTo("Credentials work for www.domain.com; our webhooks were created.");
        assertThat(registration.webhooks())
                .hasSize(2)
                .allSatisfy(hook -> assertThat(hook).contains("64675").contains(HOOK.toString()));
        assertThat(registration.webhooks().get(1)).startsWith("variants/updated");
        platform.verify(postRequestedFor(urlPathEqualTo("/us/webhooks.json"))
                .withRequestBody(equalToJson("{\"webhook\":{\"isActive\":true,"
                        + "\"itemGroup\":\"orders\",\"itemAction\":\"*\",\"language\":\"us\","
                        + "\"format\":\"json\",\"address\":\"" + HOOK + "\"}}")));
        platform.verify(postRequestedFor(urlPathEqualTo("/us/webhooks.json"))
                .withRequestBody(equalToJson("{\"webhook\":{\"isActive\":true,"
                        + "\"itemGroup\":\"variants\",\"itemAction\":\"updated\",\"language\":\"us\","
                        + "\"format\":\"json\",\"address\":\"" + HOOK + "\"}}")));
    }

    @Test
    void registeringAgainReusesOurWebhookInsteadOfDoublingDeliveries() {
        platform.stubFor(
                get(urlPathEqualTo("/us/shop.json")).willReturn(okJson(resourceText("payloads/shop-sdk.json"))));
        platform.stubFor(get(urlPathEqualTo("/us/webhooks.json"))
                .willReturn(okJson("{\"webhooks\":[{\"id\":64674,\"isActive\":true,"
                        + "\"itemGroup\":\"orders\",\"itemAction\":\"*\",\"format\":\"json\",\"address\":\"" + HOOK
                        + "\"},{\"id\":64676,\"isActive\":true,\"itemGroup\":\"variants\",\"itemAction\":\"updated\","
                        + "\"format\":\"json\",\"address\":\"" + HOOK + "\"}]}")));

        Registration registration = connector.register(connection, HOOK);

        assertThat(registration.connected()).isTrue();
        assertThat(registration.detail())
                .isEqualTo("Credentials work for www.domain.com; our webhooks were already there.");
        assertThat(registration.webhooks()).hasSize(2);
        assertThat(registration.webhooks().get(0)).contains("64674");
        assertThat(registration.webhooks().get(1)).contains("64676");
        platform.verify(0, postRequestedFor(urlPathEqualTo("/us/webhooks.json")));
    }

    @Test
    void refusedCredentialsAreReportedNotThrown() {
        platform.stubFor(get(urlPathEqualTo("/us/shop.json"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":{}}")));

        Registration registration = connector.register(connection, HOOK);

        assertThat(registration.connected()).isFalse();
        assertThat(registration.detail()).contains("401").contains("api_key");
    }

    @Test
    void anUnreachablePlatformIsReportedNotThrown() {
        ChannelConnection nowhere =
                new ChannelConnection("ch-1", URI.create("http://127.0.0.1:1"), connection.credentials(), "s");

        Registration registration = connector.register(nowhere, HOOK);

        assertThat(registration.connected()).isFalse();
        assertThat(registration.detail()).contains("could not be reached");
    }

    @Test
    void credentialsAreTrimmedAndTheLanguageDefaultsToDutch() {
        Map<String, String> normalized =
                connector.normalizeCredentials(Map.of("api_key", " k ", "language", " NL ", "currency", "eur"));
        ChannelConnection noLanguage =
                new ChannelConnection("c", connection.baseUrl(), Map.of("api_key", "k", "api_secret", "s"), "s");

        assertThat(normalized)
                .containsEntry("api_key", "k")
                .containsEntry("language", "nl")
                .containsEntry("currency", "EUR");
        assertThat(LightspeedClient.language(noLanguage)).isEqualTo("nl");
        assertThat(connector.requiredCredentials()).containsExactly("api_key", "api_secret");
    }

    /** {@code count} copies of the docs example order, ids from 1000, all updated at {@code updatedAt}. */
    private static String ordersBody(int count, String updatedAt) {
        JsonNode docsOrder = PlatformJson.parse(resourceText("payloads/order-sdk-1623550.json"), "docs order")
                .path("order");
        ObjectNode body = PlatformJson.MAPPER.createObjectNode();
        ArrayNode orders = body.putArray("orders");
        for (int i = 0; i < count; i++) {
            orders.add(((ObjectNode) docsOrder.deepCopy()).put("id", 1000 + i).put("updatedAt", updatedAt));
        }
        return body.toString();
    }

    private static ResponseDefinitionBuilder okJson(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static String resourceText(String path) {
        try (InputStream in = LightspeedClientTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
