package org.storeline.core.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;

/**
 * A product in the catalog: unique SKU, one or more barcodes (unique across products), a price in its
 * currency and a tax rate. Whether the price includes tax is a store setting, not a product property.
 */
public record Product(UUID id, String sku, String name, Money price, TaxRate taxRate, List<String> barcodes,
                      boolean shippingFee, Instant createdAt) {
    public Product {
        barcodes = List.copyOf(barcodes);
    }
}
