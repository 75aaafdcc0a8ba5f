package org.storeline.core.fulfillment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.event.DomainEvent;
import org.storeline.core.event.DomainEvents;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleRepository;
import org.storeline.core.sale.SaleStatus;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;

/**
 * The transaction every change of a fulfillment runs in. The actor must be permitted for the fulfillment's outlet
 * (staff included: FUL-8). Locks its sale, then the fulfillment (the order every writer follows, as cancellation
 * does), so two people acting on one fulfillment queue: the second sees what the first did, and is refused if that
 * made its action impossible, never losing the first's change. Then persists the change and publishes
 * {@code fulfillment.changed}; when the change completed the last fulfillment of the sale (FUL-7), the sale
 * completes (it is paid: shipping required it) and {@code order.fulfilled} follows.
 */
final class FulfillmentChanges {
    /** One change, made on the locked fulfillment; its sale is locked too (for the payment gate and the note). */
    interface Change {
        void apply(Fulfillment fulfillment, Sale sale, Instant now);
    }

    private final FulfillmentRepository fulfillments;
    private final SaleRepository sales;
    private final DomainEvents events;
    private final Transactions tx;
    private final Clock clock;

    FulfillmentChanges(
            FulfillmentRepository fulfillments,
            SaleRepository sales,
            DomainEvents events,
            Transactions tx,
            Clock clock) {
        this.fulfillments = fulfillments;
        this.sales = sales;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    ChangedFulfillment apply(Actor actor, UUID id, FulfillmentEvents.Change kind, Change change) {
        return tx.inTransaction(() -> {
            Sale sale = lockSaleOf(actor, id);
            Fulfillment fulfillment = fulfillments.findByIdForUpdate(id).orElseThrow(() -> notFound(id));
            List<DomainEvent> published = applyLocked(fulfillment, sale, kind, change, clock.instant());
            // Events last: the outbox serialises its writers from here to the commit.
            published.forEach(events::publish);
            return new ChangedFulfillment(fulfillment, sale);
        });
    }

    /**
     * The same change to several fulfillments of one sale at once, in one transaction: the actor must be permitted for
     * the outlet of fulfillment {@code id} alone, {@code parts} choosing the others among the sale's (a split pickup
     * handed over at one counter: {@link OrderHandOver}). Locks the sale, then every fulfillment of it (oldest first,
     * as cancellation does); each part is changed in the order given, the first refusal undoing them all. Answers
     * {@code id}'s change.
     */
    ChangedFulfillment applyToParts(Actor actor, UUID id, Parts parts, Change change) {
        return tx.inTransaction(() -> {
            Sale sale = lockSaleOf(actor, id);
            List<Fulfillment> all = fulfillments.findBySaleForUpdate(sale.id());
            Fulfillment at =
                    all.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() -> notFound(id));
            Instant now = clock.instant();
            List<DomainEvent> published = new ArrayList<>();
            for (Fulfillment part : parts.of(at, all)) {
                published.addAll(applyLocked(part, sale, FulfillmentEvents.Change.STATUS, change, now));
            }
            published.forEach(events::publish);
            return new ChangedFulfillment(at, sale);
        });
    }

    /**
     * The sale of fulfillment {@code id}, locked, once the actor is found permitted for the fulfillment's outlet. Read
     * unlocked first, to check the outlet before waiting on anyone's lock and to learn the sale: its sale and outlet
     * alone, as the fulfillment itself is read again once locked.
     */
    private Sale lockSaleOf(Actor actor, UUID id) {
        FulfillmentRepository.Placement seen = fulfillments.findPlacement(id).orElseThrow(() -> notFound(id));
        actor.requireOutlet(seen.outletId());
        return sales.findByIdForUpdate(seen.saleId())
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.SALE_NOT_FOUND, "Sale", seen.saleId()));
    }

    /** Which fulfillments of the sale ({@code all}, oldest first) a change on {@code at} reaches, {@code at} first. */
    interface Parts {
        List<Fulfillment> of(Fulfillment at, List<Fulfillment> all);
    }

    /**
     * One change to a fulfillment whose sale, then row, the caller has locked in its own transaction: made and
     * persisted, completing the sale when it completed its last fulfillment. Answers the events to publish, last in
     * the transaction: {@code fulfillment.changed}, then {@code order.fulfilled} if the sale completed.
     */
    List<DomainEvent> applyLocked(
            Fulfillment fulfillment, Sale sale, FulfillmentEvents.Change kind, Change change, Instant now) {
        FulfillmentStatus before = fulfillment.status();
        String noteBefore = sale.note();
        SaleStatus saleBefore = sale.status();
        change.apply(fulfillment, sale, now);
        fulfillments.save(fulfillment);
        List<DomainEvent> published = new ArrayList<>();
        published.add(FulfillmentEvents.changed(fulfillment, kind, before, now));
        if (!before.isComplete() && fulfillment.isComplete()) {
            List<Fulfillment> all = fulfillments.findBySale(sale.id());
            if (all.stream().allMatch(Fulfillment::isComplete)) {
                sale.completeOnceFulfilled();
                published.add(FulfillmentEvents.orderFulfilled(sale, all, now));
            }
        }
        if (!sale.note().equals(noteBefore) || sale.status() != saleBefore) {
            sales.update(sale);
        }
        return published;
    }

    private static StorelineException notFound(UUID id) {
        return StorelineException.notFound(ErrorCode.FULFILLMENT_NOT_FOUND, "Fulfillment", id);
    }
}
