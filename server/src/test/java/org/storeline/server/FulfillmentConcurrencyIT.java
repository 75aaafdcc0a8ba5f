package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.FulfillmentFixture.act;
import static org.storeline.server.FulfillmentFixture.eventTypes;
import static org.storeline.server.FulfillmentFixture.order;
import static org.storeline.server.FulfillmentFixture.scan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;

/**
 * Two people acting on one fulfillment at the same moment: one wins, the other is told the state the first left
 * (409), and no change is lost (the sale, then the fulfillment, are locked in each action's transaction).
 */
class FulfillmentConcurrencyIT {
    private static final int ROUNDS = 5;

    private final FulfillmentFixture shop = new FulfillmentFixture();

    @Test
    void twoPeoplePackingOneFulfillmentAtOnceOneWinsAndTheOtherGetsAConflict() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            JsonNode sale = paidOrder(1);
            JsonNode f = shop.fulfillmentOf(sale);

            List<ApiClient.Response> answers =
                    atOnce(() -> act(shop.staffA.api(), f, "pack"), () -> act(shop.admin, f, "pack"));

            assertThat(answers).extracting(ApiClient.Response::status).containsExactlyInAnyOrder(200, 409);
            assertThat(answers)
                    .filteredOn(r -> r.status() == 409)
                    .singleElement()
                    .satisfies(r -> assertThat(
                                    r.json().path("error").path("message").asText())
                            .contains("is packed"));
            assertThat(eventTypes(sale)).containsExactly("fulfillment.changed");
        }
    }

    @Test
    void twoPeopleShippingOneFulfillmentAtOnceShipItOnceAndFulfilTheOrderOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            JsonNode sale = paidOrder(1);
            JsonNode f = shop.fulfillmentOf(sale);
            assertThat(act(shop.staffA.api(), f, "pack").status()).isEqualTo(200);

            List<ApiClient.Response> answers =
                    atOnce(() -> act(shop.staffA.api(), f, "ship"), () -> act(shop.admin, f, "ship"));

            assertThat(answers).extracting(ApiClient.Response::status).containsExactlyInAnyOrder(200, 409);
            assertThat(answers).extracting(ApiClient.Response::errorCode).contains("invalid_transition");
            assertThat(eventTypes(sale))
                    .containsExactly("fulfillment.changed", "fulfillment.changed", "order.fulfilled");
        }
    }

    @Test
    void scansAtTheSameMomentPickEachUnitOnceAndRefuseTheRest() throws Exception {
        JsonNode sale = paidOrder(2);
        JsonNode f = shop.fulfillmentOf(sale);
        Supplier<ApiClient.Response> scanTee = () -> scan(shop.staffA.api(), f, shop.teeBarcode);

        List<ApiClient.Response> answers = atOnce(scanTee, scanTee, scanTee, scanTee);

        assertThat(answers).extracting(ApiClient.Response::status).containsExactlyInAnyOrder(200, 200, 422, 422);
        assertThat(shop.fulfillmentOf(sale).path("items").get(0).path("picked").asLong())
                .isEqualTo(2);
    }

    private JsonNode paidOrder(long tees) {
        String amount = tees * 10 + ".00";
        return shop.imported(order().status("processing")
                .paidWith("stripe", "Card", true)
                .line(shop.tee, tees, amount, amount, "0.00")
                .totals(amount, "0.00"));
    }

    /** Runs the requests on threads of their own, released together. */
    @SafeVarargs
    private static List<ApiClient.Response> atOnce(Supplier<ApiClient.Response>... requests) throws Exception {
        CyclicBarrier start = new CyclicBarrier(requests.length);
        ExecutorService threads = Executors.newFixedThreadPool(requests.length);
        try {
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (Supplier<ApiClient.Response> request : requests) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            List<ApiClient.Response> answers = new ArrayList<>();
            for (Future<ApiClient.Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
