package org.storeline.core.event;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Something that happened to a sale that others may act on (the sync to the platforms): "sale.refunded",
 * "sale.cancelled". {@code payload} is plain data (strings, numbers, booleans, lists and maps of them), written as a
 * JSON object.
 */
public record DomainEvent(String type, UUID saleId, Map<String, Object> payload, Instant occurredAt) {
    /** A return's refund was settled: done by the processor, or not sent (given back by hand, or nothing to give). */
    public static final String SALE_REFUNDED = "sale.refunded";
    /** An online sale was cancelled: its fulfillments cancelled and its stock put back. */
    public static final String SALE_CANCELLED = "sale.cancelled";
    /** A fulfillment changed: its status, a unit picked, its assignee, a note, its tracking. */
    public static final String FULFILLMENT_CHANGED = "fulfillment.changed";
    /** Every fulfillment of an online sale is complete (shipped or picked up): the channel's order is fulfilled. */
    public static final String ORDER_FULFILLED = "order.fulfilled";

    public DomainEvent {
        payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }
}
