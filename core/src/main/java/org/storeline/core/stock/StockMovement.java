package org.storeline.core.stock;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One row of the append-only stock ledger, with the level it left behind. */
public record StockMovement(
        UUID id,
        UUID productId,
        UUID outletId,
        long delta,
        long quantityAfter,
        StockReason reason,
        Optional<UUID> saleId,
        Optional<UUID> userId,
        Instant createdAt) {}
