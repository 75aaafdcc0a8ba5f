package org.storeline.channels.bigcommerce;

import java.util.OptionalInt;
import org.storeline.core.channel.OrderDisposition;

/**
 * BigCommerce's order statuses by {@code status_id}, and what each means here. Keyed on the id, never on
 * the text: merchants can relabel statuses ({@code custom_status}), the ids are fixed. The same table is in
 * docs/platforms/bigcommerce.md.
 */
enum BigCommerceOrderStatus {
    /** Shopper reached the payment page and left: an abandoned checkout, nothing sold. */
    INCOMPLETE(0, OrderDisposition.SKIP_INCOMPLETE),
    /** Placed but not yet paid (BigCommerce's default status for orders created by API). */
    PENDING(1, OrderDisposition.IMPORT_UNPAID),
    /** Shipped by the merchant: paid and already fulfilled on the platform. */
    SHIPPED(2, OrderDisposition.IMPORT_FULFILLED),
    /** Some items shipped: paid, and the rest is still to fulfil here. */
    PARTIALLY_SHIPPED(3, OrderDisposition.IMPORT_PAID),
    /** Refunded in full before we saw it: nothing kept. */
    REFUNDED(4, OrderDisposition.SKIP_REFUNDED),
    /** Cancelled by the merchant before we saw it. */
    CANCELLED(5, OrderDisposition.SKIP_CANCELLED),
    /** Declined (typically a manual payment that never came): nothing sold. */
    DECLINED(6, OrderDisposition.SKIP_CANCELLED),
    /** Checkout done, payment not confirmed yet (bank deposit, cheque, cash...): an unpaid sale. */
    AWAITING_PAYMENT(7, OrderDisposition.IMPORT_UNPAID),
    /** Paid, pulled and waiting for the customer at a pickup location. */
    AWAITING_PICKUP(8, OrderDisposition.IMPORT_PAID),
    /** Paid, packed, waiting for the carrier. */
    AWAITING_SHIPMENT(9, OrderDisposition.IMPORT_PAID),
    /** Completed: paid and fulfilled (digital goods land here at once). */
    COMPLETED(10, OrderDisposition.IMPORT_FULFILLED),
    /** Checkout done and payment confirmed: the usual state of a new paid order. */
    AWAITING_FULFILLMENT(11, OrderDisposition.IMPORT_PAID),
    /** On hold for a manual check (often the payment): not yet counted as paid. */
    MANUAL_VERIFICATION_REQUIRED(12, OrderDisposition.IMPORT_UNPAID),
    /** The customer disputes a payment that was taken: the money was received, the goods are owed. */
    DISPUTED(13, OrderDisposition.IMPORT_PAID),
    /** Part refunded: the rest was paid and is still to fulfil. */
    PARTIALLY_REFUNDED(14, OrderDisposition.IMPORT_PAID);

    private final int id;
    private final OrderDisposition disposition;

    BigCommerceOrderStatus(int id, OrderDisposition disposition) {
        this.id = id;
        this.disposition = disposition;
    }

    /**
     * The disposition of a {@code status_id}. An unknown or missing id imports an unpaid sale: the order is
     * not lost (BYD-6) and nobody ships goods that may not be paid for.
     */
    static OrderDisposition dispositionOf(OptionalInt statusId) {
        if (statusId.isPresent()) {
            for (BigCommerceOrderStatus status : values()) {
                if (status.id == statusId.getAsInt()) {
                    return status.disposition;
                }
            }
        }
        return OrderDisposition.IMPORT_UNPAID;
    }

    static boolean isAwaitingPickup(OptionalInt statusId) {
        return statusId.isPresent() && statusId.getAsInt() == AWAITING_PICKUP.id;
    }
}
