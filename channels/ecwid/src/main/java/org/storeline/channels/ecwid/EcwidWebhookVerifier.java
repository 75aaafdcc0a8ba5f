package org.storeline.channels.ecwid;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.storeline.channels.api.PlatformJson;
import org.storeline.channels.api.Signatures;
import org.storeline.channels.api.Verification;
import org.storeline.channels.api.WebhookDelivery;

/**
 * Checks Ecwid's {@code X-Ecwid-Webhook-Signature}: base64(HMAC-SHA256("{eventCreated}.{eventId}")) keyed
 * with the app's client secret (the channel's webhook secret).
 *
 * <p>Ecwid signs those two values, not the body. So, unlike the other platforms, the two values have to be
 * read out of the raw bytes before anything can be checked: this class reads exactly those two top-level
 * fields with a streaming parser, skips everything else, and compares in constant time. The rest of the
 * body is never trusted: the connector always fetches the order from the API.
 */
public final class EcwidWebhookVerifier {
    public static final String SIGNATURE_HEADER = "X-Ecwid-Webhook-Signature";

    /** The two signed values, as their JSON text (a number is signed as it was written, not re-formatted). */
    record SignedFields(String eventCreated, String eventId) {
        byte[] message() {
            return (eventCreated + "." + eventId).getBytes(StandardCharsets.UTF_8);
        }
    }

    public Verification verify(WebhookDelivery delivery, String secret) {
        Optional<String> received = delivery.header(SIGNATURE_HEADER).filter(value -> !value.isBlank());
        if (received.isEmpty()) {
            return Verification.invalid(
                    "The delivery has no " + SIGNATURE_HEADER + " header. Ecwid signs every webhook it sends,"
                            + " so this did not come from Ecwid, or a proxy in front of Storeline dropped the header.");
        }
        if (secret == null || secret.isBlank()) {
            return Verification.invalid(
                    "The channel has no webhook secret: set webhook_secret to the Ecwid app's client secret.");
        }
        Optional<SignedFields> fields = signedFields(delivery.body());
        if (fields.isEmpty()) {
            return Verification.invalid(
                    "The body does not carry exactly one eventId and one eventCreated, the values Ecwid signs:"
                            + " it is not an Ecwid webhook.");
        }
        String expected = Signatures.hmacSha256Base64(secret, fields.get().message());
        if (!Signatures.matches(expected, received.get())) {
            return Verification.invalid(
                    "The " + SIGNATURE_HEADER + " does not match eventCreated.eventId signed with the channel's"
                            + " webhook secret: check that webhook_secret is the client secret"
                            + " of the Ecwid app that sends these webhooks.");
        }
        return Verification.valid();
    }

    /**
     * Reads the top-level {@code eventCreated} and {@code eventId} and nothing else. A field given twice is
     * refused: parsers disagree on which copy wins, and what we verify must be what {@code read} uses.
     */
    static Optional<SignedFields> signedFields(byte[] body) {
        try (JsonParser parser = PlatformJson.MAPPER.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            String eventCreated = null;
            String eventId = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                boolean signed = "eventCreated".equals(name) || "eventId".equals(name);
                if (!signed) {
                    parser.skipChildren();
                    continue;
                }
                if (!value.isScalarValue()
                        || value == JsonToken.VALUE_NULL
                        || ("eventCreated".equals(name) ? eventCreated : eventId) != null) {
                    return Optional.empty();
                }
                if ("eventCreated".equals(name)) {
                    eventCreated = parser.getText();
                } else {
                    eventId = parser.getText();
                }
            }
            return eventCreated == null || eventId == null
                    ? Optional.empty()
                    : Optional.of(new SignedFields(eventCreated, eventId));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
