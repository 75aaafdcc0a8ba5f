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
public record Product(
        UUID id,
        String sku,
        String name,
        Money price,
        TaxRate taxRate,
        List<String> barcodes,
        boolean shippingFee,
        Instant createdAt) {
    /** Enough for every pack size and supplier code of one product; a list longer than this is a mistake. */
    public static final int MAX_BARCODES = 50;
    /** Longer than any EAN, UPC or GTIN (8 to 14 digits), room for the longer codes some suppliers print. */
    public static final int MAX_BARCODE_LENGTH = 64;

    public Product {
        barcodes = List.copyOf(barcodes);
    }
}
