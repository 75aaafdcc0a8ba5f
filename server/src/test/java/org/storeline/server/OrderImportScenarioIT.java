package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;

/**
 * Orders in, through the real webhook endpoint and the inbox worker, into PostgreSQL: one sale per order
 * whatever the deliveries do, allocation to outlets, unknown SKUs, customers, totals to the cent.
 */
class OrderImportScenarioIT {
    private static final AtomicLong ORDER_IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);
    private String outletA;
    private String outletB;
    private String register;
    private String channel;
    private String sku1;
    private String sku2;
    private String product1;
    private String product2;

    @BeforeEach
    void aChannelWithTwoOutlets() {
        outletA = shop.outlet("Web A");
        outletB = shop.outlet("Web B");
        register = shop.register(outletA);
        channel = shop.wooChannel(
                register, List.of(outletA, outletB), Map.of("Pickup at B", outletB), true, "http://127.0.0.1:9");
        sku1 = Shop.unique("TEE");
        sku2 = Shop.unique("MUG");
        product1 = shop.productWithSku(sku1, "10.00");
        product2 = shop.productWithSku(sku2, "5.00");
    }

    @Test
    void theSameDeliveryTwiceMakesOneSale() {
        WooCommerceOrders order = paidOrder(next());

        assertThat(order.deliver(admin, channel, "order.created").status()).isEqualTo(200);
        assertThat(order.deliver(admin, channel, "order.created").status()).isEqualTo(200);

        JsonNode sale = awaitSale(order);
        awaitActivity(outcome -> outcome.equals("ignored"));
        assertThat(sales(order)).hasSize(1);
        assertThat(sale.path("source").asText()).isEqualTo("online");
        assertThat(sale.path("register_id").asText()).isEqualTo(register);
        assertThat(sale.path("outlet_id").asText()).isEqualTo(outletA);
    }

    @Test
    void anUpdateArrivingBeforeItsCreateMakesOneSaleInThePlatformsOrder() {
        long id = next();
        Instant created = Instant.now().minusSeconds(120);
        WooCommerceOrders update = paidOrder(id).status("processing").modifiedAt(created.plusSeconds(60));
        WooCommerceOrders create = paidOrder(id)
                .status("on-hold")
                .paidWith("bacs", "Direct bank transfer", false)
                .modifiedAt(created);

        update.deliver(admin, channel, "order.updated");
        JsonNode sale = awaitSale(update);
        create.deliver(admin, channel, "order.created");
        awaitActivity(outcome -> outcome.equals("ignored"));

        assertThat(sales(update)).hasSize(1);
        assertThat(sale.path("payment_status").asText()).isEqualTo("paid");
        assertThat(admin.get("/api/v1/sales/" + sale.path("id").asText())
                        .json()
                        .path("payment_status")
                        .asText())
                .isEqualTo("paid");
    }

    @Test
    void aLaterChangeOnThePlatformIsLoggedNotApplied() {
        long id = next();
        Instant placed = Instant.now().minusSeconds(300);
        paidOrder(id)
                .status("on-hold")
                .paidWith("bacs", "Direct bank transfer", false)
                .modifiedAt(placed)
                .deliver(admin, channel, "order.created");
        JsonNode unpaid = awaitSale(paidOrder(id));
        paidOrder(id).status("processing").modifiedAt(placed.plusSeconds(60)).deliver(admin, channel, "order.updated");

        JsonNode logged = awaitActivity(outcome -> outcome.equals("not_applied"));

        assertThat(unpaid.path("payment_status").asText()).isEqualTo("unpaid");
        assertThat(unpaid.path("balance").asText())
                .isEqualTo(unpaid.path("total").asText());
        assertThat(logged.path("reason").asText()).contains("on-hold").contains("processing");
        assertThat(admin.get("/api/v1/sales/" + unpaid.path("id").asText())
                        .json()
                        .path("payment_status")
                        .asText())
                .isEqualTo("unpaid");
    }

    @Test
    void anAbandonedCheckoutMakesNoSaleUntilItIsPaid() {
        long id = next();
        Instant placed = Instant.now().minusSeconds(300);
        paidOrder(id).status("pending").modifiedAt(placed).deliver(admin, channel, "order.created");
        awaitActivity(outcome -> outcome.equals("skipped"));
        assertThat(sales(paidOrder(id))).isEmpty();

        paidOrder(id).status("processing").modifiedAt(placed.plusSeconds(30)).deliver(admin, channel, "order.updated");

        assertThat(awaitSale(paidOrder(id)).path("payment_status").asText()).isEqualTo("paid");
    }

    @Test
    void anOrderNoOutletCanFulfilAloneIsSplitByStock() {
        shop.setStock(product1, outletA, 5);
        shop.setStock(product2, outletB, 5);
        WooCommerceOrders order = WooCommerceOrders.order(next())
                .customer("Ann", "Lee", Shop.unique("ann") + "@example.com")
                .line(sku1, 2, "20.00", "20.00", "4.20")
                .line(sku2, 1, "5.00", "5.00", "1.05")
                .totals("30.25", "5.25");

        order.deliver(admin, channel, "order.created");
        JsonNode sale = awaitSale(order);

        JsonNode fulfillments = admin.get(
                        "/api/v1/fulfillments?sale_id=" + sale.path("id").asText())
                .json()
                .path("items");
        assertThat(fulfillments).hasSize(2);
        assertThat(fulfillments).anySatisfy(f -> {
            assertThat(f.path("outlet_id").asText()).isEqualTo(outletA);
            assertThat(f.path("items").get(0).path("sku").asText()).isEqualTo(sku1);
            assertThat(f.path("status").asText()).isEqualTo("new");
        });
        assertThat(fulfillments)
                .anySatisfy(f -> assertThat(f.path("outlet_id").asText()).isEqualTo(outletB));
        assertThat(shop.stockLevel(product1, outletA)).isEqualTo(3);
        assertThat(shop.stockLevel(product2, outletB)).isEqualTo(4);
        assertThat(sale.path("fulfillment_ids")).hasSize(2);
    }

    @Test
    void anOrderGoesWholeToTheFirstOutletThatHasEverything() {
        shop.setStock(product1, outletA, 5);
        shop.setStock(product1, outletB, 5);
        shop.setStock(product2, outletB, 5);
        WooCommerceOrders order = WooCommerceOrders.order(next())
                .line(sku1, 1, "10.00", "10.00", "0.00")
                .line(sku2, 1, "5.00", "5.00", "0.00")
                .totals("15.00", "0.00");

        order.deliver(admin, channel, "order.created");
        JsonNode fulfillments = admin.get("/api/v1/fulfillments?sale_id="
                        + awaitSale(order).path("id").asText())
                .json()
                .path("items");

        assertThat(fulfillments).hasSize(1);
        assertThat(fulfillments.get(0).path("outlet_id").asText()).isEqualTo(outletB);
        assertThat(shop.stockLevel(product1, outletA)).isEqualTo(5);
        assertThat(shop.stockLevel(product1, outletB)).isEqualTo(4);
    }

    @Test
    void aShippingMethodLinkedToAnOutletSendsThePickupThere() {
        WooCommerceOrders order = WooCommerceOrders.order(next())
                .line(sku1, 1, "10.00", "10.00", "0.00")
                .shipping("local_pickup", "Pickup at B", "0.00", "0.00")
                .totals("10.00", "0.00");

        order.deliver(admin, channel, "order.created");
        JsonNode fulfillment = admin.get("/api/v1/fulfillments?sale_id="
                        + awaitSale(order).path("id").asText())
                .json()
                .path("items")
                .get(0);

        assertThat(fulfillment.path("outlet_id").asText()).isEqualTo(outletB);
        assertThat(fulfillment.path("type").asText()).isEqualTo("pickup");
        assertThat(shop.stockLevel(product1, outletB)).isEqualTo(-1);
    }

    @Test
    void staffOfThePickupOutletSeeTheOnlineSaleAndTakeItsPaymentAtTheirOwnCounter() {
        WooCommerceOrders order = WooCommerceOrders.order(next())
                .status("on-hold")
                .paidWith("cod", "Pay at pickup", false)
                .line(sku1, 1, "10.00", "10.00", "0.00")
                .shipping("local_pickup", "Pickup at B", "0.00", "0.00")
                .totals("10.00", "0.00");
        order.deliver(admin, channel, "order.created");
        String sale = awaitSale(order).path("id").asText();
        ApiClient staffB = admin.as(shop.staffToken(outletB));
        ApiClient staffElsewhere = admin.as(shop.staffToken(shop.outlet("Elsewhere")));
        String counterB = shop.openRegister(outletB);
        String cash = shop.paymentType("cash");

        assertThat(staffB.get("/api/v1/sales/" + sale).status()).isEqualTo(200);
        assertThat(staffB.get("/api/v1/sales?channel_id=" + channel).json().path("items"))
                .anySatisfy(s -> assertThat(s.path("id").asText()).isEqualTo(sale));
        ApiClient.Response paid = staffB.post(
                "/api/v1/sales/" + sale + "/payments",
                Map.of("payment_type_id", cash, "amount", "10.00", "register_id", counterB));
        assertThat(paid.status()).isEqualTo(201);
        assertThat(paid.json().path("payment_status").asText()).isEqualTo("paid");

        assertThat(staffElsewhere.get("/api/v1/sales/" + sale).errorCode()).isEqualTo("outlet_forbidden");
        assertThat(staffElsewhere
                        .get("/api/v1/sales?channel_id=" + channel)
                        .json()
                        .path("items"))
                .noneSatisfy(s -> assertThat(s.path("id").asText()).isEqualTo(sale));
    }

    @Test
    void aLineWhoseSkuMatchesNothingIsKeptAndFlagged() {
        shop.setStock(product1, outletA, 5);
        WooCommerceOrders order = WooCommerceOrders.order(next())
                .line(sku1, 1, "10.00", "10.00", "0.00")
                .line("NO-SUCH-SKU", 2, "8.00", "8.00", "0.00")
                .totals("18.00", "0.00");

        order.deliver(admin, channel, "order.created");
        JsonNode sale = awaitSale(order);

        JsonNode unknown = sale.path("lines").get(1);
        assertThat(unknown.path("unmatched").asBoolean()).isTrue();
        assertThat(unknown.path("product_id").isNull()).isTrue();
        assertThat(unknown.path("name").asText()).isEqualTo("Item NO-SUCH-SKU");
        assertThat(unknown.path("total").asText()).isEqualTo("8.00");
        JsonNode fulfillment = admin.get(
                        "/api/v1/fulfillments?sale_id=" + sale.path("id").asText())
                .json()
                .path("items")
                .get(0);
        assertThat(fulfillment.path("outlet_id").asText()).isEqualTo(outletA);
        assertThat(fulfillment.path("items")).hasSize(2);
        assertThat(awaitActivity(o -> o.equals("imported")).path("reason").asText())
                .contains("NO-SUCH-SKU")
                .contains("matches no product");
    }

    @Test
    void anOrderWithAbsurdLinesIsOneFlaggedSaleThatPicksAndTakesNothingForThem() {
        shop.setStock(product1, outletA, 5);
        shop.setStock(product2, outletA, 5);
        shop.setStock(product2, outletB, 5);
        WooCommerceOrders order = WooCommerceOrders.order(next())
                .status("processing")
                .line(sku1, 1, "10.00", "10.00", "0.00")
                .line(sku2, -3, "-15.00", "-15.00", "0.00")
                .line(sku2, 1_000_000_000_000L, "10000000000.00", "10000000000.00", "0.00")
                .totals("9999999995.00", "0.00");

        assertThat(order.deliver(admin, channel, "order.created").status()).isEqualTo(200);
        JsonNode sale = awaitSale(order);

        assertThat(sales(order)).hasSize(1);
        assertThat(sale.path("total").asText()).isEqualTo("9999999995.00");
        assertThat(sale.path("lines")).hasSize(3);
        for (int i : new int[] {1, 2}) {
            JsonNode absurd = sale.path("lines").get(i);
            assertThat(absurd.path("unmatched").asBoolean())
                    .as("line %d flagged", i)
                    .isTrue();
            assertThat(absurd.path("product_id").isNull())
                    .as("line %d tied to no product", i)
                    .isTrue();
            assertThat(absurd.path("sku").asText()).isEqualTo(sku2);
        }
        assertThat(sale.path("lines").get(1).path("quantity").asLong()).isEqualTo(-3);
        assertThat(sale.path("lines").get(2).path("quantity").asLong()).isEqualTo(1_000_000_000_000L);
        String saleId = sale.path("id").asText();
        JsonNode fulfillments = admin.get("/api/v1/fulfillments?status=any&sale_id=" + saleId)
                .json()
                .path("items");
        assertThat(fulfillments).hasSize(1);
        assertThat(fulfillments.get(0).path("items")).singleElement().satisfies(item -> {
            assertThat(item.path("sku").asText()).isEqualTo(sku1);
            assertThat(item.path("quantity").asLong()).isEqualTo(1);
        });
        assertThat(shop.stockLevel(product1, outletA)).isEqualTo(4);
        assertThat(shop.stockLevel(product2, outletA)).isEqualTo(5);
        assertThat(shop.stockLevel(product2, outletB)).isEqualTo(5);
        assertThat(awaitActivity(o -> o.equals("imported")).path("reason").asText())
                .contains("flagged")
                .contains("has quantity -3")
                .contains("has quantity 1000000000000")
                .contains("unallocated");
    }

    @Test
    void customersAreMatchedByEmailAndNeverRenamed() {
        String email = Shop.unique("known") + "@example.com";
        String existing = admin.post("/api/v1/customers", Map.of("name", "Known Name", "email", email))
                .id();
        WooCommerceOrders byKnown = WooCommerceOrders.order(next())
                .customer("Other", "Name", "  " + email.toUpperCase() + " ")
                .line(sku1, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00");
        String newEmail = Shop.unique("new") + "@example.com";
        WooCommerceOrders byNew = WooCommerceOrders.order(next())
                .customer("New", "Buyer", newEmail)
                .line(sku1, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00");
        String namelessEmail = Shop.unique("nameless") + "@example.com";
        WooCommerceOrders nameless = WooCommerceOrders.order(next())
                .customer("", "", namelessEmail)
                .line(sku1, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00");

        byKnown.deliver(admin, channel, "order.created");
        byNew.deliver(admin, channel, "order.created");
        nameless.deliver(admin, channel, "order.created");

        assertThat(awaitSale(byKnown).path("customer").path("id").asText()).isEqualTo(existing);
        assertThat(admin.get("/api/v1/customers/" + existing)
                        .json()
                        .path("name")
                        .asText())
                .isEqualTo("Known Name");
        assertThat(awaitSale(byNew).path("customer").path("name").asText()).isEqualTo("New Buyer");
        assertThat(awaitSale(byNew).path("customer").path("email").asText()).isEqualTo(newEmail);
        assertThat(awaitSale(nameless).path("customer").path("name").asText()).isEqualTo(namelessEmail);
    }

    @Test
    void theSaleTotalEqualsThePlatformsTotalToTheCentWithTaxesDiscountsAndShipping() {
        WooCommerceOrders order = WooCommerceOrders.order(next())
                .customer("Tax", "Payer", Shop.unique("tax") + "@example.com")
                .line(sku1, 2, "20.00", "18.00", "3.78")
                .line(sku2, 3, "15.00", "15.00", "0.90")
                .shipping("flat_rate", "Flat rate", "5.00", "1.05")
                .totals("43.73", "5.73");

        order.deliver(admin, channel, "order.created");
        JsonNode sale = awaitSale(order);

        assertThat(sale.path("total").asText()).isEqualTo("43.73");
        assertThat(sale.path("total_tax").asText()).isEqualTo("5.73");
        assertThat(sale.path("paid").asText()).isEqualTo("43.73");
        assertThat(sale.path("lines").get(0).path("discount").asText()).isEqualTo("2.00");
        assertThat(sale.path("lines").get(0).path("total").asText()).isEqualTo("21.78");
        JsonNode shipping = sale.path("lines").get(2);
        assertThat(shipping.path("is_shipping_fee").asBoolean()).isTrue();
        assertThat(shipping.path("total").asText()).isEqualTo("6.05");
        assertThat(sale.path("lines")).hasSize(3);
        assertThat(sale.path("note").asText()).contains("Tax Payer").contains("Flat rate");
        assertThat(sale.path("payments").get(0).path("processor").asText()).isNotBlank();
    }

    @Test
    void aPlatformTotalThatItsOwnLinesDoNotReachGetsAFlaggedAdjustmentLine() {
        WooCommerceOrders order = WooCommerceOrders.order(next())
                .line(sku1, 1, "10.00", "10.00", "2.10")
                .totals("12.50", "2.10");

        order.deliver(admin, channel, "order.created");
        JsonNode sale = awaitSale(order);

        assertThat(sale.path("total").asText()).isEqualTo("12.50");
        JsonNode adjustment = sale.path("lines").get(1);
        assertThat(adjustment.path("is_adjustment").asBoolean()).isTrue();
        assertThat(adjustment.path("total").asText()).isEqualTo("0.40");
        assertThat(awaitActivity(o -> o.equals("imported")).path("reason").asText())
                .contains("adjustment line");
    }

    @Test
    void eachNewOrderNotifiesTheUsersOfItsOutletOnly() {
        String staffA = shop.staffToken(outletA);
        String elsewhere = shop.staffToken(shop.outlet("Elsewhere"));
        WooCommerceOrders order = WooCommerceOrders.order(next())
                .line(sku1, 1, "10.00", "10.00", "0.00")
                .totals("10.00", "0.00");

        order.deliver(admin, channel, "order.created");
        JsonNode sale = awaitSale(order);

        JsonNode mine = admin.as(staffA).get("/api/v1/notifications").json().path("items");
        assertThat(mine).anySatisfy(n -> {
            assertThat(n.path("sale_id").asText()).isEqualTo(sale.path("id").asText());
            assertThat(n.path("fulfillment_id").asText())
                    .isEqualTo(sale.path("fulfillment_ids").get(0).asText());
        });
        assertThat(admin.as(elsewhere).get("/api/v1/notifications").json().path("items"))
                .noneSatisfy(n -> assertThat(n.path("sale_id").asText())
                        .isEqualTo(sale.path("id").asText()));
        assertThat(admin.as(elsewhere)
                        .get("/api/v1/fulfillments?sale_id=" + sale.path("id").asText())
                        .json()
                        .path("items"))
                .isEmpty();
    }

    @Test
    void aDeliveryWithABadSignatureIsRejectedAndLogged() {
        WooCommerceOrders order = paidOrder(next());
        String body = order.json();

        ApiClient.Response response = admin.as(null)
                .send(admin.request("/webhooks/" + channel)
                        .header("X-WC-Webhook-Topic", "order.created")
                        .header("X-WC-Webhook-Signature", WooCommerceOrders.sign("{}".getBytes()))
                        .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("invalid_signature");
        assertThat(awaitActivity(o -> o.equals("rejected")).path("kind").asText())
                .isEqualTo("delivery");
        assertThat(sales(order)).isEmpty();
    }

    @Test
    void theUnsignedCreationPingIsAnsweredAndCreatesNothing() {
        ApiClient.Response response = admin.as(null)
                .send(admin.request("/webhooks/" + channel)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("webhook_id=31")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/sales?channel_id=" + channel).json().path("items"))
                .isEmpty();
    }

    @Test
    void anUnknownChannelIsA404AndABodyOverSixteenMebibytesA413() {
        assertThat(admin.as(null)
                        .post("/webhooks/01a20455-f9c2-780c-a340-c1668a325211", "{}")
                        .status())
                .isEqualTo(404);
        String huge = "{\"x\":\"" + "y".repeat(16 * 1024 * 1024) + "\"}";
        assertThat(admin.as(null).post("/webhooks/" + channel, huge).status()).isEqualTo(413);
    }

    private WooCommerceOrders paidOrder(long id) {
        return WooCommerceOrders.order(id)
                .status("processing")
                .line(sku1, 1, "10.00", "10.00", "2.10")
                .totals("12.10", "2.10");
    }

    private static long next() {
        return ORDER_IDS.incrementAndGet();
    }

    private JsonNode sales(WooCommerceOrders order) {
        return admin.get("/api/v1/sales?channel_id=" + channel + "&external_order_id=" + externalId(order))
                .json()
                .path("items");
    }

    private static String externalId(WooCommerceOrders order) {
        return order.json().replaceAll("(?s)^\\{\"id\":(\\d+).*$", "$1");
    }

    private JsonNode awaitSale(WooCommerceOrders order) {
        return await(
                () -> {
                    JsonNode items = sales(order);
                    return items.isEmpty() ? null : items.get(0);
                },
                "a sale for order " + externalId(order));
    }

    private JsonNode awaitActivity(Predicate<String> outcome) {
        return await(
                () -> {
                    for (JsonNode entry : admin.get("/api/v1/channels/" + channel + "/activity?limit=500")
                            .json()
                            .path("items")) {
                        if (outcome.test(entry.path("outcome").asText())) {
                            return entry;
                        }
                    }
                    return null;
                },
                "an activity entry");
    }

    static JsonNode await(Supplier<JsonNode> probe, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            JsonNode found = probe.get();
            if (found != null) {
                return found;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Timed out waiting for " + what);
    }
}
