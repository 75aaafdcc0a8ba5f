package org.storeline.core.channel;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.ids.Ids;

/**
 * One line of a channel's activity log (BYD-4): a delivery received or rejected, an order fetched,
 * imported, skipped or not applied, a registration or a reconciliation, with its reason; or something sent to the
 * platform (a look-up, stock levels, prices, an order's status) with the {@link Call request} it made, the platform's
 * answer, and the sync tasks it carried. Failed entries that may succeed later are {@code retryable}: a refused
 * outgoing call is retried by hand through its sync tasks.
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
        Optional<Instant> retriedAt,
        Optional<Call> call,
        List<UUID> syncTaskIds) {

    public ActivityEntry {
        reason = storable(reason);
        externalOrderId = externalOrderId.map(ActivityEntry::storable);
        call = call.map(c -> new Call(c.request().map(ActivityEntry::storable), c.status(), storable(c.answer())));
        syncTaskIds = List.copyOf(syncTaskIds);
    }

    /** An entry of what came in, or of work that sent nothing of the sync outbox. */
    public ActivityEntry(
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
        this(
                id,
                channelId,
                at,
                kind,
                outcome,
                externalOrderId,
                deliveryId,
                saleId,
                reason,
                retryable,
                retriedAt,
                Optional.empty(),
                List.of());
    }

    /**
     * What one request to the platform showed: the request as {@code "PUT /wp-json/wc/v3/orders/727"} (its method and
     * path, never credentials; absent when a failed call does not tell), the HTTP status of the answer (0 when none
     * came) and an excerpt of the answer (or of why none came).
     */
    public record Call(Optional<String> request, int status, String answer) {
        public Call {
            answer = answer == null ? "" : answer;
        }
    }

    /** Whether the retry button may run this entry now: a failure or refusal that may succeed, not retried yet. */
    public boolean canBeRetried() {
        return retryable && retriedAt.isEmpty() && (outcome == Outcome.FAILED || outcome == Outcome.REFUSED);
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
        RECONCILIATION,
        /** Products looked up on the platform by SKU. */
        LISTING,
        /** Stock levels sent. */
        STOCK,
        /** Prices sent. */
        PRICE,
        /** An order's status sent. */
        STATUS;

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
        SUCCEEDED,
        /** The platform refused what was sent: final, until retried by hand. */
        REFUSED,
        /** The platform could not take it now: the sync outbox sends it again later by itself. */
        RETRYING,
        /** Sent without an answer: checked with the platform before it is sent again. */
        UNKNOWN;

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

    /** Something sent to the platform (or tried): the call it made, when there was one, and the tasks it carried. */
    public static ActivityEntry outgoing(
            UUID channelId,
            Instant at,
            Kind kind,
            Outcome outcome,
            Optional<String> externalOrderId,
            Optional<UUID> saleId,
            String reason,
            Optional<Call> call,
            List<UUID> syncTaskIds) {
        return new ActivityEntry(
                Ids.newId(),
                channelId,
                at,
                kind,
                outcome,
                externalOrderId,
                Optional.empty(),
                saleId,
                reason,
                outcome == Outcome.REFUSED && !syncTaskIds.isEmpty(),
                Optional.empty(),
                call,
                syncTaskIds);
    }
}
