package org.storeline.core.report;

import java.util.Optional;
import java.util.UUID;
import org.storeline.core.money.Money;

/**
 * One line of the product sales report, in one currency: a product (the shipping fee product among them, ORD-4),
 * the lines that matched no product under one SKU and name, or the adjustment lines that make imported orders
 * equal the platforms' totals. Returns count against the sales (their lines have negative quantities and amounts),
 * so {@code quantity} and the amounts are net; {@code returnedQuantity} shows how many units came back.
 */
public record ProductSalesRow(
        Kind kind,
        Optional<UUID> productId,
        String sku,
        String name,
        boolean shippingFee,
        long quantity,
        long returnedQuantity,
        Money net,
        Money tax,
        Money total) {
    /** The name the adjustment row is shown with: its lines have no product, and their own names vary. */
    public static final String ADJUSTMENT_SKU = "ADJUSTMENT";

    public static final String ADJUSTMENT_NAME = "Adjustments to the platforms' order totals";

    public enum Kind {
        PRODUCT,
        UNMATCHED,
        ADJUSTMENT
    }

    public ProductSalesRow {
        if (!net.currency().equals(total.currency()) || !tax.currency().equals(total.currency())) {
            throw new IllegalArgumentException("A product sales row is in one currency");
        }
        if ((kind == Kind.PRODUCT) != productId.isPresent()) {
            throw new IllegalArgumentException("Exactly the product rows have a product id");
        }
    }
}
