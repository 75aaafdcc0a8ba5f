package org.storeline.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.core.ErrorAssertions.assertRefused;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.storeline.core.error.ErrorCode;

class TaxRateTest {

    @Test
    void acceptsEveryRateFromZeroToOneInclusive() {
        assertThat(TaxRate.of("0").value()).isEqualByComparingTo("0");
        assertThat(TaxRate.of("0.21").value()).isEqualByComparingTo("0.21");
        assertThat(TaxRate.of("1").value()).isEqualByComparingTo("1");
        assertThat(TaxRate.NONE.value()).isEqualByComparingTo("0");
    }

    @Test
    void refusesARateAboveOne() {
        assertRefused(ErrorCode.INVALID_REQUEST, () -> TaxRate.of("1.000001"));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> TaxRate.of("21"));
    }

    @Test
    void refusesANegativeRate() {
        assertRefused(ErrorCode.INVALID_REQUEST, () -> TaxRate.of("-0.01"));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> new TaxRate(new BigDecimal("-0.000001")));
    }

    @Test
    void acceptsSixDecimalPlacesAndRefusesSeven() {
        assertThat(TaxRate.of("0.123456").value()).isEqualByComparingTo("0.123456");
        assertRefused(ErrorCode.INVALID_REQUEST, () -> TaxRate.of("0.1234567"));
    }

    @Test
    void countsOnlySignificantDecimalPlaces() {
        assertThat(TaxRate.of("0.2100000000").value()).isEqualTo(new BigDecimal("0.21"));
    }

    @Test
    void refusesAnythingThatIsNotADecimalNumber() {
        assertRefused(ErrorCode.INVALID_REQUEST, () -> TaxRate.of("21%"));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> TaxRate.of(""));
    }

    @Test
    void normalisesSoThatEqualRatesAreEqual() {
        assertThat(TaxRate.of("0.210")).isEqualTo(TaxRate.of("0.21"));
        assertThat(TaxRate.of("0.210").toDecimalString()).isEqualTo("0.21");
        assertThat(TaxRate.of("1.00").toDecimalString()).isEqualTo("1");
        assertThat(TaxRate.of("0.000").toDecimalString()).isEqualTo("0");
        assertThat(new TaxRate(new BigDecimal("1E+0")).value().scale()).isZero();
    }

    @Test
    void addsTaxOnAnAmountThatExcludesIt() {
        assertThat(TaxRate.of("0.21").taxOn(new BigDecimal("20.00"))).isEqualByComparingTo("4.20");
        assertThat(TaxRate.of("0.21").taxOn(new BigDecimal("0.99"))).isEqualByComparingTo("0.2079");
        assertThat(TaxRate.of("0.055").taxOn(new BigDecimal("10.00"))).isEqualByComparingTo("0.55");
        assertThat(TaxRate.NONE.taxOn(new BigDecimal("10.00"))).isEqualByComparingTo("0");
    }

    @Test
    void findsTheTaxContainedInAnAmountThatIncludesIt() {
        assertThat(TaxRate.of("0.21").taxIncludedIn(new BigDecimal("24.20"))).isEqualByComparingTo("4.20");
        assertThat(TaxRate.of("0.25").taxIncludedIn(new BigDecimal("125.00"))).isEqualByComparingTo("25");
        assertThat(TaxRate.of("1").taxIncludedIn(new BigDecimal("10.00"))).isEqualByComparingTo("5");
        assertThat(TaxRate.NONE.taxIncludedIn(new BigDecimal("10.00"))).isEqualByComparingTo("0");
    }

    @Test
    void keepsThirtyFourSignificantDigitsOfATaxThatDoesNotDivideEvenly() {
        // 10 × 0.21 / 1.21 = 1.73553719008264462809917355371900826446...
        BigDecimal tax = TaxRate.of("0.21").taxIncludedIn(new BigDecimal("10.00"));

        assertThat(tax.precision()).isEqualTo(34);
        assertThat(tax).isEqualByComparingTo("1.735537190082644628099173553719008");
    }
}
