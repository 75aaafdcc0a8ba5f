package org.storeline.channels.woocommerce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.DeliveryEvent;
import org.storeline.channels.api.OrderPage;
import org.storeline.channels.api.OrderQuery;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.Registration;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.OrderDisposition;

/**
 * What the shared contract does not cover: topics, thin bodies, the backfill query and webhook setup, and the
 * real payloads sent the way WooCommerce sends them.
 */
class WooCommerceConnectorTest {
    private static final String SECRET = "wc-webhook-secret";
    private static final String ORDER_727 =
            WooCommerceOrderMapperTest.payload("order-727-processing.json").toString();

    private WireMockServer store;
    private WooCommerceConnector connector;
    private ChannelConnection connection;

    @BeforeEach
    void startStore() {
        store = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        store.start();
        PlatformHttp http = new PlatformHttp(
                HttpClient.newHttpClient(), 2, attempt -> Duration.ZERO, duration -> {}, Duration.ofSeconds(5));
        connector = new WooCommerceConnector(http);
        connection = connection(Map.of("consumer_key", "ck_abc", "consumer_secret", "cs_xyz"));
    }

    @AfterEach
    void stopStore() {
        store.stop();
    }

    private ChannelConnection connection(Map<String, String> credentials) {
        return new ChannelConnection("channel-1", URI.create(store.baseUrl()), credentials, SECRET);
    }

    @Test
    void anOrderUpdateNamesItsOrderDeliveryIdAndModifiedTime() {
        DeliveryEvent event = connector.read(WooCommerceDeliveries.signed("order.updated", ORDER_727, SECRET));

        assertThat(event.kind()).isEqualTo(DeliveryEvent.Kind.ORDER);
        assertThat(event.topic()).isEqualTo("order.updated");
        assertThat(event.orderId()).contains("727");
        assertThat(event.eventKey()).contains("0c4f9b1b8b3cf1e2a3bb8f0a6e8d5c21");
        assertThat(event.eventTime()).contains(Instant.parse("2017-03-22T19:28:08Z"));
    }

    @Test
    void aRestoredOrderIsAnOrderEvent() {
        assertThat(connector
                        .read(WooCommerceDeliveries.signed("order.restored", ORDER_727, SECRET))
                        .kind())
                .isEqualTo(DeliveryEvent.Kind.ORDER);
    }

    @Test
    void aDeletedOrderIsKeptButChangesNothing() {
        DeliveryEvent event = connector.read(WooCommerceDeliveries.signed("order.deleted", "{\"id\":727}", SECRET));

        assertThat(event.kind()).isEqualTo(DeliveryEvent.Kind.IGNORED);
        assertThat(event.topic()).isEqualTo("order.deleted");
    }

    @Test
    void productAndCustomerTopicsAreIgnoredUnlessTheyReportAStockWooCommerceCounts() {
        assertThat(connector
                        .read(WooCommerceDeliveries.signed("product.updated", "{\"id\":93}", SECRET))
                        .kind())
                .isEqualTo(DeliveryEvent.Kind.IGNORED);
        // A variation whose parent manages its stock, and a product with variations: the variations report theirs.
        assertThat(connector
                        .read(WooCommerceDeliveries.signed(
                                "product.updated",
                                "{\"id\":733,\"parent_id\":22,\"type\":\"variation\",\"manage_stock\":\"parent\","
                                        + "\"stock_quantity\":4}",
                                SECRET))
                        .kind())
                .isEqualTo(DeliveryEvent.Kind.IGNORED);
        assertThat(connector
                        .read(WooCommerceDeliveries.signed(
                                "product.updated",
                                "{\"id\":22,\"type\":\"variable\",\"manage_stock\":true,\"stock_quantity\":9}",
                                SECRET))
                        .kind())
                .isEqualTo(DeliveryEvent.Kind.IGNORED);
        assertThat(connector
                        .read(WooCommerceDeliveries.signed(
                                "product.updated", "{\"id\":93,\"manage_stock\":true,\"stock_quantity\":-2}", SECRET))
                        .stock())
                .hasValueSatisfying(report -> assertThat(report.level()).hasValue(-2));
        assertThat(connector
                        .read(WooCommerceDeliveries.signed("customer.created", "{\"id\":26}", SECRET))
                        .kind())
                .isEqualTo(DeliveryEvent.Kind.IGNORED);
    }

    @Test
    void aBodyWithoutGmtTimesIsReadAgainFromTheStore() {
        // A webhook made with API version wp_api_v1 sends no *_gmt times: the v3 order is fetched instead.
        ObjectNode v1Body = WooCommerceOrderMapperTest.payload("order-727-processing.json");
        v1Body.remove("date_modified_gmt");
        v1Body.remove("date_created_gmt");
        WebhookDelivery delivery = WooCommerceDeliveries.signed("order.created", v1Body.toString(), SECRET);
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders/727")).willReturn(json(ORDER_727)));

        ChannelOrder order = connector.resolve(connector.read(delivery), delivery, connection);

        assertThat(order.updatedAt()).isEqualTo(Instant.parse("2017-03-22T19:28:08Z"));
        store.verify(getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/orders/727"))
                .withHeader(
                        "Authorization",
                        equalTo("Basic " + Base64.getEncoder().encodeToString("ck_abc:cs_xyz".getBytes()))));
    }

    @Test
    void aWholeBodyIsMappedWithoutCallingTheStore() {
        WebhookDelivery delivery = WooCommerceDeliveries.signed("order.created", ORDER_727, SECRET);

        connector.resolve(connector.read(delivery), delivery, connection);

        assertThat(store.getAllServeEvents()).isEmpty();
    }

    @Test
    void theBackfillAsksForOrdersModifiedInTheRangeInGmtOldestFirstAndFollowsTotalPages() {
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders"))
                .willReturn(json("[" + ORDER_727 + "]").withHeader("X-WP-TotalPages", "2")));
        OrderQuery query = new OrderQuery(
                Instant.parse("2017-03-22T00:00:00.500Z"),
                Optional.of(Instant.parse("2017-03-23T00:00:00Z")),
                Optional.empty());

        OrderPage page = connector.listOrders(query, connection);

        assertThat(page.orders()).extracting(ChannelOrder::externalId).containsExactly("727");
        assertThat(page.nextPage()).contains("2");
        store.verify(getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/orders"))
                .withQueryParam("modified_after", equalTo("2017-03-21T23:59:59"))
                .withQueryParam("modified_before", equalTo("2017-03-23T00:00:00"))
                .withQueryParam("dates_are_gmt", equalTo("true"))
                .withQueryParam("orderby", equalTo("modified"))
                .withQueryParam("order", equalTo("asc"))
                .withQueryParam("per_page", equalTo("100"))
                .withQueryParam("page", equalTo("1")));
    }

    @Test
    void theLastPageHasNoNextAndOrdersOutsideTheRangeFromOldStoresAreDropped() {
        // WooCommerce before 5.8 ignores modified_after and lists everything.
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders"))
                .willReturn(json("[" + ORDER_727 + "]").withHeader("X-WP-TotalPages", "2")));
        OrderQuery query = new OrderQuery(Instant.parse("2024-01-01T00:00:00Z"), Optional.empty(), Optional.of("2"));

        OrderPage page = connector.listOrders(query, connection);

        assertThat(page.orders()).isEmpty();
        assertThat(page.nextPage()).isEmpty();
        store.verify(getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/orders")).withQueryParam("page", equalTo("2")));
    }

    @Test
    void keysCanTravelInTheQueryStringWhenTheServerStripsAuthorization() {
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders/727")).willReturn(json(ORDER_727)));
        ChannelConnection queryAuth =
                connection(Map.of("consumer_key", "ck_abc", "consumer_secret", "cs_xyz", "query_string_auth", "true"));

        connector.fetchOrder("727", queryAuth);

        store.verify(getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/orders/727"))
                .withQueryParam("consumer_key", equalTo("ck_abc"))
                .withQueryParam("consumer_secret", equalTo("cs_xyz"))
                .withoutHeader("Authorization"));
    }

    @Test
    void registeringChecksTheKeysThenCreatesMissingWebhooksAndReactivatesOurDisabledOne() {
        String url = "https://storeline.example/webhooks/channel-1";
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/system_status"))
                .willReturn(json("{\"environment\":{\"version\":\"8.2.1\"}}")));
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/webhooks"))
                .willReturn(json("[{\"id\":31,\"name\":\"Storeline order.updated\",\"status\":\"disabled\","
                        + "\"topic\":\"order.updated\",\"delivery_url\":\""
                        + url + "\"},"
                        + "{\"id\":32,\"name\":\"Zapier\",\"status\":\"active\",\"topic\":\"order.created\","
                        + "\"delivery_url\":\"https://hooks.zapier.com/x\"}]")));
        store.stubFor(post(urlPathEqualTo("/wp-json/wc/v3/webhooks"))
                .willReturn(json("{\"id\":33,\"topic\":\"order.created\"}").withStatus(201)));
        store.stubFor(put(urlPathEqualTo("/wp-json/wc/v3/webhooks/31"))
                .willReturn(json("{\"id\":31,\"status\":\"active\"}")));

        Registration registration = connector.register(connection, URI.create(url));

        assertThat(registration.connected()).isTrue();
        assertThat(registration.webhooks())
                .containsExactly("order.created #33", "order.updated #31", "product.updated #33");
        assertThat(registration.detail()).isEqualTo("WooCommerce 8.2.1: our webhooks deliver to " + url + ".");
        store.verify(getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/system_status"))
                .withQueryParam("_fields", equalTo("environment.version")));
        store.verify(postRequestedFor(urlPathEqualTo("/wp-json/wc/v3/webhooks"))
                .withRequestBody(equalToJson(
                        "{\"name\":\"Storeline order.created\",\"topic\":\"order.created\",\"delivery_url\":\"" + url
                                + "\",\"secret\":\"" + SECRET + "\",\"status\":\"active\"}")));
        store.verify(postRequestedFor(urlPathEqualTo("/wp-json/wc/v3/webhooks"))
                .withRequestBody(equalToJson(
                        "{\"name\":\"Storeline product.updated\",\"topic\":\"product.updated\",\"delivery_url\":\""
                                + url + "\",\"secret\":\"" + SECRET + "\",\"status\":\"active\"}")));
        store.verify(putRequestedFor(urlPathEqualTo("/wp-json/wc/v3/webhooks/31"))
                .withRequestBody(equalToJson("{\"secret\":\"" + SECRET + "\",\"status\":\"active\"}")));
    }

    @Test
    void refusedKeysAreAFailedRegistrationThatSaysWhatToCheck() {
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/system_status"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody("{\"code\":\"woocommerce_rest_cannot_view\","
                                + "\"message\":\"Sorry, you cannot list resources.\",\"data\":{\"status\":401}}")));

        Registration registration =
                connector.register(connection, URI.create("https://storeline.example/webhooks/channel-1"));

        assertThat(registration.connected()).isFalse();
        assertThat(registration.detail()).contains("consumer_key").contains("Read/Write");
    }

    @Test
    void anUnreachableStoreIsAFailedRegistrationNotAnException() {
        ChannelConnection nowhere =
                new ChannelConnection("channel-1", URI.create("http://127.0.0.1:1"), connection.credentials(), SECRET);

        Registration registration =
                connector.register(nowhere, URI.create("https://storeline.example/webhooks/channel-1"));

        assertThat(registration.connected()).isFalse();
        assertThat(registration.detail()).contains("could not be reached");
    }

    @Test
    void pastedKeysAreTrimmed() {
        assertThat(connector.normalizeCredentials(Map.of("consumer_key", " ck_abc\n", "consumer_secret", "cs_xyz ")))
                .containsEntry("consumer_key", "ck_abc")
                .containsEntry("consumer_secret", "cs_xyz");
        assertThat(connector.requiredCredentials()).containsExactly("consumer_key", "consumer_secret");
    }

    // ---- real payloads sent the way WooCommerce sends them: compact, signed, through verify, read and resolve ----

    @ParameterizedTest(name = "{0} via {1}")
    @CsvSource({
        "order-963-coupon-stripe.json, order.created, 963, 31.20, IMPORT_PAID",
        "order-1274-tax-inclusive-no-shipping.json, order.updated, 1274, 26.09, IMPORT_PAID",
        "order-15-zero-total-no-gateway.json, order.restored, 15, 0.00, IMPORT_FULFILLED"
    })
    void aSignedRealOrderDeliveryIsVerifiedReadAndMappedFromItsBody(
            String file, String topic, String id, String total, OrderDisposition disposition) {
        WebhookDelivery delivery = WooCommerceDeliveries.signed(
                topic, WooCommerceOrderMapperTest.payload(file).toString(), SECRET);

        assertThat(connector.verify(delivery, connection).outcome()).isEqualTo(Verification.Outcome.VALID);
        DeliveryEvent event = connector.read(delivery);
        ChannelOrder order = connector.resolve(event, delivery, connection);

        assertThat(event.orderId()).contains(id);
        assertThat(order.externalId()).isEqualTo(id);
        assertThat(order.total().toDecimalString()).isEqualTo(total);
        assertThat(order.disposition()).isEqualTo(disposition);
        assertThat(store.getAllServeEvents()).as("the body is the whole order").isEmpty();
    }

    @Test
    void aDraftDeliveredWithNullDatesIsReadAgainFromTheStore() {
        ObjectNode draft = WooCommerceOrderMapperTest.payload("order-85-draft-null-dates.json");
        WebhookDelivery delivery = WooCommerceDeliveries.signed("order.updated", draft.toString(), SECRET);
        String stored = draft.put("date_created_gmt", "2019-01-01T10:00:00")
                .put("date_modified_gmt", "2019-01-01T10:00:05")
                .toString();
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders/85")).willReturn(json(stored)));

        DeliveryEvent event = connector.read(delivery);
        ChannelOrder order = connector.resolve(event, delivery, connection);

        assertThat(event.eventTime()).isEmpty();
        assertThat(order.externalId()).isEqualTo("85");
        assertThat(order.disposition()).isEqualTo(OrderDisposition.SKIP_INCOMPLETE);
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
