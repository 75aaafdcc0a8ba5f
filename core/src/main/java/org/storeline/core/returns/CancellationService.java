package org.storeline.core.returns;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.event.DomainEvents;
import org.storeline.core.event.SaleEvents;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.fulfillment.FulfillmentEvents;
import org.storeline.core.fulfillment.FulfillmentRepository;
import org.storeline.core.fulfillment.FulfillmentStatus;
import org.storeline.core.refund.Refund;
import org.storeline.core.refund.RefundSender;
import org.storeline.core.refund.RefundSettlement;
import org.storeline.core.refund.RefundStatus;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleRepository;
import org.storeline.core.sale.SaleSource;
import org.storeline.core.stock.StockReason;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Permission;

/**
 * Cancels an online sale whose goods have not left (STS-4 from this side): its fulfillments become cancelled, every
 * unit not yet returned goes back into stock at the outlet it was taken from (reason {@code cancellation}), and the
 * money taken is refunded as a return would refund it. All of it is recorded as one return of everything left, on
 * the sale's own register, so sums over lines and payments net the cancelled sale out like any return. The sale is
 * then cancelled for good: it takes no payment, note or return. A sale with a fulfillment shipped or picked up is
 * returned instead, and so is an in-store sale.
 *
 * <p>Locks: the sale, then its fulfillments, then what a return locks (register, outlet, stock). Publishes
 * {@code sale.cancelled}, then {@code fulfillment.changed} for each fulfillment it cancelled.
 */
public final class CancellationService {
    static final String REASON = "Order cancelled";

    private final SaleRepository sales;
    private final FulfillmentRepository fulfillments;
    private final ReturnWriter writer;
    private final RefundSettlement settlement;
    private final RefundSender sender;
    private final DomainEvents events;
    private final Transactions tx;
    private final Clock clock;

    public CancellationService(
            SaleRepository sales,
            FulfillmentRepository fulfillments,
            ReturnWriter writer,
            RefundSettlement settlement,
            RefundSender sender,
            DomainEvents events,
            Transactions tx,
            Clock clock) {
        this.sales = sales;
        this.fulfillments = fulfillments;
        this.writer = writer;
        this.settlement = settlement;
        this.sender = sender;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Cancels the sale; answers it as it is once its refund, if one is sent to a processor, has an answer. */
    public Sale cancel(Actor actor, UUID saleId) {
        actor.require(Permission.SELL);
        Optional<Refund> toSend = tx.inTransaction(() -> cancelInTransaction(actor, saleId));
        toSend.ifPresent(refund -> sender.send(refund.id()));
        return sales.findById(saleId)
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.SALE_NOT_FOUND, "Sale", saleId));
    }

    /** Everything but the call to a processor; answers the refund to send, if there is one. */
    private Optional<Refund> cancelInTransaction(Actor actor, UUID saleId) {
        Sale sale = sales.findByIdForUpdate(saleId)
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.SALE_NOT_FOUND, "Sale", saleId));
        actor.requireOutlet(sale.outletId());
        return cancelLocked(sale, f -> actor.requireOutlet(f.outletId()), Optional.of(actor.userId()), REASON);
    }

    /**
     * The platform cancelled the order (STS-4): the same cancellation, by no user, in the caller's transaction, which
     * holds the sale's lock. Answers the refund to send once that transaction has committed ({@link #send}), if one is
     * sent to a processor; a refund never sent (a crash before) is sent again by the refunds' recheck.
     */
    public Optional<UUID> cancelForChannel(Sale lockedSale, String platform) {
        return cancelLocked(lockedSale, f -> {}, Optional.empty(), REASON + " on " + platform)
                .map(Refund::id);
    }

    /** Sends a cancellation's refund to its processor; never inside a transaction. */
    public void send(UUID refundId) {
        sender.send(refundId);
    }

    private Optional<Refund> cancelLocked(
            Sale sale, Consumer<Fulfillment> permitted, Optional<UUID> userId, String reason) {
        UUID saleId = sale.id();
        requireCancellable(sale);
        List<Fulfillment> open = fulfillments.findBySaleForUpdate(saleId).stream()
                .filter(f -> f.status() != FulfillmentStatus.CANCELLED)
                .toList();
        open.forEach(permitted);
        requireNothingLeft(sale, open);
        sale.cancel();
        List<FulfillmentStatus> before = open.stream().map(Fulfillment::status).toList();
        open.forEach(Fulfillment::cancel);
        fulfillments.updateStatuses(open);
        Instant now = clock.instant();
        List<Returnable.Taking> left = Returnable.everythingLeft(sale, sales.returnedQuantities(saleId));
        Optional<ReturnWriter.Written> written = left.isEmpty()
                ? Optional.empty()
                : Optional.of(writer.write(
                        new ReturnWriter.Order(
                                sale,
                                left,
                                StockOrigins.ofFulfillments(sale, open),
                                sale.outletId(),
                                Optional.of(sale.registerId()),
                                Optional.empty(),
                                reason,
                                StockReason.CANCELLATION,
                                Optional.empty(),
                                Optional.empty()),
                        userId,
                        now));
        sales.update(sale);
        events.publish(SaleEvents.cancelled(
                sale, open.stream().map(Fulfillment::id).toList(), written.map(ReturnWriter.Written::returned), now));
        for (int i = 0; i < open.size(); i++) {
            events.publish(FulfillmentEvents.changed(open.get(i), FulfillmentEvents.Change.STATUS, before.get(i), now));
        }
        written.filter(w -> w.refund().status().isTerminal())
                .ifPresent(w -> settlement.announce(sale, w.returned(), w.refund(), now));
        return written.map(ReturnWriter.Written::refund).filter(r -> r.status() == RefundStatus.PENDING);
    }

    /**
     * Whether the sale can be cancelled now, by the rules {@link #cancel} checks (an online sale, not cancelled, not a
     * return, whose goods have not left): for a screen that offers the action only where it would be taken.
     */
    public static boolean allows(Sale sale, List<Fulfillment> fulfillments) {
        try {
            requireCancellable(sale);
            requireNothingLeft(
                    sale,
                    fulfillments.stream()
                            .filter(f -> f.status() != FulfillmentStatus.CANCELLED)
                            .toList());
            return true;
        } catch (StorelineException refused) {
            return false;
        }
    }

    private static void requireCancellable(Sale sale) {
        sale.requireNotCancelled("second cancellation");
        if (sale.isReturn()) {
            throw new StorelineException(
                    ErrorCode.SALE_IS_A_RETURN,
                    "Sale " + sale.receiptNumber() + " is a return; a return is not cancelled.");
        }
        if (sale.source() != SaleSource.ONLINE) {
            throw new StorelineException(
                    ErrorCode.IN_STORE_SALE_USE_RETURN,
                    "Sale " + sale.receiptNumber() + " was made in store: the customer has the goods, so make a"
                            + " return instead (POST /api/v1/sales/" + sale.id() + "/returns).");
        }
    }

    /** A fulfillment shipped or picked up means the goods left: that is a return, not a cancellation. */
    private static void requireNothingLeft(Sale sale, List<Fulfillment> open) {
        for (Fulfillment f : open) {
            if (f.status().isTerminal()) {
                throw new StorelineException(
                        ErrorCode.FULFILLMENT_COMPLETE_USE_RETURN,
                        "Fulfillment " + f.id() + " of sale " + sale.receiptNumber() + " is "
                                + f.status().wireName()
                                + ": its goods have left, so the sale cannot be cancelled. Make a return instead"
                                + " (POST /api/v1/sales/" + sale.id() + "/returns).");
            }
        }
    }
}
