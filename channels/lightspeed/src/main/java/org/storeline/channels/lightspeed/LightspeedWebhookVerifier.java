package org.storeline.channels.lightspeed;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.storeline.channels.api.Signatures;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;

/**
 * Checks Lightspeed eCom's webhook signature: the {@code X-Signature} header is the hex MD5 of the raw body
 * bytes followed by the API secret's bytes ({@code md5(payload . secret)}, as Lightspeed staff describe it on
 * community.lightspeedhq.com, discussions 4574 and comment 3614).
 *
 * <p>The hash is always taken over the bytes exactly as they arrived: integrators who re-encode the parsed
 * JSON (PHP's {@code json_encode}) report mismatches because float formatting changes.
 */
public final class LightspeedWebhookVerifier {
    /** The header Lightspeed puts the signature in. */
    public static final String SIGNATURE_HEADER = "X-Signature";

    /** The signature Lightspeed would send for this body: lowercase hex md5(body + secret). */
    public static String sign(byte[] body, String secret) {
        return Signatures.md5Hex(Signatures.concat(body, secret.getBytes(StandardCharsets.UTF_8)));
    }

    public Verification verify(WebhookDelivery delivery, String secret) {
        if (secret == null || secret.isBlank()) {
            return Verification.invalid(
                    "This channel has no webhook secret: set webhook_secret to the Lightspeed API secret "
                            + "(the one Lightspeed signs X-Signature with), then ask Lightspeed to resend.");
        }
        Optional<String> received =
                delivery.header(SIGNATURE_HEADER).map(String::trim).filter(v -> !v.isEmpty());
        if (received.isEmpty()) {
            return Verification.invalid(
                    "The delivery has no X-Signature header. Lightspeed signs every webhook it sends; "
                            + "check that the request came from Lightspeed and that no proxy strips the header.");
        }
        // Hex is case-insensitive; we compute lowercase and accept either case from the sender.
        String normalized = received.get().toLowerCase(Locale.ROOT);
        if (Signatures.matches(sign(delivery.body(), secret), normalized)) {
            return Verification.valid();
        }
        return Verification.invalid(
                "X-Signature does not match md5(body + secret): either the body was changed on the way "
                        + "or this channel's webhook_secret is not the API secret "
                        + "of the Lightspeed key that owns the webhook.");
    }
}
