package org.storeline.core.orderimport;

import java.util.List;
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
        /**
         * A newer version of an imported order on a platform whose status changes are taken in (STS-1..4): its state
         * is recorded, due to be applied to the sale once the import commits ({@code statussync.ChannelStatusSync}),
         * which logs it.
         */
        STATUS_DUE,
        /** The same or an older version than the one already imported: a duplicate or a late event. */
        DUPLICATE
    }

    /** The orders whose status changes these outcomes recorded as due, to apply once their import has committed. */
    public static List<String> statusDue(List<ImportOutcome> outcomes) {
        return outcomes.stream()
                .filter(o -> o.kind() == Kind.STATUS_DUE)
                .map(ImportOutcome::externalOrderId)
                .toList();
    }
}
