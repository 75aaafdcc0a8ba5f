package org.storeline.core.orderimport;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The stock levels an import batch decides on, debited as each order of the batch is allocated, so that
 * the second order of a batch sees what the first one took.
 */
public final class StockView {
    private record Key(UUID productId, UUID outletId) {}

    private final Map<Key, Long> levels;

    private StockView(Map<Key, Long> levels) {
        this.levels = levels;
    }

    public static StockView empty() {
        return new StockView(new HashMap<>());
    }

    public void set(UUID productId, UUID outletId, long quantity) {
        levels.put(new Key(productId, outletId), quantity);
    }

    public long available(UUID productId, UUID outletId) {
        return levels.getOrDefault(new Key(productId, outletId), 0L);
    }

    public void debit(UUID productId, UUID outletId, long quantity) {
        levels.merge(new Key(productId, outletId), -quantity, Long::sum);
    }

    StockView copy() {
        return new StockView(new HashMap<>(levels));
    }
}
