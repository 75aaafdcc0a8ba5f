package org.storeline.channels.ecwid;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.Connector;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.channels.api.Signatures;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;
import org.storeline.channels.contract.ConnectorContract;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;

/**
 * The shared contract, fed with Ecwid's documented webhooks and orders (sources in payloads/SOURCES.md).
 * Each example is a webhook body, signed as Ecwid signs it, and the order the API answers for it.
 */
class EcwidConnectorContractTest extends ConnectorContract {
    static final String STORE_ID = "1003";

    @Override
    protected Connector connector(PlatformHttp http) {
        return new EcwidConnector(http);
    }

    @Override
    protected Map<String, String> credentials() {
        // No "currency": Ecwid orders carry none, so the connector reads them as EUR (its documented default).
        return Map.of("store_id", STORE_ID, "access_token", "secret_contract-test-token");
    }

    @Override
    protected List<StockExample> stockExamples() {
        return List.of(new StockExample(
                "product.updated of the docs",
                signed(resource("payloads/product-updated.webhook.json")),
                Map.of("product", "66722483"),
                OptionalLong.empty()));
    }

    @Override
    protected List<Example> examples() {
        return List.of(
                example(
                        "k8xtq-paid",
                        new Expected(
                                "K8XTQ",
                                "K8XTQ",
                                OrderDisposition.IMPORT_FULFILLED,
                                "10.00",
                                "EUR",
                                1,
                                FulfillmentType.DELIVERY,
                                Optional.of("ec.apps@lightspeedhq.com"),
                                false)),
                example(
                        "lala1028001-mollie-shipping",
                        new Expected(
                                "1028",
                                "lala1028001",
                                OrderDisposition.IMPORT_FULFILLED,
                                "2014.97",
                                "EUR",
                                2,
                                FulfillmentType.DELIVERY,
                                Optional.of("mscott@example.com"),
                                true)),
                example(
                        "order35-authorize-net",
                        new Expected(
                                "35",
                                "35",
                                OrderDisposition.IMPORT_PAID,
                                "181.35",
                                "EUR",
                                3,
                                FulfillmentType.DELIVERY,
                                Optional.of("mark.consumer@example.com"),
                                true)),
                example(
                        "k8xtu-unpaid-offline",
                        new Expected(
                                "K8XTU",
                                "K8XTU",
                                OrderDisposition.IMPORT_UNPAID,
                                "10.00",
                                "EUR",
                                1,
                                FulfillmentType.DELIVERY,
                                Optional.of("ec.apps@lightspeedhq.com"),
                                false)),
                example(
                        "k8xtp-pickup",
                        new Expected(
                                "K8XTP",
                                "K8XTP",
                                OrderDisposition.IMPORT_PAID,
                                "10.00",
                                "EUR",
                                1,
                                FulfillmentType.PICKUP,
                                Optional.of("ec.apps@lightspeedhq.com"),
                                true)),
                example(
                        "order270-pay-by-cash-pickup",
                        new Expected(
                                "270",
                                "270",
                                OrderDisposition.IMPORT_UNPAID,
                                "23.27",
                                "EUR",
                                1,
                                FulfillmentType.PICKUP,
                                Optional.of("pat.example@example.com"),
                                true)),
                example(
                        "ebjft-coupon-guest",
                        new Expected(
                                "EBJFT",
                                "EBJFT",
                                OrderDisposition.IMPORT_FULFILLED,
                                "600.00",
                                "EUR",
                                1,
                                FulfillmentType.DELIVERY,
                                Optional.empty(),
                                true)),
                example(
                        "lmli4-cancelled-phone-order",
                        new Expected(
                                "LMLI4",
                                "LMLI4",
                                OrderDisposition.SKIP_CANCELLED,
                                "40.00",
                                "EUR",
                                1,
                                FulfillmentType.DELIVERY,
                                Optional.of("example@example.com"),
                                true)),
                example(
                        "isjfz-no-payment-method",
                        new Expected(
                                "ISJFZ",
                                "ISJFZ",
                                OrderDisposition.IMPORT_UNPAID,
                                "10.00",
                                "EUR",
                                1,
                                FulfillmentType.DELIVERY,
                                Optional.of("customer@example.com"),
                                false)));
    }

    @Override
    protected String orderPath(Example example) {
        return "/api/v3/" + STORE_ID + "/orders/" + example.expected().externalId();
    }

    @Override
    protected String orderResponse(Example example) {
        return resource("payloads/" + example.name() + ".order.json");
    }

    @Override
    protected String signatureHeader() {
        return EcwidWebhookVerifier.SIGNATURE_HEADER;
    }

    @Override
    protected String listedOrder(Example example) {
        return orderResponse(example);
    }

    /** {@code GET /orders} answers a search result: {@code items}, {@code count} of {@code total}. */
    @Override
    protected void stubOrderList(List<String> orders) {
        String result = "{\"total\": " + orders.size() + ", \"count\": " + orders.size()
                + ", \"offset\": 0, \"limit\": 100, \"items\": [" + String.join(",", orders) + "]}";
        platform.stubFor(get(urlPathEqualTo("/api/v3/" + STORE_ID + "/orders")).willReturn(json(result)));
    }

    @Override
    protected String totalField() {
        return "total";
    }

    /** Ecwid signs eventCreated and eventId, not the body: tampering with what is signed means changing the eventId. */
    @Override
    protected WebhookDelivery tampered(WebhookDelivery delivery) {
        String body = new String(delivery.body(), StandardCharsets.UTF_8);
        String eventId =
                PlatformJson.parse(delivery.body(), "test").get("eventId").asText();
        String changed = body.replace("\"" + eventId + "\"", "\"0" + eventId.substring(1) + "\"");
        return new WebhookDelivery(delivery.headers(), delivery.query(), changed.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void changingTheBodyOutsideEventIdAndEventCreatedKeepsTheSignatureValidBecauseEcwidDoesNotSignIt() {
        WebhookDelivery original = examples().get(0).delivery();
        String body = new String(original.body(), StandardCharsets.UTF_8)
                .replace("\"K8XTQ\"", "\"ZZZZZ\"")
                .replace("\"PAID\"", "\"REFUNDED\"");
        WebhookDelivery edited =
                new WebhookDelivery(original.headers(), original.query(), body.getBytes(StandardCharsets.UTF_8));

        Verification verdict = connector.verify(edited, connection);

        // Valid, and harmless: nothing but the order id is read from the body, and the order itself is fetched.
        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.VALID);
        assertThat(connector.read(edited).orderId()).contains("ZZZZZ");
    }

    @Test
    void changingEventCreatedInvalidatesTheSignature() {
        WebhookDelivery original = examples().get(0).delivery();
        String body = new String(original.body(), StandardCharsets.UTF_8).replace("1725434529", "1725434530");

        Verification verdict = connector.verify(
                new WebhookDelivery(original.headers(), original.query(), body.getBytes(StandardCharsets.UTF_8)),
                connection);

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.INVALID);
    }

    @Test
    void aMissingSignatureIsRejectedWithAReasonThatNamesTheHeader() {
        WebhookDelivery original = examples().get(0).delivery();

        Verification verdict = connector.verify(
                new WebhookDelivery(Map.of("Content-Type", "application/json"), original.query(), original.body()),
                connection);

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.INVALID);
        assertThat(verdict.reason()).contains("X-Ecwid-Webhook-Signature");
    }

    private static Example example(String name, Expected expected) {
        return new Example(name, signed(resource("payloads/" + name + ".webhook.json")), expected);
    }

    /**
     * As Ecwid sends it: POST ...?eventtype={eventType},
     * X-Ecwid-Webhook-Signature = b64(HMAC-SHA256("{eventCreated}.{eventId}")).
     */
    private static WebhookDelivery signed(String body) {
        JsonNode node = PlatformJson.parse(body, "test webhook");
        String signed =
                node.get("eventCreated").asText() + "." + node.get("eventId").asText();
        String signature = Signatures.hmacSha256Base64(SECRET, signed.getBytes(StandardCharsets.UTF_8));
        return new WebhookDelivery(
                Map.of("Content-Type", "application/json; charset=UTF-8", "X-Ecwid-Webhook-Signature", signature),
                Map.of("eventtype", node.get("eventType").asText()),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
