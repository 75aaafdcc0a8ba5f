package org.storeline.core.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.storeline.core.ErrorAssertions.assertRefused;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.money.Money;
import org.storeline.core.payment.PaymentKind;

class RegisterTest {
    private static final Instant CREATED = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant OPENED = Instant.parse("2026-03-02T08:30:00Z");
    private static final Instant CLOSED = Instant.parse("2026-03-02T18:00:00Z");
    private static final UUID OUTLET = UUID.randomUUID();

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static Register aClosedRegister() {
        return new Register(UUID.randomUUID(), OUTLET, "Front till", CREATED, Optional.empty());
    }

    @Test
    void startsClosed() {
        Register register = aClosedRegister();

        assertThat(register.status()).isEqualTo(RegisterStatus.CLOSED);
        assertThat(register.openPeriod()).isEmpty();
    }

    @Test
    void opensWithANewPeriodAndItsFloat() {
        Register register = aClosedRegister();

        RegisterPeriod period = register.open(eur("100.00"), OPENED);

        assertThat(register.status()).isEqualTo(RegisterStatus.OPEN);
        assertThat(register.openPeriod()).contains(period);
        assertThat(period.registerId()).isEqualTo(register.id());
        assertThat(period.openedAt()).isEqualTo(OPENED);
        assertThat(period.closedAt()).isEmpty();
        assertThat(period.isOpen()).isTrue();
        assertThat(period.openingFloat()).isEqualTo(eur("100.00"));
        assertThat(period.countedCash()).isEmpty();
    }

    @Test
    void refusesToOpenAnOpenRegister() {
        Register register = aClosedRegister();
        RegisterPeriod first = register.open(eur("100.00"), OPENED);

        assertRefused(ErrorCode.REGISTER_ALREADY_OPEN, () -> register.open(eur("50.00"), OPENED.plusSeconds(60)));
        assertThat(register.openPeriod()).contains(first);
    }

    @Test
    void refusesANegativeOpeningFloat() {
        Register register = aClosedRegister();

        assertRefused(ErrorCode.INVALID_REQUEST, () -> register.open(eur("-0.01"), OPENED));
        assertThat(register.status()).isEqualTo(RegisterStatus.CLOSED);
    }

    @Test
    void opensWithAZeroFloat() {
        Register register = aClosedRegister();

        assertThat(register.open(eur("0"), OPENED).openingFloat()).isEqualTo(eur("0.00"));
    }

    @Test
    void closesAndReturnsTheClosedPeriodWithTheCountedCash() {
        Register register = aClosedRegister();
        RegisterPeriod opened = register.open(eur("100.00"), OPENED);

        RegisterPeriod closed = register.close(Optional.of(eur("412.35")), CLOSED);

        assertThat(register.status()).isEqualTo(RegisterStatus.CLOSED);
        assertThat(register.openPeriod()).isEmpty();
        assertThat(closed.id()).isEqualTo(opened.id());
        assertThat(closed.openedAt()).isEqualTo(OPENED);
        assertThat(closed.closedAt()).contains(CLOSED);
        assertThat(closed.isOpen()).isFalse();
        assertThat(closed.openingFloat()).isEqualTo(eur("100.00"));
        assertThat(closed.countedCash()).contains(eur("412.35"));
    }

    @Test
    void refusesANegativeCountedCashAndStaysOpen() {
        Register register = aClosedRegister();
        register.open(eur("100.00"), OPENED);

        assertRefused(ErrorCode.INVALID_REQUEST, () -> register.close(Optional.of(eur("-5.00")), CLOSED));
        assertThat(register.status()).isEqualTo(RegisterStatus.OPEN);
    }

    @Test
    void closesWithoutACount() {
        Register register = aClosedRegister();
        register.open(eur("100.00"), OPENED);

        assertThat(register.close(Optional.empty(), CLOSED).countedCash()).isEmpty();
    }

    @Test
    void refusesToCloseAClosedRegister() {
        Register register = aClosedRegister();

        assertRefused(ErrorCode.REGISTER_CLOSED, () -> register.close(Optional.empty(), CLOSED));

        register.open(eur("100.00"), OPENED);
        register.close(Optional.empty(), CLOSED);
        assertRefused(ErrorCode.REGISTER_CLOSED, () -> register.close(Optional.empty(), CLOSED.plusSeconds(1)));
    }

    @Test
    void opensAgainWithAFreshPeriodAfterClosing() {
        Register register = aClosedRegister();
        RegisterPeriod monday = register.open(eur("100.00"), OPENED);
        register.close(Optional.empty(), CLOSED);

        RegisterPeriod tuesday = register.open(eur("80.00"), OPENED.plusSeconds(86_400));

        assertThat(tuesday.id()).isNotEqualTo(monday.id());
        assertThat(tuesday.openingFloat()).isEqualTo(eur("80.00"));
    }

    @Test
    void acceptsAPaymentFromTheMomentItOpens() {
        Register register = aClosedRegister();
        RegisterPeriod period = register.open(eur("100.00"), OPENED);

        assertThat(register.requireOpenAt(OPENED)).isEqualTo(period);
        assertThat(register.requireOpenAt(OPENED.plusSeconds(3_600))).isEqualTo(period);
    }

    @Test
    void refusesAPaymentTimedBeforeItOpened() {
        Register register = aClosedRegister();
        register.open(eur("100.00"), OPENED);

        assertRefused(ErrorCode.REGISTER_CLOSED, () -> register.requireOpenAt(OPENED.minusMillis(1)));
    }

    @Test
    void refusesAPaymentWhileClosed() {
        Register register = aClosedRegister();

        assertRefused(ErrorCode.REGISTER_CLOSED, () -> register.requireOpenAt(OPENED));
    }

    @Test
    void aClosedPeriodHoldsTheTimesFromOpeningUpToButNotIncludingClosing() {
        Register register = aClosedRegister();
        register.open(eur("100.00"), OPENED);
        RegisterPeriod closed = register.close(Optional.empty(), CLOSED);

        assertThat(closed.contains(OPENED)).isTrue();
        assertThat(closed.contains(CLOSED.minusMillis(1))).isTrue();
        assertThat(closed.contains(CLOSED)).isFalse();
        assertThat(closed.contains(OPENED.minusMillis(1))).isFalse();
    }

    @Test
    void expectsTheFloatPlusCashPaymentsInTheDrawer() {
        List<ClosureReport.PaymentTotal> totals = List.of(
                total("Cash", PaymentKind.CASH, eur("45.50")),
                total("Card", PaymentKind.CARD, eur("30.00")),
                total("Stripe", PaymentKind.INTEGRATED, eur("12.00")));

        assertThat(ClosureReport.expectedCash(eur("100.00"), totals)).isEqualTo(eur("145.50"));
    }

    @Test
    void aRefundInCashTakesItsAmountOutOfTheExpectedCash() {
        List<ClosureReport.PaymentTotal> totals = List.of(
                total("Cash", PaymentKind.CASH, 3, eur("25.50")), total("Card", PaymentKind.CARD, 2, eur("-30.00")));

        assertThat(ClosureReport.expectedCash(eur("100.00"), totals)).isEqualTo(eur("125.50"));
        assertThat(ClosureReport.expectedCash(
                        eur("100.00"), List.of(total("Cash", PaymentKind.CASH, 1, eur("-40.00")))))
                .isEqualTo(eur("60.00"));
    }

    @Test
    void cashInAnotherCurrencyThanTheFloatIsNotExpectedInTheDrawer() {
        List<ClosureReport.PaymentTotal> totals = List.of(
                total("Cash", PaymentKind.CASH, 1, eur("10.00")),
                total("Cash", PaymentKind.CASH, 1, Money.of("7.00", "USD")));

        assertThat(ClosureReport.expectedCash(eur("100.00"), totals)).isEqualTo(eur("110.00"));
    }

    @Test
    void aReportOfAClosedPeriodCountsEveryPaymentRefundsIncludedAndWhatItCarriedOver() {
        Register register = aClosedRegister();
        register.open(eur("50.00"), OPENED);
        RegisterPeriod closed = register.close(Optional.of(eur("60.00")), CLOSED);

        ClosureReport report = ClosureReport.of(
                register.id(),
                OUTLET,
                closed,
                List.of(
                        total("Cash", PaymentKind.CASH, 4, eur("12.00")),
                        total("Stripe", PaymentKind.INTEGRATED, 3, eur("90.00"))),
                2);

        assertThat(report.paymentsCount()).isEqualTo(7);
        assertThat(report.carriedOver()).isEqualTo(2);
        assertThat(report.expectedCash()).isEqualTo(eur("62.00"));
        assertThat(report.cashDifference()).contains(eur("-2.00"));
    }

    @Test
    void anOpenPeriodHasNoClosureReportYet() {
        Register register = aClosedRegister();
        RegisterPeriod open = register.open(eur("50.00"), OPENED);

        assertThatThrownBy(() -> ClosureReport.of(register.id(), OUTLET, open, List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsTheDifferenceBetweenCountedAndExpectedCash() {
        assertThat(report(eur("145.50"), Optional.of(eur("150.00"))).cashDifference())
                .contains(eur("4.50"));
        assertThat(report(eur("145.50"), Optional.of(eur("140.00"))).cashDifference())
                .contains(eur("-5.50"));
        assertThat(report(eur("145.50"), Optional.of(eur("145.50"))).cashDifference())
                .contains(eur("0.00"));
    }

    @Test
    void reportsNoDifferenceWhenNoCashWasCounted() {
        assertThat(report(eur("145.50"), Optional.empty()).cashDifference()).isEmpty();
    }

    private static ClosureReport.PaymentTotal total(String name, PaymentKind kind, Money amount) {
        return total(name, kind, 1, amount);
    }

    private static ClosureReport.PaymentTotal total(String name, PaymentKind kind, long count, Money amount) {
        return new ClosureReport.PaymentTotal(
                UUID.randomUUID(),
                name,
                kind,
                kind == PaymentKind.INTEGRATED ? Optional.of(name) : Optional.empty(),
                count,
                amount);
    }

    private static ClosureReport report(Money expected, Optional<Money> counted) {
        RegisterPeriod period = new RegisterPeriod(
                UUID.randomUUID(), UUID.randomUUID(), OPENED, Optional.of(CLOSED), eur("100.00"), counted);
        return new ClosureReport(period.registerId(), OUTLET, period, List.of(), expected, counted, 0);
    }
}
