package org.storeline.core.fulfillment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.event.DomainEvent;
import org.storeline.core.event.DomainEvents;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleRepository;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;

/**
 * Moving a fulfillment along (FUL-2..5): mark it packed, shipped (deliveries) or picked up (pickups), for any user
 * permitted for its outlet. Shipping and handing over wait for the sale to be paid in full (FUL-4); tracking given
 * when shipping is kept on the fulfillment and added to the sale's note (FUL-5). Cancelling is the sale's
 * ({@code CancellationService}).
 */
public final class FulfillmentWorkflow {
    private final FulfillmentChanges changes;

    public FulfillmentWorkflow(
            FulfillmentRepository fulfillments,
            SaleRepository sales,
            DomainEvents events,
            Transactions tx,
            Clock clock) {
        this.changes = new FulfillmentChanges(fulfillments, sales, events, tx, clock);
    }

    public ChangedFulfillment pack(Actor actor, UUID id) {
        return changes.apply(actor, id, FulfillmentEvents.Change.STATUS, (f, sale, now) -> f.pack());
    }

    public ChangedFulfillment ship(Actor actor, UUID id, Optional<Tracking> tracking) {
        return changes.apply(actor, id, FulfillmentEvents.Change.STATUS, (f, sale, now) -> {
            f.ship(sale, tracking);
            tracking.ifPresent(
                    t -> sale.annotate(sale.note().isBlank() ? t.noteLine() : sale.note() + "\n" + t.noteLine()));
        });
    }

    public ChangedFulfillment handOver(Actor actor, UUID id) {
        return changes.apply(actor, id, FulfillmentEvents.Change.STATUS, (f, sale, now) -> f.handOver(sale));
    }

    /**
     * Hands a split pickup order over as a whole at the counter of fulfillment {@code id} (FUL-7): that part and every
     * other open part of the sale, which the other outlets packed and brought over ({@link OrderHandOver}). The actor
     * must be permitted for {@code id}'s outlet, the counter; the sale must be paid in full (FUL-4).
     */
    public ChangedFulfillment handOverOrder(Actor actor, UUID id) {
        return changes.applyToParts(actor, id, OrderHandOver::parts, (f, sale, now) -> f.handOver(sale));
    }

    /**
     * Marks it packed as {@link #pack} does, for a caller that holds the sale's lock, then the fulfillment's, in its
     * own transaction (a platform's status taken in: STS-2). Answers the events to publish last in that transaction.
     */
    public List<DomainEvent> packLocked(Sale sale, Fulfillment fulfillment, Instant now) {
        return changes.applyLocked(fulfillment, sale, FulfillmentEvents.Change.STATUS, (f, s, at) -> f.pack(), now);
    }

    /**
     * Ships a packed delivery (without tracking) or hands a packed pickup over, as {@link #ship} and {@link #handOver}
     * do (the sale paid in full: FUL-4), for a caller that holds the locks as {@link #packLocked} says (STS-1).
     */
    public List<DomainEvent> completeLocked(Sale sale, Fulfillment fulfillment, Instant now) {
        return changes.applyLocked(
                fulfillment,
                sale,
                FulfillmentEvents.Change.STATUS,
                (f, s, at) -> {
                    if (f.type() == FulfillmentType.PICKUP) {
                        f.handOver(s);
                    } else {
                        f.ship(s, Optional.empty());
                    }
                },
                now);
    }
}
