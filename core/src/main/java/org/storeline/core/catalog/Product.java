package org.storeline.core.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;

/**
 * A product in the catalog: unique SKU, one or more barcodes (unique across products), a price in its
 * currency and a tax rate. Whether the price includes tax is a store setting, not a product property.
 *
 * <p>The SKU and the currency never change: the channels match products by SKU (SOR-5), and a sale's amounts are in
 * its products' currency. Name, price, tax rate and barcodes do ({@link #renamed}, {@link #repriced},
 * {@link #taxedAt}, {@link #relabelled}); this system is their record (SOR-1), so a new price goes out to the channels.
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

    public Product renamed(String newName) {
        return new Product(id, sku, newName, price, taxRate, barcodes, shippingFee, createdAt);
    }

    /**
     * The product sold at another price, in its own currency and never below zero. The shipping fee product has no
     * price of its own (each order's fee is its line's amount, ORD-4), so it cannot be repriced.
     */
    public Product repriced(Money newPrice) {
        requireOwnPrice("price");
        if (!newPrice.currency().equals(price.currency())) {
            throw new StorelineException(
                    ErrorCode.CURRENCY_MISMATCH,
                    "price is in " + newPrice.currency().getCurrencyCode() + " but product " + sku + " is sold in "
                            + price.currency().getCurrencyCode() + "; a product's currency cannot change.");
        }
        if (newPrice.isNegative()) {
            throw StorelineException.invalid("price cannot be negative.");
        }
        return new Product(id, sku, name, newPrice, taxRate, barcodes, shippingFee, createdAt);
    }

    public Product taxedAt(TaxRate newRate) {
        requireOwnPrice("tax_rate");
        return new Product(id, sku, name, price, newRate, barcodes, shippingFee, createdAt);
    }

    /** The product known by these barcodes instead (each already checked, and free of other products). */
    public Product relabelled(List<String> newBarcodes) {
        return new Product(id, sku, name, price, taxRate, newBarcodes, shippingFee, createdAt);
    }

    /**
     * Whether this product sells at another price than {@code before}: its price or its tax rate changed (where prices
     * exclude tax, the rate changes what a customer pays), so the channels must be told (SOR-1).
     */
    public boolean sellsAtAnotherPriceThan(Product before) {
        return !price.equals(before.price())
                || taxRate.value().compareTo(before.taxRate().value()) != 0;
    }

    private void requireOwnPrice(String field) {
        if (shippingFee) {
            throw new StorelineException(
                    ErrorCode.BUSINESS_RULE,
                    field + " cannot be set on the shipping fee product: each online order's fee is the amount of its"
                            + " own line (ORD-4).");
        }
    }
}
