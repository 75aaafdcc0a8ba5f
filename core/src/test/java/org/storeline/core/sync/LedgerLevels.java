package org.storeline.core.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.storeline.core.stock.StockLevel;

/** On-hand levels per product and outlet, as a fake ledger answers them (apart: core.sync has a StockLevel too). */
final class LedgerLevels {
    private final List<StockLevel> levels = new ArrayList<>();

    void set(UUID product, UUID outlet, long quantity) {
        levels.add(new StockLevel(product, outlet, quantity));
    }

    List<StockLevel> at(Collection<?> products, Collection<?> outlets) {
        return levels.stream()
                .filter(l -> products.contains(l.productId()))
                .filter(l -> outlets.contains(l.outletId()))
                .toList();
    }
}
