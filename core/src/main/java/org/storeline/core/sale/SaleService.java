package org.storeline.core.sale;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.event.DomainEvents;
import org.storeline.core.event.SaleEvents;
import org.storeline.core.money.Money;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.payment.PaymentTypeService;
import org.storeline.core.register.Register;
import org.storeline.core.register.RegisterPeriod;
import org.storeline.core.register.RegisterRepository;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Permission;

/**
 * Reading sales, applying payments to them (PAY-2, PAY-3) and annotating them. A sale is seen by the staff of the
 * outlet it was recorded at and by the staff of every outlet that fulfils it: a pickup at outlet B of an online sale
 * recorded at outlet A is paid at B's counter, on B's register.
 */
public final class SaleService {
    /** How far in the future a payment time may lie, to allow for clocks that disagree a little. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final SaleRepository sales;
    private final RegisterRepository registers;
    private final PaymentTypeService paymentTypes;
    private final OutletService outlets;
    private final FulfillingOutlets fulfillingOutlets;
    private final DomainEvents events;
    private final Transactions tx;
    private final Clock clock;

    public SaleService(
            SaleRepository sales,
            RegisterRepository registers,
            PaymentTypeService paymentTypes,
            OutletService outlets,
            FulfillingOutlets fulfillingOutlets,
            DomainEvents events,
            Transactions tx,
            Clock clock) {
        this.sales = sales;
        this.registers = registers;
        this.paymentTypes = paymentTypes;
        this.outlets = outlets;
        this.fulfillingOutlets = fulfillingOutlets;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    public Sale get(Actor actor, UUID id) {
        Sale sale =
                sales.findById(id).orElseThrow(() -> StorelineException.notFound(ErrorCode.SALE_NOT_FOUND, "Sale", id));
        requireVisible(actor, sale);
        return sale;
    }

    /** The sale's own outlet, or one that fulfils it; otherwise refused as the sale's outlet would be. */
    private void requireVisible(Actor actor, Sale sale) {
        if (actor.canSee(sale.outletId())
                || fulfillingOutlets.of(sale.id()).stream().anyMatch(actor::canSee)) {
            return;
        }
        actor.requireOutlet(sale.outletId());
    }

    /**
     * A sale without an outlet check: for callers that already checked the actor against something that
     * belongs to the sale (a fulfillment at another outlet than the sale's, say).
     */
    public Sale require(UUID id) {
        return sales.findById(id).orElseThrow(() -> StorelineException.notFound(ErrorCode.SALE_NOT_FOUND, "Sale", id));
    }

    /**
     * {@link #require} for many sales at once (a page of fulfillments names up to a page of sales): read in a few
     * queries whatever their number, keyed by id.
     */
    public Map<UUID, Sale> requireAll(Collection<UUID> ids) {
        Map<UUID, Sale> found = new HashMap<>();
        sales.findByIds(Set.copyOf(ids)).forEach(sale -> found.put(sale.id(), sale));
        for (UUID id : ids) {
            if (!found.containsKey(id)) {
                throw StorelineException.notFound(ErrorCode.SALE_NOT_FOUND, "Sale", id);
            }
        }
        return found;
    }

    public Page<Sale> list(Actor actor, SaleFilter filter, PageRequest page) {
        filter.outletId().ifPresent(actor::requireOutlet);
        Optional<Collection<UUID>> visible = actor.role().seesEveryOutlet()
                ? Optional.empty()
                : Optional.of(outlets.list(actor).stream().map(Outlet::id).toList());
        return sales.list(filter, visible, page);
    }

    public record PaymentRequest(UUID paymentTypeId, String amount, Optional<Instant> paidAt, UUID registerId) {}

    /**
     * Records money taken elsewhere for a sale (it charges nobody, PAY-3). The register must be open and
     * {@code paid_at} inside its open period, or the payment would be missing from the closure report. A payment that
     * settles an online sale publishes {@code sale.paid} (the channel is told: STS).
     */
    public Sale applyPayment(Actor actor, UUID saleId, PaymentRequest request) {
        actor.require(Permission.SELL);
        return tx.inTransaction(() -> {
            Sale sale = sales.findByIdForUpdate(saleId)
                    .orElseThrow(() -> StorelineException.notFound(ErrorCode.SALE_NOT_FOUND, "Sale", saleId));
            requireVisible(actor, sale);
            Register register = registers
                    .findByIdForUpdate(request.registerId())
                    .orElseThrow(() -> StorelineException.notFound(
                            ErrorCode.REGISTER_NOT_FOUND, "Register", request.registerId()));
            actor.requireOutlet(register.outletId());
            Instant now = clock.instant();
            Instant paidAt = request.paidAt().orElse(now);
            if (paidAt.isAfter(now.plus(CLOCK_SKEW))) {
                throw StorelineException.invalid("paid_at " + paidAt + " lies in the future.");
            }
            RegisterPeriod period = register.requireOpenAt(paidAt);
            Money amount = Money.of(Money.parseAmount(request.amount()), sale.currency());
            PaymentStatus before = sale.paymentStatus();
            SalePayment payment = sale.applyPayment(
                    paymentTypes.require(request.paymentTypeId()),
                    amount,
                    paidAt,
                    register.id(),
                    Optional.of(period.id()),
                    Optional.of(actor.userId()));
            sales.update(sale);
            if (sale.source() == SaleSource.ONLINE
                    && before != PaymentStatus.PAID
                    && sale.paymentStatus() == PaymentStatus.PAID) {
                // Last in the transaction: the outbox serialises its writers from here to the commit.
                events.publish(SaleEvents.paid(sale, payment.id(), now));
            }
            return sale;
        });
    }

    public Sale annotate(Actor actor, UUID saleId, String note) {
        actor.require(Permission.SELL);
        return tx.inTransaction(() -> {
            Sale sale = sales.findByIdForUpdate(saleId)
                    .orElseThrow(() -> StorelineException.notFound(ErrorCode.SALE_NOT_FOUND, "Sale", saleId));
            requireVisible(actor, sale);
            sale.annotate(note == null ? "" : note);
            sales.update(sale);
            return sale;
        });
    }
}
