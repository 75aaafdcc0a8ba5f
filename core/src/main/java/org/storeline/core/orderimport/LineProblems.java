package org.storeline.core.orderimport;

import java.util.Optional;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.sale.SaleLine;

/**
 * What makes a platform line one that cannot mean goods to pick or take from stock (BYD-6): no units or fewer
 * than none, more units than a sale line may hold ({@link SaleLine#MAX_QUANTITY}, the limit of an in-store sale),
 * a negative unit price, or a negative total.
 *
 * <p>The order is never refused for it: the line stays on the sale as the platform sent it, so the sale still
 * equals the platform's total and staff see exactly what came in, but it is tied to no product and given to no
 * outlet. A quantity of -3 is then no fulfillment of -3 units, and 10<sup>12</sup> units are no split over the
 * outlets driving their stock to -10<sup>12</sup>: what the customer meant is for staff to find out.
 */
final class LineProblems {
    private LineProblems() {}

    /** Why the line cannot be allocated, worded to follow "line 'name' (SKU ...)"; empty when it is sound. */
    static Optional<String> of(ChannelOrder.OrderLine line) {
        if (line.quantity() < 1) {
            return Optional.of("has quantity " + line.quantity() + ", which is no number of units to sell");
        }
        if (line.quantity() > SaleLine.MAX_QUANTITY) {
            return Optional.of("has quantity " + line.quantity() + ", more than the " + SaleLine.MAX_QUANTITY
                    + " units a sale line may hold");
        }
        if (line.unitPrice().isNegative()) {
            return Optional.of("has a negative unit price (" + line.unitPrice().toDecimalString() + ")");
        }
        if (line.total().isNegative()) {
            return Optional.of("has a negative total (" + line.total().toDecimalString() + ")");
        }
        return Optional.empty();
    }
}
