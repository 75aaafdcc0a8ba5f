package org.storeline.core.statussync;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.fulfillment.FulfillmentStatus;
import org.storeline.core.money.Money;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleStatus;

/**
 * What the status sync reads of a sale here: its status, what is still owed on it and where each of its
 * fulfillments is.
 *
 * @param owed the sale's balance: positive while it is not fully paid
 */
public record SaleState(
        UUID saleId, String receiptNumber, SaleStatus status, Money owed, List<FulfillmentState> fulfillments) {
    public SaleState {
        Objects.requireNonNull(saleId, "saleId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(owed, "owed");
        fulfillments = List.copyOf(fulfillments);
    }

    public static SaleState of(Sale sale, List<Fulfillment> fulfillments) {
        return new SaleState(
                sale.id(),
                sale.receiptNumber(),
                sale.status(),
                sale.balance(),
                fulfillments.stream()
                        .map(f -> new FulfillmentState(f.id(), f.type(), f.status()))
                        .toList());
    }

    /** One fulfillment of the sale. */
    public record FulfillmentState(UUID id, FulfillmentType type, FulfillmentStatus status) {}
}
