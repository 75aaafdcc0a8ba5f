package org.storeline.core.orderimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which outlet fulfils which part of an order (ALC-1..5), decided on the stock levels the import sees.
 *
 * <ol>
 *   <li>ALC-2: a shipping method linked to an outlet sends everything there;</li>
 *   <li>ALC-3: else the first outlet that has every item in stock, trying the online register's outlet
 *       first, then the channel's outlets in their order;</li>
 *   <li>ALC-4: else each line goes where its stock is, splitting a line when no single outlet has enough;
 *       what no outlet has goes to the first outlet (its level goes negative: a sale is never refused);</li>
 *   <li>ALC-5: lines that match no product go with the rest of the order (the outlet with most units);
 *       an order with no matched line goes to the online register's outlet.</li>
 * </ol>
 * Lines whose quantity or price cannot be sold never get here (BYD-6, {@link LineProblems}).
 */
public final class Allocation {
    /**
     * A line to allocate: its index in the order, its product (if matched) and quantity, at least one unit. The
     * planner keeps lines that cannot be allocated out (BYD-6), so the indices of an order's demands may have gaps.
     */
    public record Demand(int line, Optional<UUID> productId, long quantity) {
        public Demand {
            if (quantity < 1) {
                throw new IllegalArgumentException("A line to allocate needs at least one unit, not " + quantity);
            }
        }
    }

    /** A part of a line given to an outlet. */
    public record Share(int line, long quantity) {}

    private Allocation() {}

    /** The shares per outlet, outlets in the order they were chosen; the stock view is debited. */
    public static Map<UUID, List<Share>> allocate(
            List<Demand> demands, List<UUID> candidates, Optional<UUID> shippingMethodOutlet, StockView stock) {
        List<UUID> outlets = new ArrayList<>(new LinkedHashSet<>(candidates));
        Map<UUID, List<Share>> shares;
        if (shippingMethodOutlet.isPresent()) {
            shares = new LinkedHashMap<>();
            shares.put(
                    shippingMethodOutlet.get(),
                    demands.stream().map(d -> new Share(d.line(), d.quantity())).toList());
        } else {
            List<Demand> matched =
                    demands.stream().filter(d -> d.productId().isPresent()).toList();
            shares = matched.isEmpty() ? new LinkedHashMap<>() : wholeOrSplit(matched, outlets, stock);
            addUnmatched(demands, shares, outlets.get(0));
        }
        debit(demands, shares, stock);
        return shares;
    }

    private static Map<UUID, List<Share>> wholeOrSplit(List<Demand> matched, List<UUID> outlets, StockView stock) {
        for (UUID outlet : outlets) {
            if (canFulfilAll(matched, outlet, stock)) {
                Map<UUID, List<Share>> whole = new LinkedHashMap<>();
                whole.put(
                        outlet,
                        new ArrayList<>(matched.stream()
                                .map(d -> new Share(d.line(), d.quantity()))
                                .toList()));
                return whole;
            }
        }
        return split(matched, outlets, stock);
    }

    private static boolean canFulfilAll(List<Demand> matched, UUID outlet, StockView stock) {
        Map<UUID, Long> needed = new LinkedHashMap<>();
        matched.forEach(d -> needed.merge(d.productId().get(), d.quantity(), Long::sum));
        return needed.entrySet().stream().allMatch(e -> stock.available(e.getKey(), outlet) >= e.getValue());
    }

    private static Map<UUID, List<Share>> split(List<Demand> matched, List<UUID> outlets, StockView stock) {
        Map<UUID, List<Share>> shares = new LinkedHashMap<>();
        StockView trial = stock.copy();
        for (Demand demand : matched) {
            long remaining = demand.quantity();
            for (UUID outlet : outlets) {
                long take = Math.min(
                        remaining,
                        Math.max(0, trial.available(demand.productId().get(), outlet)));
                if (take > 0) {
                    give(shares, outlet, demand.line(), take);
                    trial.debit(demand.productId().get(), outlet, take);
                    remaining -= take;
                }
            }
            if (remaining > 0) {
                give(shares, outlets.get(0), demand.line(), remaining);
            }
        }
        return shares;
    }

    /**
     * Adds units of a line to an outlet's share of it. A fulfillment holds each line at most once (its items are
     * keyed by line), so the shortfall given to the first outlet joins what that outlet already takes of the line.
     */
    private static void give(Map<UUID, List<Share>> shares, UUID outlet, int line, long quantity) {
        List<Share> list = shares.computeIfAbsent(outlet, o -> new ArrayList<>());
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).line() == line) {
                list.set(i, new Share(line, list.get(i).quantity() + quantity));
                return;
            }
        }
        list.add(new Share(line, quantity));
    }

    private static void addUnmatched(List<Demand> demands, Map<UUID, List<Share>> shares, UUID fallback) {
        List<Share> unmatched = demands.stream()
                .filter(d -> d.productId().isEmpty())
                .map(d -> new Share(d.line(), d.quantity()))
                .toList();
        if (unmatched.isEmpty()) {
            return;
        }
        UUID target = shares.entrySet().stream()
                .max((a, b) -> Long.compare(units(a.getValue()), units(b.getValue())))
                .map(Map.Entry::getKey)
                .orElse(fallback);
        shares.computeIfAbsent(target, o -> new ArrayList<>()).addAll(unmatched);
    }

    private static long units(List<Share> shares) {
        return shares.stream().mapToLong(Share::quantity).sum();
    }

    private static void debit(List<Demand> demands, Map<UUID, List<Share>> shares, StockView stock) {
        Map<Integer, Demand> byLine = new HashMap<>();
        demands.forEach(d -> byLine.put(d.line(), d));
        shares.forEach((outlet, list) -> list.forEach(share -> byLine.get(share.line())
                .productId()
                .ifPresent(product -> stock.debit(product, outlet, share.quantity()))));
    }
}
