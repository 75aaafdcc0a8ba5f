package org.storeline.core.refund;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.payment.PaymentType;
import org.storeline.core.payment.PaymentTypeRepository;
import org.storeline.core.payment.ProcessorEndpoint;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleRepository;
import org.storeline.core.transaction.Transactions;

/**
 * Sends refunds to their processors and records the answers (RET-3). The call is made outside any transaction; its
 * answer is recorded in a transaction of its own, on the refund locked, so that two answers to one refund (a late
 * request and a recheck) are recorded one after the other and only the first final one counts. A refund whose
 * outcome is unknown is sent again by {@link #recheckDue} (a recurring job) with the same idempotency key, its id,
 * so the processor pays it back once however many times it is asked.
 */
public final class RefundSender {
    /** How many refunds one recheck sends at most; the rest wait for the next. */
    static final int RECHECK_BATCH = 50;

    private final RefundRepository refunds;
    private final SaleRepository sales;
    private final PaymentTypeRepository paymentTypes;
    private final PaymentProcessor processor;
    private final RefundSettlement settlement;
    private final Transactions tx;
    private final Clock clock;
    private final Duration answerWithin;

    /** @param answerWithin longer than the processor's timeout: a refund still pending after it is sent again */
    public RefundSender(
            RefundRepository refunds,
            SaleRepository sales,
            PaymentTypeRepository paymentTypes,
            PaymentProcessor processor,
            RefundSettlement settlement,
            Transactions tx,
            Clock clock,
            Duration answerWithin) {
        this.refunds = refunds;
        this.sales = sales;
        this.paymentTypes = paymentTypes;
        this.processor = processor;
        this.settlement = settlement;
        this.tx = tx;
        this.clock = clock;
        this.answerWithin = answerWithin;
    }

    public Duration answerWithin() {
        return answerWithin;
    }

    /** Sends a pending or unknown refund and records the answer. Not to be called inside a transaction. */
    public Refund send(UUID refundId) {
        Refund refund =
                refunds.findById(refundId).orElseThrow(() -> new IllegalStateException("No refund " + refundId));
        if (refund.status().isTerminal()) {
            return refund;
        }
        UUID typeId = refund.paymentTypeId().orElseThrow(() -> new IllegalStateException("A sent refund has a type"));
        PaymentType type = paymentTypes
                .findById(typeId)
                .orElseThrow(
                        () -> StorelineException.notFound(ErrorCode.PAYMENT_TYPE_NOT_FOUND, "Payment type", typeId));
        Optional<ProcessorEndpoint> endpoint = paymentTypes.endpointOf(typeId);
        RefundOutcome outcome = endpoint.isPresent()
                ? processor.refund(
                        endpoint.get(),
                        new RefundCall(refund.id(), refund.amount(), refund.paymentReference(), refund.reason()))
                : new RefundOutcome.Unknown("the payment type has no processor URL");
        return tx.inTransaction(() -> record(refundId, type, outcome));
    }

    private Refund record(UUID refundId, PaymentType type, RefundOutcome outcome) {
        Refund current = refunds.findByIdForUpdate(refundId)
                .orElseThrow(() -> new IllegalStateException("No refund " + refundId));
        if (current.status().isTerminal()) {
            return current; // another attempt's answer was recorded first; the processor paid once (same key)
        }
        Instant now = clock.instant();
        String name = type.refunder();
        Refund next = switch (outcome) {
            case RefundOutcome.Succeeded done -> current.succeeded(name, now);
            case RefundOutcome.Refused refused -> current.refused(name, refused.message(), now);
            case RefundOutcome.Unknown unknown -> current.unknown(name, unknown.detail(), now);
        };
        refunds.update(next);
        if (next.status() == RefundStatus.DONE) {
            Sale returned = require(next.returnSaleId(), true);
            settlement.giveBack(returned, next, now);
            sales.update(returned);
            settlement.announce(require(next.saleId(), false), returned, next, now);
        }
        return next;
    }

    private Sale require(UUID saleId, boolean forUpdate) {
        return (forUpdate ? sales.findByIdForUpdate(saleId) : sales.findById(saleId))
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.SALE_NOT_FOUND, "Sale", saleId));
    }

    /**
     * Sends again the refunds whose outcome is unknown (and those still pending long after their first attempt: its
     * request died), up to {@value #RECHECK_BATCH}; answers how many were sent. Each is claimed first, so that
     * processes running this at the same time never send one twice at once. One refund failing does not stop the
     * others; the first failure is thrown at the end, the rest attached to it.
     */
    public int recheckDue() {
        Instant now = clock.instant();
        List<UUID> due = tx.inTransaction(() -> refunds.claimDue(now, RECHECK_BATCH, now.plus(answerWithin)));
        RuntimeException failure = null;
        for (UUID id : due) {
            try {
                send(id);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return due.size();
    }
}
