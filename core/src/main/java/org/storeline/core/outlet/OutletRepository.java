package org.storeline.core.outlet;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: outlets and their receipt-number sequences. */
public interface OutletRepository {
    /** Inserts an outlet, giving it the next outlet number. */
    Outlet insert(UUID id, String name, ZoneId timeZone, Language language, Instant createdAt);

    /** Inserts an outlet that speaks English. */
    default Outlet insert(UUID id, String name, ZoneId timeZone, Instant createdAt) {
        return insert(id, name, timeZone, Language.EN, createdAt);
    }

    /** Stores the outlet's name and language. */
    void update(Outlet outlet);

    Optional<Outlet> findById(UUID id);

    List<Outlet> findAll();

    /**
     * Takes the outlet's next receipt number. Must run inside the caller's transaction: the number is
     * used only if the sale commits, and concurrent sales of one outlet queue on it, never sharing one.
     */
    String nextReceiptNumber(UUID outletId);

    /** Takes {@code count} consecutive receipt numbers at once (an import batch), in the caller's transaction. */
    List<String> nextReceiptNumbers(UUID outletId, int count);
}
