package org.storeline.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.storeline.core.ErrorAssertions.assertRefused;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

class MoneyTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency BHD = Currency.getInstance("BHD");

    @Test
    void normalisesAnAmountToTheScaleOfItsCurrency() {
        Money money = Money.of("12.5", "EUR");

        assertThat(money.amount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(money.amount().scale()).isEqualTo(2);
        assertThat(money.currency()).isEqualTo(EUR);
    }

    @Test
    void keepsYenWithoutDecimalPlaces() {
        assertThat(Money.of("500", "JPY").amount()).isEqualTo(new BigDecimal("500"));
        assertThat(Money.of("500.00", "JPY").amount().scale()).isZero();
        assertThat(Money.scaleOf(JPY)).isZero();
        assertThat(Money.scaleOf(BHD)).isEqualTo(3);
    }

    @Test
    void dropsTrailingZerosBeyondTheCurrencyScaleWhenNothingIsLost() {
        assertThat(Money.of("12.500", "EUR").amount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(Money.of("1E+3", "EUR").amount()).isEqualTo(new BigDecimal("1000.00"));
    }

    @Test
    void refusesMoreDecimalPlacesThanTheCurrencyAllows() {
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Money.of("12.505", "EUR"));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Money.of("5.5", "JPY"));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> new Money(new BigDecimal("0.001"), EUR));
    }

    @Test
    void readsTheCurrencyCodeInAnyCaseAndWithSpaces() {
        assertThat(Money.of("1", " eur ").currency()).isEqualTo(EUR);
    }

    @Test
    void refusesAnUnknownOrMissingCurrencyCode() {
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Money.of("1.00", "XYZ1"));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Money.of("1.00", "EURO"));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Money.currency(""));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Money.currency(null));
    }

    @Test
    void refusesAnAmountThatIsNotADecimalNumber() {
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Money.of("abc", "EUR"));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Money.of("12,50", "EUR"));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Money.of("", "EUR"));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Money.parseAmount(null));
    }

    @Test
    void parsesAnAmountWithSurroundingSpaces() {
        assertThat(Money.parseAmount(" 3.75 ")).isEqualTo(new BigDecimal("3.75"));
    }

    @Test
    void addsSubtractsAndMultipliesExactly() {
        Money a = Money.of("10.10", "EUR");
        Money b = Money.of("0.20", "EUR");

        assertThat(a.plus(b)).isEqualTo(Money.of("10.30", "EUR"));
        assertThat(a.minus(b)).isEqualTo(Money.of("9.90", "EUR"));
        assertThat(b.minus(a)).isEqualTo(Money.of("-9.90", "EUR"));
        assertThat(a.times(3)).isEqualTo(Money.of("30.30", "EUR"));
        assertThat(a.times(0)).isEqualTo(Money.zero(EUR));
        assertThat(a.times(-2)).isEqualTo(Money.of("-20.20", "EUR"));
        assertThat(a.negate()).isEqualTo(Money.of("-10.10", "EUR"));
    }

    @Test
    void addsTheTenthsThatBinaryFloatingPointGetsWrong() {
        assertThat(Money.of("0.10", "EUR").plus(Money.of("0.20", "EUR")).toDecimalString())
                .isEqualTo("0.30");
    }

    @Test
    void refusesToMixCurrencies() {
        Money euros = Money.of("1.00", "EUR");
        Money dollars = Money.of("1.00", "USD");

        assertRefused(ErrorCode.CURRENCY_MISMATCH, () -> euros.plus(dollars));
        assertRefused(ErrorCode.CURRENCY_MISMATCH, () -> euros.minus(dollars));
        assertRefused(ErrorCode.CURRENCY_MISMATCH, () -> euros.compareTo(dollars));
        assertRefused(ErrorCode.CURRENCY_MISMATCH, () -> euros.isGreaterThan(dollars));
    }

    @Test
    void comparesAmountsOfOneCurrency() {
        assertThat(Money.of("2.00", "EUR").isGreaterThan(Money.of("1.99", "EUR")))
                .isTrue();
        assertThat(Money.of("1.99", "EUR").isGreaterThan(Money.of("2.00", "EUR")))
                .isFalse();
        assertThat(Money.of("2", "EUR").compareTo(Money.of("2.00", "EUR"))).isZero();
    }

    @Test
    void tellsTheSignOfAnAmount() {
        assertThat(Money.zero(EUR).isZero()).isTrue();
        assertThat(Money.zero(EUR).isPositive()).isFalse();
        assertThat(Money.zero(EUR).isNegative()).isFalse();
        assertThat(Money.of("0.01", "EUR").isPositive()).isTrue();
        assertThat(Money.of("-0.01", "EUR").isNegative()).isTrue();
    }

    @Test
    void writesAtLeastTwoDecimalPlacesOnTheWire() {
        assertThat(Money.of("12.5", "EUR").toDecimalString()).isEqualTo("12.50");
        assertThat(Money.of("5", "JPY").toDecimalString()).isEqualTo("5.00");
        assertThat(Money.of("1.234", "BHD").toDecimalString()).isEqualTo("1.234");
        assertThat(Money.of("1E+3", "EUR").toDecimalString()).isEqualTo("1000.00");
        assertThat(Money.of("-7", "EUR").toDecimalString()).isEqualTo("-7.00");
    }

    @Test
    void showsTheAmountAndCurrencyCodeInItsStringForm() {
        assertThat(Money.of("12.5", "EUR")).hasToString("12.50 EUR");
    }

    @Test
    void roundsAnExactIntermediateResultHalfUpToTheCurrencyScale() {
        assertThat(Money.rounded(new BigDecimal("0.2079"), EUR).amount()).isEqualTo(new BigDecimal("0.21"));
        assertThat(Money.rounded(new BigDecimal("0.005"), EUR).amount()).isEqualTo(new BigDecimal("0.01"));
        assertThat(Money.rounded(new BigDecimal("0.0049999"), EUR).amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(Money.rounded(new BigDecimal("2.675"), EUR).amount()).isEqualTo(new BigDecimal("2.68"));
        assertThat(Money.rounded(new BigDecimal("-0.005"), EUR).amount()).isEqualTo(new BigDecimal("-0.01"));
        assertThat(Money.rounded(new BigDecimal("12.5"), JPY).amount()).isEqualTo(new BigDecimal("13"));
    }

    @Test
    void treatsEqualAmountsWrittenDifferentlyAsEqual() {
        assertThat(Money.of("12.5", "EUR")).isEqualTo(Money.of("12.50", "EUR"));
        assertThat(Money.of("12.5", "EUR")).hasSameHashCodeAs(Money.of("12.50", "EUR"));
        assertThat(Money.of("1.00", "EUR")).isNotEqualTo(Money.of("1.00", "USD"));
    }

    @Test
    void refusesIsoCodesThatAreNoCurrencyAPriceCanBeIn() {
        for (String code : new String[] {"XXX", "XTS", "XAU", "XDR", "USN", "CLF"}) {
            assertRefused(ErrorCode.INVALID_REQUEST, () -> Money.currency(code));
        }
        assertThat(Money.currency("chf")).isEqualTo(Currency.getInstance("CHF"));
    }

    @Test
    void saysWhichAmountCannotBeRecorded() {
        Money largest = Money.of("999999999999999.99", "EUR");

        assertThat(largest.requireRecordable("The price")).isSameAs(largest);
        assertThatThrownBy(() -> largest.plus(Money.of("0.01", "EUR")).requireRecordable("The line total of Tea"))
                .isInstanceOfSatisfying(StorelineException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.AMOUNT_TOO_LARGE);
                    assertThat(e.getMessage()).startsWith("The line total of Tea is 1000000000000000.00 EUR");
                });
    }
}
