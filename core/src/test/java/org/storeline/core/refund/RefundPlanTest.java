package org.storeline.core.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;
import org.storeline.core.payment.PaymentKind;
import org.storeline.core.payment.PaymentType;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleLine;

/** RET-2 and RET-3: how much goes back, to which payment type, and whether Storeline sends it or says how to. */
class RefundPlanTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final PaymentType CASH = type("Cash", PaymentKind.CASH, Optional.empty(), Optional.empty());
    private static final PaymentType STRIPE =
            type("Stripe", PaymentKind.INTEGRATED, Optional.of("Stripe"), Optional.empty());
    private static final PaymentType STRIPE_API = type(
            "Stripe API", PaymentKind.INTEGRATED, Optional.of("Stripe"), Optional.of(URI.create("https://pay.test/r")));
    private static final Map<UUID, PaymentType> TYPES =
            Map.of(CASH.id(), CASH, STRIPE.id(), STRIPE, STRIPE_API.id(), STRIPE_API);

    private static PaymentType type(String name, PaymentKind kind, Optional<String> processor, Optional<URI> url) {
        return new PaymentType(UUID.randomUUID(), name, kind, processor, Instant.EPOCH, url, false);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** A sale of 20.00 (no tax), paid {@code paid} with {@code type}. */
    private static Sale sale(PaymentType type, String paid) {
        SaleLine line = SaleLine.price(
                UUID.randomUUID(), Optional.empty(), "S", "Item", 2, eur("10.00"), eur("0"), TaxRate.NONE, false);
        Sale sale = Sale.ringUp(
                "1-000009",
                NOW,
                UUID.randomUUID(),
                UUID.randomUUID(),
                Optional.empty(),
                List.of(line),
                UUID.randomUUID());
        if (!paid.equals("0")) {
            sale.applyPayment(type, eur(paid), NOW, sale.registerId(), Optional.empty(), Optional.empty());
        }
        return sale;
    }

    private static RefundPlan plan(Sale sale, String returnTotal, String committed, Optional<PaymentType> chosen) {
        return RefundPlan.of(sale, eur(returnTotal), eur(committed), chosen, p -> TYPES.get(p.paymentTypeId()));
    }

    @Test
    void cashGoesBackByHandAndTheMessageSaysHowMuch() {
        RefundPlan plan = plan(sale(CASH, "20.00"), "12.50", "0", Optional.empty());

        assertThat(plan.send()).isFalse();
        assertThat(plan.amount()).isEqualTo(eur("12.50"));
        assertThat(plan.type()).contains(CASH);
        assertThat(plan.message()).isEqualTo("Give the customer 12.50 in cash.");
    }

    @Test
    void anIntegratedProcessorWithoutUrlIsRefundedAtItsPortal() {
        RefundPlan plan = plan(sale(STRIPE, "20.00"), "12.50", "0", Optional.empty());

        assertThat(plan.send()).isFalse();
        assertThat(plan.message())
                .isEqualTo("Refund 12.50 at Stripe's portal: Storeline sends no refund to this processor.");
    }

    @Test
    void aProcessorWithAUrlIsSentTheRefundWithTheOriginalPaymentAsReference() {
        Sale sale = sale(STRIPE_API, "20.00");

        RefundPlan plan = plan(sale, "12.50", "0", Optional.empty());

        assertThat(plan.send()).isTrue();
        assertThat(plan.paymentReference()).contains(sale.payments().get(0).id().toString());
    }

    @Test
    void neverMoreThanWasPaidMinusEarlierRefunds() {
        assertThat(plan(sale(CASH, "15.00"), "12.50", "5.00", Optional.empty()).amount())
                .isEqualTo(eur("10.00"));
        RefundPlan nothingLeft = plan(sale(CASH, "20.00"), "12.50", "20.00", Optional.empty());
        assertThat(nothingLeft.amount()).isEqualTo(eur("0.00"));
        assertThat(nothingLeft.send()).isFalse();
        assertThat(nothingLeft.message()).startsWith("Nothing left to refund");
    }

    @Test
    void aSaleNeverPaidRefundsNothingAndSaysSo() {
        RefundPlan plan = plan(sale(CASH, "0"), "12.50", "0", Optional.empty());

        assertThat(plan.amount().isZero()).isTrue();
        assertThat(plan.send()).isFalse();
        assertThat(plan.message()).isEqualTo("No payment was taken for sale 1-000009: nothing to refund.");
    }

    @Test
    void anotherPaymentTypeMayBeChosen() {
        RefundPlan plan = plan(sale(STRIPE_API, "20.00"), "12.50", "0", Optional.of(CASH));

        assertThat(plan.type()).contains(CASH);
        assertThat(plan.send()).isFalse();
        assertThat(plan.paymentReference()).isEmpty();
        assertThat(plan.message()).isEqualTo("Give the customer 12.50 in cash.");
    }
}
