package org.storeline.core.email;

import java.util.Locale;
import java.util.Objects;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/**
 * Where a customer email is. {@code pending}: written, not tried yet (or resent). {@code sent}: the mail server took
 * it. {@code failed}: the last attempt failed; tried again later while attempts remain. {@code skipped}: there was
 * nothing to send (the customer has no address, or customer emails are off). Staff can resend any email that is not
 * on its way: a sent, failed or skipped one becomes pending again.
 */
public enum CustomerEmailStatus {
    PENDING,
    SENT,
    FAILED,
    SKIPPED;

    public enum Event {
        /** The mail server accepted the email. */
        DELIVER,
        /** The attempt failed: the server could not be reached, or refused it. */
        FAIL,
        /** Nothing is sent: no address, or emails were turned off before it went. */
        SKIP,
        /** Staff asked for it to be sent (again). */
        RESEND
    }

    /** The transition table: only an email on its way (pending or failed) takes an attempt's outcome. */
    public CustomerEmailStatus on(Event event) {
        Objects.requireNonNull(event, "event");
        if (isDue()) {
            return switch (event) {
                case DELIVER -> SENT;
                case FAIL -> FAILED;
                case SKIP -> SKIPPED;
                case RESEND -> PENDING;
            };
        }
        if (event == Event.RESEND) {
            return PENDING;
        }
        throw new StorelineException(
                ErrorCode.INVALID_TRANSITION,
                "The email is " + wireName() + "; only a pending or failed email is sent or skipped.");
    }

    /** On its way: the sender tries it when its next attempt is due. */
    public boolean isDue() {
        return this == PENDING || this == FAILED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CustomerEmailStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
