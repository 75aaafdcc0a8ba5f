package org.storeline.channels.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
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
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.Registration;

/** The Admin REST calls, against WireMock playing the shop at the channel's base_url. */
class ShopifyClientTest {
    private static final String API = "/admin/api/" + ShopifyClient.API_VERSION;
    private static final String TOKEN = "shpat_test_token";
    private static final URI HOOK = URI.create("https://storeline.example.com/webhooks/ch_1");

    private WireMockServer shop;
    private ShopifyConnector connector;
    private ChannelConnection connection;

    @BeforeEach
    void start() {
        shop = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        shop.start();
        PlatformHttp http = new PlatformHttp(
                HttpClient.newHttpClient(), 3, attempt -> Duration.ofMillis(1), duration -> {}, Duration.ofSeconds(5));
        connector = new ShopifyConnector(http);
        connection = new ChannelConnection("ch_1", URI.create(shop.baseUrl()), Map.of("access_token", TOKEN), "secret");
    }

    @AfterEach
    void stop() {
        shop.stop();
    }

    private static String orders(String... files) {
        StringBuilder body = new StringBuilder("{\"orders\": [");
        for (int i = 0; i < files.length; i++) {
            body.append(i == 0 ? "" : ",").append(ShopifyDeliveries.payloadText(files[i]));
        }
        return body.append("]}").toString();
    }

    @Test
    void fetchesAnOrderWithTheAccessTokenFromThePinnedApiVersion() {
        shop.stubFor(get(urlPathEqualTo(API + "/orders/450789469.json"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{\"order\": " + ShopifyDeliveries.payloadText("rest-order-450789469.json") + "}")));

        assertThat(connector.fetchOrder("450789469", connection).total().toDecimalString())
                .isEqualTo("598.94");
        shop.verify(getRequestedFor(urlPathEqualTo(API + "/orders/450789469.json"))
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN)));
    }

    @Test
    void refusesAnIdThatIsNotAShopifyIdWithoutCallingShopify() {
        assertThatThrownBy(() -> connector.fetchOrder("../shop", connection)).isInstanceOf(PlatformCallException.class);
        assertThat(shop.getAllServeEvents()).isEmpty();
    }

    @Test
    void listsTheFirstPageWithStatusAnyAndTheUpdatedWindowThenFollowsTheLinkCursorAlone() {
        Instant since = Instant.parse("2008-01-01T00:00:00Z");
        Instant until = Instant.parse("2008-02-01T00:00:00Z");
        shop.stubFor(get(urlPathEqualTo(API + "/orders.json"))
                .withQueryParam("status", equalTo("any"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader(
                                "Link",
                                "<" + shop.baseUrl() + API
                                        + "/orders.json?limit=250&page_info=eyJkaXJlY3Rpb24iOiJuZXh0In0>; rel=\"next\"")
                        .withBody(orders("rest-order-450789469.json"))));
        shop.stubFor(get(urlPathEqualTo(API + "/orders.json"))
                .withQueryParam("page_info", equalTo("eyJkaXJlY3Rpb24iOiJuZXh0In0"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader(
                                "Link",
                                "<" + shop.baseUrl() + API
                                        + "/orders.json?limit=250&page_info=cHJldg>; rel=\"previous\"")
                        .withBody(orders("webhook-orders-create-docs-sample.json"))));

        OrderPage first = connector.listOrders(new OrderQuery(since, Optional.of(until), Optional.empty()), connection);
        OrderPage second =
                connector.listOrders(new OrderQuery(since, Optional.of(until), first.nextPage()), connection);

        assertThat(first.orders()).extracting(order -> order.externalId()).containsExactly("450789469");
        assertThat(first.nextPage()).contains("eyJkaXJlY3Rpb24iOiJuZXh0In0");
        shop.verify(getRequestedFor(urlPathEqualTo(API + "/orders.json"))
                .withQueryParam("status", equalTo("any"))
                .withQueryParam("updated_at_min", equalTo("2008-01-01T00:00:00Z"))
                .withQueryParam("updated_at_max", equalTo("2008-02-01T00:00:00Z"))
                .withQueryParam("limit", equalTo("250")));
        // Shopify rejects a cursor request that repeats the filters: only page_info and limit go along.
        shop.verify(getRequestedFor(urlPathEqualTo(API + "/orders.json"))
                .withQueryParam("page_info", equalTo("eyJkaXJlY3Rpb24iOiJuZXh0In0"))
                .withQueryParam("limit", equalTo("250"))
                .withQueryParam("status", absent())
                .withQueryParam("updated_at_min", absent()));
        // The sample order was updated in 2021, outside the window: Shopify would not list it, and we drop it if it
        // did.
        assertThat(second.orders()).isEmpty();
        assertThat(second.nextPage()).isEmpty();
    }

    @Test
    void leavesAnOrderUpdatedExactlyAtTheWindowsEndToTheNextWindow() {
        shop.stubFor(get(urlPathEqualTo(API + "/orders.json"))
                .willReturn(aResponse().withStatus(200).withBody(orders("rest-order-450789469.json"))));
        Instant updatedAt = Instant.parse("2008-01-10T16:00:00Z");

        OrderPage page = connector.listOrders(
                new OrderQuery(updatedAt.minusSeconds(60), Optional.of(updatedAt), Optional.empty()), connection);

        assertThat(page.orders()).isEmpty();
        assertThat(page.nextPage()).isEmpty();
    }

    @Test
    void registersTheOrderWebhooksAfterCheckingTheToken() {
        shop.stubFor(get(urlPathEqualTo(API + "/shop.json"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{\"shop\": {\"id\": 548380009, \"name\": \"John Smith Test Store\", "
                                + "\"myshopify_domain\": \"jsmith.myshopify.com\"}}")));
        shop.stubFor(post(urlPathEqualTo(API + "/webhooks.json"))
                .willReturn(aResponse().withStatus(201).withBody("{\"webhook\": {\"id\": 1}}")));

        Registration registration = connector.register(connection, HOOK);

        assertThat(registration.connected()).isTrue();
        assertThat(registration.detail()).contains("jsmith.myshopify.com");
        assertThat(registration.webhooks())
                .containsExactly("orders/create", "orders/updated", "orders/cancelled", "inventory_levels/update");
        shop.verify(postRequestedFor(urlPathEqualTo(API + "/webhooks.json"))
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .withRequestBody(equalToJson("{\"webhook\": {\"topic\": \"orders/cancelled\", \"address\": \"" + HOOK
                        + "\", \"format\": \"json\"}}")));
    }

    @Test
    void aWebhookThatAlreadyExistsCountsAsRegistered() {
        shop.stubFor(get(urlPathEqualTo(API + "/shop.json"))
                .willReturn(aResponse().withStatus(200).withBody("{\"shop\": {\"name\": \"Shop\"}}")));
        shop.stubFor(post(urlPathEqualTo(API + "/webhooks.json"))
                .willReturn(aResponse()
                        .withStatus(422)
                        .withBody("{\"errors\": {\"address\": [\"for this topic has already been taken\"]}}")));

        Registration registration = connector.register(connection, HOOK);

        assertThat(registration.connected()).isTrue();
        assertThat(registration.webhooks()).hasSize(4);
    }

    @Test
    void aRefusedTokenFailsTheRegistrationWithAReasonAndCreatesNothing() {
        shop.stubFor(get(urlPathEqualTo(API + "/shop.json"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody("{\"errors\": \"[API] Invalid API key or access token "
                                + "(unrecognized login or wrong password)\"}")));

        Registration registration = connector.register(connection, HOOK);

        assertThat(registration.connected()).isFalse();
        assertThat(registration.detail()).contains("access token").contains("401");
        shop.verify(0, postRequestedFor(urlPathEqualTo(API + "/webhooks.json")));
    }

    @Test
    void anUnreachableShopFailsTheRegistrationInsteadOfThrowing() {
        ChannelConnection nowhere =
                new ChannelConnection("ch_1", URI.create("http://127.0.0.1:1"), Map.of("access_token", TOKEN), "s");

        Registration registration = connector.register(nowhere, HOOK);

        assertThat(registration.connected()).isFalse();
        assertThat(registration.detail()).contains("Could not reach Shopify");
    }

    @Test
    void aMissingTokenFailsTheRegistrationWithoutAnyCall() {
        ChannelConnection noToken = new ChannelConnection("ch_1", URI.create(shop.baseUrl()), Map.of(), "s");

        assertThat(connector.register(noToken, HOOK).detail()).contains("access_token");
        assertThat(shop.getAllServeEvents()).isEmpty();
    }

    @Test
    void readsTheNextCursorFromALinkHeaderWithBothDirections() {
        String link = "<https://jsmith.myshopify.com/admin/api/2025-01/orders.json"
                + "?limit=250&page_info=cHJldmlvdXM>; rel=\"previous\", "
                + "<https://jsmith.myshopify.com/admin/api/2025-01/orders.json"
                + "?limit=250&page_info=bmV4dA%3D%3D>; rel=\"next\"";

        assertThat(ShopifyClient.nextPageInfo(link)).contains("bmV4dA==");
        assertThat(ShopifyClient.nextPageInfo("<https://x/orders.json?page_info=cA>; rel=\"previous\""))
                .isEmpty();
    }
}
