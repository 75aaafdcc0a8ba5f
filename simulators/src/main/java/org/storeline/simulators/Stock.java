package org.storeline.simulators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store's stock bookkeeping over its catalog: the level of each SKU, whether the store counts it at all (a product
 * listed without stock is not counted until a level arrives for it), every level a request wrote, and how many levels
 * the request being routed wrote. The levels live in the {@link Product products}, which the platforms' answers
 * read; this class is where they change. Not thread-safe: used under the simulator's lock.
 */
final class Stock {
    private final Map<String, Product> bySku;
    /** The request being routed: when it arrived ({@link System#nanoTime}), and how many stock levels it wrote. */
    private long requestArrived;

    private int requestLevels;

    /** Keeps the stock of the products in {@code bySku}, the catalog's own map: products added later are seen. */
    Stock(Map<String, Product> bySku) {
        this.bySku = bySku;
    }

    /** A request is routed: the levels written from now on are its own. */
    void requestArrived(long arrivedNanos) {
        requestArrived = arrivedNanos;
        requestLevels = 0;
    }

    /** How many stock levels the request being routed wrote so far. */
    int levelsOfRequest() {
        return requestLevels;
    }

    /** A request sets the product's level: counted from now on, and kept among its writes. */
    void written(Product product, long level) {
        product.stock = level;
        product.stockTracked = true;
        product.writes.add(new StockWrite(level, requestArrived));
        requestLevels++;
    }

    /** Someone sets the level in the store's admin: counted from now on, but no level a request wrote. */
    void edited(String sku, long level) {
        Product product = bySku.get(sku);
        product.stock = level;
        product.stockTracked = true;
    }

    /** An order takes its lines from stock (never below zero); lines of SKUs the store does not sell are skipped. */
    void sold(List<Plan.Line> lines) {
        for (Plan.Line line : lines) {
            Product product = bySku.get(line.sku());
            if (product != null) {
                product.stock = Math.max(0, product.stock - line.quantity());
            }
        }
    }

    /** The level the store shows for the SKU; empty when it does not count its stock, or does not sell it. */
    Optional<Long> level(String sku) {
        Product product = bySku.get(sku);
        return product == null || !product.stockTracked ? Optional.empty() : Optional.of(product.stock);
    }

    /** Every level requests wrote for the SKU, in the order the store took them. */
    List<StockWrite> writes(String sku) {
        return List.copyOf(bySku.get(sku).writes);
    }

    /** Each SKU's level as the product holds it, counted or not, in catalog order. */
    Map<String, Long> levels() {
        Map<String, Long> levels = new LinkedHashMap<>();
        bySku.values().forEach(p -> levels.put(p.sku, p.stock));
        return levels;
    }

    /** The products that can still be sold. */
    List<Product> inStock() {
        return bySku.values().stream().filter(p -> p.stock > 0).toList();
    }
}
