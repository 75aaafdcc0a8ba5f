package org.storeline.core.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.storeline.core.ErrorAssertions.assertRefused;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;
import org.storeline.core.payment.PaymentKind;
import org.storeline.core.payment.PaymentType;
import org.storeline.core.returns.ProRata;

class SaleTest {
    private static final Instant RUNG_UP = Instant.parse("2026-03-02T09:15:00Z");
    private static final Instant PAID_AT = Instant.parse("2026-03-02T09:16:00Z");
    private static final UUID OUTLET = UUID.randomUUID();
    private static final UUID REGISTER = UUID.randomUUID();
    private static final UUID PERIOD = UUID.randomUUID();
    private static final UUID CASHIER = UUID.randomUUID();
    private static final PaymentType CASH =
            new PaymentType(UUID.randomUUID(), "Cash", PaymentKind.CASH, Optional.empty(), Instant.EPOCH);
    private static final PaymentType STRIPE = new PaymentType(
            UUID.randomUUID(), "Card (Stripe)", PaymentKind.INTEGRATED, Optional.of("Stripe"), Instant.EPOCH);

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static SaleLine line(String unitPrice, long quantity, String currency) {
        return SaleLine.price(
                UUID.randomUUID(),
                Optional.empty(),
                "SKU",
                "Item",
                quantity,
                Money.of(unitPrice, currency),
                Money.zero(Currency.getInstance(currency)),
                TaxRate.of("0.21"),
                false);
    }

    /** 2 × 10.00 at 21 % (24.20) and 1 × 0.99 at 21 % (1.20): 25.40 in all, 4.41 of it tax. */
    private static Sale aSale() {
        return Sale.ringUp(
                "A-0001",
                RUNG_UP,
                OUTLET,
                REGISTER,
                Optional.empty(),
                List.of(line("10.00", 2, "EUR"), line("0.99", 1, "EUR")),
                CASHIER);
    }

    private static SalePayment pay(Sale sale, PaymentType type, String amount) {
        return sale.applyPayment(type, eur(amount), PAID_AT, REGISTER, Optional.of(PERIOD), Optional.of(CASHIER));
    }

    private static Sale anOnlineSale() {
        return new Sale(
                UUID.randomUUID(),
                "W-0001",
                RUNG_UP,
                OUTLET,
                REGISTER,
                SaleSource.ONLINE,
                Optional.of(new ChannelOrderRef(UUID.randomUUID(), "gid://shop/Order/1", "#1001", PAID_AT)),
                SaleStatus.OPEN,
                Currency.getInstance("EUR"),
                Optional.empty(),
                List.of(line("10.00", 1, "EUR")),
                List.of(),
                "",
                Optional.empty());
    }

    @Test
    void aFreeInStoreSaleIsCompletedAtOnce() {
        Sale sale = Sale.ringUp(
                "A-0002", RUNG_UP, OUTLET, REGISTER, Optional.empty(), List.of(line("0.00", 1, "EUR")), CASHIER);

        assertThat(sale.status()).isEqualTo(SaleStatus.COMPLETED);
        assertThat(sale.paymentStatus()).isEqualTo(PaymentStatus.PAID);
    }

    @Test
    void ringsUpAnOpenUnpaidInStoreSale() {
        Sale sale = aSale();

        assertThat(sale.status()).isEqualTo(SaleStatus.OPEN);
        assertThat(sale.source()).isEqualTo(SaleSource.IN_STORE);
        assertThat(sale.paymentStatus()).isEqualTo(PaymentStatus.UNPAID);
        assertThat(sale.total()).isEqualTo(eur("25.40"));
        assertThat(sale.totalTax()).isEqualTo(eur("4.41"));
        assertThat(sale.paid()).isEqualTo(eur("0"));
        assertThat(sale.balance()).isEqualTo(eur("25.40"));
        assertThat(sale.receiptNumber()).isEqualTo("A-0001");
        assertThat(sale.createdAt()).isEqualTo(RUNG_UP);
        assertThat(sale.userId()).contains(CASHIER);
        assertThat(sale.channelOrder()).isEmpty();
        assertThat(sale.note()).isEmpty();
    }

    @Test
    void refusesASaleWithoutLines() {
        assertRefused(
                ErrorCode.INVALID_REQUEST,
                () -> Sale.ringUp("A-0002", RUNG_UP, OUTLET, REGISTER, Optional.empty(), List.of(), CASHIER));
    }

    @Test
    void refusesASaleWithLinesInTwoCurrencies() {
        assertRefused(
                ErrorCode.CURRENCY_MISMATCH,
                () -> Sale.ringUp(
                        "A-0003",
                        RUNG_UP,
                        OUTLET,
                        REGISTER,
                        Optional.empty(),
                        List.of(line("10.00", 1, "EUR"), line("10.00", 1, "USD")),
                        CASHIER));
    }

    @Test
    void aPartialPaymentLeavesTheSaleOpenAndPartiallyPaid() {
        Sale sale = aSale();

        SalePayment payment = pay(sale, CASH, "10.00");

        assertThat(sale.status()).isEqualTo(SaleStatus.OPEN);
        assertThat(sale.paymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_PAID);
        assertThat(sale.paid()).isEqualTo(eur("10.00"));
        assertThat(sale.balance()).isEqualTo(eur("15.40"));
        assertThat(sale.payments()).containsExactly(payment);
        assertThat(payment.amount()).isEqualTo(eur("10.00"));
        assertThat(payment.paymentTypeId()).isEqualTo(CASH.id());
        assertThat(payment.kind()).isEqualTo(PaymentKind.CASH);
        assertThat(payment.paidAt()).isEqualTo(PAID_AT);
        assertThat(payment.registerId()).isEqualTo(REGISTER);
        assertThat(payment.registerPeriodId()).contains(PERIOD);
        assertThat(payment.userId()).contains(CASHIER);
    }

    @Test
    void aPaymentOfTheWholeBalanceCompletesAnInStoreSale() {
        Sale sale = aSale();
        pay(sale, CASH, "10.00");

        pay(sale, STRIPE, "15.40");

        assertThat(sale.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(sale.status()).isEqualTo(SaleStatus.COMPLETED);
        assertThat(sale.balance()).isEqualTo(eur("0.00"));
        assertThat(sale.payments()).hasSize(2);
        assertThat(sale.payments().get(1).processor()).contains("Stripe");
        assertThat(sale.payments().get(1).kind()).isEqualTo(PaymentKind.INTEGRATED);
    }

    @Test
    void aFullyPaidOnlineSaleStaysOpenUntilFulfilled() {
        Sale sale = anOnlineSale();

        pay(sale, STRIPE, "12.10");

        assertThat(sale.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(sale.status()).isEqualTo(SaleStatus.OPEN);
    }

    @Test
    void refusesAPaymentAboveTheBalance() {
        Sale sale = aSale();
        pay(sale, CASH, "25.00");

        assertRefused(ErrorCode.PAYMENT_EXCEEDS_BALANCE, () -> pay(sale, CASH, "0.41"));
        assertThat(sale.paid()).isEqualTo(eur("25.00"));
        assertThat(sale.payments()).hasSize(1);
    }

    @Test
    void refusesAnyPaymentOnceTheSaleIsPaid() {
        Sale sale = aSale();
        pay(sale, CASH, "25.40");

        assertRefused(ErrorCode.PAYMENT_EXCEEDS_BALANCE, () -> pay(sale, CASH, "0.01"));
    }

    @Test
    void refusesAZeroOrNegativePayment() {
        Sale sale = aSale();

        assertRefused(ErrorCode.INVALID_REQUEST, () -> pay(sale, CASH, "0.00"));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> pay(sale, CASH, "-5.00"));
        assertThat(sale.payments()).isEmpty();
        assertThat(sale.paymentStatus()).isEqualTo(PaymentStatus.UNPAID);
    }

    @Test
    void refusesAPaymentInAnotherCurrency() {
        Sale sale = aSale();

        assertRefused(
                ErrorCode.CURRENCY_MISMATCH,
                () -> sale.applyPayment(
                        CASH, Money.of("5.00", "USD"), PAID_AT, REGISTER, Optional.of(PERIOD), Optional.of(CASHIER)));
        assertThat(sale.payments()).isEmpty();
    }

    @Test
    void refusesAPaymentOnACancelledSale() {
        Sale sale = new Sale(
                UUID.randomUUID(),
                "A-0009",
                RUNG_UP,
                OUTLET,
                REGISTER,
                SaleSource.IN_STORE,
                Optional.empty(),
                SaleStatus.CANCELLED,
                Currency.getInstance("EUR"),
                Optional.empty(),
                List.of(line("10.00", 1, "EUR")),
                List.of(),
                "",
                Optional.of(CASHIER));

        assertRefused(ErrorCode.SALE_NOT_OPEN, () -> pay(sale, CASH, "1.00"));
    }

    @Test
    void anOnlineSaleCancelledTakesNoNoteAndCannotBeCancelledTwice() {
        Sale sale = anOnlineSale();

        sale.cancel();

        assertThat(sale.status()).isEqualTo(SaleStatus.CANCELLED);
        assertRefused(ErrorCode.SALE_NOT_OPEN, () -> sale.annotate("too late"));
        assertRefused(ErrorCode.INVALID_TRANSITION, sale::cancel);
    }

    @Test
    void aReturnIsACompletedSaleOfItsOwnLinkedToTheOriginalAndGivesMoneyBackAsANegativePayment() {
        Sale original = aSale();
        pay(original, CASH, "25.40");
        SaleLine returnedLine = ProRata.returnLine(original.lines().get(0), 0, 1);

        Sale returned = Sale.returnOf(
                original,
                UUID.randomUUID(),
                "A-0002",
                PAID_AT,
                OUTLET,
                REGISTER,
                List.of(returnedLine),
                "too big",
                Optional.of(CASHIER));
        returned.recordRefund(CASH, eur("12.10"), PAID_AT, REGISTER, Optional.empty(), Optional.of(CASHIER));

        assertThat(returned.status()).isEqualTo(SaleStatus.COMPLETED);
        assertThat(returned.returnOfSaleId()).contains(original.id());
        assertThat(returned.total()).isEqualTo(eur("-12.10"));
        assertThat(returned.paid()).isEqualTo(eur("-12.10"));
        assertThat(returned.balance().isZero()).isTrue();
        assertThat(returned.paymentStatus()).isEqualTo(PaymentStatus.PAID);
    }

    @Test
    void aReturnGivesBackNoMoreThanItIsWorth() {
        Sale original = aSale();
        Sale returned = Sale.returnOf(
                original,
                UUID.randomUUID(),
                "A-0003",
                PAID_AT,
                OUTLET,
                REGISTER,
                List.of(ProRata.returnLine(original.lines().get(1), 0, 1)),
                "",
                Optional.empty());

        assertThatThrownBy(() ->
                        returned.recordRefund(CASH, eur("1.21"), PAID_AT, REGISTER, Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        original.recordRefund(CASH, eur("1.00"), PAID_AT, REGISTER, Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void doesNotLetCallersChangeItsPaymentsOrLines() {
        Sale sale = aSale();
        pay(sale, CASH, "1.00");

        List<SalePayment> payments = sale.payments();

        assertThat(payments).isUnmodifiable();
        assertThat(sale.lines()).isUnmodifiable();
    }

    @Test
    void replacesItsNote() {
        Sale sale = aSale();

        sale.annotate("Tracking: 3SABC123");
        sale.annotate("Tracking: 3SXYZ789");

        assertThat(sale.note()).isEqualTo("Tracking: 3SXYZ789");
    }

    @Test
    void acceptsANoteOfTenThousandCharactersAndRefusesALongerOne() {
        Sale sale = aSale();

        sale.annotate("x".repeat(10_000));
        assertThat(sale.note()).hasSize(10_000);

        assertRefused(ErrorCode.INVALID_REQUEST, () -> sale.annotate("x".repeat(10_001)));
        assertThat(sale.note()).hasSize(10_000);
    }
}
