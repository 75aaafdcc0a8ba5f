package org.storeline.core.event;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Something that happened to a sale that others may act on (the sync to the platforms, the live event stream):
 * "sale.refunded", "sale.cancelled", "fulfillment.created"... {@code payload} is plain data (strings, numbers,
 * booleans, lists and maps of them), written as a JSON object. An event about one outlet names it in the payload's
 * {@code outlet_id}: who may see the event is decided by it.
 */
public record DomainEvent(String type, UUID saleId, Map<String, Object> payload, Instant occurredAt) {
    /** A return's refund was settled: done by the processor, or not sent (given back by hand, or nothing to give). */
    public static final String SALE_REFUNDED = "sale.refunded";
    /** A payment taken here settled an online sale that was not fully paid (PAY-2): the channel may be told. */
    public static final String SALE_PAID = "sale.paid";
    /** An online sale was cancelled: its fulfillments cancelled and its stock put back. */
    public static final String SALE_CANCELLED = "sale.cancelled";
    /** A fulfillment was made (the order import): payload {@code fulfillment_id}, {@code outlet_id}, {@code status}. */
    public static final String FULFILLMENT_CREATED = "fulfillment.created";
    /** A fulfillment changed (status, a pick, the assignee, a note, tracking); payload as for created. */
    public static final String FULFILLMENT_CHANGED = "fulfillment.changed";
    /** Every fulfillment of an online sale is complete (shipped or picked up). */
    public static final String ORDER_FULFILLED = "order.fulfilled";
    /** A notification was raised: payload {@code notification_id}, {@code outlet_id}, {@code fulfillment_id}. */
    public static final String NOTIFICATION_RAISED = "notification.raised";

    public DomainEvent {
        payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }

    /** The outlet the event is about: the payload's {@code outlet_id}, if it names one. */
    public Optional<UUID> outletId() {
        return payload.get("outlet_id") instanceof String id ? Optional.of(UUID.fromString(id)) : Optional.empty();
    }
}
