package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
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
 * Returns and refunds (RET-1..3) through the real API: partial returns limited to what is left, concurrent returns
 * of one line, restock where the units came from, cash refunds said in plain words, and refunds to a processor sent
 * exactly once whatever the client and the network do.
 */
class ReturnsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong ORDER_IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L + 7_000_000);

    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);
    private final FakeProcessor processor = FakeProcessor.start();
    private String outlet;
    private String register;
    private String product;

    @BeforeEach
    void aShopWithStock() {
        outlet = shop.outlet("Returns");
        register = shop.openRegister(outlet);
        product = shop.product("10.00", "0.21");
        shop.setStock(product, outlet, 10);
    }

    @AfterEach
    void stopTheProcessor() {
        processor.close();
    }

    @Test
    void partialReturnsRestockRefundInCashAndTheLineGivesBackNoMoreThanItSold() {
        String cash = shop.paymentType("cash");
        // 3 × 10.00 − 0.01 = 29.99, tax 6.30: 36.29, which no third of divides exactly.
        JsonNode sale =
                sale(List.of(Map.of("product_id", product, "quantity", 3, "discount", "0.01")), Map.of(cash, "36.29"));
        String line = sale.path("lines").get(0).path("id").asText();
        assertThat(shop.stockLevel(product, outlet)).isEqualTo(7);

        ApiClient.Response first = returnItems(sale, Map.of("lines", List.of(back(line, 1)), "reason", "too big"));

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        JsonNode returned = first.json();
        assertThat(returned.path("return_of_sale_id").asText())
                .isEqualTo(sale.path("id").asText());
        assertThat(returned.path("receipt_number").asText())
                .isNotEqualTo(sale.path("receipt_number").asText());
        assertThat(returned.path("status").asText()).isEqualTo("completed");
        assertThat(returned.path("note").asText()).isEqualTo("too big");
        assertThat(returned.path("lines").get(0).path("quantity").asLong()).isEqualTo(-1);
        assertThat(returned.path("lines").get(0).path("returned_line_id").asText())
                .isEqualTo(line);
        assertThat(returned.path("total").asText()).isEqualTo("-12.10");
        assertThat(returned.path("refund").path("status").asText()).isEqualTo("not_sent");
        assertThat(returned.path("refund").path("message").asText()).isEqualTo("Give the customer 12.10 in cash.");
        assertThat(returned.path("payments").get(0).path("amount").asText()).isEqualTo("-12.10");
        assertThat(returned.path("payments").get(0).path("register_id").asText())
                .isEqualTo(register);
        assertThat(returned.path("balance").asText()).isEqualTo("0.00");
        assertThat(shop.stockLevel(product, outlet)).isEqualTo(8);

        ApiClient.Response tooMany = returnItems(sale, Map.of("lines", List.of(back(line, 3))));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.errorCode()).isEqualTo("return_exceeds_sold");
        assertThat(tooMany.json().path("error").path("message").asText()).contains("only 2 of the 3 sold");

        ApiClient.Response rest = returnItems(sale, Map.of("lines", List.of(back(line, 2))));
        assertThat(rest.status()).as(rest.text()).isEqualTo(201);
        assertThat(rest.json().path("total").asText()).isEqualTo("-24.19");
        assertThat(shop.stockLevel(product, outlet)).isEqualTo(10);
        assertThat(returnItems(sale, Map.of("lines", List.of(back(line, 1)))).errorCode())
                .isEqualTo("return_exceeds_sold");

        JsonNode original =
                admin.get("/api/v1/sales/" + sale.path("id").asText()).json();
        assertThat(original.path("returns")).hasSize(2);
        assertThat(original.path("returns").get(0).path("id").asText())
                .isEqualTo(returned.path("id").asText());
        assertThat(original.path("returns").get(1).path("refund_status").asText())
                .isEqualTo("not_sent");
        assertThat(original.path("refund").isNull()).isTrue();
        JsonNode movements = admin.get("/api/v1/products/" + product + "/stock/" + outlet + "/movements")
                .json()
                .path("items");
        assertThat(movements.get(0).path("reason").asText()).isEqualTo("return");
        assertThat(movements.get(0).path("delta").asLong()).isEqualTo(2);
        List<DomainEvent> events = events(sale.path("id").asText());
        assertThat(events).extracting(DomainEvent::type).containsExactly("sale.refunded", "sale.refunded");
        assertThat(events.get(0).payload())
                .containsEntry("return_id", returned.path("id").asText())
                .containsEntry("amount", "12.10")
                .containsEntry("currency", "EUR")
                .containsEntry("refund_status", "not_sent");
    }

    @Test
    void aCashRefundCountsNegativeInThePaymentReportNetsOutOfProductSalesAndComesOutOfTheDrawer() {
        String cash = shop.paymentType("cash");
        JsonNode sale = sale(List.of(Map.of("product_id", product, "quantity", 2)), Map.of(cash, "24.20"));
        String line = sale.path("lines").get(0).path("id").asText();
        assertThat(returnItems(sale, Map.of("lines", List.of(back(line, 1)))).status())
                .isEqualTo(201);

        JsonNode payments =
                admin.get("/api/v1/reports/payments?outlet_id=" + outlet).json().path("items");
        assertThat(payments).hasSize(1);
        assertThat(payments.get(0).path("received").asText()).isEqualTo("24.20");
        assertThat(payments.get(0).path("refunded").asText()).isEqualTo("12.10");
        assertThat(payments.get(0).path("total").asText()).isEqualTo("12.10");
        assertThat(payments.get(0).path("count").asLong()).isEqualTo(2);
        JsonNode products = admin.get("/api/v1/reports/product-sales?outlet_id=" + outlet)
                .json()
                .path("items");
        assertThat(products).hasSize(1);
        assertThat(products.get(0).path("quantity").asLong()).isEqualTo(1);
        assertThat(products.get(0).path("returned_quantity").asLong()).isEqualTo(1);
        assertThat(products.get(0).path("total").asText()).isEqualTo("12.10");

        JsonNode closure = admin.post("/api/v1/registers/" + register + "/close", Map.of("counted_cash", "12.10"))
                .json();
        assertThat(closure.path("expected_cash").asText()).isEqualTo("12.10");
        assertThat(closure.path("cash_difference").asText()).isEqualTo("0.00");
        assertThat(closure.path("payments_count").asLong()).isEqualTo(2);
    }

    @Test
    void twoConcurrentReturnsOfTheSameLineGiveItBackOnce() throws Exception {
        String cash = shop.paymentType("cash");
        JsonNode sale = sale(List.of(Map.of("product_id", product, "quantity", 2)), Map.of(cash, "24.20"));
        String line = sale.path("lines").get(0).path("id").asText();
        int racers = 6;

        CountDownLatch go = new CountDownLatch(1);
        List<Future<ApiClient.Response>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return returnItems(sale, Map.of("lines", List.of(back(line, 2))));
                }));
            }
            go.countDown();
            Map<Integer, Integer> statuses = new HashMap<>();
            for (Future<ApiClient.Response> result : results) {
                ApiClient.Response response = result.get();
                statuses.merge(response.status(), 1, Integer::sum);
                if (response.status() == 422) {
                    assertThat(response.errorCode()).isEqualTo("return_exceeds_sold");
                }
            }
            assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1, 422, racers - 1));
        }
        assertThat(shop.stockLevel(product, outlet)).isEqualTo(10);
        assertThat(admin.get("/api/v1/sales/" + sale.path("id").asText()).json().path("returns"))
                .hasSize(1);
    }

    @Test
    void aRefundThroughAProcessorIsSentWithItsCredentialsAndKeyAndRecordedWhenItSucceeds() {
        String stripe = processorType("sk_test_secret");
        JsonNode sale = sale(List.of(Map.of("product_id", product, "quantity", 2)), Map.of(stripe, "24.20"));

        ApiClient.Response response = returnItems(
                sale,
                Map.of(
                        "lines",
                        List.of(back(sale.path("lines").get(0).path("id").asText(), 1)),
                        "reason",
                        "damaged"));

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode refund = response.json().path("refund");
        assertThat(refund.path("status").asText()).isEqualTo("done");
        assertThat(refund.path("message").asText()).isEqualTo("Refunded 12.10 through Stripe.");
        assertThat(refund.path("payment_type_id").asText()).isEqualTo(stripe);
        assertThat(response.json().path("payments").get(0).path("amount").asText())
                .isEqualTo("-12.10");
        assertThat(processor.received()).singleElement().satisfies(call -> {
            assertThat(call.authorization()).isEqualTo("Bearer sk_test_secret");
            assertThat(UUID.fromString(call.idempotencyKey())).isNotNull();
            assertThat(call.body().path("amount").asText()).isEqualTo("12.10");
            assertThat(call.body().path("currency").asText()).isEqualTo("EUR");
            assertThat(call.body().path("payment_reference").asText())
                    .isEqualTo(sale.path("payments").get(0).path("id").asText());
            assertThat(call.body().path("reason").asText()).isEqualTo("damaged");
        });
        assertThat(processor.totalPayouts()).isEqualTo(1);
        JsonNode type = typeNamed(stripe);
        assertThat(type.path("has_processor_credentials").asBoolean()).isTrue();
        assertThat(type.toString()).doesNotContain("sk_test_secret");
    }

    @Test
    void theProcessorsRefusalIsShownAndNoMoneyIsRecordedAsGivenBack() {
        processor.mode(FakeProcessor.Mode.REFUSE).refusal("The charge was disputed");
        String stripe = processorType("sk_test_refuse");
        JsonNode sale = sale(List.of(Map.of("product_id", product, "quantity", 1)), Map.of(stripe, "12.10"));

        ApiClient.Response response = returnItems(
                sale,
                Map.of(
                        "lines",
                        List.of(back(sale.path("lines").get(0).path("id").asText(), 1))));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("refund").path("status").asText()).isEqualTo("refused");
        assertThat(response.json().path("refund").path("message").asText())
                .contains("Stripe refused the refund: The charge was disputed.");
        assertThat(response.json().path("payments")).isEmpty();
        assertThat(response.json().path("balance").asText()).isEqualTo("-12.10");
        assertThat(shop.stockLevel(product, outlet))
                .as("the goods are back all the same")
                .isEqualTo(10);
        assertThat(events(sale.path("id").asText())).isEmpty();
    }

    @Test
    void aTimedOutRefundRetriedByTheClientAndRecheckedIsPaidOnceWithOneKey() throws Exception {
        processor.mode(FakeProcessor.Mode.PAY_BUT_ANSWER_THE_FIRST_LATE).slowFirstAnswer(Duration.ofSeconds(5));
        String stripe = processorType("sk_test_slow");
        JsonNode sale = sale(List.of(Map.of("product_id", product, "quantity", 2)), Map.of(stripe, "24.20"));
        Map<String, Object> body = Map.of(
                "lines", List.of(back(sale.path("lines").get(0).path("id").asText(), 2)));

        CompletableFuture<ApiClient.Response> first =
                CompletableFuture.supplyAsync(() -> returnItems(sale, body, "return-42"));
        await(() -> processor.received().isEmpty() ? null : true, "the processor to receive the refund");
        ApiClient.Response retried = returnItems(sale, body, "return-42");
        ApiClient.Response timedOut = first.get();

        assertThat(timedOut.status()).as(timedOut.text()).isEqualTo(201);
        assertThat(timedOut.json().path("refund").path("status").asText()).isIn("unknown", "done");
        assertThat(retried.status()).as(retried.text()).isEqualTo(201);
        assertThat(retried.id()).isEqualTo(timedOut.id());
        assertThat(retried.json().path("refund").path("status").asText()).isEqualTo("pending");

        TestStoreline.instance().wiring().refundSender().recheckDue();
        JsonNode settled = await(
                () -> {
                    JsonNode now = admin.get("/api/v1/sales/" + timedOut.id()).json();
                    return now.path("refund").path("status").asText().equals("done") ? now : null;
                },
                "the refund to be rechecked and done");

        String key = processor.received().get(0).idempotencyKey();
        assertThat(processor.received())
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(call -> assertThat(call.idempotencyKey()).isEqualTo(key));
        assertThat(processor.payouts(key)).isEqualTo(1);
        assertThat(processor.totalPayouts()).isEqualTo(1);
        assertThat(settled.path("payments")).hasSize(1);
        assertThat(settled.path("payments").get(0).path("amount").asText()).isEqualTo("-24.20");
        ApiClient.Response again = returnItems(sale, body, "return-42");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.id()).isEqualTo(timedOut.id());
        assertThat(again.json().path("refund").path("status").asText()).isEqualTo("done");
        assertThat(admin.get("/api/v1/sales/" + sale.path("id").asText()).json().path("returns"))
                .hasSize(1);
        assertThat(returnItems(
                                sale,
                                Map.of(
                                        "lines",
                                        List.of(back(
                                                sale.path("lines")
                                                        .get(0)
                                                        .path("id")
                                                        .asText(),
                                                1))),
                                "return-42")
                        .errorCode())
                .isEqualTo("idempotency_key_reused");
    }

    @Test
    void aRefundWithoutAnAnswerIsSettledByTheRecurringRecheckAlone() {
        processor.mode(FakeProcessor.Mode.FAIL_FIRST_THEN_PAY);
        String stripe = processorType("sk_test_503");
        JsonNode sale = sale(List.of(Map.of("product_id", product, "quantity", 1)), Map.of(stripe, "12.10"));

        ApiClient.Response response = returnItems(
                sale,
                Map.of(
                        "lines",
                        List.of(back(sale.path("lines").get(0).path("id").asText(), 1))));

        assertThat(response.json().path("refund").path("status").asText()).isEqualTo("unknown");
        assertThat(response.json().path("refund").path("message").asText()).contains("HTTP 503");
        JsonNode done = await(
                () -> {
                    JsonNode now = admin.get("/api/v1/sales/" + response.id()).json();
                    return now.path("refund").path("status").asText().equals("done") ? now : null;
                },
                "the recheck job to send the refund again");
        assertThat(done.path("payments")).hasSize(1);
        assertThat(processor.received()).hasSize(2);
        assertThat(processor.totalPayouts()).isEqualTo(1);
    }

    @Test
    void anOnlineOrderSplitOverTwoOutletsIsRestockedAtTheOutletThatSentTheLine() {
        String outletB = shop.outlet("Web B");
        String registerB = shop.register(outletB);
        String channel = shop.wooChannel(register, List.of(outlet, outletB), Map.of(), false, "http://127.0.0.1:9");
        String tee = Shop.unique("TEE");
        String mug = Shop.unique("MUG");
        String teeProduct = shop.productWithSku(tee, "10.00");
        String mugProduct = shop.productWithSku(mug, "5.00");
        shop.setStock(teeProduct, outlet, 5);
        shop.setStock(mugProduct, outletB, 5);
        WooCommerceOrders order = WooCommerceOrders.order(ORDER_IDS.incrementAndGet())
                .status("processing")
                .line(tee, 2, "20.00", "20.00", "4.20")
                .line(mug, 1, "5.00", "5.00", "1.05")
                .totals("30.25", "5.25");
        assertThat(order.deliver(admin, channel, "order.created").status()).isEqualTo(200);
        JsonNode sale = await(
                () -> {
                    JsonNode items = admin.get("/api/v1/sales?channel_id=" + channel)
                            .json()
                            .path("items");
                    return items.isEmpty() ? null : items.get(0);
                },
                "the order to become a sale");
        assertThat(shop.stockLevel(mugProduct, outletB)).isEqualTo(4);
        String mugLine = null;
        for (JsonNode line : sale.path("lines")) {
            if (line.path("sku").asText().equals(mug)) {
                mugLine = line.path("id").asText();
            }
        }

        ApiClient.Response response = returnItems(sale, Map.of("lines", List.of(back(mugLine, 1))));

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        assertThat(response.json().path("outlet_id").asText()).isEqualTo(outletB);
        assertThat(response.json().path("register_id").asText()).isEqualTo(registerB);
        assertThat(response.json().path("channel_id").isNull()).isTrue();
        assertThat(response.json().path("source").asText()).isEqualTo("online");
        assertThat(response.json().path("refund").path("message").asText())
                .startsWith("Refund 6.05 at ")
                .endsWith("'s portal: Storeline sends no refund to this processor.");
        assertThat(shop.stockLevel(mugProduct, outletB)).isEqualTo(5);
        assertThat(shop.stockLevel(teeProduct, outlet)).isEqualTo(3);
        assertThat(events(sale.path("id").asText()))
                .singleElement()
                .satisfies(event -> assertThat(event.payload())
                        .containsEntry("channel_id", channel)
                        .containsEntry(
                                "external_order_id",
                                sale.path("external_order_id").asText())
                        .containsEntry("amount", "6.05"));
    }

    @Test
    void aSaleNeverPaidReturnsItsItemsAndRefundsNothing() {
        JsonNode sale = sale(List.of(Map.of("product_id", product, "quantity", 1)), Map.of());

        ApiClient.Response response = returnItems(
                sale,
                Map.of(
                        "lines",
                        List.of(back(sale.path("lines").get(0).path("id").asText(), 1))));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("refund").path("status").asText()).isEqualTo("not_sent");
        assertThat(response.json().path("refund").path("amount").asText()).isEqualTo("0.00");
        assertThat(response.json().path("refund").path("message").asText())
                .isEqualTo("No payment was taken for sale "
                        + sale.path("receipt_number").asText() + ": nothing to refund.");
        assertThat(response.json().path("payments")).isEmpty();
    }

    @Test
    void aReturnIsNotReturnedAgainAndStaffOfAnotherOutletMayNotReturn() {
        JsonNode sale = sale(List.of(Map.of("product_id", product, "quantity", 1)), Map.of());
        JsonNode returned = returnItems(
                        sale,
                        Map.of(
                                "lines",
                                List.of(back(
                                        sale.path("lines").get(0).path("id").asText(), 1))))
                .json();

        ApiClient.Response again = admin.post(
                "/api/v1/sales/" + returned.path("id").asText() + "/returns",
                Map.of(
                        "lines",
                        List.of(back(returned.path("lines").get(0).path("id").asText(), 1))));
        ApiClient.Response elsewhere = admin.as(shop.staffToken(shop.outlet("Elsewhere")))
                .post(
                        "/api/v1/sales/" + sale.path("id").asText() + "/returns",
                        Map.of(
                                "lines",
                                List.of(back(
                                        sale.path("lines").get(0).path("id").asText(), 1))));

        assertThat(again.errorCode()).isEqualTo("sale_is_a_return");
        assertThat(elsewhere.errorCode()).isEqualTo("outlet_forbidden");
    }

    private JsonNode sale(List<Map<String, Object>> lines, Map<String, String> payments) {
        List<Map<String, String>> paid = payments.entrySet().stream()
                .map(p -> Map.of("payment_type_id", p.getKey(), "amount", p.getValue()))
                .toList();
        ApiClient.Response response = admin.post(
                "/api/v1/sales",
                Map.of("outlet_id", outlet, "register_id", register, "lines", lines, "payments", paid));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }

    /** An integrated payment type whose refunds go to the fake processor. */
    private String processorType(String credentials) {
        ApiClient.Response type = admin.post(
                "/api/v1/payment-types",
                Map.of(
                        "name",
                        Shop.unique("Stripe"),
                        "kind",
                        "integrated",
                        "processor",
                        "Stripe",
                        "processor_url",
                        processor.url(),
                        "processor_credentials",
                        credentials));
        assertThat(type.status()).as(type.text()).isEqualTo(201);
        assertThat(type.json().path("processor_url").asText()).isEqualTo(processor.url());
        return type.id();
    }

    private JsonNode typeNamed(String id) {
        for (JsonNode type : admin.get("/api/v1/payment-types").json().path("items")) {
            if (type.path("id").asText().equals(id)) {
                return type;
            }
        }
        throw new AssertionError("No payment type " + id);
    }

    private static Map<String, Object> back(String lineId, int quantity) {
        return Map.of("line_id", lineId, "quantity", quantity);
    }

    private ApiClient.Response returnItems(JsonNode sale, Map<String, Object> body) {
        return admin.post("/api/v1/sales/" + sale.path("id").asText() + "/returns", body);
    }

    private ApiClient.Response returnItems(JsonNode sale, Map<String, Object> body, String idempotencyKey) {
        try {
            String json = JSON.writeValueAsString(body);
            HttpRequest.Builder request = admin.request(
                            "/api/v1/sales/" + sale.path("id").asText() + "/returns")
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            return admin.send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sale's own events (sale.*); those of its fulfillments and notifications are the event stream's to test. */
    private static List<DomainEvent> events(String saleId) {
        return Outbox.eventsOf(saleId).stream()
                .filter(e -> e.type().startsWith("sale."))
                .toList();
    }

    static <T> T await(Supplier<T> probe, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Timed out waiting for " + what);
    }
}
