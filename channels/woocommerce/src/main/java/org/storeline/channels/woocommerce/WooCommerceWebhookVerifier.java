package org.storeline.channels.woocommerce;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.storeline.channels.api.Signatures;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;

/**
 * Checks {@code X-WC-Webhook-Signature}: base64 of HMAC-SHA256 over the raw body, keyed with the
 * webhook's secret. Decides on the bytes as they arrived, before anything is parsed.
 *
 * <p>WooCommerce also sends an unsigned ping when a webhook is created or activated: a form-encoded
 * {@code webhook_id=N} and no signature header. It must be answered 200 or WooCommerce does not keep the
 * webhook active, so it is recognised (exactly that body, no signature) and answered as a PING that
 * creates nothing.
 */
public final class WooCommerceWebhookVerifier {
    static final String SIGNATURE_HEADER = "X-WC-Webhook-Signature";
    private static final Pattern PING_BODY = Pattern.compile("webhook_id=[0-9]{1,20}");
    private static final Pattern HTML_ENTITY = Pattern.compile("&(amp|lt|gt|quot|#0?39|#x27);");

    public Verification verify(WebhookDelivery delivery, String secret) {
        Optional<String> signature = delivery.header(SIGNATURE_HEADER).filter(value -> !value.isBlank());
        if (signature.isEmpty()) {
            return unsigned(delivery);
        }
        if (secret == null || secret.isEmpty()) {
            return Verification.invalid(
                    "This channel has no webhook secret: set webhook_secret to the Secret of the WooCommerce webhook "
                            + "(WooCommerce > Settings > Advanced > Webhooks).");
        }
        if (matchesAnyKey(secret, delivery.body(), signature.get())) {
            return Verification.valid();
        }
        return Verification.invalid(
                "X-WC-Webhook-Signature does not match the body signed with this channel's webhook secret: "
                        + "the body was changed on the way, or the webhook's Secret in WooCommerce "
                        + "differs from the channel's webhook_secret.");
    }

    private static Verification unsigned(WebhookDelivery delivery) {
        String body = new String(delivery.body(), StandardCharsets.UTF_8);
        if (PING_BODY.matcher(body).matches()) {
            return Verification.ping(
                    "WooCommerce's unsigned ping on webhook creation (" + body + "): answered 200, nothing imported.");
        }
        return Verification.invalid(
                "The delivery has no X-WC-Webhook-Signature header. WooCommerce signs every webhook delivery: "
                        + "check that it comes from the store's webhook and that no proxy strips X-WC-* headers.");
    }

    /**
     * WooCommerce keys the HMAC with {@code wp_specialchars_decode(secret, ENT_QUOTES)}. A secret copied
     * from a screen may still carry the entities ("a&amp;b") or already be decoded ("a&b"): both keys are
     * tried, each compared in constant time.
     */
    private static boolean matchesAnyKey(String secret, byte[] body, String received) {
        boolean matches = Signatures.matches(Signatures.hmacSha256Base64(secret, body), received);
        String decoded = decodeSpecialChars(secret);
        if (!decoded.equals(secret)) {
            matches |= Signatures.matches(Signatures.hmacSha256Base64(decoded, body), received);
        }
        return matches;
    }

    static String decodeSpecialChars(String secret) {
        return HTML_ENTITY.matcher(secret).replaceAll(match -> switch (match.group(1)) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            default -> "'";
        });
    }
}
