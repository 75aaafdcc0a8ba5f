package org.storeline.channels.api;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a verified delivery is about, read cheaply from its headers and body.
 *
 * @param kind      an order event to import, a stock level changed on the platform, or something we keep but do not
 *                  act on
 * @param topic     the platform's event name ("orders/create", "order.updated", "store/order/statusUpdated")
 * @param orderId   the platform's order id, as a string
 * @param eventKey  the platform's id of this event or delivery, when it gives one (dedupe hint)
 * @param eventTime when the platform says the event happened, when it says so
 * @param stock     for a stock event: which listing, and the level the platform reports, when it does
 */
public record DeliveryEvent(
        Kind kind,
        String topic,
        Optional<String> orderId,
        Optional<String> eventKey,
        Optional<Instant> eventTime,
        Optional<StockReport> stock) {
    public enum Kind {
        /** An order was created or changed: import (or log) it. */
        ORDER,
        /** A product's stock may have changed on the platform: compared with ours, set back if it differs (SOR-3). */
        STOCK,
        /** A topic we do not act on (customers, a product's other fields...): kept and marked ignored. */
        IGNORED
    }

    /**
     * A stock level the platform reports for one of its listings.
     *
     * @param listingIds the platform's ids of the listing, in the vocabulary of {@code Listing.ids} (the names the
     *     module's outbound side writes): every listing whose ids contain all of these is the one meant. A webhook
     *     that names a product with variants may so mean several
     * @param level the level the platform now shows, when the webhook says it (Shopify, WooCommerce, Lightspeed);
     *     empty when it does not (Ecwid's and BigCommerce's thin webhooks): then it is read from the platform
     */
    public record StockReport(Map<String, String> listingIds, OptionalLong level) {
        public StockReport {
            listingIds = Map.copyOf(listingIds);
            if (listingIds.isEmpty()) {
                throw new IllegalArgumentException("A stock report names its listing by at least one platform id.");
            }
        }
    }

    public DeliveryEvent {
        if ((kind == Kind.STOCK) != stock.isPresent()) {
            throw new IllegalArgumentException("A stock event, and only a stock event, carries a stock report.");
        }
    }

    public static DeliveryEvent order(
            String topic, String orderId, Optional<String> eventKey, Optional<Instant> eventTime) {
        return new DeliveryEvent(Kind.ORDER, topic, Optional.of(orderId), eventKey, eventTime, Optional.empty());
    }

    public static DeliveryEvent stock(
            String topic, Map<String, String> listingIds, OptionalLong level, Optional<String> eventKey) {
        return new DeliveryEvent(
                Kind.STOCK,
                topic,
                Optional.empty(),
                eventKey,
                Optional.empty(),
                Optional.of(new StockReport(listingIds, level)));
    }

    public static DeliveryEvent ignored(String topic) {
        return new DeliveryEvent(
                Kind.IGNORED, topic, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
