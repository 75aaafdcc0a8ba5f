package org.storeline.channels.bigcommerce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.Connector;
import org.storeline.channels.api.DeliveryEvent;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.WebhookDelivery;
import org.storeline.channels.contract.ConnectorContract;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;

/**
 * The shared contract, fed with BigCommerce's documented webhook callbacks and v2 order answers (sources and
 * changes in src/test/resources/payloads/SOURCES.md). BigCommerce does not sign its classic hooks: a delivery
 * is "signed" here exactly as our registered hooks deliver it, with the secret custom header.
 */
class BigCommerceConnectorContractTest extends ConnectorContract {
    static final String STORE_HASH = "abc123";
    static final String ACCESS_TOKEN = "contract-test-access-token";

    /** Which files play the platform's answers for an example's order. */
    private record Fixture(String order, String products, Optional<String> shippingAddresses) {}

    private final Map<String, Fixture> fixtures = Map.of(
            "247 paid, shipped to an address",
                    new Fixture(
                            "order-247.json",
                            "order-247-products.json",
                            Optional.of("order-247-shipping-addresses.json")),
            "218 awaiting payment, paid in store",
                    new Fixture(
                            "order-218.json",
                            "order-218-products.json",
                            Optional.of("order-218-shipping-addresses.json")),
            "250 awaiting pickup", new Fixture("order-250-pickup.json", "order-250-products.json", Optional.empty()));

    @Override
    protected Connector connector(PlatformHttp http) {
        return new BigCommerceConnector(http);
    }

    @Override
    protected Map<String, String> credentials() {
        return Map.of("store_hash", STORE_HASH, "access_token", ACCESS_TOKEN);
    }

    @Override
    protected List<StockExample> stockExamples() {
        return List.of(
                new StockExample(
                        "variant 509 of product 167",
                        delivery("webhook-sku-inventory-updated.json"),
                        Map.of("product_id", "167", "variant_id", "509"),
                        OptionalLong.empty()),
                new StockExample(
                        "product 167 tracked as a whole",
                        delivery("webhook-product-inventory-updated.json"),
                        Map.of("product_id", "167", "inventory_tracking", "product"),
                        OptionalLong.empty()));
    }

    @Override
    protected List<Example> examples() {
        return List.of(
                new Example(
                        "247 paid, shipped to an address",
                        delivery("webhook-order-updated-247.json"),
                        new Expected(
                                "247",
                                "247",
                                OrderDisposition.IMPORT_PAID,
                                "1008.74",
                                "USD",
                                4,
                                FulfillmentType.DELIVERY,
                                Optional.of("janedoe@email.com"),
                                true)),
                new Example(
                        "218 awaiting payment, paid in store",
                        delivery("webhook-order-statusUpdated-218.json"),
                        new Expected(
                                "218",
                                "218",
                                OrderDisposition.IMPORT_UNPAID,
                                "69.84",
                                "USD",
                                2,
                                FulfillmentType.DELIVERY,
                                Optional.of("janedoe@email.com"),
                                true)),
                new Example(
                        "250 awaiting pickup",
                        delivery("webhook-order-created.json"),
                        new Expected(
                                "250",
                                "250",
                                OrderDisposition.IMPORT_PAID,
                                "1000.74",
                                "USD",
                                4,
                                FulfillmentType.PICKUP,
                                Optional.of("janedoe@email.com"),
                                false)));
    }

    @Override
    protected String orderPath(Example example) {
        return "/stores/" + STORE_HASH + "/v2/orders/" + example.expected().externalId();
    }

    @Override
    protected String orderResponse(Example example) {
        return payload(fixtures.get(example.name()).order());
    }

    @Override
    protected void stubSubresources(Example example) {
        Fixture fixture = fixtures.get(example.name());
        platform.stubFor(
                get(urlPathEqualTo(orderPath(example) + "/products")).willReturn(json(payload(fixture.products()))));
        // A pickup order has no shipping address: v2 answers an empty list with 204 and no body.
        platform.stubFor(get(urlPathEqualTo(orderPath(example) + "/shipping_addresses"))
                .willReturn(fixture.shippingAddresses()
                        .map(file -> json(payload(file)))
                        .orElse(aResponse().withStatus(204))));
    }

    @Override
    protected String signatureHeader() {
        return BigCommerceWebhookVerifier.SECRET_HEADER;
    }

    /** v2's list items are the same objects as a single order's answer. */
    @Override
    protected String listedOrder(Example example) {
        return orderResponse(example);
    }

    @Override
    protected void stubOrderList(List<String> orders) {
        platform.stubFor(get(urlPathEqualTo("/stores/" + STORE_HASH + "/v2/orders"))
                .willReturn(json("[" + String.join(",", orders) + "]")));
    }

    @Override
    protected String totalField() {
        return "total_inc_tax";
    }

    /** The "signed content" of a BigCommerce delivery is the secret header: change one character of it. */
    @Override
    protected WebhookDelivery tampered(WebhookDelivery delivery) {
        Map<String, String> headers = new HashMap<>(delivery.headers());
        String key = signatureHeader().toLowerCase(Locale.ROOT);
        String secret = headers.get(key);
        headers.put(key, secret.substring(0, secret.length() - 1) + (secret.endsWith("x") ? "y" : "x"));
        return new WebhookDelivery(headers, delivery.query(), delivery.body());
    }

    @Test
    void everyCallCarriesTheAccessTokenAndAsksForJson() {
        Example example = examples().get(0);
        stubSubresources(example);
        platform.stubFor(get(urlPathEqualTo(orderPath(example))).willReturn(json(orderResponse(example))));

        connector.fetchOrder("247", connection);

        platform.verify(
                3,
                getRequestedFor(urlPathMatching("/stores/abc123/v2/orders/247.*"))
                        .withHeader("X-Auth-Token", equalTo(ACCESS_TOKEN))
                        .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void readsTheScopeOrderIdHashAndTimeOfAnOrderEvent() {
        DeliveryEvent event = connector.read(delivery("webhook-order-created.json"));

        assertThat(event.kind()).isEqualTo(DeliveryEvent.Kind.ORDER);
        assertThat(event.topic()).isEqualTo("store/order/created");
        assertThat(event.orderId()).contains("250");
        assertThat(event.eventKey()).contains("dd70c0976e06b67aaf671e73f49dcb79230ebf9d");
        assertThat(event.eventTime()).contains(Instant.ofEpochSecond(1561479335L));
    }

    @Test
    void ignoresArchivedOrdersAndNonOrderScopes() {
        assertThat(connector.read(delivery("webhook-order-archived.json")))
                .isEqualTo(DeliveryEvent.ignored("store/order/archived"));
        assertThat(connector.read(delivery("webhook-order-refund-created.json")))
                .isEqualTo(DeliveryEvent.ignored("store/order/refund/created"));
    }

    @Test
    void aCallbackWithoutCreatedAtStillReadsWithoutATime() {
        DeliveryEvent event = connector.read(delivery("webhook-order-statusUpdated-no-created-at.json"));

        assertThat(event.orderId()).contains("173331");
        assertThat(event.eventKey()).contains("3f9ea420af83450d7ef9f78b08c8af25b2213637");
        assertThat(event.eventTime()).isEmpty();
    }

    @Test
    void anOrderIdBeyondTwoToTheFiftyThirdSurvivesAsAString() {
        String body = "{\"scope\":\"store/order/updated\","
                + "\"data\":{\"type\":\"order\",\"id\":9007199254740993},\"hash\":\"h\",\"created_at\":1}";
        WebhookDelivery delivery =
                new WebhookDelivery(Map.of(signatureHeader(), SECRET), Map.of(), body.getBytes(StandardCharsets.UTF_8));

        assertThat(connector.read(delivery).orderId()).contains("9007199254740993");
    }

    @Test
    void aStoreHashPastedAsAnApiPathIsCutToTheHash() {
        Map<String, String> normalized = connector.normalizeCredentials(
                Map.of("store_hash", " https://api.bigcommerce.com/stores/abc123/v3/ ", "access_token", " t "));

        assertThat(normalized).containsEntry("store_hash", "abc123").containsEntry("access_token", "t");
    }

    /** A delivery exactly as a hook Storeline registered sends it: JSON body and the secret custom header. */
    static WebhookDelivery delivery(String file) {
        return WebhookDelivery.of(
                Map.of("Content-Type", "application/json", BigCommerceWebhookVerifier.SECRET_HEADER, SECRET),
                payload(file).getBytes(StandardCharsets.UTF_8));
    }

    static String payload(String file) {
        return resource("payloads/" + file);
    }
}
