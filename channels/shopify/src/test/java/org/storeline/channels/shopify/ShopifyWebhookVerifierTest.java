package org.storeline.channels.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.PlatformJson;
import org.storeline.channels.api.Signatures;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;

class ShopifyWebhookVerifierTest {
    private static final String SECRET = "shpss_client_secret_of_the_app";
    private final ShopifyWebhookVerifier verifier = new ShopifyWebhookVerifier();
    private final byte[] body = ShopifyDeliveries.payload("webhook-orders-create-docs-sample.json");

    @Test
    void acceptsTheBodySignedWithTheAppsClientSecret() {
        assertThat(verifier.verify(ShopifyDeliveries.signed("orders/create", body, SECRET), SECRET)
                        .isValid())
                .isTrue();
    }

    @Test
    void readsTheSignatureHeaderWhateverItsCase() {
        // HTTP/2 proxies lower-case header names.
        Map<String, String> headers = Map.of("x-shopify-hmac-sha256", Signatures.hmacSha256Base64(SECRET, body));

        assertThat(verifier.verify(WebhookDelivery.of(headers, body), SECRET).isValid())
                .isTrue();
    }

    @Test
    void aMissingSignatureIsRejectedWithAReasonThatNamesTheHeader() {
        Map<String, String> headers = new HashMap<>(
                ShopifyDeliveries.signed("orders/create", body, SECRET).headers());
        headers.remove("x-shopify-hmac-sha256");

        Verification verdict = verifier.verify(WebhookDelivery.of(headers, body), SECRET);

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.INVALID);
        assertThat(verdict.reason()).contains("X-Shopify-Hmac-Sha256").contains("https");
    }

    @Test
    void aChannelWithoutSecretCannotAcceptAnything() {
        Verification verdict = verifier.verify(ShopifyDeliveries.signed("orders/create", body, SECRET), " ");

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.INVALID);
        assertThat(verdict.reason()).contains("client secret");
    }

    @Test
    void theSameJsonReSerialisedNoLongerMatches() {
        // Parsing and writing the body back (as a framework's JSON body parser would) changes the bytes.
        byte[] reSerialised = PlatformJson.parse(body, "body").toString().getBytes(StandardCharsets.UTF_8);
        WebhookDelivery delivery = ShopifyDeliveries.signed("orders/create", body, SECRET);

        Verification verdict =
                verifier.verify(new WebhookDelivery(delivery.headers(), delivery.query(), reSerialised), SECRET);

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.INVALID);
    }

    @Test
    void aLineSeparatorInTheBodyIsSignedAsItsRawUtf8Bytes() {
        // Shopify sends U+2028 raw; re-encoding it as the JSON escape "\u2028" broke HMACs in
        // jonpulice/node-shopify-auth#2.
        byte[] raw = "{\"id\":1,\"note\":\"line\u2028break\"}".getBytes(StandardCharsets.UTF_8);
        byte[] escaped = "{\"id\":1,\"note\":\"line\\u2028break\"}".getBytes(StandardCharsets.UTF_8);
        WebhookDelivery delivery = ShopifyDeliveries.signed("orders/create", raw, SECRET);

        assertThat(verifier.verify(delivery, SECRET).isValid()).isTrue();
        assertThat(verifier.verify(new WebhookDelivery(delivery.headers(), delivery.query(), escaped), SECRET)
                        .isValid())
                .isFalse();
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRejected() {
        Verification verdict = verifier.verify(ShopifyDeliveries.signed("orders/create", body, "old-secret"), SECRET);

        assertThat(verdict.outcome()).isEqualTo(Verification.Outcome.INVALID);
        assertThat(verdict.reason()).contains("does not match");
    }
}
