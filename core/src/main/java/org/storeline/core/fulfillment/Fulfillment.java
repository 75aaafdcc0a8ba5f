package org.storeline.core.fulfillment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.channel.FulfillmentType;

/**
 * The work of getting one sale's items from one outlet to the customer (a split order has one per
 * outlet, FUL-7). Items are the sale's product lines to pick (unmatched ones included), never the
 * shipping fee. Created {@code new} by the order import; the Fulfillment issue adds the actions.
 */
public record Fulfillment(
        UUID id,
        UUID saleId,
        UUID outletId,
        FulfillmentType type,
        FulfillmentStatus status,
        List<Item> items,
        Instant createdAt,
        Optional<UUID> assignedUserId) {

    public Fulfillment {
        items = List.copyOf(items);
    }

    /** This fulfillment cancelled (its sale was): refused once it is shipped or picked up. */
    public Fulfillment cancel() {
        return new Fulfillment(
                id,
                saleId,
                outletId,
                type,
                status.on(FulfillmentStatus.Event.CANCEL),
                items,
                createdAt,
                assignedUserId);
    }

    /** A line to pick: how many units of it this outlet sends, and how many are picked so far. */
    public record Item(UUID lineId, String sku, String name, long quantity, long picked) {}
}
