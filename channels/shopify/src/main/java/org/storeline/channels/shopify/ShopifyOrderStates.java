package org.storeline.channels.shopify;

import java.util.Locale;
import org.storeline.core.channel.OrderDisposition;

/**
 * Shopify's order state words and what they mean here. The same table is in docs/platforms/shopify.md;
 * change both together. Rows are checked in order: the first that matches wins.
 */
final class ShopifyOrderStates {
    private ShopifyOrderStates() {}

    /**
     * @param cancelled       {@code cancelled_at} is set
     * @param financialStatus {@code financial_status}, lower case, or empty when absent
     * @param fulfillmentStatus {@code fulfillment_status}, lower case ({@code null} on the wire means unfulfilled)
     */
    static OrderDisposition disposition(boolean cancelled, String financialStatus, String fulfillmentStatus) {
        // Row 1: a cancelled order is dead whatever its payment says (a cancelled paid order is refunded or voided
        // next).
        if (cancelled) {
            return OrderDisposition.SKIP_CANCELLED;
        }
        return switch (financialStatus.toLowerCase(Locale.ROOT)) {
            // Row 2: the authorization was voided, or expired before capture: nothing was sold.
            case "voided", "expired" -> OrderDisposition.SKIP_CANCELLED;
            // Row 3: refunded in full before we saw it: nothing to fulfil.
            case "refunded" -> OrderDisposition.SKIP_REFUNDED;
            // Row 4: placed but not paid: manual payment, bank deposit, cash on delivery, payment terms.
            case "pending" -> OrderDisposition.IMPORT_UNPAID;
            // Row 5: part of it paid (a deposit, a gift card with the rest to pay): the part received is recorded, the
            // balance left open (ShopifyPayments.amountReceived says how that part is read).
            case "partially_paid" -> OrderDisposition.IMPORT_PARTIALLY_PAID;
            // Row 6: the processor holds or took the money (an authorization is treated as paid: Shopify captures it
            // on fulfilment); a partial refund leaves a paid sale. Already shipped everything: IMPORT_FULFILLED.
            case "authorized", "paid", "partially_refunded" ->
                "fulfilled".equals(fulfillmentStatus)
                        ? OrderDisposition.IMPORT_FULFILLED
                        : OrderDisposition.IMPORT_PAID;
            // Row 7: a word we do not know (a newer API version): never lose the order, import it unpaid; the raw
            // words are in platformStatus for the activity log.
            default -> OrderDisposition.IMPORT_UNPAID;
        };
    }
}
