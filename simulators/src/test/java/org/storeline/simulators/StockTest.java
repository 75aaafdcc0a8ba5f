package org.storeline.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StockTest {
    private final Map<String, Product> catalog = new LinkedHashMap<>();
    private final Stock stock = new Stock(catalog);

    private Product product(String sku, long level, boolean counted) {
        Product product = new Product(catalog.size() + 1, sku, sku, BigDecimal.TEN, level, counted);
        catalog.put(sku, product);
        return product;
    }

    private static Plan.Line line(String sku, long quantity) {
        return new Plan.Line(sku, sku, quantity, BigDecimal.TEN);
    }

    @Test
    void aProductListedWithoutStockIsNotCountedUntilALevelArrives() {
        Product listed = product("NEW-1", 0, false);

        assertThat(stock.level("NEW-1")).isEmpty();
        stock.requestArrived(42);
        stock.written(listed, 5);

        assertThat(stock.level("NEW-1")).contains(5L);
        assertThat(stock.level("NOT-SOLD-HERE")).isEmpty();
    }

    @Test
    void eachLevelARequestWritesIsKeptWithWhenThatRequestArrived() {
        Product product = product("SKU-1", 3, true);

        stock.requestArrived(100);
        stock.written(product, 7);
        stock.written(product, 6);
        assertThat(stock.levelsOfRequest()).isEqualTo(2);
        stock.requestArrived(200);
        assertThat(stock.levelsOfRequest()).as("a new request starts at none").isZero();
        stock.written(product, 4);

        assertThat(stock.writes("SKU-1"))
                .containsExactly(new StockWrite(7, 100), new StockWrite(6, 100), new StockWrite(4, 200));
        assertThat(stock.level("SKU-1")).contains(4L);
    }

    @Test
    void aLevelSetInTheAdminIsCountedButIsNoWrite() {
        product("NEW-1", 0, false);

        stock.edited("NEW-1", 9);

        assertThat(stock.level("NEW-1")).contains(9L);
        assertThat(stock.writes("NEW-1")).isEmpty();
    }

    @Test
    void anOrderTakesItsLinesFromStockNeverBelowZero() {
        product("SKU-1", 5, true);
        product("SKU-2", 1, true);

        stock.sold(List.of(line("SKU-1", 2), line("SKU-2", 3), line(Plan.UNKNOWN_SKU, 1)));

        assertThat(stock.levels()).containsExactly(Map.entry("SKU-1", 3L), Map.entry("SKU-2", 0L));
        assertThat(stock.inStock()).extracting(p -> p.sku).containsExactly("SKU-1");
    }
}
