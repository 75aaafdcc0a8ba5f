package org.storeline.core.stock;

import java.util.Optional;
import java.util.UUID;

/** A change to apply to one product's level at one outlet: {@code delta} units, for a reason. */
public record StockChange(
        UUID productId, UUID outletId, long delta, StockReason reason, Optional<UUID> saleId, Optional<UUID> userId) {}
