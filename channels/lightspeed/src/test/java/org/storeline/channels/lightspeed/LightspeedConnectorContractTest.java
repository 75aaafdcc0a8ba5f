package org.storeline.channels.lightspeed;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.Connector;
import org.storeline.channels.api.DeliveryEvent;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;
import org.storeline.channels.contract.ConnectorContract;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;

/**
 * The shared contract, fed with Lightspeed's docs example order and variants of it (see
 * src/test/resources/payloads/SOURCES.md), each signed as Lightspeed signs: X-Signature = md5(body + secret).
 */
class LightspeedConnectorContractTest extends ConnectorContract {
    /** The docs example comes from a US shop: its URLs use the "us" language prefix. */
    static final Map<String, String> CREDENTIALS = Map.of(
            "api_key", "contract-api-key", "api_secret", "contract-api-secret", "language", "us", "currency", "USD");

    private static final Optional<String> EMAIL = Optional.of("info@lightspeedhq.com");

    @Override
    protected Connector connector(PlatformHttp http) {
        return new LightspeedConnector(http);
    }

    @Override
    protected Map<String, String> credentials() {
        return CREDENTIALS;
    }

    @Override
    protected List<Example> examples() {
        return List.of(
                example(
                        "paid, to ship (Lightspeed docs example)",
                        "order-sdk-1623550.json",
                        Map.of(),
                        new Expected(
                                "1623550",
                                "ORD00018",
                                OrderDisposition.IMPORT_PAID,
                                "50.35",
                                "USD",
                                1,
                                FulfillmentType.DELIVERY,
                                EMAIL,
                                true)),
                example(
                        "unpaid, awaiting payment",
                        "order-unpaid-1623551.json",
                        Map.of(),
                        new Expected(
                                "1623551",
                                "ORD00019",
                                OrderDisposition.IMPORT_UNPAID,
                                "50.35",
                                "USD",
                                1,
                                FulfillmentType.DELIVERY,
                                EMAIL,
                                true)),
                example(
                        "paid by iDEAL, pickup, products only linked",
                        "order-pickup-1623552.json",
                        Map.of(),
                        new Expected(
                                "1623552",
                                "ORD00020",
                                OrderDisposition.IMPORT_PAID,
                                "44.10",
                                "USD",
                                1,
                                FulfillmentType.PICKUP,
                                EMAIL,
                                true)),
                example(
                        "paid and shipped, with the X-Event header integrators report",
                        "order-fulfilled-1623553.json",
                        Map.of("X-Event", "orders/updated"),
                        new Expected(
                                "1623553",
                                "ORD00021",
                                OrderDisposition.IMPORT_FULFILLED,
                                "50.35",
                                "USD",
                                1,
                                FulfillmentType.DELIVERY,
                                EMAIL,
                                true)),
                // The three below are not Lightspeed's own docs example: see SOURCES.md. None embeds its products.
                example(
                        "an integrator's minimal webhook in EUR, no priceExcl, no updatedAt",
                        "order-integrator-webhook-304989105.json",
                        Map.of(),
                        new Expected(
                                "304989105",
                                "VKNG186515",
                                OrderDisposition.IMPORT_PAID,
                                "54.51",
                                "EUR",
                                1,
                                FulfillmentType.DELIVERY,
                                Optional.of("test@example.com"),
                                false)),
                example(
                        "a second shop's minimal webhook",
                        "order-integrator-webhook-304989106.json",
                        Map.of(),
                        new Expected(
                                "304989106",
                                "RET789123",
                                OrderDisposition.IMPORT_PAID,
                                "89.99",
                                "EUR",
                                1,
                                FulfillmentType.DELIVERY,
                                Optional.of("test@example.org"),
                                false)),
                example(
                        "a client library's sample: numeric number, customer false",
                        "order-client-sample-1001.json",
                        Map.of(),
                        new Expected(
                                "1001",
                                "1001",
                                OrderDisposition.IMPORT_PAID,
                                "49.99",
                                "USD",
                                1,
                                FulfillmentType.DELIVERY,
                                Optional.of("john@example.com"),
                                false)),
                example(
                        "partly paid: Lightspeed says so but not how much",
                        "order-partially-paid-1623554.json",
                        Map.of(),
                        new Expected(
                                "1623554",
                                "ORD00022",
                                OrderDisposition.IMPORT_PARTIALLY_PAID,
                                "50.35",
                                "USD",
                                1,
                                FulfillmentType.DELIVERY,
                                EMAIL,
                                true)));
    }

    @Override
    protected String orderPath(Example example) {
        return "/us/orders/" + example.expected().externalId() + ".json";
    }

    @Override
    protected String orderResponse(Example example) {
        // GET /orders/{id}.json answers the same {"order": {...}} resource the webhook delivers.
        return new String(example.delivery().body(), StandardCharsets.UTF_8);
    }

    @Override
    protected void stubSubresources(Example example) {
        platform.stubFor(get(urlPathEqualTo("/us/orders/" + example.expected().externalId() + "/products.json"))
                .willReturn(json(resource("payloads/order-products-1623550.json"))));
    }

    @Override
    protected String signatureHeader() {
        return LightspeedWebhookVerifier.SIGNATURE_HEADER;
    }

    /** The list holds the same resource the webhook wraps in {@code order}. */
    @Override
    protected String listedOrder(Example example) {
        return PlatformJson.parse(example.delivery().body(), "the example delivery")
                .path("order")
                .toString();
    }

    @Override
    protected void stubOrderList(List<String> orders) {
        platform.stubFor(get(urlPathEqualTo("/us/orders.json"))
                .willReturn(json("{\"orders\": [" + String.join(",", orders) + "]}")));
    }

    @Override
    protected String totalField() {
        return "priceIncl";
    }

    @Test
    void aDeliveryWithLinkedProductsFetchesTheProductsButNeverTheOrderItself() {
        Example pickup = examples().get(2);
        stubSubresources(pickup);

        ChannelOrder order = connector.resolve(connector.read(pickup.delivery()), pickup.delivery(), connection);

        assertThat(order.lines()).extracting(ChannelOrder.OrderLine::name).containsExactly("anacampseros");
        assertThat(order.customerNote()).contains("Please call when it is ready");
        assertThat(order.payment().processor()).contains("SEOshop Payments - iDeal");
        platform.verify(1, getRequestedFor(urlPathEqualTo("/us/orders/1623552/products.json")));
        platform.verify(0, getRequestedFor(urlPathEqualTo(orderPath(pickup))));
    }

    @Test
    void fetchingAnOrderWhoseProductsAreOnlyLinkedFetchesThemTooWithBasicAuth() {
        Example pickup = examples().get(2);
        stubSubresources(pickup);
        platform.stubFor(get(urlPathEqualTo(orderPath(pickup))).willReturn(json(orderResponse(pickup))));

        ChannelOrder order = connector.fetchOrder("1623552", connection);

        assertThat(order.lines()).hasSize(1);
        platform.verify(getRequestedFor(urlPathEqualTo(orderPath(pickup)))
                .withHeader(
                        "Authorization",
                        WireMock.equalTo("Basic "
                                + Base64.getEncoder()
                                        .encodeToString("contract-api-key:contract-api-secret"
                                                .getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void theEventIsTheOrderWithItsIdAsAStringAndItsUpdatedAtAndNoEventKey() {
        DeliveryEvent event = connector.read(examples().get(0).delivery());

        assertThat(event.topic()).isEqualTo("orders");
        assertThat(event.orderId()).contains("1623550");
        assertThat(event.eventKey()).isEmpty();
        assertThat(event.eventTime()).contains(Instant.parse("2019-09-16T19:46:01Z"));
        assertThat(connector.read(examples().get(3).delivery()).topic()).isEqualTo("orders/updated");
    }

    @Test
    void anUppercaseHexSignatureIsAcceptedToo() {
        WebhookDelivery delivery = examples().get(0).delivery();
        Map<String, String> headers = new LinkedHashMap<>(delivery.headers());
        headers.put("x-signature", headers.get("x-signature").toUpperCase(Locale.ROOT));

        Verification verdict =
                connector.verify(new WebhookDelivery(headers, delivery.query(), delivery.body()), connection);

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.VALID);
    }

    @Override
    protected List<StockExample> stockExamples() {
        byte[] body = resource("payloads/outbound/variant-sdk-36285796.json").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Signature", lightspeedSignature(body, SECRET));
        return List.of(new StockExample(
                "variant 36285796 of the docs",
                WebhookDelivery.of(headers, body),
                Map.of("variant", "36285796"),
                OptionalLong.of(100)));
    }

    private static Example example(String name, String file, Map<String, String> extraHeaders, Expected expected) {
        byte[] body = resource("payloads/" + file).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Content-Type", "application/json");
        headers.put("X-Signature", lightspeedSignature(body, SECRET));
        return new Example(name, WebhookDelivery.of(headers, body), expected);
    }

    /** Lightspeed's recipe, computed here independently of the code under test: hex(md5(body . secret)). */
    static String lightspeedSignature(byte[] body, String secret) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(body);
            md5.update(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
