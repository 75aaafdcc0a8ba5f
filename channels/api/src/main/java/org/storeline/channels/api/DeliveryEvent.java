package org.storeline.channels.api;

import java.time.Instant;
import java.util.Optional;

/**
 * What a verified delivery is about, read cheaply from its headers and body.
 *
 * @param kind      an order event to import, or something we keep but do not act on
 * @param topic     the platform's event name ("orders/create", "order.updated", "store/order/statusUpdated")
 * @param orderId   the platform's order id, as a string
 * @param eventKey  the platform's id of this event or delivery, when it gives one (dedupe hint)
 * @param eventTime when the platform says the event happened, when it says so
 */
public record DeliveryEvent(
        Kind kind, String topic, Optional<String> orderId, Optional<String> eventKey, Optional<Instant> eventTime) {
    public enum Kind {
        /** An order was created or changed: import (or log) it. */
        ORDER,
        /** A topic we do not act on (products, customers...): kept and marked ignored. */
        IGNORED
    }

    public static DeliveryEvent order(
            String topic, String orderId, Optional<String> eventKey, Optional<Instant> eventTime) {
        return new DeliveryEvent(Kind.ORDER, topic, Optional.of(orderId), eventKey, eventTime);
    }

    public static DeliveryEvent ignored(String topic) {
        return new DeliveryEvent(Kind.IGNORED, topic, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
