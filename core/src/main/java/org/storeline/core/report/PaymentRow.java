package org.storeline.core.report;

import java.util.Optional;
import java.util.UUID;
import org.storeline.core.money.Money;
import org.storeline.core.payment.PaymentKind;

/**
 * One line of the payment report: the payments of one payment type in one currency. Money taken ({@code received})
 * and money given back by refunds ({@code refunded}, a positive amount: refunds are stored as negative payments) are
 * shown apart; {@link #net()} takes the refunds off the payments, and {@link #count()} counts both, as a closure report
 * counts them.
 * {@code processor} is the integrated processor's name (PAY-4), empty for other kinds.
 */
public record PaymentRow(
        UUID paymentTypeId,
        String name,
        PaymentKind kind,
        Optional<String> processor,
        long receivedCount,
        Money received,
        long refundedCount,
        Money refunded) {
    public PaymentRow {
        if (!received.currency().equals(refunded.currency())) {
            throw new IllegalArgumentException("A payment row is in one currency");
        }
    }

    /** How many payment records: payments and refunds (a closure report counts them the same way). */
    public long count() {
        return receivedCount + refundedCount;
    }

    /** Money taken less money given back. */
    public Money net() {
        return received.minus(refunded);
    }
}
