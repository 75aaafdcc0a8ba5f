package org.storeline.channels.lightspeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.DeliveryEvent;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;

/** Signature and topic edge cases of Lightspeed deliveries; no network. */
class LightspeedWebhookVerifierTest {
    private static final String SECRET = "api-secret";
    private static final String ORDER =
            "{\"order\":{\"id\":1623550,\"updatedAt\":\"2019-09-16T19:46:01+00:00\",\"priceIncl\":50.35}}";
    private final LightspeedWebhookVerifier verifier = new LightspeedWebhookVerifier();
    private final LightspeedConnector connector = new LightspeedConnector(PlatformHttp.standard());

    @Test
    void theSignatureIsMd5OfTheRawBodyFollowedByTheSecret() {
        byte[] body = ORDER.getBytes(StandardCharsets.UTF_8);

        assertThat(LightspeedWebhookVerifier.sign(body, SECRET))
                .isEqualTo(LightspeedConnectorContractTest.lightspeedSignature(body, SECRET))
                .matches("[0-9a-f]{32}");
        assertThat(verifier.verify(signed(ORDER, Map.of()), SECRET).outcome()).isEqualTo(Verification.Outcome.VALID);
    }

    @Test
    void theSameJsonReEncodedDoesNotVerifyBecauseOnlyTheRawBytesAreSigned() {
        WebhookDelivery delivery = signed(ORDER, Map.of());
        // What PHP integrators did: parse, re-encode, hash. 50.35 survives here, the whitespace does not.
        byte[] reEncoded = PlatformJson.parse(ORDER, "order").toPrettyString().getBytes(StandardCharsets.UTF_8);

        Verification verdict = verifier.verify(new WebhookDelivery(delivery.headers(), Map.of(), reEncoded), SECRET);

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.INVALID);
    }

    @Test
    void aMissingHeaderOrSecretIsRefusedWithAReasonAPersonCanActOn() {
        WebhookDelivery unsigned =
                WebhookDelivery.of(Map.of("Content-Type", "application/json"), ORDER.getBytes(StandardCharsets.UTF_8));
        WebhookDelivery blankHeader =
                WebhookDelivery.of(Map.of("X-Signature", "  "), ORDER.getBytes(StandardCharsets.UTF_8));

        assertThat(verifier.verify(unsigned, SECRET).reason())
                .contains("X-Signature")
                .contains("proxy");
        assertThat(verifier.verify(blankHeader, SECRET).outcome()).isEqualTo(Verification.Outcome.INVALID);
        assertThat(verifier.verify(signed(ORDER, Map.of()), " ").reason()).contains("webhook_secret");
    }

    @Test
    void theConnectorVerifiesWithTheChannelsWebhookSecret() {
        ChannelConnection channel = new ChannelConnection("c", URI.create("http://localhost"), Map.of(), SECRET);

        assertThat(connector.verify(signed(ORDER, Map.of()), channel).isValid()).isTrue();
    }

    @Test
    void otherResourcesAndDeletedOrdersAreKeptButIgnored() {
        DeliveryEvent product = connector.read(signed("{\"product\":{\"id\":20967262}}", Map.of()));
        DeliveryEvent invoice =
                connector.read(signed("{\"invoice\":{\"id\":1741975}}", Map.of("X-Event", "invoices/updated")));
        DeliveryEvent deleted = connector.read(signed(ORDER, Map.of("X-Event", "orders/deleted")));

        assertThat(product.kind()).isEqualTo(DeliveryEvent.Kind.IGNORED);
        assertThat(product.topic()).isEqualTo("product");
        assertThat(invoice.kind()).isEqualTo(DeliveryEvent.Kind.IGNORED);
        assertThat(invoice.topic()).isEqualTo("invoices/updated");
        assertThat(deleted.kind()).isEqualTo(DeliveryEvent.Kind.IGNORED);
    }

    @Test
    void groupAndActionHeadersNameTheTopicWhenThereIsNoEventHeader() {
        DeliveryEvent event = connector.read(signed(ORDER, Map.of("X-Group", "orders", "X-Action", "created")));

        assertThat(event.kind()).isEqualTo(DeliveryEvent.Kind.ORDER);
        assertThat(event.topic()).isEqualTo("orders/created");
        assertThat(event.orderId()).contains("1623550");
    }

    @Test
    void anXmlDeliveryIsIgnoredWithAHintInsteadOfFailing() {
        DeliveryEvent event = connector.read(signed("<?xml version=\"1.0\"?><order><id>1</id></order>", Map.of()));

        assertThat(event.kind()).isEqualTo(DeliveryEvent.Kind.IGNORED);
        assertThat(event.topic()).contains("format json");
    }

    @Test
    void anUnreadableUpdateTimeLeavesTheEventWithoutATime() {
        DeliveryEvent event =
                connector.read(signed("{\"order\":{\"id\":\"7\",\"updatedAt\":\"yesterday\"}}", Map.of()));

        assertThat(event.orderId()).contains("7");
        assertThat(event.eventTime()).isEmpty();
    }

    private static WebhookDelivery signed(String body, Map<String, String> extraHeaders) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("X-Signature", LightspeedConnectorContractTest.lightspeedSignature(bytes, SECRET));
        return WebhookDelivery.of(headers, bytes);
    }
}
