package org.storeline.channels.bigcommerce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.OrderPage;
import org.storeline.channels.api.OrderQuery;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.Registration;
import org.storeline.core.channel.ChannelOrder;

class BigCommerceClientTest {
    private static final String SECRET = "hook-secret";
    private static final URI WEBHOOK_URL = URI.create("https://pos.example.com/webhooks/ch_1");
    private static final String V2 = "/stores/abc123/v2";
    private static final String V3 = "/stores/abc123/v3";
    private static final OrderQuery LISTED_SINCE_2019 =
            new OrderQuery(Instant.parse("2019-01-01T00:00:00Z"), Optional.empty(), Optional.empty());

    private WireMockServer platform;
    private PlatformHttp http;
    private ChannelConnection connection;

    @BeforeEach
    void start() {
        platform = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        platform.start();
        http = new PlatformHttp(
                HttpClient.newHttpClient(), 3, attempt -> Duration.ofMillis(1), duration -> {}, Duration.ofSeconds(5));
        connection = new ChannelConnection(
                "ch_1",
                URI.create(platform.baseUrl()),
                Map.of("store_hash", "abc123", "access_token", "token-1"),
                SECRET);
    }

    @AfterEach
    void stop() {
        platform.stop();
    }

    @Test
    void listingAsksForOrdersModifiedInTheRangeOldestChangeFirstAndReadsA204AsNoOrders() {
        platform.stubFor(
                get(urlPathEqualTo(V2 + "/orders")).willReturn(aResponse().withStatus(204)));
        OrderQuery query = new OrderQuery(
                Instant.parse("2019-06-20T16:07:08.750Z"),
                Optional.of(Instant.parse("2019-06-21T00:00:00Z")),
                Optional.empty());

        OrderPage page = new BigCommerceConnector(http).listOrders(query, connection);

        assertThat(page.orders()).isEmpty();
        assertThat(page.nextPage()).isEmpty();
        platform.verify(getRequestedFor(urlPathEqualTo(V2 + "/orders"))
                .withQueryParam("min_date_modified", equalTo("2019-06-20T16:07:08+00:00"))
                .withQueryParam("max_date_modified", equalTo("2019-06-21T00:00:00+00:00"))
                .withQueryParam("sort", equalTo("date_modified:asc"))
                .withQueryParam("limit", equalTo("250"))
                .withQueryParam("page", equalTo("1"))
                .withHeader("X-Auth-Token", equalTo("token-1")));
    }

    @Test
    void anOrderWhoseProductsThePlatformRefusesIsReportedAndTheOthersAreListed() {
        stubOrder("247", "order-247-products.json", "order-247-shipping-addresses.json");
        platform.stubFor(get(urlPathEqualTo(V2 + "/orders/218/products"))
                .willReturn(aResponse().withStatus(404)));
        stubTwoListedOrders();

        OrderPage page = new BigCommerceConnector(http).listOrders(LISTED_SINCE_2019, connection);

        assertThat(page.orders()).extracting(ChannelOrder::externalId).containsExactly("247");
        assertThat(page.unreadable()).singleElement().satisfies(unreadable -> {
            assertThat(unreadable.externalId()).contains("218");
            assertThat(unreadable.reason()).contains("products of BigCommerce order 218", "404");
        });
    }

    @Test
    void anOrderWhoseProductsThePlatformCannotServeNowFailsThePageToBeAskedForAgain() {
        stubOrder("247", "order-247-products.json", "order-247-shipping-addresses.json");
        platform.stubFor(get(urlPathEqualTo(V2 + "/orders/218/products"))
                .willReturn(aResponse().withStatus(503)));
        stubTwoListedOrders();

        assertThatThrownBy(() -> new BigCommerceConnector(http).listOrders(LISTED_SINCE_2019, connection))
                .isInstanceOfSatisfying(
                        PlatformCallException.class,
                        e -> assertThat(e.retryable()).isTrue());
    }

    private void stubTwoListedOrders() {
        String listed = "[" + BigCommerceConnectorContractTest.payload("order-218.json") + ","
                + BigCommerceConnectorContractTest.payload("order-247.json") + "]";
        platform.stubFor(get(urlPathEqualTo(V2 + "/orders")).willReturn(json(listed)));
    }

    @Test
    void aFullPageHasANextPageAndEachListedOrderGetsItsProductsAndAddresses() {
        BigCommerceConnector connector = new BigCommerceConnector(new BigCommerceClient(http, 2));
        stubOrder("247", "order-247-products.json", "order-247-shipping-addresses.json");
        stubOrder("218", "order-218-products.json", "order-218-shipping-addresses.json");
        String firstPage = "[" + BigCommerceConnectorContractTest.payload("order-218.json") + ","
                + BigCommerceConnectorContractTest.payload("order-247.json") + "]";
        platform.stubFor(get(urlPathEqualTo(V2 + "/orders"))
                .withQueryParam("page", equalTo("1"))
                .willReturn(json(firstPage)));
        platform.stubFor(get(urlPathEqualTo(V2 + "/orders"))
                .withQueryParam("page", equalTo("2"))
                .willReturn(json("[" + BigCommerceConnectorContractTest.payload("order-247.json") + "]")));
        OrderQuery first = new OrderQuery(Instant.parse("2019-01-01T00:00:00Z"), Optional.empty(), Optional.empty());

        OrderPage page1 = connector.listOrders(first, connection);
        OrderPage page2 = connector.listOrders(
                new OrderQuery(first.modifiedSince(), Optional.empty(), page1.nextPage()), connection);

        assertThat(page1.orders()).extracting(ChannelOrder::externalId).containsExactly("218", "247");
        assertThat(page1.orders().get(1).lines()).hasSize(4);
        assertThat(page1.nextPage()).contains("2");
        assertThat(page2.orders()).extracting(ChannelOrder::externalId).containsExactly("247");
        assertThat(page2.nextPage()).isEmpty();
    }

    @Test
    void registeringChecksTheTokenThenCreatesTheOrderAndStockHooksWithTheSecretHeader() {
        platform.stubFor(
                get(urlPathEqualTo(V2 + "/store")).willReturn(json("{\"id\":\"abc123\",\"name\":\"Demo Store\"}")));
        platform.stubFor(get(urlPathEqualTo(V3 + "/hooks")).willReturn(json("{\"data\":[],\"meta\":{}}")));
        platform.stubFor(
                post(urlPathEqualTo(V3 + "/hooks")).willReturn(json("{\"data\":{\"id\":18048287},\"meta\":{}}")));

        Registration registration = new BigCommerceConnector(http).register(connection, WEBHOOK_URL);

        assertThat(registration.connected()).as(registration.detail()).isTrue();
        assertThat(registration.detail()).contains("Demo Store");
        assertThat(registration.webhooks())
                .containsExactly(
                        "store/order/created -> hook 18048287",
                        "store/order/updated -> hook 18048287",
                        "store/order/statusUpdated -> hook 18048287",
                        "store/product/inventory/updated -> hook 18048287",
                        "store/sku/inventory/updated -> hook 18048287");
        for (String scope : List.of(
                "store/order/created",
                "store/order/updated",
                "store/order/statusUpdated",
                "store/product/inventory/updated",
                "store/sku/inventory/updated")) {
            platform.verify(postRequestedFor(urlPathEqualTo(V3 + "/hooks"))
                    .withHeader("X-Auth-Token", equalTo("token-1"))
                    .withRequestBody(equalToJson("{\"scope\":\"" + scope + "\",\"destination\":\"" + WEBHOOK_URL + "\","
                            + "\"is_active\":true,\"headers\":{\"X-Storeline-Webhook-Secret\":\"" + SECRET + "\"}}")));
        }
        platform.verify(getRequestedFor(urlPathEqualTo(V3 + "/hooks"))
                .withQueryParam("destination", equalTo(WEBHOOK_URL.toString())));
    }

    @Test
    void registeringAgainUpdatesTheHookThatExistsInsteadOfCreatingASecond() {
        platform.stubFor(get(urlPathEqualTo(V2 + "/store")).willReturn(json("{\"name\":\"Demo Store\"}")));
        platform.stubFor(get(urlPathEqualTo(V3 + "/hooks"))
                .willReturn(json("{\"data\":[{\"id\":42,\"scope\":\"store/order/created\"," + "\"destination\":\""
                        + WEBHOOK_URL + "\",\"is_active\":false}],\"meta\":{}}")));
        platform.stubFor(put(urlPathEqualTo(V3 + "/hooks/42")).willReturn(json("{\"data\":{\"id\":42},\"meta\":{}}")));
        platform.stubFor(post(urlPathEqualTo(V3 + "/hooks")).willReturn(json("{\"data\":{\"id\":43},\"meta\":{}}")));

        Registration registration = new BigCommerceConnector(http).register(connection, WEBHOOK_URL);

        assertThat(registration.webhooks())
                .containsExactly(
                        "store/order/created -> hook 42",
                        "store/order/updated -> hook 43",
                        "store/order/statusUpdated -> hook 43",
                        "store/product/inventory/updated -> hook 43",
                        "store/sku/inventory/updated -> hook 43");
        platform.verify(
                1,
                putRequestedFor(urlPathEqualTo(V3 + "/hooks/42"))
                        .withRequestBody(
                                equalToJson("{\"scope\":\"store/order/created\",\"destination\":\"" + WEBHOOK_URL
                                        + "\"," + "\"is_active\":true,\"headers\":{\"X-Storeline-Webhook-Secret\":\""
                                        + SECRET + "\"}}")));
        platform.verify(4, postRequestedFor(urlPathEqualTo(V3 + "/hooks")));
    }

    @Test
    void aRefusedTokenIsAFailedRegistrationThatSaysWhichCredentialToCheck() {
        platform.stubFor(get(anyUrl())
                .willReturn(aResponse().withStatus(401).withBody("[{\"status\":401,\"message\":\"Unauthorized\"}]")));

        Registration registration = new BigCommerceConnector(http).register(connection, WEBHOOK_URL);

        assertThat(registration.connected()).isFalse();
        assertThat(registration.detail()).contains("refused the access token", "credentials.access_token");
        platform.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void anUnreachablePlatformIsAFailedRegistrationNotAnException() {
        platform.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));

        Registration registration = new BigCommerceConnector(http).register(connection, WEBHOOK_URL);

        assertThat(registration.connected()).isFalse();
        assertThat(registration.detail()).contains("could not be reached");
    }

    @Test
    void aWebhookUrlBigCommerceCannotCallIsRefusedOnlyWhenTheApiIsBigCommercesOwn() {
        URI bigCommerce = URI.create("https://api.bigcommerce.com");
        URI elsewhere = URI.create("http://127.0.0.1:8123");

        assertThat(BigCommerceClient.unreachableByBigCommerce(bigCommerce, URI.create("http://pos.example.com/w")))
                .isTrue();
        assertThat(BigCommerceClient.unreachableByBigCommerce(bigCommerce, URI.create("https://pos.example:8443/w")))
                .isTrue();
        assertThat(BigCommerceClient.unreachableByBigCommerce(bigCommerce, URI.create("https://pos.example:443/w")))
                .isFalse();
        assertThat(BigCommerceClient.unreachableByBigCommerce(bigCommerce, WEBHOOK_URL))
                .isFalse();
        assertThat(BigCommerceClient.unreachableByBigCommerce(elsewhere, URI.create("http://127.0.0.1:8080/w")))
                .as("a server speaking BigCommerce's API elsewhere (the demo's simulator) answers for itself")
                .isFalse();
    }

    @Test
    void aServerSpeakingBigCommercesApiElsewhereGetsItsHooksOnAnHttpUrl() {
        platform.stubFor(get(urlPathEqualTo(V2 + "/store")).willReturn(json("{\"name\":\"Demo Store\"}")));
        platform.stubFor(get(urlPathEqualTo(V3 + "/hooks")).willReturn(json("{\"data\":[],\"meta\":{}}")));
        platform.stubFor(post(urlPathEqualTo(V3 + "/hooks")).willReturn(json("{\"data\":{\"id\":7}}")));

        Registration registration =
                new BigCommerceConnector(http).register(connection, URI.create("http://localhost:8080/webhooks/ch_1"));

        assertThat(registration.connected()).as(registration.detail()).isTrue();
        platform.verify(postRequestedFor(urlPathEqualTo(V3 + "/hooks")));
    }

    /** Page 1 of each sub-resource holds everything; later pages are empty (204), as v2 answers them. */
    private void stubOrder(String id, String products, String addresses) {
        for (String sub : new String[] {"/products", "/shipping_addresses"}) {
            platform.stubFor(get(urlPathEqualTo(V2 + "/orders/" + id + sub))
                    .willReturn(aResponse().withStatus(204)));
            platform.stubFor(get(urlPathEqualTo(V2 + "/orders/" + id + sub))
                    .withQueryParam("page", equalTo("1"))
                    .willReturn(json(
                            BigCommerceConnectorContractTest.payload(sub.equals("/products") ? products : addresses))));
        }
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
