package org.storeline.channels.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformHttp;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.fulfillment.Tracking;
import org.storeline.core.sync.PlatformCall;
import org.storeline.core.sync.StatusChange;

/**
 * The STS table for BigCommerce, on its v2 orders:
 * <ul>
 *   <li>PACKED: a delivery becomes Awaiting Shipment (9), a pickup Awaiting Pickup (8);</li>
 *   <li>FULFILLED: a pickup, or a delivery shipped without tracking, becomes Completed (10); a delivery shipped with
 *       tracking gets a shipment of everything not shipped yet, which makes BigCommerce mark it Shipped (2);</li>
 *   <li>PAID, CANCELLED, REFUNDED: nothing (no BigCommerce word in the STS table).</li>
 * </ul>
 * Each write reads first, so that sending the same change twice changes nothing the second time: a status the order
 * already has, or is past, is not set again; an order that already has a shipment gets no second one. A status the
 * merchant ended the order in (Refunded, Cancelled, Declined, Partially Refunded) is never written over.
 */
final class BigCommerceOrderUpdates {
    static final int SHIPPED = 2;
    static final int AWAITING_PICKUP = 8;
    static final int AWAITING_SHIPMENT = 9;
    static final int COMPLETED = 10;

    /** Refunded, Cancelled, Declined, Partially Refunded: the merchant's last word on the order. */
    static final Set<Integer> ENDED = Set.of(4, 5, 6, 14);
    /** Shipped, Partially Shipped, Completed: further along than packed. */
    static final Set<Integer> PAST_PACKED = Set.of(SHIPPED, 3, COMPLETED);

    private final PlatformHttp http;

    BigCommerceOrderUpdates(PlatformHttp http) {
        this.http = http;
    }

    List<PlatformCall> send(StatusChange change, ChannelConnection connection) {
        boolean pickup = change.type() == FulfillmentType.PICKUP;
        return switch (change.kind()) {
            case PACKED -> {
                String orderId = orderId(change);
                BigCommerceCalls calls = new BigCommerceCalls(http);
                setStatus(calls, connection, orderId, pickup ? AWAITING_PICKUP : AWAITING_SHIPMENT, PAST_PACKED);
                yield calls.made();
            }
            case FULFILLED -> {
                String orderId = orderId(change);
                BigCommerceCalls calls = new BigCommerceCalls(http);
                if (pickup || change.tracking().isEmpty()) {
                    setStatus(calls, connection, orderId, COMPLETED, Set.of());
                } else {
                    ship(calls, connection, orderId, change.tracking().get(0));
                }
                yield calls.made();
            }
            case PAID, CANCELLED, REFUNDED -> List.of();
        };
    }

    private static String orderId(StatusChange change) {
        String orderId = change.externalOrderId();
        if (orderId == null || !BigCommerceClient.isOrderId(orderId)) {
            throw PlatformCallException.refused("A BigCommerce order id is a number; got '" + orderId + "'.", 0);
        }
        return orderId;
    }

    /** {@code PUT /v2/orders/{id}} {@code {"status_id"}}, unless the order has it, is past it or was ended. */
    private static void setStatus(
            BigCommerceCalls calls, ChannelConnection connection, String orderId, int target, Set<Integer> past) {
        JsonNode order = calls.get(
                        connection,
                        BigCommerceClient.v2(connection, "/orders/" + orderId),
                        "Reading the status of BigCommerce order " + orderId)
                .orElseThrow(
                        () -> PlatformCallException.unreadable("BigCommerce answered no content for order " + orderId));
        int current = order.path("status_id").asInt(-1);
        if (current == target || past.contains(current) || ENDED.contains(current)) {
            return;
        }
        calls.put(
                connection,
                BigCommerceClient.v2(connection, "/orders/" + orderId),
                PlatformJson.MAPPER.createObjectNode().put("status_id", target),
                "Setting BigCommerce order " + orderId + " to status " + target);
    }

    /**
     * A shipment per shipping address of the lines not shipped yet, with the tracking: {@code POST
     * /v2/orders/{id}/shipments}. An order that has a shipment already gets none; one with no shipping address or
     * nothing left to ship is completed instead.
     */
    private static void ship(BigCommerceCalls calls, ChannelConnection connection, String orderId, Tracking tracking) {
        List<JsonNode> shipments = BigCommerceClient.elements(calls.get(
                connection,
                BigCommerceClient.v2(connection, "/orders/" + orderId + "/shipments"),
                "Reading the shipments of BigCommerce order " + orderId));
        if (!shipments.isEmpty()) {
            return;
        }
        List<JsonNode> addresses = BigCommerceClient.elements(calls.get(
                connection,
                BigCommerceClient.v2(connection, "/orders/" + orderId + "/shipping_addresses?limit=250"),
                "Reading the shipping addresses of BigCommerce order " + orderId));
        List<JsonNode> products = BigCommerceClient.elements(calls.get(
                connection,
                BigCommerceClient.v2(connection, "/orders/" + orderId + "/products?limit=250"),
                "Reading the products of BigCommerce order " + orderId));
        Map<String, List<ObjectNode>> itemsByAddress = new LinkedHashMap<>();
        addresses.forEach(
                address -> PlatformJson.id(address, "id").ifPresent(id -> itemsByAddress.put(id, new ArrayList<>())));
        for (JsonNode product : products) {
            long left = PlatformJson.quantity(product, "quantity") - PlatformJson.quantity(product, "quantity_shipped");
            Optional<String> address = PlatformJson.id(product, "order_address_id");
            Optional<String> line = PlatformJson.id(product, "id");
            if (left > 0 && line.isPresent() && address.isPresent() && itemsByAddress.containsKey(address.get())) {
                itemsByAddress
                        .get(address.get())
                        .add(PlatformJson.MAPPER
                                .createObjectNode()
                                .put("order_product_id", new BigInteger(line.get()))
                                .put("quantity", left));
            }
        }
        itemsByAddress.values().removeIf(List::isEmpty);
        if (itemsByAddress.isEmpty()) {
            setStatus(calls, connection, orderId, COMPLETED, Set.of());
            return;
        }
        itemsByAddress.forEach((address, items) -> calls.post(
                connection,
                BigCommerceClient.v2(connection, "/orders/" + orderId + "/shipments"),
                shipment(new BigInteger(address), items, tracking),
                "Shipping BigCommerce order " + orderId));
    }

    /**
     * {@code shipping_provider} "" (left out, BigCommerce writes {@code custom} and links no tracking page); the
     * carrier's name, free text here, goes to {@code shipping_method}, since {@code tracking_carrier} only takes
     * AfterShip's carrier codes; a tracking address goes to {@code tracking_link}.
     */
    static ObjectNode shipment(BigInteger orderAddressId, List<ObjectNode> items, Tracking tracking) {
        ObjectNode body = PlatformJson.MAPPER.createObjectNode().put("order_address_id", orderAddressId);
        tracking.number().ifPresent(number -> body.put("tracking_number", number));
        body.put("shipping_provider", "");
        tracking.company().ifPresent(company -> body.put("shipping_method", company));
        tracking.url().ifPresent(url -> body.put("tracking_link", url));
        body.putArray("items").addAll(items);
        return body;
    }
}
