package org.storeline.core.orderimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which outlet fulfils which part of an order (ALC-1..5), one row per rule and edge case. A row is written in a
 * small notation so that it reads like the rule:
 * <ul>
 *   <li>lines: {@code "p*2, ?*1"}: line 0 is 2 units of product p, line 1 one unit that matches no product;</li>
 *   <li>outlets: {@code "A B"}: the candidates in order, the online register's outlet first (ALC-3);</li>
 *   <li>method: the outlet the order's shipping method is linked to (ALC-2), blank for none;</li>
 *   <li>stock and stock after: {@code "p@A=5, q@B=1"}, levels not mentioned are 0 (after: every non-zero level);</li>
 *   <li>shares: {@code "A: 0*2 1*1 | B: 2*1"}: outlet A sends 2 of line 0 and 1 of line 1, then B 1 of line 2.</li>
 * </ul>
 */
class AllocationTest {

    record Row(
            String name, String lines, String outlets, String method, String stock, String shares, String stockAfter) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rules() {
        return Stream.of(
                new Row(
                        "ALC-1: stock in an outlet the channel does not link is not what the channel sells",
                        "p*1",
                        "A B",
                        "",
                        "p@Z=10",
                        "A: 0*1",
                        "p@A=-1, p@Z=10"),
                new Row(
                        "ALC-1: a channel with one outlet sends everything there, stock or not",
                        "p*1, ?*1",
                        "A",
                        "",
                        "",
                        "A: 0*1 1*1",
                        "p@A=-1"),
                new Row(
                        "ALC-2: a shipping method linked to an outlet takes the whole order there, whatever its stock",
                        "p*2, q*1",
                        "A B",
                        "B",
                        "p@A=5, q@A=5",
                        "B: 0*2 1*1",
                        "p@A=5, p@B=-2, q@A=5, q@B=-1"),
                new Row(
                        "ALC-2: lines that match no product follow the shipping method too",
                        "p*1, ?*3",
                        "A B",
                        "B",
                        "p@B=1",
                        "B: 0*1 1*3",
                        ""),
                new Row(
                        "ALC-3: the online register's outlet goes first when it has everything",
                        "p*1, q*1",
                        "A B",
                        "",
                        "p@A=1, q@A=1, p@B=9, q@B=9",
                        "A: 0*1 1*1",
                        "p@B=9, q@B=9"),
                new Row(
                        "ALC-3: else the first linked outlet, in their order, that has everything",
                        "p*1, q*2",
                        "A B C",
                        "",
                        "p@A=9, p@B=1, q@B=2, p@C=9, q@C=9",
                        "B: 0*1 1*2",
                        "p@A=9, p@C=9, q@C=9"),
                new Row(
                        "ALC-3: 'completely' adds up two lines of the same product",
                        "p*2, p*2",
                        "A B",
                        "",
                        "p@A=3, p@B=4",
                        "B: 0*2 1*2",
                        "p@A=3"),
                new Row(
                        "ALC-3: a level exactly equal to the quantity is enough",
                        "p*2",
                        "A B",
                        "",
                        "p@A=2, p@B=2",
                        "A: 0*2",
                        "p@B=2"),
                new Row(
                        "ALC-4: no outlet has every item: one share per outlet, by available stock",
                        "p*2, q*1",
                        "A B",
                        "",
                        "p@A=5, q@B=5",
                        "A: 0*2 | B: 1*1",
                        "p@A=3, q@B=4"),
                new Row(
                        "ALC-4: a line no single outlet has enough of is split over outlets in their order",
                        "p*5, q*1",
                        "A B",
                        "",
                        "p@A=2, p@B=3, q@A=1",
                        "A: 0*2 1*1 | B: 0*3",
                        ""),
                new Row(
                        "ALC-4: what no outlet has goes to the register's outlet, whose level goes negative",
                        "p*1, q*3",
                        "A B",
                        "",
                        "p@B=1",
                        "B: 0*1 | A: 1*3",
                        "q@A=-3"),
                new Row(
                        "ALC-4: the shortfall joins the register's outlet's share of the line: one item per line",
                        "p*5",
                        "A B",
                        "",
                        "p@A=2, p@B=2",
                        "A: 0*3 | B: 0*2",
                        "p@A=-1"),
                new Row(
                        "ALC-4: a negative level counts as nothing available",
                        "p*1, q*1",
                        "A B",
                        "",
                        "p@A=-2, q@A=1, p@B=1",
                        "B: 0*1 | A: 1*1",
                        "p@A=-2"),
                new Row(
                        "ALC-5: an unmatched line goes to the outlet that sends the most units",
                        "p*1, q*3, ?*1",
                        "A B",
                        "",
                        "p@A=1, q@B=3",
                        "A: 0*1 | B: 1*3 2*1",
                        ""),
                new Row(
                        "ALC-5: on a tie, an unmatched line goes to the outlet chosen first",
                        "p*2, q*2, ?*1",
                        "A B",
                        "",
                        "p@B=2, q@A=2",
                        "B: 0*2 2*1 | A: 1*2",
                        ""),
                new Row(
                        "ALC-5: unmatched lines do not stop an outlet from having the order 'completely'",
                        "?*4, p*1",
                        "A B",
                        "",
                        "p@B=1",
                        "B: 1*1 0*4",
                        ""),
                new Row(
                        "ALC-5: an order with no matched line goes to the online register's outlet, taking no stock",
                        "?*2, ?*1",
                        "A B",
                        "",
                        "p@B=9",
                        "A: 0*2 1*1",
                        "p@B=9"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void allocatesAsTheRuleSays(Row row) {
        Names names = new Names();
        StockView stock = names.stock(row.stock());

        Optional<UUID> method = row.method().isBlank() ? Optional.empty() : Optional.of(names.outlet(row.method()));
        Map<UUID, List<Allocation.Share>> shares =
                Allocation.allocate(names.demands(row.lines()), names.outlets(row.outlets()), method, stock);

        assertThat(names.render(shares)).as("%s: shares", row).isEqualTo(row.shares());
        assertThat(names.levels(stock)).as("%s: stock after", row).isEqualTo(row.stockAfter());
    }

    @Test
    void theSecondOrderOfABatchSeesWhatTheFirstTook() {
        Names names = new Names();
        StockView stock = names.stock("p@A=1, p@B=1");

        List<UUID> outlets = names.outlets("A B");
        var first = Allocation.allocate(names.demands("p*1"), outlets, Optional.empty(), stock);
        var second = Allocation.allocate(names.demands("p*1"), outlets, Optional.empty(), stock);

        assertThat(names.render(first)).isEqualTo("A: 0*1");
        assertThat(names.render(second)).isEqualTo("B: 0*1");
        assertThat(names.levels(stock)).isEmpty();
    }

    @Test
    void linesThePlannerLeftOutLeaveGapsInTheIndicesAndAreNeverAllocated() {
        Names names = new Names();
        StockView stock = names.stock("p@A=1, q@B=1");
        List<Allocation.Demand> demands = List.of(
                new Allocation.Demand(0, Optional.of(names.product("p")), 1),
                new Allocation.Demand(2, Optional.of(names.product("q")), 1));

        var shares = Allocation.allocate(demands, names.outlets("A B"), Optional.empty(), stock);

        assertThat(names.render(shares)).isEqualTo("A: 0*1 | B: 2*1");
        assertThat(names.levels(stock)).isEmpty();
    }

    @ParameterizedTest(name = "BYD-6: a demand of {0} units is refused (the planner keeps such lines out)")
    @ValueSource(longs = {0, -3, Long.MIN_VALUE})
    void aDemandIsOfAtLeastOneUnit(long quantity) {
        assertThatThrownBy(() -> new Allocation.Demand(0, Optional.empty(), quantity))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Turns the letters of a row into ids and back. */
    private static final class Names {
        private final Map<String, UUID> outlets = new LinkedHashMap<>();
        private final Map<String, UUID> products = new LinkedHashMap<>();

        UUID outlet(String name) {
            return outlets.computeIfAbsent(name, n -> UUID.randomUUID());
        }

        UUID product(String name) {
            return products.computeIfAbsent(name, n -> UUID.randomUUID());
        }

        List<UUID> outlets(String names) {
            return Stream.of(names.trim().split("\\s+")).map(this::outlet).toList();
        }

        List<Allocation.Demand> demands(String lines) {
            List<Allocation.Demand> demands = new ArrayList<>();
            for (String line : lines.split(",\\s*")) {
                String[] parts = line.trim().split("\\*");
                Optional<UUID> product = parts[0].equals("?") ? Optional.empty() : Optional.of(product(parts[0]));
                demands.add(new Allocation.Demand(demands.size(), product, Long.parseLong(parts[1])));
            }
            return demands;
        }

        StockView stock(String levels) {
            StockView stock = StockView.empty();
            for (String level : levels.split(",\\s*")) {
                if (!level.isBlank()) {
                    String[] parts = level.trim().split("[@=]");
                    stock.set(product(parts[0]), outlet(parts[1]), Long.parseLong(parts[2]));
                }
            }
            return stock;
        }

        String render(Map<UUID, List<Allocation.Share>> shares) {
            return shares.entrySet().stream()
                    .map(e -> name(outlets, e.getKey()) + ": "
                            + e.getValue().stream()
                                    .map(s -> s.line() + "*" + s.quantity())
                                    .collect(Collectors.joining(" ")))
                    .collect(Collectors.joining(" | "));
        }

        /** Every non-zero level of the row's products and outlets, by product then outlet name. */
        String levels(StockView stock) {
            Map<String, Long> levels = new TreeMap<>();
            products.forEach((product, productId) -> outlets.forEach((outlet, outletId) -> {
                long level = stock.available(productId, outletId);
                if (level != 0) {
                    levels.put(product + "@" + outlet, level);
                }
            }));
            return levels.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
        }

        private static String name(Map<String, UUID> names, UUID id) {
            return names.entrySet().stream()
                    .filter(e -> e.getValue().equals(id))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow();
        }
    }
}
