package org.storeline.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.storeline.core.ErrorAssertions.assertRefused;

import java.math.BigDecimal;
import java.util.Currency;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/** The one bound on numbers from outside: digits, places and exponent, checked before anything expands them. */
class DecimalsTest {

    @Test
    void readsOrdinaryAmountsAsWritten() {
        assertThat(Decimals.parse("price", "12.50")).isEqualTo(new BigDecimal("12.50"));
        assertThat(Decimals.parse("price", " -7 ")).isEqualTo(new BigDecimal("-7"));
        assertThat(Decimals.parse("price", "1E+3")).isEqualByComparingTo("1000");
        assertThat(Decimals.parse("price", "999999999999999.999999")).isEqualByComparingTo("999999999999999.999999");
    }

    @Test
    @Timeout(5)
    void refusesAHugeExponentWithoutExpandingIt() {
        assertOutOfRange(
                () -> Decimals.parse("lines[0].unit_price", "1e999999999"), "lines[0].unit_price", "15 digits");
        assertOutOfRange(() -> Decimals.bounded("amount", new BigDecimal("1e999999999")), "amount", "15 digits");
        assertOutOfRange(() -> Decimals.parse("amount", "1e309"), "amount", "15 digits");
    }

    @Test
    @Timeout(5)
    void refusesATinyExponentWithoutExpandingIt() {
        assertOutOfRange(() -> Decimals.parse("discount", "1e-999999999"), "discount", "decimal places");
        assertOutOfRange(() -> Decimals.parse("discount", "0.0000000000001"), "discount", "decimal places");
    }

    @Test
    void refusesSixteenDigitsBeforeThePointAndAcceptsFifteen() {
        assertThat(Decimals.parse("price", "999999999999999")).isEqualByComparingTo("999999999999999");
        assertOutOfRange(() -> Decimals.parse("price", "1000000000000000"), "price", "15 digits");
        assertOutOfRange(() -> Decimals.parse("price", "1.5e15"), "price", "15 digits");
    }

    @Test
    void refusesANumberWrittenInMoreThanFortyCharacters() {
        assertOutOfRange(() -> Decimals.parse("price", "9".repeat(400)), "price", "too many digits");
        assertOutOfRange(() -> Decimals.parse("price", "0." + "0".repeat(39) + "1"), "price", "too many digits");
    }

    @Test
    void saysNotANumberForTextThatIsNone() {
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Decimals.parse("price", "12,50"));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Decimals.parse("price", "NaN"));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Decimals.parse("price", "x".repeat(400)));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Decimals.parse("price", " "));
    }

    @Test
    void acceptsZeroHoweverItIsWritten() {
        assertThat(Decimals.parse("price", "0e999999999")).isEqualByComparingTo("0");
        assertThat(Decimals.parse("price", "-0.000")).isEqualByComparingTo("0");
    }

    @Test
    void dropsOnlyTrailingZerosBeyondTwelvePlaces() {
        assertThat(Decimals.parse("tax_rate", "0.21000000000000000")).isEqualByComparingTo("0.21");
        assertThat(Decimals.parse("tax_rate", "0.21000000000000000").scale()).isEqualTo(Decimals.MAX_DECIMAL_PLACES);
    }

    @Test
    void leavesFinerRulesToTheValuesThatHaveThem() {
        assertThat(Decimals.parse("price", "1.005")).isEqualByComparingTo("1.005");
        assertRefused(
                ErrorCode.INVALID_REQUEST,
                () -> Money.of(Decimals.parse("price", "1.005"), Currency.getInstance("EUR")));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> TaxRate.of("0.1234567"));
    }

    @Test
    @Timeout(5)
    void numbersToBeRoundedMayHaveManyPlacesButNotManyDigits() {
        assertThat(Decimals.parseForRounding("tax", "0.30000000000000004")).isEqualByComparingTo("0.30000000000000004");
        assertThat(Decimals.boundedForRounding("tax", new BigDecimal("1.1102230246251565E-16")))
                .isPositive();
        assertOutOfRange(() -> Decimals.parseForRounding("total", "1e999999999"), "total", "15 digits");
        assertOutOfRange(
                () -> Decimals.boundedForRounding("total", new BigDecimal("1e-999999999")), "total", "decimal places");
        assertOutOfRange(() -> Decimals.parseForRounding("total", "1".repeat(101)), "total", "characters");
    }

    @Test
    @Timeout(5)
    void moneyRefusesARunawayAmountBeforeGivingItAScale() {
        Currency eur = Currency.getInstance("EUR");

        assertRefused(ErrorCode.AMOUNT_TOO_LARGE, () -> Money.of(new BigDecimal("1e999999999"), eur));
        assertRefused(ErrorCode.AMOUNT_TOO_LARGE, () -> Money.rounded(new BigDecimal("1e999999999"), eur));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Money.of(new BigDecimal("1e-999999999"), eur));
        assertThat(Money.rounded(new BigDecimal("1e-999999999"), eur)).isEqualTo(Money.zero(eur));
    }

    private static void assertOutOfRange(ThrowingCallable call, String field, String says) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StorelineException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NUMBER_OUT_OF_RANGE);
            assertThat(e.getMessage()).startsWith(field).contains(says);
        });
    }
}
