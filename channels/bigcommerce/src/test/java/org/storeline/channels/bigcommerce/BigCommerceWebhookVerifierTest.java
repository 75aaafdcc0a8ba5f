package org.storeline.channels.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.Signatures;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;

class BigCommerceWebhookVerifierTest {
    private static final String SECRET = "s3cret-header-value";
    private static final String CLIENT_SECRET = "bc-app-client-secret";
    private static final byte[] BODY = BigCommerceConnectorContractTest.payload("webhook-order-created.json")
            .getBytes(StandardCharsets.UTF_8);

    private final BigCommerceWebhookVerifier verifier = new BigCommerceWebhookVerifier();

    @Test
    void acceptsTheSecretHeaderWhateverItsCase() {
        WebhookDelivery delivery = WebhookDelivery.of(Map.of("x-storeline-webhook-secret", SECRET), BODY);

        assertThat(verifier.verify(delivery, connection(Map.of())).outcome()).isEqualTo(Verification.Outcome.VALID);
    }

    @Test
    void aMissingHeaderIsInvalidWithAReasonThatSaysWhatToDo() {
        Verification verdict = verifier.verify(WebhookDelivery.of(Map.of(), BODY), connection(Map.of()));

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.INVALID);
        assertThat(verdict.reason()).contains("X-Storeline-Webhook-Secret", "register the channel's webhooks again");
    }

    @Test
    void aWrongSecretIsInvalid() {
        Verification verdict = verifier.verify(
                WebhookDelivery.of(Map.of("X-Storeline-Webhook-Secret", SECRET + "x"), BODY), connection(Map.of()));

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.INVALID);
        assertThat(verdict.reason()).contains("does not match");
    }

    @Test
    void aChannelWithoutWebhookSecretTrustsNothing() {
        ChannelConnection noSecret = new ChannelConnection(
                "c",
                URI.create("https://api.bigcommerce.com"),
                Map.of("store_hash", "abc123", "access_token", "t"),
                "");

        Verification verdict =
                verifier.verify(WebhookDelivery.of(Map.of("X-Storeline-Webhook-Secret", ""), BODY), noSecret);

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.INVALID);
        assertThat(verdict.reason()).contains("no webhook secret");
    }

    @Test
    void withAClientSecretAStandardWebhooksSignatureIsAcceptedOverTheRawBody() {
        WebhookDelivery delivery = signed(BODY, "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", "1561479335");

        assertThat(verifier.verify(delivery, connection(Map.of("client_secret", CLIENT_SECRET)))
                        .outcome())
                .isEqualTo(Verification.Outcome.VALID);
    }

    @Test
    void withAClientSecretAChangedBodyIsRejectedEvenWithTheRightHeader() {
        WebhookDelivery original = signed(BODY, "msg_1", "1561479335");
        byte[] changed =
                new String(BODY, StandardCharsets.UTF_8).replace("250", "251").getBytes(StandardCharsets.UTF_8);

        Verification verdict = verifier.verify(
                new WebhookDelivery(original.headers(), Map.of(), changed),
                connection(Map.of("client_secret", CLIENT_SECRET)));

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.INVALID);
        assertThat(verdict.reason()).contains("webhook-signature");
    }

    @Test
    void withAClientSecretAnUnsignedDeliveryIsRejected() {
        Verification verdict = verifier.verify(
                WebhookDelivery.of(Map.of("X-Storeline-Webhook-Secret", SECRET), BODY),
                connection(Map.of("client_secret", CLIENT_SECRET)));

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.INVALID);
        assertThat(verdict.reason()).contains("client_secret", "webhook-signature");
    }

    @Test
    void oneMatchingEntryAmongSeveralSignaturesIsEnough() {
        WebhookDelivery signed = signed(BODY, "msg_1", "1561479335");
        Map<String, String> headers = new HashMap<>(signed.headers());
        headers.put("webhook-signature", "v1,bm90LXRoaXMtb25l " + headers.get("webhook-signature"));

        assertThat(verifier.verify(
                                new WebhookDelivery(headers, Map.of(), BODY),
                                connection(Map.of("client_secret", CLIENT_SECRET)))
                        .outcome())
                .isEqualTo(Verification.Outcome.VALID);
    }

    /** Signs as the Standard Webhooks libraries BigCommerce's docs use: key = the client secret's bytes. */
    private static WebhookDelivery signed(byte[] body, String id, String timestamp) {
        byte[] content = Signatures.concat((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        return WebhookDelivery.of(
                Map.of(
                        "X-Storeline-Webhook-Secret",
                        SECRET,
                        "webhook-id",
                        id,
                        "webhook-timestamp",
                        timestamp,
                        "webhook-signature",
                        "v1," + Signatures.hmacSha256Base64(CLIENT_SECRET, content)),
                body);
    }

    private static ChannelConnection connection(Map<String, String> extra) {
        Map<String, String> credentials = new HashMap<>(Map.of("store_hash", "abc123", "access_token", "t"));
        credentials.putAll(extra);
        return new ChannelConnection("c", URI.create("https://api.bigcommerce.com"), credentials, SECRET);
    }
}
