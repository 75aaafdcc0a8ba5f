package org.storeline.core.sale;

import java.util.Locale;
import java.util.Objects;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/** A sale's life: open until paid in full (in-store) or fulfilled (online); completed or cancelled for good. */
public enum SaleStatus {
    OPEN,
    COMPLETED,
    CANCELLED;

    public enum Event {
        COMPLETE,
        CANCEL
    }

    /** The transition table. Completed and cancelled sales accept no further status change. */
    public SaleStatus on(Event event) {
        Objects.requireNonNull(event, "event");
        if (this == OPEN) {
            return event == Event.COMPLETE ? COMPLETED : CANCELLED;
        }
        throw new StorelineException(
                ErrorCode.INVALID_TRANSITION,
                "The sale is " + wireName() + "; it cannot be " + (event == Event.COMPLETE ? "completed" : "cancelled")
                        + " any more.");
    }

    public boolean isTerminal() {
        return this != OPEN;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SaleStatus fromWire(String value) {
        for (SaleStatus status : values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw StorelineException.invalid("status must be one of open, completed, cancelled; got '" + value + "'.");
    }
}
