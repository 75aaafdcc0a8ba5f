package org.storeline.core.refund;

import java.util.Locale;
import java.util.Objects;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/**
 * Where a refund's money is (RET-2, RET-3; convention 5's four outcomes). {@code pending}: written before the
 * processor is called. Then {@code done} (the processor paid it back), {@code refused} (the processor said no: final,
 * never sent again) or {@code unknown} (no answer: sent again later with the same idempotency key until one of the
 * others). {@code not_sent}: nothing to send (money given back by hand, or none to give back); final from the start.
 */
public enum RefundStatus {
    PENDING,
    DONE,
    REFUSED,
    UNKNOWN,
    NOT_SENT;

    public enum Event {
        /** The processor answered that it paid the money back. */
        SUCCEED,
        /** The processor answered that it will not. */
        REFUSE,
        /** No usable answer: a timeout, a 5xx, a connection refused. */
        LOSE_TRACK
    }

    /** The transition table: only a refund still in flight (pending or unknown) takes an outcome. */
    public RefundStatus on(Event event) {
        Objects.requireNonNull(event, "event");
        if (this == PENDING || this == UNKNOWN) {
            return switch (event) {
                case SUCCEED -> DONE;
                case REFUSE -> REFUSED;
                case LOSE_TRACK -> UNKNOWN;
            };
        }
        throw new StorelineException(
                ErrorCode.INVALID_TRANSITION,
                "The refund is " + wireName() + "; it takes no further outcome from the processor.");
    }

    public boolean isTerminal() {
        return this == DONE || this == REFUSED || this == NOT_SENT;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RefundStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
