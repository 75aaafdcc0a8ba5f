package org.storeline.channels.ecwid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.fulfillment.Tracking;
import org.storeline.core.sync.StatusChange;

/**
 * The STS table's Ecwid column: which order fields ({@code paymentStatus}, {@code fulfillmentStatus},
 * {@code trackingNumber}) a change here sets, given the order as Ecwid shows it now. Only the fields that differ are
 * sent (Ecwid's update takes partial orders), and a status the order has already reached or passed is not sent again:
 * our own change echoing back (Ecwid's OUT_FOR_DELIVERY completing a fulfillment here, STS-1) must not be pushed over
 * by SHIPPED, nor DELIVERED by READY_FOR_PICKUP.
 */
final class EcwidStatusUpdate {
    static final String PAYMENT = "paymentStatus";
    static final String FULFILLMENT = "fulfillmentStatus";
    static final String TRACKING = "trackingNumber";

    /** Fulfillment statuses at or past "shipped" for a delivery. */
    private static final Set<String> SHIPPED_OR_LATER = Set.of("SHIPPED", "OUT_FOR_DELIVERY", "DELIVERED");
    /** Payment statuses that an unpaid order paid here must not overwrite. */
    private static final Set<String> PAID_OR_LATER = Set.of("PAID", "PARTIALLY_REFUNDED", "REFUNDED");

    private EcwidStatusUpdate() {}

    /** Whether Ecwid has a word for this kind at all: when not, nothing is read and nothing is sent. */
    static boolean applies(StatusChange change) {
        return change.kind() != StatusChange.Kind.PACKED || change.type() == FulfillmentType.PICKUP;
    }

    /** Why the change cannot be applied to the order as it is, if it cannot (it was cancelled on Ecwid). */
    static Optional<String> conflict(StatusChange change, JsonNode order) {
        boolean cancelled = "CANCELLED".equals(payment(order)) || "WILL_NOT_DELIVER".equals(fulfillment(order));
        if (cancelled && change.kind() != StatusChange.Kind.CANCELLED && change.kind() != StatusChange.Kind.REFUNDED) {
            return Optional.of("the order is cancelled on Ecwid (" + payment(order) + " / " + fulfillment(order)
                    + "): it is not marked " + change.kind() + " there");
        }
        return Optional.empty();
    }

    /** The fields to send: empty when the order already shows the change. */
    static ObjectNode fields(StatusChange change, JsonNode order) {
        ObjectNode update = PlatformJson.MAPPER.createObjectNode();
        String payment = payment(order);
        String fulfillment = fulfillment(order);
        switch (change.kind()) {
            case PACKED -> {
                if (!"READY_FOR_PICKUP".equals(fulfillment) && !"DELIVERED".equals(fulfillment)) {
                    update.put(FULFILLMENT, "READY_FOR_PICKUP");
                }
            }
            case FULFILLED -> fulfilled(change, order, fulfillment, update);
            case PAID -> {
                if (!PAID_OR_LATER.contains(payment)) {
                    update.put(PAYMENT, "PAID");
                }
            }
            case CANCELLED -> {
                if (!"CANCELLED".equals(payment)) {
                    update.put(PAYMENT, "CANCELLED");
                }
                if (!"WILL_NOT_DELIVER".equals(fulfillment)) {
                    update.put(FULFILLMENT, "WILL_NOT_DELIVER");
                }
            }
            case REFUNDED -> {
                String target = change.whollyRefunded() ? "REFUNDED" : "PARTIALLY_REFUNDED";
                // A whole refund is never taken back to a partial one, and a cancellation (sent before the refund
                // that goes with it) already tells the customer the money is not kept.
                if (!target.equals(payment) && !"REFUNDED".equals(payment) && !"CANCELLED".equals(payment)) {
                    update.put(PAYMENT, target);
                }
            }
        }
        return update;
    }

    private static void fulfilled(StatusChange change, JsonNode order, String fulfillment, ObjectNode update) {
        if (change.type() == FulfillmentType.PICKUP) {
            if (!"DELIVERED".equals(fulfillment)) {
                update.put(FULFILLMENT, "DELIVERED");
            }
            return;
        }
        if (!SHIPPED_OR_LATER.contains(fulfillment)) {
            update.put(FULFILLMENT, "SHIPPED");
        }
        trackingNumber(change)
                .filter(number ->
                        !number.equals(PlatformJson.text(order, TRACKING).orElse("")))
                .ifPresent(number -> update.put(TRACKING, number));
    }

    /**
     * Ecwid keeps one tracking number per order: a split order's numbers (one per fulfillment) are all given, in
     * the order they shipped, separated by ", ".
     */
    static Optional<String> trackingNumber(StatusChange change) {
        Set<String> numbers = change.tracking().stream()
                .map(Tracking::number)
                .flatMap(Optional::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return numbers.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", numbers));
    }

    private static String payment(JsonNode order) {
        return PlatformJson.text(order, PAYMENT).orElse("");
    }

    private static String fulfillment(JsonNode order) {
        return PlatformJson.text(order, FULFILLMENT).orElse("");
    }
}
