package org.storeline.channels.bigcommerce;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.Signatures;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;

/**
 * Decides whether a delivery came from the hooks Storeline registered, before anything is parsed.
 *
 * <p>BigCommerce's long-standing mechanism has no body signature: a hook carries the custom headers given
 * when it was created, over TLS. Storeline registers its hooks with {@value #SECRET_HEADER} set to the
 * channel's webhook secret and compares it in constant time. Its {@code hash} field is an unkeyed SHA-1,
 * a dedupe key, not a proof.
 *
 * <p>BigCommerce's current docs add Standard Webhooks signatures ({@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature}) keyed with the app's client secret. When the channel's
 * credentials include {@code client_secret}, that signature is required too, which also protects the body.
 */
final class BigCommerceWebhookVerifier {
    static final String SECRET_HEADER = "X-Storeline-Webhook-Secret";
    static final String CLIENT_SECRET = "client_secret";

    Verification verify(WebhookDelivery delivery, ChannelConnection connection) {
        String secret = connection.webhookSecret();
        if (secret == null || secret.isBlank()) {
            return Verification.invalid("The channel has no webhook secret, so no BigCommerce delivery can be trusted: "
                    + "set webhook_secret on the channel and register its webhooks again.");
        }
        Optional<String> received = delivery.header(SECRET_HEADER);
        if (received.isEmpty()) {
            return Verification.invalid(
                    "The delivery has no " + SECRET_HEADER + " header. BigCommerce sends it only on hooks "
                            + "Storeline registered: register the channel's webhooks again "
                            + "(and check no proxy strips custom headers).");
        }
        if (!Signatures.matches(secret, received.get())) {
            return Verification.invalid(
                    "The " + SECRET_HEADER + " header does not match the channel's webhook secret: the hook "
                            + "was registered with another secret (register the webhooks again) "
                            + "or the delivery is forged.");
        }
        return connection
                .optionalCredential(CLIENT_SECRET)
                .map(clientSecret -> verifyStandardSignature(delivery, clientSecret))
                .orElse(Verification.valid());
    }

    /**
     * Standard Webhooks: {@code webhook-signature} holds space-separated {@code v1,<base64>} entries, each
     * HMAC-SHA256 over {@code "<webhook-id>.<webhook-timestamp>.<raw body>"}. BigCommerce's samples hand the
     * library the base64 of the client secret, which it decodes again: the HMAC key is the secret's bytes.
     * No timestamp window here: a stored delivery may be verified again later, and a replayed order event
     * only makes us fetch the order once more.
     */
    private static Verification verifyStandardSignature(WebhookDelivery delivery, String clientSecret) {
        Optional<String> id = delivery.header("webhook-id");
        Optional<String> timestamp = delivery.header("webhook-timestamp");
        Optional<String> signatures = delivery.header("webhook-signature");
        if (id.isEmpty() || timestamp.isEmpty() || signatures.isEmpty()) {
            return Verification.invalid(
                    "The channel has a client_secret, so deliveries must carry BigCommerce's webhook-id, "
                            + "webhook-timestamp and webhook-signature headers; this one does not. "
                            + "Remove client_secret from the "
                            + "channel's credentials if this store does not sign its webhooks.");
        }
        byte[] signed = Signatures.concat(
                (id.get().trim() + "." + timestamp.get().trim() + ".").getBytes(StandardCharsets.UTF_8),
                delivery.body());
        String expected = "v1," + Signatures.hmacSha256Base64(clientSecret, signed);
        boolean matched = false;
        for (String candidate : signatures.get().trim().split("\\s+")) {
            // Every entry is compared (no early exit), so the time taken does not tell which one matched.
            matched |= Signatures.matches(expected, candidate);
        }
        return matched
                ? Verification.valid()
                : Verification.invalid("The webhook-signature header does not match the body signed with the channel's "
                        + "client_secret: the delivery was changed on the way, is forged, "
                        + "or client_secret is not this app's.");
    }
}
