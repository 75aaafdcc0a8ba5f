package org.storeline.core.sync;

import java.util.Optional;
import org.storeline.core.catalog.Product;
import org.storeline.core.money.Money;
import org.storeline.core.sale.SaleLine;

/** A product's price as Storeline sells it (tax included, as on the shelf), for one channel's listing (SOR-1). */
public record PriceChange(Listing listing, Money price) {
    /**
     * The product's price as sold: with tax, whether the catalog's prices include it or not, rounded as a sale line of
     * one is. What a channel's listing is sent, and what anything that seeds a store's price should start from.
     */
    public static Money asSold(Product product, boolean pricesIncludeTax) {
        return SaleLine.price(
                        product.id(),
                        Optional.of(product.id()),
                        product.sku(),
                        product.name(),
                        1,
                        product.price(),
                        Money.zero(product.price().currency()),
                        product.taxRate(),
                        pricesIncludeTax)
                .total();
    }
}
