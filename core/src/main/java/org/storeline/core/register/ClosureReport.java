package org.storeline.core.register;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.money.Money;
import org.storeline.core.payment.PaymentKind;

/**
 * What a register took during one period, by payment type, and the cash that should be in the drawer
 * (opening float plus cash payments, refunds in cash taken off) beside the cash counted.
 *
 * <p>Every payment recorded on a register is in exactly one report: that of the period open when it was recorded,
 * or, recorded while the register was closed, that of the register's next period, which takes it in when it opens
 * ({@code carriedOver} counts those). The report is made once, when the period closes, and stored: later payments,
 * or a payment type renamed, never change it.
 */
public record ClosureReport(
        UUID registerId,
        UUID outletId,
        RegisterPeriod period,
        List<PaymentTotal> payments,
        Money expectedCash,
        Optional<Money> countedCash,
        long carriedOver) {

    public ClosureReport {
        payments = List.copyOf(payments);
        if (carriedOver < 0) {
            throw new IllegalArgumentException("carriedOver cannot be negative: " + carriedOver);
        }
    }

    /**
     * One payment type's payments in one currency. {@code total} nets refunds (negative payments) against
     * payments, and {@code count} counts both.
     */
    public record PaymentTotal(
            UUID paymentTypeId, String name, PaymentKind kind, Optional<String> processor, long count, Money total) {}

    /** The report of a period just closed: what it took, and the cash expected from it. */
    public static ClosureReport of(
            UUID registerId, UUID outletId, RegisterPeriod closed, List<PaymentTotal> payments, long carriedOver) {
        if (closed.isOpen()) {
            throw new IllegalArgumentException(
                    "A closure report is made of a closed period; " + closed.id() + " is open.");
        }
        return new ClosureReport(
                registerId,
                outletId,
                closed,
                payments,
                expectedCash(closed.openingFloat(), payments),
                closed.countedCash(),
                carriedOver);
    }

    public Optional<Money> cashDifference() {
        return countedCash.map(counted -> counted.minus(expectedCash));
    }

    /** How many payments the report holds, refunds included. */
    public long paymentsCount() {
        return payments.stream().mapToLong(PaymentTotal::count).sum();
    }

    static Money expectedCash(Money openingFloat, List<PaymentTotal> payments) {
        Money expected = openingFloat;
        for (PaymentTotal total : payments) {
            if (total.kind() == PaymentKind.CASH && total.total().currency().equals(openingFloat.currency())) {
                expected = expected.plus(total.total());
            }
        }
        return expected;
    }
}
