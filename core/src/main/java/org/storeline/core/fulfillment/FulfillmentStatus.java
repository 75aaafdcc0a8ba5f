package org.storeline.core.fulfillment;

import java.util.Locale;
import java.util.Set;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/**
 * Where a fulfillment is (FUL-2): new → in progress (picking started) → packed → shipped (deliveries)
 * or picked up (pickups); cancelled from any state before completion.
 */
public enum FulfillmentStatus {
    NEW,
    IN_PROGRESS,
    PACKED,
    SHIPPED,
    PICKED_UP,
    CANCELLED;

    public enum Event {
        START_PICKING,
        PACK,
        SHIP,
        PICK_UP,
        CANCEL
    }

    /** The statuses the Fulfillments page lists by default. */
    public static final Set<FulfillmentStatus> INCOMPLETE = Set.of(NEW, IN_PROGRESS, PACKED);

    public FulfillmentStatus on(Event event) {
        FulfillmentStatus next = switch (event) {
            case START_PICKING -> this == NEW ? IN_PROGRESS : null;
            case PACK -> this == NEW || this == IN_PROGRESS ? PACKED : null;
            case SHIP -> isTerminal() ? null : SHIPPED;
            case PICK_UP -> isTerminal() ? null : PICKED_UP;
            case CANCEL -> isTerminal() ? null : CANCELLED;
        };
        if (next == null) {
            throw new StorelineException(
                    ErrorCode.INVALID_TRANSITION,
                    "A fulfillment that is " + wireName() + " cannot "
                            + event.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".");
        }
        return next;
    }

    public boolean isTerminal() {
        return this == SHIPPED || this == PICKED_UP || this == CANCELLED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FulfillmentStatus fromWire(String value) {
        for (FulfillmentStatus status : values()) {
            if (status.wireName().equals(value.trim())) {
                return status;
            }
        }
        throw StorelineException.invalid(
                "status must be one of new, in_progress, packed, shipped, picked_up, cancelled or any; got '" + value
                        + "'.");
    }
}
