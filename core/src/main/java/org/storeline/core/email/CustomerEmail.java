package org.storeline.core.email;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.customer.Email;
import org.storeline.core.outlet.Language;

/**
 * One email to a sale's customer about one fulfillment (FUL-6): at most one per fulfillment and {@link EmailKind}.
 * Its subject and body are written when it is created, in the outlet's language, so what is listed is what is sent.
 * Life cycle: {@link CustomerEmailStatus}. {@code attempts} counts the attempts since it was written or last resent.
 *
 * @param eventPosition the outbox position of the event it was written for
 * @param recipient     the customer's address; empty when the customer has none (then it is skipped)
 * @param nextAttemptAt when the sender tries it next, while it is pending or failed; empty when it is not tried again
 * @param lastError     why the last failed attempt failed, in the mail server's words (kept after a later success)
 * @param skipReason    why nothing was sent, when it is skipped
 */
public record CustomerEmail(
        UUID id,
        UUID saleId,
        UUID fulfillmentId,
        UUID outletId,
        EmailKind kind,
        long eventPosition,
        Optional<Email> recipient,
        Language language,
        Letter letter,
        CustomerEmailStatus status,
        int attempts,
        Optional<Instant> nextAttemptAt,
        Optional<String> lastError,
        Optional<String> skipReason,
        Instant createdAt,
        Optional<Instant> sentAt,
        Instant updatedAt) {

    /** What an email is about, before it is known whether it goes. */
    public record Draft(
            UUID id,
            UUID saleId,
            UUID fulfillmentId,
            UUID outletId,
            EmailKind kind,
            long eventPosition,
            Optional<Email> recipient,
            Language language,
            Letter letter) {}

    /** An email to send at once. */
    public static CustomerEmail toSend(Draft d, Instant now) {
        return of(d, CustomerEmailStatus.PENDING, Optional.of(now), Optional.empty(), now);
    }

    /** An email that is not sent, and why; staff can resend it once the reason is gone. */
    public static CustomerEmail skipped(Draft d, String reason, Instant now) {
        return of(d, CustomerEmailStatus.SKIPPED, Optional.empty(), Optional.of(reason), now);
    }

    private static CustomerEmail of(
            Draft d,
            CustomerEmailStatus status,
            Optional<Instant> nextAttemptAt,
            Optional<String> skipReason,
            Instant now) {
        return new CustomerEmail(
                d.id(),
                d.saleId(),
                d.fulfillmentId(),
                d.outletId(),
                d.kind(),
                d.eventPosition(),
                d.recipient(),
                d.language(),
                d.letter(),
                status,
                0,
                nextAttemptAt,
                Optional.empty(),
                skipReason,
                now,
                Optional.empty(),
                now);
    }

    /** Taken by a sender about to try it: due again after {@code lease} should that sender die. */
    public CustomerEmail claimed(Instant now, Duration lease) {
        return new CustomerEmail(
                id,
                saleId,
                fulfillmentId,
                outletId,
                kind,
                eventPosition,
                recipient,
                language,
                letter,
                status,
                attempts + 1,
                Optional.of(now.plus(lease)),
                lastError,
                skipReason,
                createdAt,
                sentAt,
                now);
    }

    /** The mail server took it. */
    public CustomerEmail sent(Instant now) {
        return next(CustomerEmailStatus.Event.DELIVER, Optional.empty(), lastError, Optional.empty(), now)
                .withSentAt(now);
    }

    /** The attempt failed: tried again when {@code retry} says, or never again (a refusal that will not change). */
    public CustomerEmail failed(String error, boolean retryable, RetryPolicy retry, Instant now) {
        Optional<Instant> next = retryable ? retry.nextAttempt(attempts, now) : Optional.empty();
        return next(CustomerEmailStatus.Event.FAIL, next, Optional.of(error), Optional.empty(), now);
    }

    /** Not sent after all: emails were turned off, or it has no address. */
    public CustomerEmail skip(String reason, Instant now) {
        return next(CustomerEmailStatus.Event.SKIP, Optional.empty(), lastError, Optional.of(reason), now);
    }

    /** Staff asked for it again: sent to {@code to} as soon as the sender runs, with a fresh round of attempts. */
    public CustomerEmail resend(Email to, Instant now) {
        CustomerEmail again =
                next(CustomerEmailStatus.Event.RESEND, Optional.of(now), Optional.empty(), Optional.empty(), now);
        return new CustomerEmail(
                id,
                saleId,
                fulfillmentId,
                outletId,
                kind,
                eventPosition,
                Optional.of(to),
                language,
                letter,
                again.status,
                0,
                again.nextAttemptAt,
                again.lastError,
                again.skipReason,
                createdAt,
                sentAt,
                now);
    }

    private CustomerEmail next(
            CustomerEmailStatus.Event event,
            Optional<Instant> nextAttempt,
            Optional<String> error,
            Optional<String> reason,
            Instant now) {
        return new CustomerEmail(
                id,
                saleId,
                fulfillmentId,
                outletId,
                kind,
                eventPosition,
                recipient,
                language,
                letter,
                status.on(event),
                attempts,
                nextAttempt,
                error,
                reason,
                createdAt,
                sentAt,
                now);
    }

    private CustomerEmail withSentAt(Instant at) {
        return new CustomerEmail(
                id,
                saleId,
                fulfillmentId,
                outletId,
                kind,
                eventPosition,
                recipient,
                language,
                letter,
                status,
                attempts,
                nextAttemptAt,
                lastError,
                skipReason,
                createdAt,
                Optional.of(at),
                updatedAt);
    }
}
