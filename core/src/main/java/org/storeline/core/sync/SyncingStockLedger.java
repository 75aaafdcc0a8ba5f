package org.storeline.core.sync;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.stock.StockChange;
import org.storeline.core.stock.StockLedger;
import org.storeline.core.stock.StockLevel;
import org.storeline.core.stock.StockMovement;
import org.storeline.core.stock.StockReason;

/**
 * The stock ledger that tells the channels (SOR-3, BYD-3): every change of on-hand, whoever makes it (an in-store sale,
 * an online order, a return, a cancellation, a count), schedules the product's level for the channels that link the
 * outlet, in the same transaction, through {@link SyncOutbox#stockChanged}. A decorator rather than a call in each use
 * case, so that no writer of stock can forget it; one call per {@link #apply}, so that an import batch schedules all
 * its lines in one statement.
 */
public final class SyncingStockLedger implements StockLedger {
    private final StockLedger ledger;
    private final SyncOutbox outbox;

    public SyncingStockLedger(StockLedger ledger, SyncOutbox outbox) {
        this.ledger = ledger;
        this.outbox = outbox;
    }

    @Override
    public List<StockMovement> apply(List<StockChange> changes, Instant at) {
        List<StockMovement> movements = ledger.apply(changes, at);
        Set<UUID> products = new LinkedHashSet<>();
        Set<UUID> outlets = new LinkedHashSet<>();
        for (StockChange change : changes) {
            if (change.delta() != 0) {
                products.add(change.productId());
                outlets.add(change.outletId());
            }
        }
        if (!products.isEmpty()) {
            outbox.stockChanged(products, outlets);
        }
        return movements;
    }

    @Override
    public StockMovement setLevel(
            UUID productId, UUID outletId, long quantity, StockReason reason, UUID userId, Instant at) {
        StockMovement movement = ledger.setLevel(productId, outletId, quantity, reason, userId, at);
        if (movement.delta() != 0) {
            outbox.stockChanged(List.of(productId), List.of(outletId));
        }
        return movement;
    }

    @Override
    public List<StockLevel> levelsOf(UUID productId) {
        return ledger.levelsOf(productId);
    }

    @Override
    public long levelOf(UUID productId, UUID outletId) {
        return ledger.levelOf(productId, outletId);
    }

    @Override
    public List<StockLevel> levelsAt(Collection<UUID> productIds, Collection<UUID> outletIds) {
        return ledger.levelsAt(productIds, outletIds);
    }

    @Override
    public Page<StockMovement> movements(UUID productId, UUID outletId, PageRequest page) {
        return ledger.movements(productId, outletId, page);
    }

    @Override
    public List<StockLevel> negativeLevels(Collection<UUID> outletIds) {
        return ledger.negativeLevels(outletIds);
    }
}
