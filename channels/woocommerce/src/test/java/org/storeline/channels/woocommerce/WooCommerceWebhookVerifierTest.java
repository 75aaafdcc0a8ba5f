package org.storeline.channels.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.Signatures;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;

class WooCommerceWebhookVerifierTest {
    private static final String SECRET = "wc-webhook-secret";
    private final WooCommerceWebhookVerifier verifier = new WooCommerceWebhookVerifier();

    @Test
    void theUnsignedCreationPingIsAnsweredAsAPing() {
        Verification verdict = verifier.verify(WooCommerceDeliveries.ping("webhook_id=17"), SECRET);

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.PING);
        assertThat(verdict.reason()).contains("webhook_id=17");
    }

    @Test
    void aPingBodyWithAnythingElseInItIsRefused() {
        assertThat(verifier.verify(WooCommerceDeliveries.ping("webhook_id=17&order=1"), SECRET)
                        .outcome())
                .isEqualTo(Verification.Outcome.INVALID);
        assertThat(verifier.verify(WooCommerceDeliveries.ping("webhook_id=abc"), SECRET)
                        .outcome())
                .isEqualTo(Verification.Outcome.INVALID);
        assertThat(verifier.verify(WooCommerceDeliveries.ping("webhook_id=17\n"), SECRET)
                        .outcome())
                .isEqualTo(Verification.Outcome.INVALID);
    }

    @Test
    void aPingBodyCarryingAWrongSignatureIsCheckedAndRefusedNotTakenForAPing() {
        Map<String, String> headers =
                new HashMap<>(WooCommerceDeliveries.ping("webhook_id=17").headers());
        headers.put("X-WC-Webhook-Signature", "bm90IGEgc2lnbmF0dXJl");

        Verification verdict = verifier.verify(
                new WebhookDelivery(headers, Map.of(), "webhook_id=17".getBytes(StandardCharsets.UTF_8)), SECRET);

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.INVALID);
    }

    @Test
    void anUnsignedOrderBodyIsRefusedWithAReasonThatNamesTheHeader() {
        WebhookDelivery signed = WooCommerceDeliveries.signed("order.created", "{\"id\":727}", SECRET);
        Map<String, String> headers = new HashMap<>(signed.headers());
        headers.remove("x-wc-webhook-signature");

        Verification verdict = verifier.verify(new WebhookDelivery(headers, Map.of(), signed.body()), SECRET);

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.INVALID);
        assertThat(verdict.reason()).contains("X-WC-Webhook-Signature");
    }

    @Test
    void aChannelWithoutASecretCannotAcceptSignedDeliveries() {
        WebhookDelivery signed = WooCommerceDeliveries.signed("order.created", "{\"id\":727}", SECRET);

        Verification verdict = verifier.verify(signed, "");

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.INVALID);
        assertThat(verdict.reason()).contains("webhook_secret");
    }

    @Test
    void theSignatureIsOverTheRawBytesSoReformattedJsonFails() {
        WebhookDelivery signed = WooCommerceDeliveries.signed("order.created", "{\"id\":727}", SECRET);
        WebhookDelivery reformatted =
                new WebhookDelivery(signed.headers(), Map.of(), "{\"id\": 727}".getBytes(StandardCharsets.UTF_8));

        assertThat(verifier.verify(signed, SECRET).outcome()).isEqualTo(Verification.Outcome.VALID);
        assertThat(verifier.verify(reformatted, SECRET).outcome()).isEqualTo(Verification.Outcome.INVALID);
    }

    @Test
    void aSecretWithHtmlEntitiesMatchesWooCommercesDecodedKey() {
        // WooCommerce signs with wp_specialchars_decode(secret, ENT_QUOTES): "p&amp;ss" signs as "p&ss".
        byte[] body = "{\"id\":727}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers =
                new HashMap<>(WooCommerceDeliveries.signed("order.created", "{\"id\":727}", SECRET)
                        .headers());
        headers.put("x-wc-webhook-signature", Signatures.hmacSha256Base64("p&ss'1", body));
        WebhookDelivery delivery = new WebhookDelivery(headers, Map.of(), body);

        assertThat(verifier.verify(delivery, "p&amp;ss&#039;1").outcome()).isEqualTo(Verification.Outcome.VALID);
        assertThat(verifier.verify(delivery, "p&ss'1").outcome()).isEqualTo(Verification.Outcome.VALID);
        assertThat(verifier.verify(delivery, "p&amp;ss").outcome()).isEqualTo(Verification.Outcome.INVALID);
    }
}
