package org.storeline.core.sale;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.money.Money;
import org.storeline.core.payment.PaymentKind;

/** Money taken for a sale, on a register, in one of its open periods. */
public record SalePayment(
        UUID id,
        UUID paymentTypeId,
        PaymentKind kind,
        Optional<String> processor,
        Money amount,
        Instant paidAt,
        UUID registerId,
        Optional<UUID> registerPeriodId,
        Optional<UUID> userId) {
    public SalePayment {
        amount.requireRecordable("The payment");
    }
}
