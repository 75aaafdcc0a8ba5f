package org.storeline.core.refund;

import java.util.Optional;
import java.util.function.Function;
import org.storeline.core.money.Money;
import org.storeline.core.payment.PaymentType;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SalePayment;

/**
 * How much of a return goes back, where to, and whether Storeline sends it (RET-2, RET-3). The money goes back to the
 * sale's original payment method (the type of its first payment) unless another is chosen; never more than the
 * return is worth, nor more than was paid minus what its earlier refunds give back. A type with a processor URL is
 * sent to its processor; any other (cash, a card terminal, a processor without URL) is refunded by hand, and the
 * message says how. A sale never paid refunds nothing.
 *
 * @param send     whether the processor is called (else {@code message} is the cashier's instruction)
 * @param type     the payment type the money goes back to; empty when the sale was never paid and none was chosen
 * @param paymentReference the sale's payment being refunded (the processor's reference to it), if one is of that type
 */
public record RefundPlan(
        Money amount, Optional<PaymentType> type, Optional<String> paymentReference, boolean send, String message) {

    /**
     * @param returnTotal what the return's lines are worth (positive when they give money back)
     * @param committed   what the sale's earlier refunds give back (all but the refused)
     * @param chosen      the payment type asked for, if any, else the original's is looked up by {@code typeOf}
     */
    public static RefundPlan of(
            Sale original,
            Money returnTotal,
            Money committed,
            Optional<PaymentType> chosen,
            Function<SalePayment, PaymentType> typeOf) {
        Optional<SalePayment> first = original.payments().stream()
                .filter(p -> p.amount().isPositive())
                .findFirst();
        Money zero = Money.zero(original.currency());
        if (first.isEmpty()) {
            return new RefundPlan(
                    zero, chosen, Optional.empty(), false, RefundInstructions.nothingPaid(original.receiptNumber()));
        }
        PaymentType type = chosen.orElseGet(() -> typeOf.apply(first.get()));
        Optional<String> reference = original.payments().stream()
                .filter(p -> p.amount().isPositive() && p.paymentTypeId().equals(type.id()))
                .findFirst()
                .map(p -> p.id().toString());
        Money left = original.paid().minus(committed);
        Money amount = returnTotal.isGreaterThan(left) ? left : returnTotal;
        if (!amount.isPositive()) {
            String why = returnTotal.isPositive()
                    ? RefundInstructions.nothingLeft(original.receiptNumber())
                    : "This return gives no money back.";
            return new RefundPlan(zero, Optional.of(type), reference, false, why);
        }
        if (type.processorUrl().isPresent()) {
            return new RefundPlan(amount, Optional.of(type), reference, true, "");
        }
        return new RefundPlan(
                amount, Optional.of(type), reference, false, RefundInstructions.forHandRefund(type, amount));
    }
}
