package org.storeline.core.sale;

import java.util.Optional;
import java.util.UUID;

/** The filters of {@code GET /api/v1/sales}; empty means "any". */
public record SaleFilter(
        Optional<UUID> outletId,
        Optional<UUID> channelId,
        Optional<String> externalOrderId,
        Optional<UUID> customerId,
        Optional<SaleStatus> status) {
    public static SaleFilter none() {
        return new SaleFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
