package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.core.event.DomainEvent;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.FakeProcessor;
import org.storeline.server.support.Outbox;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;

/**
 * Cancelling an online sale (POST /api/v1/sales/{id}/cancel): a split order restocked at both outlets it was taken
 * from, a paid one refunded through the refund flow of returns, a shipped one and an in-store one refused, and a
 * cancelled sale that takes no more payments, notes or returns.
 */
class CancellationIT {
    private static final AtomicLong ORDER_IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L + 9_000_000);

    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);
    private final FakeProcessor processor = FakeProcessor.start();
    private String outletA;
    private String outletB;
    private String register;
    private String channel;
    private String tee;
    private String mug;
    private String teeProduct;
    private String mugProduct;

    @BeforeEach
    void aChannelWithTwoOutletsAndStockSplitBetweenThem() {
        outletA = shop.outlet("Cancel A");
        outletB = shop.outlet("Cancel B");
        register = shop.openRegister(outletA);
        channel = shop.wooChannel(register, List.of(outletA, outletB), Map.of(), false, "http://127.0.0.1:9");
        tee = Shop.unique("TEE");
        mug = Shop.unique("MUG");
        teeProduct = shop.productWithSku(tee, "10.00");
        mugProduct = shop.productWithSku(mug, "5.00");
        shop.setStock(teeProduct, outletA, 5);
        shop.setStock(mugProduct, outletB, 5);
    }

    @AfterEach
    void stopTheProcessor() {
        processor.close();
    }

    @Test
    void anUnpaidOrderSplitOverTwoOutletsIsCancelledAndPutsEveryUnitBackWhereItWasTaken() {
        JsonNode sale = imported(splitOrder().status("on-hold").paidWith("bacs", "Direct bank transfer", false));
        assertThat(sale.path("payment_status").asText()).isEqualTo("unpaid");
        assertThat(shop.stockLevel(teeProduct, outletA)).isEqualTo(3);
        assertThat(shop.stockLevel(mugProduct, outletB)).isEqualTo(4);

        ApiClient.Response response = cancel(sale);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode cancelled = response.json();
        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.path("returns"))
                .singleElement()
                .satisfies(r -> assertThat(r.path("refund_status").asText()).isEqualTo("not_sent"));
        assertThat(shop.stockLevel(teeProduct, outletA)).isEqualTo(5);
        assertThat(shop.stockLevel(mugProduct, outletB)).isEqualTo(5);
        assertThat(lastMovement(mugProduct, outletB).path("reason").asText()).isEqualTo("cancellation");
        assertThat(lastMovement(teeProduct, outletA).path("delta").asLong()).isEqualTo(2);
        JsonNode fulfillments = admin.get("/api/v1/fulfillments?status=any&sale_id="
                        + sale.path("id").asText())
                .json()
                .path("items");
        assertThat(fulfillments)
                .hasSize(2)
                .allSatisfy(f -> assertThat(f.path("status").asText()).isEqualTo("cancelled"));
        JsonNode returned = admin.get("/api/v1/sales/"
                        + cancelled.path("returns").get(0).path("id").asText())
                .json();
        assertThat(returned.path("total").asText())
                .isEqualTo("-" + sale.path("total").asText());
        assertThat(returned.path("refund").path("message").asText()).contains("No payment was taken");
        List<DomainEvent> events = events(sale.path("id").asText());
        assertThat(events)
                .extracting(DomainEvent::type)
                .containsExactly("sale.cancelled", "fulfillment.changed", "fulfillment.changed", "sale.refunded");
        assertThat(events.subList(1, 3))
                .allSatisfy(changed -> assertThat(changed.payload())
                        .containsEntry("status", "cancelled")
                        .containsEntry("change", "status")
                        .containsEntry("previous_status", "new"));
        assertThat(events.subList(1, 3))
                .extracting(e -> e.payload().get("outlet_id"))
                .containsExactlyInAnyOrder(outletA, outletB);
        assertThat(events.get(0).payload())
                .containsEntry("channel_id", channel)
                .containsEntry(
                        "external_order_id", sale.path("external_order_id").asText())
                .containsEntry(
                        "fulfillment_ids",
                        List.of(
                                fulfillments.get(0).path("id").asText(),
                                fulfillments.get(1).path("id").asText()));
        assertThat(events.get(3).payload())
                .containsEntry("sale_cancelled", true)
                .containsEntry("amount", "0.00");
    }

    @Test
    void aCancelledSaleTakesNoPaymentNoteReturnOrSecondCancellation() {
        JsonNode sale = imported(splitOrder().status("on-hold").paidWith("bacs", "Direct bank transfer", false));
        assertThat(cancel(sale).status()).isEqualTo(200);
        String id = sale.path("id").asText();

        ApiClient.Response payment = admin.post(
                "/api/v1/sales/" + id + "/payments",
                Map.of("payment_type_id", shop.paymentType("cash"), "amount", "1.00", "register_id", register));
        ApiClient.Response note = admin.patch("/api/v1/sales/" + id, Map.of("note", "too late"));
        ApiClient.Response returned = admin.post(
                "/api/v1/sales/" + id + "/returns",
                Map.of(
                        "lines",
                        List.of(Map.of(
                                "line_id", sale.path("lines").get(0).path("id").asText(), "quantity", 1))));

        assertThat(List.of(payment, note, returned, cancel(sale))).allSatisfy(refused -> {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.errorCode()).isEqualTo("sale_not_open");
        });
        assertThat(shop.stockLevel(teeProduct, outletA)).isEqualTo(5);
    }

    @Test
    void aPaidOrderIsRefundedThroughItsProcessorWhenCancelled() {
        String method = Shop.unique("Card");
        ApiClient.Response type = admin.post(
                "/api/v1/payment-types",
                Map.of(
                        "name",
                        "WooCommerce: " + method,
                        "kind",
                        "integrated",
                        "processor",
                        "Stripe",
                        "processor_url",
                        processor.url()));
        assertThat(type.status()).as(type.text()).isEqualTo(201);
        JsonNode sale = imported(splitOrder().status("processing").paidWith("stripe", method, true));
        assertThat(sale.path("payment_status").asText()).isEqualTo("paid");

        ApiClient.Response response = cancel(sale);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode returned = admin.get("/api/v1/sales/"
                        + response.json().path("returns").get(0).path("id").asText())
                .json();
        assertThat(returned.path("refund").path("status").asText()).isEqualTo("done");
        assertThat(returned.path("refund").path("amount").asText()).isEqualTo("30.25");
        assertThat(returned.path("payments").get(0).path("amount").asText()).isEqualTo("-30.25");
        assertThat(processor.received()).singleElement().satisfies(call -> {
            assertThat(call.body().path("amount").asText()).isEqualTo("30.25");
            assertThat(call.body().path("payment_reference").asText())
                    .isEqualTo(sale.path("payments").get(0).path("id").asText());
        });
        assertThat(processor.totalPayouts()).isEqualTo(1);
        assertThat(shop.stockLevel(teeProduct, outletA)).isEqualTo(5);
        assertThat(shop.stockLevel(mugProduct, outletB)).isEqualTo(5);
        assertThat(events(sale.path("id").asText()))
                .extracting(DomainEvent::type)
                .containsExactly("sale.cancelled", "fulfillment.changed", "fulfillment.changed", "sale.refunded");
    }

    @Test
    void anOrderAlreadyShippedIsNotCancelledAndSaysToMakeAReturn() {
        JsonNode sale = imported(splitOrder().status("completed"));

        ApiClient.Response response = cancel(sale);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorCode()).isEqualTo("fulfillment_complete_use_return");
        assertThat(response.json().path("error").path("message").asText()).contains("Make a return instead");
        assertThat(shop.stockLevel(teeProduct, outletA)).isEqualTo(3);
        assertThat(admin.get("/api/v1/sales/" + sale.path("id").asText())
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("completed");
    }

    @Test
    void anInStoreSaleIsNotCancelled() {
        JsonNode sale = shop.inStoreSale(outletA, register, teeProduct, 1).json();

        ApiClient.Response response = cancel(sale);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorCode()).isEqualTo("in_store_sale_use_return");
    }

    /** 2 tees (taken at A) and 1 mug (taken at B): 30.25 with tax. */
    private WooCommerceOrders splitOrder() {
        return WooCommerceOrders.order(ORDER_IDS.incrementAndGet())
                .line(tee, 2, "20.00", "20.00", "4.20")
                .line(mug, 1, "5.00", "5.00", "1.05")
                .totals("30.25", "5.25");
    }

    private JsonNode imported(WooCommerceOrders order) {
        assertThat(order.deliver(admin, channel, "order.created").status()).isEqualTo(200);
        return ReturnsIT.await(
                () -> {
                    JsonNode items = admin.get("/api/v1/sales?channel_id=" + channel)
                            .json()
                            .path("items");
                    return items.isEmpty() ? null : items.get(0);
                },
                "the order to become a sale");
    }

    private ApiClient.Response cancel(JsonNode sale) {
        return admin.post("/api/v1/sales/" + sale.path("id").asText() + "/cancel", "");
    }

    private JsonNode lastMovement(String product, String outlet) {
        return admin.get("/api/v1/products/" + product + "/stock/" + outlet + "/movements")
                .json()
                .path("items")
                .get(0);
    }

    /** What happened to the sale after its import (the import's own events are the event stream's to test). */
    private static List<DomainEvent> events(String saleId) {
        return Outbox.eventsSinceImportOf(saleId);
    }
}
