package org.storeline.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;

class ProductTest {
    private static final Product CAP = product(false);

    private static Product product(boolean shippingFee) {
        return new Product(
                UUID.randomUUID(),
                "CAP-1",
                "Cap",
                Money.of("10.00", "EUR"),
                TaxRate.of("0.21"),
                List.of("8710000000001"),
                shippingFee,
                Instant.EPOCH);
    }

    @Test
    void aChangeKeepsTheSkuTheCurrencyAndWhatItDoesNotName() {
        Product changed = CAP.renamed("Blue cap")
                .repriced(Money.of("12.50", "EUR"))
                .taxedAt(TaxRate.of("0.06"))
                .relabelled(List.of("8710000000002"));

        assertThat(changed.sku()).isEqualTo("CAP-1");
        assertThat(changed.id()).isEqualTo(CAP.id());
        assertThat(changed.name()).isEqualTo("Blue cap");
        assertThat(changed.price()).isEqualTo(Money.of("12.50", "EUR"));
        assertThat(changed.taxRate()).isEqualTo(TaxRate.of("0.06"));
        assertThat(changed.barcodes()).containsExactly("8710000000002");
        assertThat(CAP.name()).isEqualTo("Cap");
    }

    @Test
    void aNewPriceOrTaxRateSellsAtAnotherPriceButANameOrBarcodeDoesNot() {
        assertThat(CAP.repriced(Money.of("10.01", "EUR")).sellsAtAnotherPriceThan(CAP))
                .isTrue();
        assertThat(CAP.taxedAt(TaxRate.of("0.06")).sellsAtAnotherPriceThan(CAP)).isTrue();
        assertThat(CAP.repriced(Money.of("10", "EUR")).sellsAtAnotherPriceThan(CAP))
                .isFalse();
        assertThat(CAP.taxedAt(TaxRate.of("0.210")).sellsAtAnotherPriceThan(CAP))
                .isFalse();
        assertThat(CAP.renamed("Hat").relabelled(List.of()).sellsAtAnotherPriceThan(CAP))
                .isFalse();
    }

    @Test
    void aPriceInAnotherCurrencyOrBelowZeroIsRefused() {
        assertThatThrownBy(() -> CAP.repriced(Money.of("10.00", "USD")))
                .isInstanceOfSatisfying(
                        StorelineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CURRENCY_MISMATCH));
        assertThatThrownBy(() -> CAP.repriced(Money.of("-0.01", "EUR")))
                .isInstanceOfSatisfying(
                        StorelineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void theShippingFeeProductTakesANameButNoPriceOrTaxRateOfItsOwn() {
        Product fee = product(true);

        assertThat(fee.renamed("Verzendkosten").name()).isEqualTo("Verzendkosten");
        assertThatThrownBy(() -> fee.repriced(Money.of("4.95", "EUR")))
                .isInstanceOfSatisfying(
                        StorelineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BUSINESS_RULE));
        assertThatThrownBy(() -> fee.taxedAt(TaxRate.NONE))
                .isInstanceOfSatisfying(
                        StorelineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BUSINESS_RULE));
    }
}
