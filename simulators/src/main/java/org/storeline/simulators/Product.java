package org.storeline.simulators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** One product the store sells. Its id is stable: the same catalog gets the same ids in every run. */
public final class Product {
    public final long id;
    public final String sku;
    public final String name;
    BigDecimal price;
    long stock;
    /** Whether the store keeps count of its stock: not until a level is written for one added without. */
    boolean stockTracked;

    final List<StockWrite> writes = new ArrayList<>();

    Product(long id, String sku, String name, BigDecimal price, long stock, boolean stockTracked) {
        this.id = id;
        this.sku = sku;
        this.name = name;
        this.price = price;
        this.stock = stock;
        this.stockTracked = stockTracked;
    }
}
