package org.storeline.core.channel;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.ids.Ids;

/**
 * One line of a channel's activity log (BYD-4): a delivery received or rejected, an order fetched,
 * imported, skipped or not applied, a registration or a reconciliation, with its reason. Failed entries
 * that may succeed later are {@code retryable}.
 */
public record ActivityEntry(
        UUID id,
        UUID channelId,
        Instant at,
        Kind kind,
        Outcome outcome,
        Optional<String> externalOrderId,
        Optional<UUID> deliveryId,
        Optional<UUID> saleId,
        String reason,
        boolean retryable,
        Optional<Instant> retriedAt) {

    public ActivityEntry {
        reason = storable(reason);
        externalOrderId = externalOrderId.map(ActivityEntry::storable);
    }

    /**
     * The log keeps what it is told even when that quotes a platform's or a caller's text: a NUL character
     * (which PostgreSQL refuses, losing the entry) is dropped, half a surrogate pair becomes U+FFFD.
     */
    private static String storable(String text) {
        if (text == null || text.chars().noneMatch(c -> c == 0 || Character.isSurrogate((char) c))) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == 0) {
                return;
            }
            clean.appendCodePoint(c <= 0xFFFF && Character.isSurrogate((char) c) ? 0xFFFD : c);
        });
        return clean.toString();
    }

    public enum Kind {
        DELIVERY,
        FETCH,
        IMPORT,
        REGISTRATION,
        RECONCILIATION;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Outcome {
        ACCEPTED,
        REJECTED,
        IMPORTED,
        SKIPPED,
        NOT_APPLIED,
        IGNORED,
        FAILED,
        SUCCEEDED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static ActivityEntry of(
            UUID channelId,
            Instant at,
            Kind kind,
            Outcome outcome,
            Optional<String> externalOrderId,
            Optional<UUID> deliveryId,
            Optional<UUID> saleId,
            String reason,
            boolean retryable) {
        return new ActivityEntry(
                Ids.newId(),
                channelId,
                at,
                kind,
                outcome,
                externalOrderId,
                deliveryId,
                saleId,
                reason,
                retryable,
                Optional.empty());
    }
}
