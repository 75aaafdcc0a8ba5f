package org.storeline.core.orderimport;

import java.util.Optional;
import java.util.UUID;

/** What importing one platform order did. */
public record ImportOutcome(
        String externalOrderId, Optional<UUID> deliveryId, Kind kind, Optional<UUID> saleId, String reason) {
    public enum Kind {
        /** A sale was made. */
        IMPORTED,
        /** The order's state makes no sale (abandoned checkout, cancelled before import...). */
        SKIPPED,
        /** A newer version of an imported order: recorded, not applied (ORD-6, STS-6). */
        NOT_APPLIED,
        /** The same or an older version than the one already imported: a duplicate or a late event. */
        DUPLICATE
    }
}
