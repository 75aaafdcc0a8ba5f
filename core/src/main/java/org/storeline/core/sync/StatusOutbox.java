package org.storeline.core.sync;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Port: the status tasks the {@link StatusReader} derives from the domain-event outbox, and how far it has read.
 * Both are written in one transaction with the cursor locked, so each event is read once.
 */
public interface StatusOutbox {
    /** Locks the reader's cursor until the transaction ends and answers its position (a domain event's). */
    long lockCursor();

    void moveCursor(long position, Instant at);

    /** A status change to tell one channel about one of its sales. */
    record NewStatus(UUID channelId, UUID saleId, StatusChange change) {}

    /**
     * Writes them as pending tasks due {@code at}, in this order; packed, fulfilled, paid and cancelled are written
     * once per sale and channel (a second is dropped).
     */
    void add(List<NewStatus> changes, Instant at);
}
