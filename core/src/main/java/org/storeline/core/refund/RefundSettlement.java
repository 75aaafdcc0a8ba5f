package org.storeline.core.refund;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.event.DomainEvents;
import org.storeline.core.event.SaleEvents;
import org.storeline.core.payment.PaymentType;
import org.storeline.core.payment.PaymentTypeRepository;
import org.storeline.core.register.Register;
import org.storeline.core.register.RegisterPeriod;
import org.storeline.core.register.RegisterRepository;
import org.storeline.core.sale.Sale;

/**
 * What a settled refund (done or not sent) leaves behind, in the caller's transaction: the money given back as a
 * negative payment on the return, and the "sale refunded" event. The payment is on the refund's register, in its
 * open period if that period holds the moment of the refund, else in none: a payment recorded while its register
 * is closed belongs to the register's next period (PAY-1).
 */
public final class RefundSettlement {
    private final RegisterRepository registers;
    private final PaymentTypeRepository paymentTypes;
    private final DomainEvents events;

    public RefundSettlement(RegisterRepository registers, PaymentTypeRepository paymentTypes, DomainEvents events) {
        this.registers = registers;
        this.paymentTypes = paymentTypes;
        this.events = events;
    }

    /**
     * Adds the refund's money to the return as a negative payment (the caller persists the return). The register is
     * locked first, as a payment taken on it is, so that a closure counting its payments never misses this one.
     */
    public void giveBack(Sale returned, Refund refund, Instant now) {
        if (!refund.amount().isPositive()) {
            return;
        }
        UUID typeId =
                refund.paymentTypeId().orElseThrow(() -> new IllegalStateException("A refund of money has a type"));
        PaymentType type = paymentTypes
                .findById(typeId)
                .orElseThrow(
                        () -> StorelineException.notFound(ErrorCode.PAYMENT_TYPE_NOT_FOUND, "Payment type", typeId));
        Register register = registers
                .findByIdForUpdate(refund.registerId())
                .orElseThrow(() ->
                        StorelineException.notFound(ErrorCode.REGISTER_NOT_FOUND, "Register", refund.registerId()));
        Optional<UUID> period =
                register.openPeriod().filter(p -> p.contains(now)).map(RegisterPeriod::id);
        returned.recordRefund(type, refund.amount(), now, register.id(), period, refund.userId());
    }

    /** Publishes "sale refunded"; last in its transaction, as publishing serialises the transactions that do it. */
    public void announce(Sale original, Sale returned, Refund refund, Instant now) {
        events.publish(SaleEvents.refunded(
                original, returned, refund.amount(), refund.status().wireName(), now));
    }
}
