package org.storeline.core.register;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.money.Money;
import org.storeline.core.payment.PaymentKind;

/**
 * What a register took during one period, by payment type, and the cash that should be in the drawer
 * (opening float plus cash payments) beside the cash counted.
 */
public record ClosureReport(
        UUID registerId,
        UUID outletId,
        RegisterPeriod period,
        List<PaymentTotal> payments,
        Money expectedCash,
        Optional<Money> countedCash) {

    public record PaymentTotal(
            UUID paymentTypeId, String name, PaymentKind kind, Optional<String> processor, long count, Money total) {}

    public Optional<Money> cashDifference() {
        return countedCash.map(counted -> counted.minus(expectedCash));
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
