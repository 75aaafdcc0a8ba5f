package org.storeline.channels.ecwid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.Signatures;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;

class EcwidWebhookVerifierTest {
    private static final String SECRET = "abcde123456789";

    private final EcwidWebhookVerifier verifier = new EcwidWebhookVerifier();

    @Test
    void theSignatureIsOverEventCreatedDotEventIdAsWrittenInTheBody() {
        // The docs' order webhook; signed the way their PHP example does: hash_hmac("sha256", "$eventCreated.$eventId",
        // secret, true).
        String body = EcwidFixtures.payload("k8xtq-paid.webhook.json");
        String signature = sign("1725434529.80aece08-40e8-4145-8764-6c2f0d38678");

        assertThat(verifier.verify(delivery(body, signature), SECRET).outcome()).isEqualTo(Verification.Outcome.VALID);
    }

    @Test
    void aNumericEventIdFromTheOlderDocsIsSignedAsItsDigits() {
        String body = "{\"eventId\":123456,\"eventCreated\":1234567,\"storeId\":1003,"
                + "\"entityId\":103,\"eventType\":\"order.updated\"}";

        assertThat(verifier.verify(delivery(body, sign("1234567.123456")), SECRET)
                        .isValid())
                .isTrue();
    }

    @Test
    void signedFieldsNestedDeeperInTheBodyAreNotTheOnesThatCount() {
        String body = "{\"data\":{\"eventId\":\"x\",\"eventCreated\":1},\"eventId\":\"real\",\"eventCreated\":5}";

        assertThat(verifier.verify(delivery(body, sign("5.real")), SECRET).isValid())
                .isTrue();
        assertThat(verifier.verify(delivery(body, sign("1.x")), SECRET).isValid())
                .isFalse();
    }

    @Test
    void aBodyThatGivesEventIdTwiceIsRejectedBecauseParsersDisagreeOnWhichOneCounts() {
        String body = "{\"eventId\":\"a\",\"eventCreated\":5,\"eventId\":\"b\",\"eventType\":\"order.created\"}";

        Verification verdict = verifier.verify(delivery(body, sign("5.a")), SECRET);

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.INVALID);
        assertThat(verdict.reason()).contains("exactly one eventId");
    }

    @Test
    void aBodyThatIsNotJsonOrLacksTheSignedFieldsIsRejected() {
        assertThat(verifier.verify(delivery("not json", sign("1.a")), SECRET).isValid())
                .isFalse();
        assertThat(verifier.verify(delivery("{\"eventId\":\"a\"}", sign("null.a")), SECRET)
                        .isValid())
                .isFalse();
        assertThat(verifier.verify(delivery("{\"eventId\":null,\"eventCreated\":1}", sign("1.null")), SECRET)
                        .isValid())
                .isFalse();
        assertThat(verifier.verify(delivery("[1,2]", sign("1.2")), SECRET).isValid())
                .isFalse();
    }

    @Test
    void aChannelWithoutSecretRejectsAndSaysWhatToSet() {
        String body = EcwidFixtures.payload("k8xtq-paid.webhook.json");

        Verification verdict =
                verifier.verify(delivery(body, sign("1725434529.80aece08-40e8-4145-8764-6c2f0d38678")), " ");

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.INVALID);
        assertThat(verdict.reason()).contains("webhook_secret");
    }

    @Test
    void aWrongSignatureSaysWhichSecretToCheck() {
        String body = EcwidFixtures.payload("k8xtq-paid.webhook.json");

        Verification verdict = verifier.verify(delivery(body, sign("something else")), SECRET);

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.INVALID);
        assertThat(verdict.reason()).contains("client secret");
    }

    private static String sign(String message) {
        return Signatures.hmacSha256Base64(SECRET, message.getBytes(StandardCharsets.UTF_8));
    }

    private static WebhookDelivery delivery(String body, String signature) {
        return WebhookDelivery.of(
                Map.of("x-ecwid-webhook-signature", signature), body.getBytes(StandardCharsets.UTF_8));
    }
}
