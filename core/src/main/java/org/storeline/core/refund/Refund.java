package org.storeline.core.refund;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.money.Money;

/**
 * How the money of one return goes back to the customer. Life cycle ({@link RefundStatus}): written {@code pending}
 * with the return when the payment type's processor is to be called, or {@code not_sent} when nothing is sent; the
 * processor's answer then makes it {@code done}, {@code refused} or {@code unknown}, and an unknown one is sent again
 * ({@link #nextAttemptAt}) with the same id as its idempotency key until the processor says done or refused.
 * {@code message} tells the cashier, in plain words, what happened or what to do.
 *
 * @param saleId         the sale returned
 * @param returnSaleId   the return (a sale of its own) whose money this is
 * @param requestKey     the client's Idempotency-Key for the return, with {@code requestDigest} of what it asked
 * @param paymentTypeId  where the money goes back; empty when the sale was never paid
 * @param amount         what goes back (zero when nothing was paid or all was refunded already)
 * @param registerId     the register the money goes back on
 * @param attempts       how many times it was sent to the processor
 * @param nextAttemptAt  when it is due to be sent (again), while it is pending or unknown
 */
public record Refund(
        UUID id,
        UUID saleId,
        UUID returnSaleId,
        Optional<String> requestKey,
        Optional<String> requestDigest,
        Optional<UUID> paymentTypeId,
        Optional<String> paymentReference,
        Money amount,
        String reason,
        RefundStatus status,
        String message,
        UUID registerId,
        Optional<UUID> userId,
        int attempts,
        Optional<Instant> nextAttemptAt,
        Instant createdAt,
        Instant updatedAt) {
    /** The longest delay between two attempts at an unknown refund. */
    static final Duration MAX_RECHECK_DELAY = Duration.ofHours(1);

    /** What a refund is about, before its fate is known. */
    public record Draft(
            UUID id,
            UUID saleId,
            UUID returnSaleId,
            Optional<String> requestKey,
            Optional<String> requestDigest,
            Optional<UUID> paymentTypeId,
            Optional<String> paymentReference,
            Money amount,
            String reason,
            UUID registerId,
            Optional<UUID> userId) {}

    /**
     * A refund about to be sent by the request that made it (its first attempt). Should that request never record
     * an answer (the process died), it is due again once {@code answerWithin} has passed.
     */
    public static Refund toSend(Draft d, String processor, Instant now, Duration answerWithin) {
        return of(d, RefundStatus.PENDING, "Sent to " + processor + "; waiting for its answer.", 1, now)
                .dueAt(now.plus(answerWithin));
    }

    /** A refund Storeline does not send: {@code instruction} tells the cashier what to do instead. */
    public static Refund notSent(Draft d, String instruction, Instant now) {
        return of(d, RefundStatus.NOT_SENT, instruction, 0, now);
    }

    private static Refund of(Draft d, RefundStatus status, String message, int attempts, Instant now) {
        return new Refund(
                d.id(),
                d.saleId(),
                d.returnSaleId(),
                d.requestKey(),
                d.requestDigest(),
                d.paymentTypeId(),
                d.paymentReference(),
                d.amount(),
                d.reason(),
                status,
                message,
                d.registerId(),
                d.userId(),
                attempts,
                Optional.empty(),
                now,
                now);
    }

    /** The processor paid it back. */
    public Refund succeeded(String processor, Instant now) {
        return next(RefundStatus.Event.SUCCEED, "Refunded " + amount.toDecimalString() + " through " + processor + ".")
                .at(now, Optional.empty());
    }

    /** The processor said no, for good: the cashier reads why and refunds another way. */
    public Refund refused(String processor, String processorMessage, Instant now) {
        return next(
                        RefundStatus.Event.REFUSE,
                        processor + " refused the refund: " + sentence(processorMessage)
                                + " Nothing was refunded; refund the customer another way.")
                .at(now, Optional.empty());
    }

    /**
     * No answer to go by: sent again with the same key, at once on the next recheck after a first attempt, then
     * after 1, 2, 4 ... minutes, at most an hour apart, until the processor says done or refused.
     */
    public Refund unknown(String processor, String detail, Instant now) {
        return next(
                        RefundStatus.Event.LOSE_TRACK,
                        "No answer from " + processor + " yet (" + detail + "). Storeline asks again with the same"
                                + " refund id until it answers, so the customer is refunded once.")
                .at(now, Optional.of(now.plus(recheckDelay(attempts))));
    }

    /** Taken by a recheck that is about to send it: due again after {@code lease} should the recheck die. */
    public Refund claimed(Instant now, Duration lease) {
        return new Refund(
                        id,
                        saleId,
                        returnSaleId,
                        requestKey,
                        requestDigest,
                        paymentTypeId,
                        paymentReference,
                        amount,
                        reason,
                        status,
                        message,
                        registerId,
                        userId,
                        attempts + 1,
                        nextAttemptAt,
                        createdAt,
                        now)
                .dueAt(now.plus(lease));
    }

    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() || ".!?".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0 ? trimmed : trimmed + ".";
    }

    static Duration recheckDelay(int attempts) {
        if (attempts <= 1) {
            return Duration.ZERO;
        }
        long minutes = 1L << Math.min(attempts - 2, 6);
        Duration delay = Duration.ofMinutes(minutes);
        return delay.compareTo(MAX_RECHECK_DELAY) > 0 ? MAX_RECHECK_DELAY : delay;
    }

    private Refund next(RefundStatus.Event event, String newMessage) {
        return new Refund(
                id,
                saleId,
                returnSaleId,
                requestKey,
                requestDigest,
                paymentTypeId,
                paymentReference,
                amount,
                reason,
                status.on(event),
                newMessage,
                registerId,
                userId,
                attempts,
                nextAttemptAt,
                createdAt,
                updatedAt);
    }

    private Refund at(Instant now, Optional<Instant> due) {
        return new Refund(
                id,
                saleId,
                returnSaleId,
                requestKey,
                requestDigest,
                paymentTypeId,
                paymentReference,
                amount,
                reason,
                status,
                message,
                registerId,
                userId,
                attempts,
                due,
                createdAt,
                now);
    }

    private Refund dueAt(Instant due) {
        return at(updatedAt, Optional.of(due));
    }
}
