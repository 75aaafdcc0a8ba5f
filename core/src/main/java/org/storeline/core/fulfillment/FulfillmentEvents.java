package org.storeline.core.fulfillment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.storeline.core.event.DomainEvent;
import org.storeline.core.sale.Sale;

/**
 * The events of fulfillments and their payloads, so that every writer says the same things in the same words. The
 * payload of {@code fulfillment.*} carries at least {@code fulfillment_id}, {@code outlet_id} and {@code status};
 * the sale is the event's own {@code saleId}.
 */
public final class FulfillmentEvents {
    private FulfillmentEvents() {}

    /** What changed on a fulfillment, written as {@code change} in {@code fulfillment.changed}. */
    public enum Change {
        STATUS,
        PICK,
        ASSIGNEE,
        NOTE;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * {@code fulfillment.changed}: the fulfillment as it is now (id, outlet, type, status, assignee), what changed,
     * and the status it had before.
     */
    public static DomainEvent changed(Fulfillment f, Change change, FulfillmentStatus before, Instant at) {
        Map<String, Object> payload = fulfillment(f);
        payload.put("change", change.wireName());
        payload.put("previous_status", before.wireName());
        payload.put("assigned_user_id", f.assignedUserId().map(Object::toString).orElse(null));
        return new DomainEvent(DomainEvent.FULFILLMENT_CHANGED, f.saleId(), payload, at);
    }

    /**
     * {@code order.fulfilled}: every fulfillment of the online sale is complete (FUL-7), so its channel order may be
     * marked fulfilled. Names the sale's outlet, the channel's order and each fulfillment with its tracking, and the
     * sale's status: completed with it when it is paid (shipping required that).
     */
    public static DomainEvent orderFulfilled(Sale sale, List<Fulfillment> fulfillments, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sale_id", sale.id().toString());
        payload.put("receipt_number", sale.receiptNumber());
        payload.put("outlet_id", sale.outletId().toString());
        payload.put(
                "channel_id",
                sale.channelOrder().map(c -> c.channelId().toString()).orElse(null));
        payload.put(
                "external_order_id",
                sale.channelOrder().map(c -> c.externalOrderId()).orElse(null));
        payload.put("sale_status", sale.status().wireName());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Fulfillment f : fulfillments) {
            Map<String, Object> item = fulfillment(f);
            item.put("tracking", f.tracking().map(FulfillmentEvents::tracking).orElse(null));
            list.add(item);
        }
        payload.put("fulfillments", list);
        return new DomainEvent(DomainEvent.ORDER_FULFILLED, sale.id(), payload, at);
    }

    private static Map<String, Object> fulfillment(Fulfillment f) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("fulfillment_id", f.id().toString());
        payload.put("outlet_id", f.outletId().toString());
        payload.put("type", f.type().wireName());
        payload.put("status", f.status().wireName());
        // Flat, as the readers of the outbox take them (the shipped email quotes them).
        f.tracking().ifPresent(t -> {
            payload.put("tracking_number", t.number().orElse(null));
            payload.put("tracking_company", t.company().orElse(null));
            payload.put("tracking_url", t.url().orElse(null));
        });
        return payload;
    }

    private static Map<String, Object> tracking(Tracking tracking) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("number", tracking.number().orElse(null));
        map.put("company", tracking.company().orElse(null));
        map.put("url", tracking.url().orElse(null));
        return map;
    }
}
