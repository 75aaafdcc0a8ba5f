package org.storeline.core.stock;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;

/**
 * Port: stock per outlet as an append-only ledger of movements plus the current level per product and
 * outlet. Each call writes both in the caller's transaction, so they can never disagree, and concurrent
 * changes to one level serialize on it: none is lost.
 */
public interface StockLedger {
    /** Applies the changes and returns their movements (with the resulting levels). */
    List<StockMovement> apply(List<StockChange> changes, Instant at);

    /**
     * Sets the level to {@code quantity} (a count or a correction) by recording the difference from
     * the current level as one movement.
     */
    StockMovement setLevel(UUID productId, UUID outletId, long quantity, StockReason reason, UUID userId, Instant at);

    List<StockLevel> levelsOf(UUID productId);

    long levelOf(UUID productId, UUID outletId);

    /** Levels of these products at these outlets (pairs never recorded are absent: zero). */
    List<StockLevel> levelsAt(Collection<UUID> productIds, Collection<UUID> outletIds);

    Page<StockMovement> movements(UUID productId, UUID outletId, PageRequest page);

    List<StockLevel> negativeLevels(Collection<UUID> outletIds);
}
