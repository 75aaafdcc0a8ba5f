package org.storeline.core.returns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleLine;

/**
 * Where each line's units left stock, in order, so that a return or a cancellation puts them back where they were
 * taken: an in-store sale's lines at its outlet, an online sale's at the outlets of the fulfillments that hold them
 * (a line split over two outlets: the first fulfillment's units first). Lines that took no stock (the shipping fee,
 * an adjustment, a line that matched no product) have no origin and are restocked nowhere.
 */
public final class StockOrigins {
    /** {@code quantity} units put back at {@code outletId}. */
    public record Share(UUID outletId, long quantity) {}

    private final Map<UUID, List<Share>> byLine;

    private StockOrigins(Map<UUID, List<Share>> byLine) {
        this.byLine = byLine;
    }

    /** An in-store sale: every line of a product, all its units at the sale's outlet. */
    public static StockOrigins ofInStoreSale(Sale sale) {
        Map<UUID, List<Share>> byLine = new HashMap<>();
        for (SaleLine line : sale.lines()) {
            if (line.productId().isPresent() && line.quantity() > 0) {
                byLine.put(line.id(), List.of(new Share(sale.outletId(), line.quantity())));
            }
        }
        return new StockOrigins(byLine);
    }

    /** An online sale: the items of its fulfillments, oldest fulfillment first (stock was taken per item). */
    public static StockOrigins ofFulfillments(Sale sale, List<Fulfillment> fulfillments) {
        Map<UUID, Boolean> hasProduct = new HashMap<>();
        sale.lines().forEach(line -> hasProduct.put(line.id(), line.productId().isPresent()));
        Map<UUID, List<Share>> byLine = new HashMap<>();
        fulfillments.stream().sorted(Comparator.comparing(Fulfillment::id)).forEach(f -> {
            for (Fulfillment.Item item : f.items()) {
                if (hasProduct.getOrDefault(item.lineId(), false) && item.quantity() > 0) {
                    byLine.computeIfAbsent(item.lineId(), id -> new ArrayList<>())
                            .add(new Share(f.outletId(), item.quantity()));
                }
            }
        });
        return new StockOrigins(byLine);
    }

    /** The same units, all put back at {@code outletId} instead (the user chose where to restock). */
    public StockOrigins allAt(UUID outletId) {
        Map<UUID, List<Share>> moved = new HashMap<>();
        byLine.forEach((line, shares) -> moved.put(
                line,
                List.of(new Share(
                        outletId, shares.stream().mapToLong(Share::quantity).sum()))));
        return new StockOrigins(moved);
    }

    /**
     * Where {@code quantity} units of the line go back when {@code before} of them were returned already: past the
     * first {@code before} units of its origins, the next {@code quantity}. Units beyond what left stock go nowhere.
     */
    public List<Share> take(UUID lineId, long before, long quantity) {
        List<Share> taken = new ArrayList<>();
        long skip = before;
        long wanted = quantity;
        for (Share share : byLine.getOrDefault(lineId, List.of())) {
            long available = share.quantity() - Math.min(skip, share.quantity());
            skip -= share.quantity() - available;
            long now = Math.min(available, wanted);
            if (now > 0) {
                taken.add(new Share(share.outletId(), now));
                wanted -= now;
            }
        }
        return taken;
    }
}
