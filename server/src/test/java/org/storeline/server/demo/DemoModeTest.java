package org.storeline.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.catalog.Product;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;

/** The simulated stores start with the prices Storeline sends them, so a price changes only when a product's does. */
class DemoModeTest {
    @Test
    void aStoreStartsWithThePriceWithTaxThatStorelineSendsWhenTheShopsPricesExcludeIt() {
        assertThat(DemoMode.storePrice(product("4.95"), false)).isEqualByComparingTo("5.99");
        assertThat(DemoMode.storePrice(product("9.95"), false)).isEqualByComparingTo("12.04");
    }

    @Test
    void aStoreStartsWithTheShopsOwnPriceWhenItIncludesTax() {
        assertThat(DemoMode.storePrice(product("4.95"), true)).isEqualByComparingTo("4.95");
    }

    @Test
    void everyDemoProductHasAStorePriceInCents() {
        assertThat(DemoCatalog.items())
                .allSatisfy(item -> assertThat(
                                DemoMode.storePrice(product(item.price().toPlainString()), false))
                        .isGreaterThan(item.price())
                        .satisfies(price -> assertThat(price.scale()).isEqualTo(2)));
    }

    private static Product product(String price) {
        return new Product(
                UUID.randomUUID(),
                "SL-001",
                "Speculoos tin, small",
                Money.of(price, "EUR"),
                TaxRate.of("0.21"),
                List.of(),
                false,
                Instant.EPOCH);
    }
}
