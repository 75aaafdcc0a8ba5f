package org.storeline.core.channel;

import java.util.Objects;

/**
 * How far a platform says its order is, in words of this system rather than the platform's: whether it is paid and
 * where its goods are. Only a platform whose status changes are taken in here (Ecwid: STS-1..4) reports it; the
 * others' mappers leave {@link ChannelOrder#progress()} empty, and a later version of their orders is only logged
 * (ORD-6).
 *
 * @param payment     the payment as the platform shows it
 * @param fulfillment the goods as the platform shows them
 */
public record OrderProgress(Payment payment, Fulfillment fulfillment) {
    public OrderProgress {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(fulfillment, "fulfillment");
    }

    /** The payment side. */
    public enum Payment {
        /** Placed, not paid yet (awaiting payment, or a store's own unpaid word). */
        AWAITING,
        PAID,
        PARTIALLY_REFUNDED,
        REFUNDED,
        /** The merchant cancelled the order (STS-4). */
        CANCELLED,
        /** A word this system does not know: never acted on. */
        OTHER
    }

    /** The goods side. */
    public enum Fulfillment {
        /** Nothing done yet. */
        AWAITING,
        /** Being prepared: not synced (STS-5). */
        PROCESSING,
        READY_FOR_PICKUP,
        OUT_FOR_DELIVERY,
        SHIPPED,
        /** Delivered, or for a pickup, collected. */
        DELIVERED,
        WILL_NOT_DELIVER,
        RETURNED,
        /** A word this system does not know (a store-defined status): never acted on. */
        OTHER
    }
}
