package org.storeline.core.email;

import java.util.Map;
import java.util.Optional;

/**
 * How a shipped parcel is followed, as the ship action gave it: any of its number, the carrier and a page to follow it
 * on. Read from a {@code fulfillment.changed} event's payload ({@code tracking_number}, {@code tracking_company},
 * {@code tracking_url}), each optional.
 */
public record Tracking(Optional<String> number, Optional<String> company, Optional<String> url) {
    public static final Tracking NONE = new Tracking(Optional.empty(), Optional.empty(), Optional.empty());

    /** Longer than any real tracking number, carrier or URL: an event's runaway value is cut, not mailed whole. */
    static final int LONGEST = 500;

    public static Tracking fromPayload(Map<String, Object> payload) {
        return new Tracking(
                text(payload.get("tracking_number")),
                text(payload.get("tracking_company")),
                text(payload.get("tracking_url")));
    }

    private static Optional<String> text(Object value) {
        if (!(value instanceof String s) || s.isBlank()) {
            return Optional.empty();
        }
        // One line: a value never adds lines of its own to the email.
        String line = s.strip().replaceAll("\\s+", " ");
        return Optional.of(line.length() > LONGEST ? line.substring(0, LONGEST) : line);
    }

    public boolean isEmpty() {
        return number.isEmpty() && company.isEmpty() && url.isEmpty();
    }
}
