package org.storeline.core.fulfillment;

import java.util.Locale;
import java.util.Set;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/**
 * Where a fulfillment is (FUL-2): new → in progress (the first scan, or a picker assigned) → packed → shipped
 * (deliveries) or picked up (pickups). Packed straight from new too (picked by hand from the packing slip);
 * cancelled from any state before completion. Shipped, picked up and cancelled are final.
 *
 * <p>Whether a delivery may be picked up (no) is the aggregate's rule ({@link Fulfillment}): this table knows only
 * the order of the steps. Every refusal is {@code invalid_transition} with a message naming the current state.
 */
public enum FulfillmentStatus {
    NEW,
    IN_PROGRESS,
    PACKED,
    SHIPPED,
    PICKED_UP,
    CANCELLED;

    /** What can happen to a fulfillment; the ones that leave the status as it is are listed too, to decide them. */
    public enum Event {
        /** A unit scanned by the Scanner: picking starts (or goes on). */
        PICK("picked (scanned)"),
        /** A picker assigned: picking starts, or the picker changes. */
        ASSIGN("assigned"),
        UNASSIGN("unassigned"),
        /** A fulfillment note: taken in every state (what happened to a cancelled one is worth writing down). */
        ADD_NOTE("given a note"),
        PACK("packed"),
        SHIP("shipped"),
        PICK_UP("picked up"),
        CANCEL("cancelled");

        private final String pastParticiple;

        Event(String pastParticiple) {
            this.pastParticiple = pastParticiple;
        }
    }

    /** The statuses the Fulfillments page lists by default. */
    public static final Set<FulfillmentStatus> INCOMPLETE = Set.of(NEW, IN_PROGRESS, PACKED);

    /** The transition table. */
    public FulfillmentStatus on(Event event) {
        FulfillmentStatus next = next(event);
        if (next == null) {
            throw new StorelineException(ErrorCode.INVALID_TRANSITION, refusal(event));
        }
        return next;
    }

    /** Whether {@code event} may happen in this status (what a screen offers). */
    public boolean allows(Event event) {
        return next(event) != null;
    }

    /** The status after {@code event}; null when the event is refused in this status. */
    private FulfillmentStatus next(Event event) {
        return switch (event) {
            case PICK -> this == NEW || this == IN_PROGRESS ? IN_PROGRESS : null;
            case ASSIGN -> this == NEW ? IN_PROGRESS : isTerminal() ? null : this;
            case UNASSIGN -> isTerminal() ? null : this;
            case ADD_NOTE -> this;
            case PACK -> this == NEW || this == IN_PROGRESS ? PACKED : null;
            case SHIP -> this == PACKED ? SHIPPED : null;
            case PICK_UP -> this == PACKED ? PICKED_UP : null;
            case CANCEL -> isTerminal() ? null : CANCELLED;
        };
    }

    private String refusal(Event event) {
        String base = "This fulfillment is " + wireName() + ", so it cannot be " + event.pastParticiple;
        if (isTerminal()) {
            return base + (this == CANCELLED ? ": its sale was cancelled." : ": it is complete.");
        }
        return switch (event) {
            case SHIP, PICK_UP -> base + " yet: mark it packed first (POST /api/v1/fulfillments/{id}/pack).";
            case PACK -> base + " again.";
            default -> base + " any more: picking is over once it is packed.";
        };
    }

    public boolean isTerminal() {
        return this == SHIPPED || this == PICKED_UP || this == CANCELLED;
    }

    /** The goods reached the customer (or the carrier): shipped or picked up. */
    public boolean isComplete() {
        return this == SHIPPED || this == PICKED_UP;
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
