package org.storeline.core.event;

import java.time.Instant;
import java.util.List;

/**
 * Port: the outbox of domain events. {@link #publish} writes an event in the caller's transaction, so it exists
 * exactly when what it tells of was committed; readers take them in order with {@link #after}. Positions are
 * visible in the order they are given: once a reader has read up to position N, no event below N appears later.
 */
public interface DomainEvents {
    void publish(DomainEvent event);

    /** An event as stored: its position in the outbox, increasing. */
    record Stored(long position, DomainEvent event, Instant storedAt) {}

    /** Up to {@code limit} events after {@code position} (0: from the first), in order. */
    List<Stored> after(long position, int limit);
}
