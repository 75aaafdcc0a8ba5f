package org.storeline.core.stock;

import java.util.UUID;

/**
 * The current on-hand quantity of a product at an outlet. It may be negative: a sale is never refused
 * for stock, and a negative level is reported so that someone counts it.
 */
public record StockLevel(UUID productId, UUID outletId, long quantity) {
    public boolean isNegative() {
        return quantity < 0;
    }
}
