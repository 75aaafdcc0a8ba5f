package org.storeline.channels.shopify;

import java.util.Optional;
import org.storeline.channels.api.Signatures;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;

/**
 * Checks Shopify's webhook signature: {@code X-Shopify-Hmac-Sha256} is the base64 HMAC-SHA256 of the raw
 * request body, keyed with the app's client secret (https://shopify.dev/docs/apps/build/webhooks/verify-deliveries).
 * It runs on the bytes exactly as received, before anything parses them: a body decoded and re-encoded
 * (even just its whitespace or a {@code \u2028}) no longer matches, the classic cause of Shopify HMAC mismatches.
 */
public final class ShopifyWebhookVerifier {
    public static final String SIGNATURE_HEADER = "X-Shopify-Hmac-Sha256";

    public Verification verify(WebhookDelivery delivery, String webhookSecret) {
        Optional<String> received = delivery.header(SIGNATURE_HEADER).filter(value -> !value.isBlank());
        if (received.isEmpty()) {
            return Verification.invalid(
                    "The delivery has no " + SIGNATURE_HEADER + " header. Shopify signs every HTTPS webhook"
                            + " delivery with it: check that the request comes from Shopify"
                            + " and that the webhook URL uses https.");
        }
        if (webhookSecret == null || webhookSecret.isBlank()) {
            return Verification.invalid(
                    "The channel has no webhook secret, so the " + SIGNATURE_HEADER + " signature cannot be checked."
                            + " Set the channel's webhook secret to the Shopify app's client secret.");
        }
        String expected = Signatures.hmacSha256Base64(webhookSecret, delivery.body());
        if (Signatures.matches(expected, received.get())) {
            return Verification.valid();
        }
        return Verification.invalid(
                "The " + SIGNATURE_HEADER + " signature does not match the body. Check that the channel's"
                        + " webhook secret is the Shopify app's client secret"
                        + " (webhooks created in the Shopify admin's notification"
                        + " settings use the secret shown there instead)"
                        + " and that nothing between Shopify and us rewrote the body.");
    }
}
