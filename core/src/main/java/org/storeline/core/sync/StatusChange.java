package org.storeline.core.sync;

import java.util.List;
import java.util.Optional;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.fulfillment.Tracking;
import org.storeline.core.money.Money;

/**
 * Something that happened here to an order that came from a channel, to be told to that channel (the STS table).
 * Each platform's module decides what, if anything, it sends for each kind (its status words, its shipment or
 * fulfillment resources); a kind a platform has no word for is sent as nothing.
 *
 * @param externalOrderId the platform's own id of the order (a string, as platforms give it)
 * @param kind what happened
 * @param type delivery or pickup: the order's fulfillment type
 * @param tracking for {@link Kind#FULFILLED} deliveries: the tracking given when each fulfillment shipped (may be
 *     empty; several for a split order)
 * @param amount for {@link Kind#PAID}: the amount paid here; for {@link Kind#REFUNDED}: the amount given back this time
 * @param whollyRefunded for {@link Kind#REFUNDED}: whether everything paid has now been given back
 */
public record StatusChange(
        String externalOrderId,
        Kind kind,
        FulfillmentType type,
        List<Tracking> tracking,
        Optional<Money> amount,
        boolean whollyRefunded) {

    public enum Kind {
        /** Every fulfillment of the order is packed (or further): BigCommerce's Awaiting Shipment / Pickup. */
        PACKED,
        /** Every fulfillment of the order is shipped or picked up (FUL-7): the order is fulfilled on the channel. */
        FULFILLED,
        /** An unpaid order was paid here (Ecwid: PAID). */
        PAID,
        /** The sale was cancelled here (Ecwid: CANCELLED, WILL_NOT_DELIVER). */
        CANCELLED,
        /** Money was given back here (Ecwid: REFUNDED or PARTIALLY_REFUNDED). */
        REFUNDED
    }

    public StatusChange {
        tracking = List.copyOf(tracking);
    }
}
