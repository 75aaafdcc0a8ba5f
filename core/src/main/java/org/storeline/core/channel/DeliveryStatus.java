package org.storeline.core.channel;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/**
 * Where a stored webhook delivery is in the inbox: pending (waiting, or waiting to be tried again) → processing
 * (claimed by a worker under a lease) → done (imported or logged), ignored (not about an order) or failed (given
 * up; staff can queue it again). A processing delivery whose worker died is claimed again once its lease runs out.
 * The inbox moves many rows at once in SQL, so it asks this machine which states an event applies to
 * ({@link #from(Event)}) rather than moving one row at a time.
 */
public enum DeliveryStatus {
    PENDING,
    PROCESSING,
    DONE,
    IGNORED,
    FAILED;

    public enum Event {
        /** A worker takes the delivery (again, if the lease of the worker that had it ran out). */
        CLAIM("claimed"),
        FINISH("finished"),
        IGNORE("ignored"),
        RETRY_LATER("tried again later"),
        GIVE_UP("given up"),
        /** The retry button: due again now. */
        REQUEUE("queued again");

        private final String done;

        Event(String done) {
            this.done = done;
        }
    }

    /** The statuses of deliveries still to be processed. */
    public static final Set<DeliveryStatus> WAITING = EnumSet.of(PENDING, PROCESSING);

    public DeliveryStatus on(Event event) {
        DeliveryStatus next = switch (event) {
            case CLAIM -> this == PENDING || this == PROCESSING ? PROCESSING : null;
            case FINISH -> this == PROCESSING ? DONE : null;
            case IGNORE -> this == PROCESSING ? IGNORED : null;
            case RETRY_LATER -> this == PROCESSING ? PENDING : null;
            case GIVE_UP -> this == PROCESSING ? FAILED : null;
            // A delivery being processed is left to its worker (or, if that worker died, to its lease).
            case REQUEUE -> this == PROCESSING ? null : PENDING;
        };
        if (next == null) {
            throw new StorelineException(
                    ErrorCode.INVALID_TRANSITION,
                    "A delivery that is " + wireName() + " cannot be " + event.done + ".");
        }
        return next;
    }

    /** The statuses in which a delivery takes {@code event}. */
    public static Set<DeliveryStatus> from(Event event) {
        Set<DeliveryStatus> from = EnumSet.noneOf(DeliveryStatus.class);
        for (DeliveryStatus status : values()) {
            try {
                status.on(event);
                from.add(status);
            } catch (StorelineException refused) {
                // not from this status
            }
        }
        return from;
    }

    /** Whether the worker is through with it (staff may still queue it again). */
    public boolean isFinished() {
        return !WAITING.contains(this);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus fromWire(String value) {
        return Arrays.stream(values())
                .filter(s -> s.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a delivery status: " + value));
    }
}
