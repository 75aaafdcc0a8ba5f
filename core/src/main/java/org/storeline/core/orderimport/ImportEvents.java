package org.storeline.core.orderimport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.storeline.core.event.DomainEvent;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.notification.NotificationRepository;

/**
 * What an import batch tells the outbox: {@code fulfillment.created} for each new fulfillment, then
 * {@code notification.raised} for each notification of its order, so that a reader meets a fulfillment before the
 * notification that links to it.
 */
final class ImportEvents {
    private ImportEvents() {}

    static List<DomainEvent> of(List<OrderPlan> plans, Instant at) {
        List<DomainEvent> events = new ArrayList<>();
        for (OrderPlan plan : plans) {
            for (Fulfillment f : plan.fulfillments()) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("fulfillment_id", f.id().toString());
                payload.put("outlet_id", f.outletId().toString());
                payload.put("status", f.status().wireName());
                events.add(new DomainEvent(DomainEvent.FULFILLMENT_CREATED, f.saleId(), payload, at));
            }
            for (NotificationRepository.Announcement a : plan.announcements()) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("notification_id", a.id().toString());
                payload.put("outlet_id", a.outletId().toString());
                payload.put("fulfillment_id", a.fulfillmentId().toString());
                events.add(new DomainEvent(DomainEvent.NOTIFICATION_RAISED, a.saleId(), payload, at));
            }
        }
        return events;
    }
}
