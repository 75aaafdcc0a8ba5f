package org.storeline.core.event;

import java.time.Duration;

/**
 * Port: a hint that the outbox may hold new events, so that a reader need not wait for its next poll (PostgreSQL's
 * NOTIFY). Only a hint: it may come late, twice, or never (a transaction-pooling proxy drops it), so readers poll too.
 */
public interface OutboxSignal extends AutoCloseable {
    /** Waits until a hint arrives or {@code max} has passed; answers whether a hint arrived. */
    boolean await(Duration max) throws InterruptedException;

    @Override
    void close();
}
