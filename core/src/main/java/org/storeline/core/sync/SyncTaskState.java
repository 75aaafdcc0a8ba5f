package org.storeline.core.sync;

import java.util.Locale;
import java.util.Objects;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/**
 * Where a sync task is (convention 5's four outcomes). {@code pending}: waiting until it is due. {@code in_flight}:
 * claimed by one worker under a lease; a claim whose lease ran out (its worker died) is claimed again. It ends
 * {@code done} (the platform took it), {@code refused} (the platform said no: final, never sent again unless someone
 * retries it by hand), {@code pending} again (the platform could not take it now: later, with backoff or its
 * {@code Retry-After}) or {@code unknown} (a status change sent without an answer: it may have taken effect, so it is
 * checked against the platform before it is sent again). A worker whose lease would run out before a task's turn
 * releases it unsent.
 */
public enum SyncTaskState {
    PENDING,
    IN_FLIGHT,
    DONE,
    REFUSED,
    UNKNOWN;

    public enum Event {
        /** A worker took the task (also a task whose earlier worker's lease ran out). */
        CLAIM,
        /** The platform took it. */
        SUCCEED,
        /** The platform said no. */
        REFUSE,
        /** The platform could not take it now, or a resend is safe: later. */
        RETRY_LATER,
        /** Sent, no answer, and sending it again blindly is not safe (a status change). */
        LOSE_TRACK,
        /** Not sent: the worker's lease would have run out before its turn. */
        RELEASE,
        /** Someone asked for a refused task to be sent again (the activity log's retry). */
        RETRY_BY_HAND
    }

    /** The transition table. */
    public SyncTaskState on(Event event) {
        Objects.requireNonNull(event, "event");
        SyncTaskState next = switch (this) {
            case PENDING, UNKNOWN -> event == Event.CLAIM ? IN_FLIGHT : null;
            case IN_FLIGHT ->
                switch (event) {
                    case CLAIM -> IN_FLIGHT;
                    case SUCCEED -> DONE;
                    case REFUSE -> REFUSED;
                    case RETRY_LATER, RELEASE -> PENDING;
                    case LOSE_TRACK -> UNKNOWN;
                    case RETRY_BY_HAND -> null;
                };
            case REFUSED -> event == Event.RETRY_BY_HAND ? PENDING : null;
            case DONE -> null;
        };
        if (next == null) {
            throw new StorelineException(
                    ErrorCode.INVALID_TRANSITION,
                    "The sync task is " + wireName() + ", so it cannot be "
                            + event.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".");
        }
        return next;
    }

    /** Done is final; refused is final too, unless someone retries it by hand. */
    public boolean isTerminal() {
        return this == DONE || this == REFUSED;
    }

    /** Still to be delivered: waiting, being sent, or to be checked. */
    public boolean isOutstanding() {
        return this == PENDING || this == IN_FLIGHT || this == UNKNOWN;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SyncTaskState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
