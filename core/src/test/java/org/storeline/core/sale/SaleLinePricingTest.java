package org.storeline.core.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.core.ErrorAssertions.assertRefused;

import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;

class SaleLinePricingTest {
    private static final boolean EXCLUDING_TAX = false;
    private static final boolean INCLUDING_TAX = true;

    private static SaleLine line(
            long quantity, String unitPrice, String discount, String rate, boolean pricesIncludeTax) {
        return SaleLine.price(
                UUID.randomUUID(),
                Optional.empty(),
                "SKU-1",
                "Mug",
                quantity,
                eur(unitPrice),
                eur(discount),
                TaxRate.of(rate),
                pricesIncludeTax);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void addsTaxOnTopWhenPricesExcludeTax() {
        SaleLine line = line(2, "10.00", "0", "0.21", EXCLUDING_TAX);

        assertThat(line.tax()).isEqualTo(eur("4.20"));
        assertThat(line.total()).isEqualTo(eur("24.20"));
        assertThat(line.net()).isEqualTo(eur("20.00"));
    }

    @Test
    void takesTheTaxOutOfTheTotalWhenPricesIncludeTax() {
        SaleLine line = line(2, "12.10", "0", "0.21", INCLUDING_TAX);

        assertThat(line.total()).isEqualTo(eur("24.20"));
        assertThat(line.tax()).isEqualTo(eur("4.20"));
        assertThat(line.net()).isEqualTo(eur("20.00"));
    }

    @Test
    void subtractsTheDiscountBeforeTaxIsAdded() {
        SaleLine line = line(2, "10.00", "2.00", "0.21", EXCLUDING_TAX);

        assertThat(line.net()).isEqualTo(eur("18.00"));
        assertThat(line.tax()).isEqualTo(eur("3.78"));
        assertThat(line.total()).isEqualTo(eur("21.78"));
        assertThat(line.discount()).isEqualTo(eur("2.00"));
    }

    @Test
    void subtractsTheDiscountFromATaxInclusiveTotal() {
        SaleLine line = line(2, "12.10", "2.42", "0.21", INCLUDING_TAX);

        assertThat(line.total()).isEqualTo(eur("21.78"));
        assertThat(line.tax()).isEqualTo(eur("3.78"));
        assertThat(line.net()).isEqualTo(eur("18.00"));
    }

    @Test
    void roundsTheTaxHalfUpOncePerLine() {
        // 0.99 × 0.21 = 0.2079
        SaleLine line = line(1, "0.99", "0", "0.21", EXCLUDING_TAX);

        assertThat(line.tax()).isEqualTo(eur("0.21"));
        assertThat(line.total()).isEqualTo(eur("1.20"));
    }

    @Test
    void roundsAnExactHalfCentUp() {
        // 0.50 × 0.09 = 0.045
        SaleLine line = line(1, "0.50", "0", "0.09", EXCLUDING_TAX);

        assertThat(line.tax()).isEqualTo(eur("0.05"));
        assertThat(line.total()).isEqualTo(eur("0.55"));
    }

    @Test
    void roundsTheTaxOfTheWholeLineNotOfEachUnit() {
        // per unit 0.2079 would round to 0.21 (× 3 = 0.63); the line's 0.6237 rounds to 0.62
        SaleLine line = line(3, "0.99", "0", "0.21", EXCLUDING_TAX);

        assertThat(line.tax()).isEqualTo(eur("0.62"));
        assertThat(line.total()).isEqualTo(eur("3.59"));
    }

    @Test
    void roundsTheTaxContainedInATaxInclusiveTotal() {
        // 10.00 × 0.21 / 1.21 = 1.7355...
        SaleLine line = line(1, "10.00", "0", "0.21", INCLUDING_TAX);

        assertThat(line.total()).isEqualTo(eur("10.00"));
        assertThat(line.tax()).isEqualTo(eur("1.74"));
        assertThat(line.net()).isEqualTo(eur("8.26"));
    }

    @Test
    void chargesNoTaxAtAZeroRate() {
        SaleLine line = line(4, "2.50", "0", "0", EXCLUDING_TAX);

        assertThat(line.tax()).isEqualTo(eur("0.00"));
        assertThat(line.total()).isEqualTo(eur("10.00"));
    }

    @Test
    void pricesAYenLineWithoutDecimals() {
        SaleLine line = SaleLine.price(
                UUID.randomUUID(),
                Optional.empty(),
                "SKU-1",
                "Tea",
                3,
                Money.of("333", "JPY"),
                Money.zero(Currency.getInstance("JPY")),
                TaxRate.of("0.1"),
                EXCLUDING_TAX);

        assertThat(line.tax()).isEqualTo(Money.of("100", "JPY"));
        assertThat(line.total()).isEqualTo(Money.of("1099", "JPY"));
    }

    @Test
    void keepsWhatItWasPricedWith() {
        UUID id = UUID.randomUUID();
        UUID productId = UUID.randomUUID();
        SaleLine line = SaleLine.price(
                id,
                Optional.of(productId),
                "SKU-9",
                "Teapot",
                2,
                eur("10.00"),
                eur("0"),
                TaxRate.of("0.21"),
                EXCLUDING_TAX);

        assertThat(line.id()).isEqualTo(id);
        assertThat(line.productId()).contains(productId);
        assertThat(line.sku()).isEqualTo("SKU-9");
        assertThat(line.name()).isEqualTo("Teapot");
        assertThat(line.quantity()).isEqualTo(2);
        assertThat(line.unitPrice()).isEqualTo(eur("10.00"));
        assertThat(line.taxRate()).isEqualTo(TaxRate.of("0.21"));
        assertThat(line.shippingFee()).isFalse();
        assertThat(line.unmatched()).isFalse();
    }

    @Test
    void refusesADiscountLargerThanTheLinesAmount() {
        assertRefused(ErrorCode.INVALID_REQUEST, () -> line(2, "10.00", "20.01", "0.21", EXCLUDING_TAX));
        assertThat(line(2, "10.00", "20.00", "0.21", EXCLUDING_TAX).total()).isEqualTo(eur("0.00"));
    }

    @Test
    void refusesAZeroQuantity() {
        assertRefused(ErrorCode.INVALID_REQUEST, () -> line(0, "10.00", "0", "0.21", EXCLUDING_TAX));
    }

    @Test
    void refusesADiscountInAnotherCurrency() {
        assertRefused(
                ErrorCode.CURRENCY_MISMATCH,
                () -> SaleLine.price(
                        UUID.randomUUID(),
                        Optional.empty(),
                        "SKU-1",
                        "Mug",
                        1,
                        eur("10.00"),
                        Money.of("1.00", "USD"),
                        TaxRate.of("0.21"),
                        EXCLUDING_TAX));
    }
}
