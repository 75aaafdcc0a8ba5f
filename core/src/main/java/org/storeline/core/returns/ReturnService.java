package org.storeline.core.returns;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.fulfillment.FulfillmentRepository;
import org.storeline.core.outlet.OutletRepository;
import org.storeline.core.refund.Refund;
import org.storeline.core.refund.RefundRepository;
import org.storeline.core.refund.RefundSender;
import org.storeline.core.refund.RefundSettlement;
import org.storeline.core.refund.RefundStatus;
import org.storeline.core.sale.FulfillingOutlets;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleRepository;
import org.storeline.core.sale.SaleSource;
import org.storeline.core.stock.StockReason;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Permission;

/**
 * "Return items" (RET-1..3): gives back units of a sale's lines, puts them back into stock and refunds them to the
 * sale's original payment method. In one transaction, with the sale locked so that concurrent returns of one line
 * count each other: the return, the restock and its refund, settled at once when nothing is sent. Then, outside
 * any transaction, a refund to a processor is sent and its answer recorded. An Idempotency-Key makes a retried
 * request answer the return the first one made.
 */
public final class ReturnService {
    private final SaleRepository sales;
    private final FulfillmentRepository fulfillments;
    private final FulfillingOutlets fulfillingOutlets;
    private final OutletRepository outlets;
    private final RefundRepository refunds;
    private final ReturnWriter writer;
    private final RefundSettlement settlement;
    private final RefundSender sender;
    private final Transactions tx;
    private final Clock clock;

    public ReturnService(
            SaleRepository sales,
            FulfillmentRepository fulfillments,
            FulfillingOutlets fulfillingOutlets,
            OutletRepository outlets,
            RefundRepository refunds,
            ReturnWriter writer,
            RefundSettlement settlement,
            RefundSender sender,
            Transactions tx,
            Clock clock) {
        this.sales = sales;
        this.fulfillments = fulfillments;
        this.fulfillingOutlets = fulfillingOutlets;
        this.outlets = outlets;
        this.refunds = refunds;
        this.writer = writer;
        this.settlement = settlement;
        this.sender = sender;
        this.tx = tx;
        this.clock = clock;
    }

    /** A return and its refund, as they are now. */
    public record Result(Sale returned, Refund refund) {}

    public Result record(Actor actor, UUID saleId, ReturnRequest request) {
        actor.require(Permission.SELL);
        Returnable.checkShape(request.lines());
        Attempt attempt = tx.inTransaction(() -> returnOrReplay(actor, saleId, request));
        Refund refund = attempt.written().refund();
        if (!attempt.replayed() && refund.status() == RefundStatus.PENDING) {
            refund = sender.send(refund.id());
            return new Result(require(refund.returnSaleId()), refund);
        }
        return new Result(attempt.written().returned(), refund);
    }

    /** What sales show of returns: the returns of each sale, and the refund of each return. */
    public record Returns(Map<UUID, List<RefundRepository.ReturnSummary>> bySale, Map<UUID, Refund> byReturn) {
        public List<RefundRepository.ReturnSummary> of(UUID saleId) {
            return bySale.getOrDefault(saleId, List.of());
        }

        public Optional<Refund> refundOf(UUID returnSaleId) {
            return Optional.ofNullable(byReturn.get(returnSaleId));
        }
    }

    /** The returns of these sales and the refunds of those that are returns, in two look-ups for any number. */
    public Returns returnsOf(Collection<UUID> saleIds) {
        if (saleIds.isEmpty()) {
            return new Returns(Map.of(), Map.of());
        }
        Map<UUID, List<RefundRepository.ReturnSummary>> bySale = refunds.returnsOf(saleIds).stream()
                .collect(Collectors.groupingBy(RefundRepository.ReturnSummary::saleId));
        Map<UUID, Refund> byReturn = new HashMap<>();
        refunds.findByReturns(saleIds).forEach(r -> byReturn.put(r.returnSaleId(), r));
        return new Returns(bySale, byReturn);
    }

    private record Attempt(ReturnWriter.Written written, boolean replayed) {}

    private Attempt returnOrReplay(Actor actor, UUID saleId, ReturnRequest request) {
        Sale original = sales.findByIdForUpdate(saleId)
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.SALE_NOT_FOUND, "Sale", saleId));
        requireVisible(actor, original);
        if (request.idempotencyKey().isPresent()) {
            Optional<Refund> earlier =
                    refunds.findByRequestKey(saleId, request.idempotencyKey().get());
            if (earlier.isPresent()) {
                return new Attempt(replay(original, earlier.get(), request), true);
            }
        }
        original.requireNotCancelled("returns");
        if (original.isReturn()) {
            throw new StorelineException(
                    ErrorCode.SALE_IS_A_RETURN,
                    "Sale " + original.receiptNumber() + " is a return; return items of the sale it returns ("
                            + original.returnOfSaleId().get() + ") instead.");
        }
        List<Returnable.Taking> takings = Returnable.check(original, sales.returnedQuantities(saleId), request.lines());
        StockOrigins origins = origins(original, request.outletId());
        List<UUID> restockedAt = ReturnWriter.restockOutlets(takings, origins);
        UUID outlet = request.outletId().orElse(restockedAt.isEmpty() ? original.outletId() : restockedAt.get(0));
        actor.requireOutlet(outlet);
        actor.requireOutlets(restockedAt);
        Instant now = clock.instant();
        ReturnWriter.Written written = writer.write(
                new ReturnWriter.Order(
                        original,
                        takings,
                        origins,
                        outlet,
                        request.registerId(),
                        request.paymentTypeId(),
                        request.reason(),
                        StockReason.RETURN,
                        request.idempotencyKey(),
                        request.idempotencyKey().map(k -> request.digest())),
                Optional.of(actor.userId()),
                now);
        if (written.refund().status().isTerminal()) {
            settlement.announce(original, written.returned(), written.refund(), now);
        }
        return new Attempt(written, false);
    }

    /** The return an earlier request with this key made, if it asked for the same; a key is not for two returns. */
    private ReturnWriter.Written replay(Sale original, Refund earlier, ReturnRequest request) {
        if (!earlier.requestDigest().equals(Optional.of(request.digest()))) {
            throw new StorelineException(
                    ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "The Idempotency-Key '" + request.idempotencyKey().get() + "' was sent before with another"
                            + " return of sale " + original.receiptNumber() + " (return " + earlier.returnSaleId()
                            + "); send a new key for a new return.");
        }
        return new ReturnWriter.Written(require(earlier.returnSaleId()), earlier);
    }

    /** Where the units came from, or the outlet chosen instead. */
    private StockOrigins origins(Sale original, Optional<UUID> outletId) {
        StockOrigins origins = original.source() == SaleSource.ONLINE
                ? StockOrigins.ofFulfillments(original, fulfillments.findBySale(original.id()))
                : StockOrigins.ofInStoreSale(original);
        if (outletId.isEmpty()) {
            return origins;
        }
        UUID outlet = outletId.get();
        outlets.findById(outlet)
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.OUTLET_NOT_FOUND, "Outlet", outlet));
        return origins.allAt(outlet);
    }

    /** The sale's own outlet, or one that fulfils it; otherwise refused as the sale's outlet would be. */
    private void requireVisible(Actor actor, Sale sale) {
        if (actor.canSee(sale.outletId())
                || fulfillingOutlets.of(sale.id()).stream().anyMatch(actor::canSee)) {
            return;
        }
        actor.requireOutlet(sale.outletId());
    }

    private Sale require(UUID saleId) {
        return sales.findById(saleId)
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.SALE_NOT_FOUND, "Sale", saleId));
    }
}
