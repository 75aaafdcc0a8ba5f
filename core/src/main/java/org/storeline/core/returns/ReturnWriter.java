package org.storeline.core.returns;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.outlet.OutletRepository;
import org.storeline.core.payment.PaymentType;
import org.storeline.core.payment.PaymentTypeService;
import org.storeline.core.refund.Refund;
import org.storeline.core.refund.RefundPlan;
import org.storeline.core.refund.RefundRepository;
import org.storeline.core.refund.RefundSettlement;
import org.storeline.core.register.Register;
import org.storeline.core.register.RegisterRepository;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleLine;
import org.storeline.core.sale.SaleRepository;
import org.storeline.core.stock.StockChange;
import org.storeline.core.stock.StockLedger;
import org.storeline.core.stock.StockReason;

/**
 * Writes a return in the caller's transaction, the original sale locked: the return (a sale of its own, numbered
 * from its outlet's sequence), the units put back into stock where they came from, and its refund, pending when its
 * processor is to be called, else settled at once (not sent: the negative payment recorded now). Locks are taken in
 * the order every sale takes them: register, outlet (the receipt number), stock rows.
 */
public final class ReturnWriter {
    private final SaleRepository sales;
    private final RegisterRepository registers;
    private final OutletRepository outlets;
    private final PaymentTypeService paymentTypes;
    private final StockLedger stock;
    private final RefundRepository refunds;
    private final RefundSettlement settlement;
    private final Duration answerWithin;

    public ReturnWriter(
            SaleRepository sales,
            RegisterRepository registers,
            OutletRepository outlets,
            PaymentTypeService paymentTypes,
            StockLedger stock,
            RefundRepository refunds,
            RefundSettlement settlement,
            Duration answerWithin) {
        this.sales = sales;
        this.registers = registers;
        this.outlets = outlets;
        this.paymentTypes = paymentTypes;
        this.stock = stock;
        this.refunds = refunds;
        this.settlement = settlement;
        this.answerWithin = answerWithin;
    }

    /**
     * A return to write: what it gives back ({@code takings}) and where its units go ({@code origins}), the outlet
     * it is recorded at, and what the request chose.
     */
    public record Order(
            Sale original,
            List<Returnable.Taking> takings,
            StockOrigins origins,
            UUID outletId,
            Optional<UUID> registerId,
            Optional<UUID> paymentTypeId,
            String reason,
            StockReason stockReason,
            Optional<String> requestKey,
            Optional<String> requestDigest) {}

    /** The return written and its refund. */
    public record Written(Sale returned, Refund refund) {}

    public Written write(Order order, Optional<UUID> userId, Instant now) {
        Sale original = order.original();
        Register register = register(order);
        List<SaleLine> lines =
                order.takings().stream().map(Returnable.Taking::returnLine).toList();
        Sale returned = Sale.returnOf(
                original,
                Ids.newId(),
                outlets.nextReceiptNumber(order.outletId()),
                now,
                order.outletId(),
                register.id(),
                lines,
                order.reason(),
                userId);
        Refund refund = refund(order, returned, register, userId, now);
        if (refund.status().isTerminal()) {
            settlement.giveBack(returned, refund, now);
        }
        sales.insert(returned);
        stock.apply(restock(order, returned, userId), now);
        refunds.insert(refund);
        return new Written(returned, refund);
    }

    private Refund refund(Order order, Sale returned, Register register, Optional<UUID> userId, Instant now) {
        Sale original = order.original();
        RefundPlan plan = RefundPlan.of(
                original,
                returned.total().negate(),
                refunds.committedFor(original.id(), original.currency()),
                order.paymentTypeId().map(paymentTypes::require),
                payment -> paymentTypes.require(payment.paymentTypeId()));
        Refund.Draft draft = new Refund.Draft(
                Ids.newId(),
                original.id(),
                returned.id(),
                order.requestKey(),
                order.requestDigest(),
                plan.type().map(PaymentType::id),
                plan.paymentReference(),
                plan.amount(),
                order.reason(),
                register.id(),
                userId);
        return plan.send()
                ? Refund.toSend(draft, plan.type().orElseThrow().refunder(), now, answerWithin)
                : Refund.notSent(draft, plan.message(), now);
    }

    /**
     * The register given, if it is of the return's outlet; else the sale's own when the return is recorded at the
     * sale's outlet; else the outlet's first register.
     */
    private Register register(Order order) {
        UUID outlet = order.outletId();
        if (order.registerId().isPresent()) {
            Register chosen = lockRegister(order.registerId().get());
            if (!chosen.outletId().equals(outlet)) {
                throw new StorelineException(
                        ErrorCode.REGISTER_OUTLET_MISMATCH,
                        "Register '" + chosen.name() + "' belongs to another outlet than " + outlet
                                + ", where the return is recorded; give a register of that outlet.");
            }
            return chosen;
        }
        if (outlet.equals(order.original().outletId())) {
            return lockRegister(order.original().registerId());
        }
        UUID first = registers.findAll().stream()
                .filter(r -> r.outletId().equals(outlet))
                .min(Comparator.comparing(Register::id))
                .map(Register::id)
                .orElseThrow(() -> new StorelineException(
                        ErrorCode.BUSINESS_RULE,
                        "Outlet " + outlet + " has no register to record the return on: create one there, or"
                                + " restock at another outlet."));
        return lockRegister(first);
    }

    private Register lockRegister(UUID id) {
        return registers
                .findByIdForUpdate(id)
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.REGISTER_NOT_FOUND, "Register", id));
    }

    private static List<StockChange> restock(Order order, Sale returned, Optional<UUID> userId) {
        List<StockChange> changes = new ArrayList<>();
        for (Returnable.Taking taking : order.takings()) {
            Optional<UUID> product = taking.line().productId();
            if (product.isEmpty()) {
                continue;
            }
            for (StockOrigins.Share share :
                    order.origins().take(taking.line().id(), taking.before(), taking.quantity())) {
                changes.add(new StockChange(
                        product.get(),
                        share.outletId(),
                        share.quantity(),
                        order.stockReason(),
                        Optional.of(returned.id()),
                        userId));
            }
        }
        return changes;
    }

    /** The outlets a return's units go back to, in the order of its lines. */
    public static List<UUID> restockOutlets(List<Returnable.Taking> takings, StockOrigins origins) {
        return takings.stream()
                .flatMap(t -> origins.take(t.line().id(), t.before(), t.quantity()).stream())
                .map(StockOrigins.Share::outletId)
                .distinct()
                .toList();
    }
}
