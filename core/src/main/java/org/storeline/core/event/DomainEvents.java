package org.storeline.core.event;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Port: the outbox of domain events. {@link #publish} writes an event in the caller's transaction, so it exists
 * exactly when what it tells of was committed; readers take them in order with {@link #after}. Positions are
 * visible in the order they are given: once a reader has read up to position N, no event below N appears later.
 * Publish last in a transaction: a writer holds the outbox's order until it commits.
 */
public interface DomainEvents {
    void publish(DomainEvent event);

    /**
     * Publishes these events in this order, as one step: the same as publishing each in turn, for a writer of many
     * (an import batch) at the cost of one.
     */
    default void publishAll(List<DomainEvent> events) {
        events.forEach(this::publish);
    }

    /** An event as stored: its position in the outbox, increasing. */
    record Stored(long position, DomainEvent event, Instant storedAt) {}

    /** Up to {@code limit} events after {@code position} (0: from the first), in order. */
    List<Stored> after(long position, int limit);

    /**
     * Up to {@code limit} events of these types after {@code position}, in order; with {@code outlets}, only the
     * events about one of them (the payload's {@code outlet_id}).
     */
    List<Stored> after(long position, Set<String> types, Optional<Collection<UUID>> outlets, int limit);

    /** The last {@code limit} events of one sale, oldest first (a fulfillment's timeline). */
    List<Stored> ofSale(UUID saleId, int limit);

    /** The positions kept: the first and the last (both 0 while there is none). */
    record Bounds(long first, long last) {}

    Bounds bounds();
}
