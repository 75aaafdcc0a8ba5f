package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.FulfillmentFixture.act;
import static org.storeline.server.FulfillmentFixture.eventTypes;
import static org.storeline.server.FulfillmentFixture.events;
import static org.storeline.server.FulfillmentFixture.order;
import static org.storeline.server.FulfillmentFixture.scan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storeline.core.event.DomainEvent;
import org.storeline.server.support.ApiClient;

/**
 * The life of online orders' fulfillments through the API (FUL-2..5, FUL-7): a delivery picked, packed and shipped
 * with its tracking; a pickup paid at the pickup outlet's counter and handed over; an unpaid order held back until
 * a payment covers it; a split order fulfilled only once both outlets are done.
 */
class FulfillmentLifecycleIT {
    private final FulfillmentFixture shop = new FulfillmentFixture();

    @Test
    void aPaidDeliveryIsPickedPackedAndShippedWithItsTrackingAndItsSaleCompletes() {
        JsonNode sale = shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(shop.tee, 2, "20.00", "20.00", "0.00")
                .totals("20.00", "0.00"));
        JsonNode fulfillment = shop.fulfillmentOf(sale);
        assertThat(fulfillment.path("status").asText()).isEqualTo("new");
        assertThat(fulfillment.path("type").asText()).isEqualTo("delivery");
        assertThat(fulfillment.path("created_at").asText())
                .isEqualTo(sale.path("created_at").asText());
        assertThat(fulfillment.path("payment_status").asText()).isEqualTo("paid");
        ApiClient staff = shop.staffA.api();

        JsonNode picked = scan(staff, fulfillment, shop.teeBarcode).json();
        assertThat(picked.path("status").asText()).isEqualTo("in_progress");
        assertThat(picked.path("picking").asText()).isEqualTo("partial");
        assertThat(scan(staff, fulfillment, shop.tee).json().path("picking").asText())
                .isEqualTo("complete");
        ApiClient.Response packed = act(staff, fulfillment, "pack");
        assertThat(packed.status()).as(packed.text()).isEqualTo(200);
        assertThat(packed.json().path("status").asText()).isEqualTo("packed");
        ApiClient.Response shipped = act(
                staff,
                fulfillment,
                "ship",
                Map.of(
                        "tracking",
                        Map.of("number", "3SABC123", "company", "PostNL", "url", "https://track.example/3SABC123")));

        assertThat(shipped.status()).as(shipped.text()).isEqualTo(200);
        assertThat(shipped.json().path("status").asText()).isEqualTo("shipped");
        assertThat(shipped.json().path("tracking").path("number").asText()).isEqualTo("3SABC123");
        JsonNode after = shop.sale(sale);
        assertThat(after.path("status").asText()).isEqualTo("completed");
        assertThat(after.path("note").asText())
                .endsWith("Shipped: PostNL, tracking 3SABC123, https://track.example/3SABC123");
        assertThat(after.path("fulfillment_ids"))
                .singleElement()
                .satisfies(id ->
                        assertThat(id.asText()).isEqualTo(fulfillment.path("id").asText()));
        assertThat(openFulfillmentIds(sale))
                .as("completed: off the Fulfillments page")
                .isEmpty();
        assertThat(eventTypes(sale))
                .containsExactly(
                        "fulfillment.changed",
                        "fulfillment.changed",
                        "fulfillment.changed",
                        "fulfillment.changed",
                        "order.fulfilled");
        DomainEvent fulfilled = events(sale).get(4);
        assertThat(fulfilled.payload())
                .containsEntry("channel_id", shop.channel)
                .containsEntry(
                        "external_order_id", sale.path("external_order_id").asText())
                .containsEntry("sale_status", "completed");
        assertThat(events(sale).get(3).payload())
                .containsEntry("fulfillment_id", fulfillment.path("id").asText())
                .containsEntry("outlet_id", shop.outletA)
                .containsEntry("status", "shipped")
                .containsEntry("previous_status", "packed");
    }

    @Test
    void aPickupIsHandedOverOnceItsPaymentIsTakenAtThePickupOutletsCounter() {
        JsonNode sale = shop.imported(order().status("on-hold")
                .paidWith("cod", "Pay at pickup", false)
                .line(shop.mug, 1, "10.00", "10.00", "0.00")
                .shipping("local_pickup", "Pickup at B", "0.00", "0.00")
                .totals("10.00", "0.00"));
        JsonNode pickup = shop.fulfillmentOf(sale);
        assertThat(pickup.path("outlet_id").asText()).isEqualTo(shop.outletB);
        assertThat(pickup.path("type").asText()).isEqualTo("pickup");
        ApiClient staffB = shop.staffB.api();
        assertThat(act(staffB, pickup, "pack").status())
                .as("packed by hand from the pick list, no scan")
                .isEqualTo(200);

        ApiClient.Response unpaid = act(staffB, pickup, "pickup");

        assertThat(unpaid.status()).isEqualTo(409);
        assertThat(unpaid.errorCode()).isEqualTo("payment_required");
        assertThat(unpaid.json().path("error").path("message").asText())
                .contains("10.00 EUR is still owed")
                .contains("Take the payment first (POST /api/v1/sales/"
                        + sale.path("id").asText() + "/payments");
        ApiClient.Response paid = shop.pay(staffB, sale, shop.outletB, "10.00");
        assertThat(paid.status()).as(paid.text()).isEqualTo(201);
        ApiClient.Response handedOver = act(staffB, pickup, "pickup");
        assertThat(handedOver.status()).as(handedOver.text()).isEqualTo(200);
        assertThat(handedOver.json().path("status").asText()).isEqualTo("picked_up");
        assertThat(shop.sale(sale).path("status").asText()).isEqualTo("completed");
        assertThat(eventTypes(sale)).endsWith("fulfillment.changed", "order.fulfilled");
    }

    @Test
    void anUnpaidBankTransferOrderIsNotShippedUntilPaymentsCoverItsBalance() {
        JsonNode sale = shop.imported(order().status("on-hold")
                .paidWith("bacs", "Direct bank transfer", false)
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .shipping("flat_rate", "Flat rate", "5.00", "0.00")
                .totals("15.00", "0.00"));
        JsonNode delivery = shop.fulfillmentOf(sale);
        ApiClient staffA = shop.staffA.api();
        assertThat(act(staffA, delivery, "pack").status()).isEqualTo(200);

        ApiClient.Response refused = act(staffA, delivery, "ship");
        shop.pay(staffA, sale, shop.outletA, "10.00");
        ApiClient.Response stillRefused = act(staffA, delivery, "ship");

        assertThat(List.of(refused, stillRefused)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.errorCode()).isEqualTo("payment_required");
        });
        assertThat(stillRefused.json().path("error").path("message").asText()).contains("5.00 EUR is still owed");
        JsonNode stillPacked = shop.fulfillmentOf(sale);
        assertThat(stillPacked.path("status").asText()).isEqualTo("packed");
        assertThat(stillPacked.path("payment_status").asText()).isEqualTo("partially_paid");
        assertThat(stillPacked.path("balance").asText()).isEqualTo("5.00");
        shop.pay(staffA, sale, shop.outletA, "5.00");
        ApiClient.Response shipped = act(staffA, delivery, "ship");
        assertThat(shipped.status()).as(shipped.text()).isEqualTo(200);
        assertThat(shipped.json().path("tracking").isNull()).isTrue();
        assertThat(shop.sale(sale).path("status").asText()).isEqualTo("completed");
    }

    @Test
    void eachStepIsRefusedOutOfItsOrderWithTheCurrentStateNamed() {
        JsonNode sale = shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00"));
        JsonNode delivery = shop.fulfillmentOf(sale);
        ApiClient staffA = shop.staffA.api();

        ApiClient.Response notPacked = act(staffA, delivery, "ship");
        ApiClient.Response notAPickup = act(staffA, delivery, "pickup");
        act(staffA, delivery, "pack");
        ApiClient.Response packedTwice = act(staffA, delivery, "pack");
        ApiClient.Response scannedAfterPacking = scan(staffA, delivery, shop.tee);
        act(staffA, delivery, "ship");
        ApiClient.Response shippedTwice = act(staffA, delivery, "ship");

        assertThat(notPacked.status()).isEqualTo(409);
        assertThat(notPacked.errorCode()).isEqualTo("invalid_transition");
        assertThat(notPacked.json().path("error").path("message").asText())
                .contains("is new")
                .contains("mark it packed first");
        assertThat(notAPickup.errorCode()).isEqualTo("fulfillment_not_a_pickup");
        assertThat(notAPickup.status()).isEqualTo(409);
        assertThat(packedTwice.json().path("error").path("message").asText()).contains("is packed");
        assertThat(scannedAfterPacking.errorCode()).isEqualTo("invalid_transition");
        assertThat(shippedTwice.errorCode()).isEqualTo("invalid_transition");
        assertThat(shippedTwice.json().path("error").path("message").asText()).contains("is shipped");
        assertThat(eventTypes(sale)).containsExactly("fulfillment.changed", "fulfillment.changed", "order.fulfilled");
    }

    @Test
    void aSplitPickupIsHandedOverAsAWholeAtOneCounterOnceEachPartIsPackedAndTheSaleIsPaid() {
        JsonNode sale = shop.imported(order().status("on-hold")
                .paidWith("cod", "Pay at pickup", false)
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .line(shop.mug, 1, "10.00", "10.00", "0.00")
                .shipping("local_pickup", "Local pickup", "0.00", "0.00")
                .totals("20.00", "0.00"));
        List<JsonNode> parts = shop.fulfillmentsOf(sale);
        JsonNode atA = partAt(parts, shop.outletA);
        JsonNode atB = partAt(parts, shop.outletB);
        ApiClient staffA = shop.staffA.api();
        act(staffA, atA, "pack");

        ApiClient.Response early = act(staffA, atA, "pickup-order");
        assertThat(early.errorCode()).as("B's part is not packed yet").isEqualTo("invalid_transition");
        assertThat(early.json().path("error").path("message").asText()).contains("new");

        assertThat(act(shop.staffB.api(), atB, "pack").status()).isEqualTo(200);
        assertThat(act(staffA, atB, "pack").errorCode())
                .as("A's staff still act on B's part only through the whole order")
                .isEqualTo("outlet_forbidden");
        assertThat(act(staffA, atA, "pickup-order").errorCode()).isEqualTo("payment_required");
        assertThat(shop.pay(staffA, sale, shop.outletA, "20.00").status()).isEqualTo(201);

        ApiClient.Response handedOver = act(staffA, atA, "pickup-order");

        assertThat(handedOver.status()).isEqualTo(200);
        assertThat(handedOver.json().path("status").asText()).isEqualTo("picked_up");
        assertThat(shop.fulfillmentsOf(sale))
                .extracting(f -> f.path("status").asText())
                .containsOnly("picked_up");
        assertThat(shop.sale(sale).path("status").asText()).isEqualTo("completed");
        assertThat(eventTypes(sale)).filteredOn("order.fulfilled"::equals).hasSize(1);
    }

    private static JsonNode partAt(List<JsonNode> parts, String outlet) {
        return parts.stream()
                .filter(f -> f.path("outlet_id").asText().equals(outlet))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aSplitOrderIsFulfilledOnlyOnceBothOutletsHaveShippedTheirPart() {
        JsonNode sale = shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .line(shop.mug, 1, "10.00", "10.00", "0.00")
                .totals("20.00", "0.00"));
        List<JsonNode> parts = shop.fulfillmentsOf(sale);
        assertThat(parts)
                .extracting(f -> f.path("outlet_id").asText())
                .containsExactlyInAnyOrder(shop.outletA, shop.outletB);
        JsonNode atA = parts.stream()
                .filter(f -> f.path("outlet_id").asText().equals(shop.outletA))
                .findFirst()
                .orElseThrow();
        JsonNode atB = parts.stream()
                .filter(f -> f.path("outlet_id").asText().equals(shop.outletB))
                .findFirst()
                .orElseThrow();
        ApiClient staffA = shop.staffA.api();
        ApiClient staffB = shop.staffB.api();

        assertThat(scan(staffA, atA, shop.mugBarcode).errorCode())
                .as("the mug is B's part")
                .isEqualTo("product_not_in_fulfillment");
        assertThat(act(staffA, atB, "pack").errorCode()).isEqualTo("outlet_forbidden");
        assertThat(scan(staffA, atA, shop.teeBarcode).status()).isEqualTo(200);
        act(staffA, atA, "pack");
        assertThat(act(staffA, atA, "ship").status()).isEqualTo(200);

        assertThat(eventTypes(sale)).doesNotContain("order.fulfilled");
        assertThat(shop.sale(sale).path("status").asText()).isEqualTo("open");
        assertThat(openFulfillmentIds(sale)).containsExactly(atB.path("id").asText());

        act(staffB, atB, "pack");
        assertThat(act(staffB, atB, "ship").status()).isEqualTo(200);

        assertThat(eventTypes(sale)).filteredOn("order.fulfilled"::equals).hasSize(1);
        assertThat(eventTypes(sale)).last().isEqualTo("order.fulfilled");
        assertThat(shop.sale(sale).path("status").asText()).isEqualTo("completed");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> both = (List<Map<String, Object>>)
                events(sale).get(events(sale).size() - 1).payload().get("fulfillments");
        assertThat(both).extracting(f -> f.get("status")).containsOnly("shipped");
        assertThat(both).hasSize(2);
    }

    /** The sale's fulfillments on the Fulfillments page (the incomplete ones). */
    private List<String> openFulfillmentIds(JsonNode sale) {
        List<String> ids = new ArrayList<>();
        shop.admin
                .get("/api/v1/fulfillments?sale_id=" + sale.path("id").asText())
                .json()
                .path("items")
                .forEach(f -> ids.add(f.path("id").asText()));
        return ids;
    }
}
