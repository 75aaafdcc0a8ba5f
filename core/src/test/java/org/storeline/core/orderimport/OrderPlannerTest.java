package org.storeline.core.orderimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.core.channel.OrderDisposition.IMPORT_FULFILLED;
import static org.storeline.core.channel.OrderDisposition.IMPORT_UNPAID;
import static org.storeline.core.orderimport.TestOrders.order;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.storeline.core.catalog.Product;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.OrderProgress;
import org.storeline.core.channel.Platform;
import org.storeline.core.fulfillment.FulfillmentStatus;
import org.storeline.core.payment.PaymentKind;
import org.storeline.core.payment.PaymentType;

/**
 * What one platform order becomes, one row per rule and edge case. The shop: outlets A (the online register's)
 * and B, the channel listing B before A, its shipping method "Pickup at B" linked to B; products TEE and MUG by
 * SKU, MUG also known by the platform's variant id {@code v-mug}. A row names the facts of the plan the rule
 * decides ({@link PlanView} says how each is written) and leaves the others alone.
 */
class OrderPlannerTest {
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final String UNALLOCATED = " kept on the sale unallocated (nothing to pick, no stock taken)";

    record Row(String name, ChannelOrder order, String stock, Map<String, String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rules() {
        return Stream.of(
                row(
                        "ORD-2: the sale is recorded at the online register's outlet, open until fulfilled",
                        order("1").line("TEE", 1, "10.00", "10.00", "0.00"),
                        "TEE@B=5",
                        "sale",
                        "open at A",
                        "fulfillments",
                        "B new delivery: TEE*1"),
                row(
                        "ORD-3: the quantities sold are taken from the stock of the outlets that fulfil them",
                        order("2").line("TEE", 2, "10.00", "20.00", "0.00").line("MUG", 1, "5.00", "5.00", "0.00"),
                        "TEE@A=5, MUG@B=5",
                        "fulfillments",
                        "A new delivery: TEE*2 | B new delivery: MUG*1",
                        "stock",
                        "TEE@A -2, MUG@B -1"),
                row(
                        "ORD-4: shipping is a line of the shipping fee product, never picked nor taken from stock",
                        order("3").line("TEE", 1, "10.00", "10.00", "0.00").shipping("Flat rate", "5.00", "0.00"),
                        "TEE@A=5",
                        "lines",
                        "TEE 1 10.00 product, SHIPPING-EUR 1 5.00 shipping",
                        "fulfillments",
                        "A new delivery: TEE*1",
                        "stock",
                        "TEE@A -1"),
                row(
                        "ORD-5: a paid order is paid in full with its integrated processor",
                        order("4").line("TEE", 1, "10.00", "12.10", "2.10"),
                        "",
                        "payments",
                        "12.10 Stripe"),
                row(
                        "ORD-6: an order not paid yet is an unpaid sale, still fulfilled and taken from stock",
                        order("5").line("TEE", 1, "10.00", "12.10", "2.10").disposition(IMPORT_UNPAID),
                        "TEE@A=1",
                        "payments",
                        "",
                        "fulfillments",
                        "A new delivery: TEE*1",
                        "stock",
                        "TEE@A -1"),
                row(
                        "ORD-6: a paid order of nothing to pay records no payment",
                        order("6").line("TEE", 1, "0.00", "0.00", "0.00"),
                        "",
                        "payments",
                        ""),
                row(
                        "ORD-6: an order to be paid by bank transfer arrives unpaid, its whole balance open",
                        order("5b")
                                .line("TEE", 1, "100.00", "121.00", "21.00")
                                .offline("bacs")
                                .disposition(IMPORT_UNPAID),
                        "",
                        "payments",
                        "",
                        "payment status",
                        "unpaid, balance 121.00",
                        "remarks",
                        ""),
                row(
                        "Partly paid: exactly the part the platform says is paid is recorded, the balance stays open",
                        order("40").line("TEE", 1, "100.00", "121.00", "21.00").partlyPaid("50.00"),
                        "",
                        "payments",
                        "50.00 Stripe",
                        "payment status",
                        "partially_paid, balance 71.00",
                        "remarks",
                        ""),
                row(
                        "Partly paid by bank transfer: the platform reports the part paid, so it is recorded (ORD-6)",
                        order("41")
                                .line("TEE", 1, "100.00", "121.00", "21.00")
                                .offline("bacs")
                                .partlyPaid("0.01"),
                        "",
                        "payments",
                        "0.01 -",
                        "payment status",
                        "partially_paid, balance 120.99"),
                row(
                        "Partly paid, the platform not saying how much: recorded unpaid, and the log says why",
                        order("42").line("TEE", 1, "100.00", "121.00", "21.00").partlyPaid(null),
                        "",
                        "payments",
                        "",
                        "payment status",
                        "unpaid, balance 121.00",
                        "remarks",
                        "the platform reports it partly paid but its order does not say how much: recorded unpaid,"
                                + " record the part already paid by hand"),
                row(
                        "Partly paid with nothing received: no payment of nothing, recorded unpaid and logged",
                        order("43").line("TEE", 1, "100.00", "121.00", "21.00").partlyPaid("0.00"),
                        "",
                        "payments",
                        "",
                        "payment status",
                        "unpaid, balance 121.00",
                        "remarks",
                        "the platform reports it partly paid, 0.00 of 121.00, which is no part of the total:"
                                + " recorded unpaid, record the part already paid by hand"),
                row(
                        "Partly paid by the whole total or more: never a payment above the total; unpaid and logged",
                        order("44").line("TEE", 1, "100.00", "121.00", "21.00").partlyPaid("121.01"),
                        "",
                        "payments",
                        "",
                        "payment status",
                        "unpaid, balance 121.00",
                        "remarks",
                        "the platform reports it partly paid, 121.01 of 121.00, which is no part of the total:"
                                + " recorded unpaid, record the part already paid by hand"),
                row(
                        "Partly paid by exactly the total: still no part of it, so nothing is guessed",
                        order("45").line("TEE", 1, "100.00", "121.00", "21.00").partlyPaid("121.00"),
                        "",
                        "payments",
                        "",
                        "payment status",
                        "unpaid, balance 121.00"),
                row(
                        "Dates: the sale and its fulfillments are dated when the order was placed; it was imported,"
                                + " and its payment recorded, now",
                        order("46").line("TEE", 1, "10.00", "10.00", "0.00"),
                        "TEE@A=1",
                        "dates",
                        "sale 2026-03-02T09:15:00Z, imported 2026-03-02T10:00:00Z, fulfillments 2026-03-02T09:15:00Z,"
                                + " payments 2026-03-02T10:00:00Z",
                        "remarks",
                        ""),
                row(
                        "Dates: an order without a readable creation time is dated when it was imported, and logged",
                        order("47").line("TEE", 1, "10.00", "10.00", "0.00").undated(),
                        "TEE@A=1",
                        "dates",
                        "sale 2026-03-02T10:00:00Z, imported 2026-03-02T10:00:00Z, fulfillments 2026-03-02T10:00:00Z,"
                                + " payments 2026-03-02T10:00:00Z",
                        "remarks",
                        "the platform gave no order creation time that could be read: the sale is dated when it was"
                                + " imported"),
                row(
                        "Already fulfilled on the platform: a completed sale, shipped, "
                                + "not announced, stock still taken",
                        order("7").line("TEE", 1, "10.00", "10.00", "0.00").disposition(IMPORT_FULFILLED),
                        "TEE@A=1",
                        "sale",
                        "completed at A",
                        "fulfillments",
                        "A shipped delivery: TEE*1",
                        "stock",
                        "TEE@A -1",
                        "announcements",
                        "",
                        "payments",
                        "10.00 Stripe"),
                row(
                        "Already fulfilled on the platform: a pickup is picked up",
                        order("8")
                                .line("TEE", 1, "10.00", "10.00", "0.00")
                                .pickup()
                                .disposition(IMPORT_FULFILLED),
                        "TEE@A=1",
                        "fulfillments",
                        "A picked_up pickup: TEE*1"),
                row(
                        "NTF-1: each fulfillment raises a notification for its outlet",
                        order("9").line("TEE", 1, "10.00", "10.00", "0.00").line("MUG", 2, "5.00", "10.00", "0.00"),
                        "TEE@A=1, MUG@B=2",
                        "announcements",
                        "A: New online order #9 from Web shop (delivery, 1 items, receipt W-000001)"
                                + " | B: New online order #9 from Web shop (delivery, 2 items, receipt W-000001)"),
                row(
                        "ALC-1/ALC-3: the register's outlet is tried first, though the channel lists it after B",
                        order("10").line("TEE", 1, "10.00", "10.00", "0.00"),
                        "TEE@A=1, TEE@B=1",
                        "fulfillments",
                        "A new delivery: TEE*1"),
                row(
                        "ALC-2: the shipping method's outlet is found whatever the case and surrounding spaces",
                        order("11")
                                .line("TEE", 1, "10.00", "10.00", "0.00")
                                .shipping(" pickup AT b ", "0.00", "0.00")
                                .pickup(),
                        "TEE@A=5",
                        "fulfillments",
                        "B new pickup: TEE*1",
                        "stock",
                        "TEE@B -1"),
                row(
                        "ALC-4: what no outlet has is fulfilled by the register's outlet, whose level goes negative",
                        order("12").line("TEE", 3, "10.00", "30.00", "0.00"),
                        "TEE@B=1",
                        "fulfillments",
                        "B new delivery: TEE*1 | A new delivery: TEE*2",
                        "stock",
                        "TEE@B -1, TEE@A -2"),
                row(
                        "BYD-6/ALC-5: a line matching no product is kept, flagged, "
                                + "picked with the rest, takes no stock",
                        order("13").line("TEE", 1, "10.00", "10.00", "0.00").line("NO-SUCH", 2, "8.00", "16.00", "0"),
                        "TEE@B=1",
                        "lines",
                        "TEE 1 10.00 product, NO-SUCH 2 16.00 unmatched",
                        "fulfillments",
                        "B new delivery: TEE*1 NO-SUCH*2",
                        "stock",
                        "TEE@B -1",
                        "remarks",
                        "line 'Item NO-SUCH' (SKU NO-SUCH) matches no product"),
                row(
                        "BYD-6/ALC-5: a line with neither SKU nor known platform id says so",
                        order("14").line(Optional.empty(), Optional.of("v-new"), 1, "8.00", "8.00", "0.00"),
                        "",
                        "lines",
                        " 1 8.00 unmatched",
                        "fulfillments",
                        "A new delivery: 'Item #1'*1",
                        "remarks",
                        "line 'Item #1' (no SKU) matches no product",
                        "links",
                        ""),
                row(
                        "Matching: a SKU match teaches the platform's variant id for next time",
                        order("15").line(Optional.of("TEE"), Optional.of("v-tee"), 1, "10.00", "10.00", "0.00"),
                        "",
                        "lines",
                        "TEE 1 10.00 product",
                        "links",
                        "variant:v-tee -> TEE"),
                row(
                        "Matching: a line without SKU is found by the variant id a SKU match taught earlier",
                        order("16").line(Optional.empty(), Optional.of("v-mug"), 1, "5.00", "5.00", "0.00"),
                        "MUG@B=1",
                        "lines",
                        "MUG 1 5.00 product",
                        "fulfillments",
                        "B new delivery: MUG*1",
                        "links",
                        ""),
                row(
                        "Matching: the SKU wins over a variant id linked to another product",
                        order("17").line(Optional.of("TEE"), Optional.of("v-mug"), 1, "10.00", "10.00", "0.00"),
                        "",
                        "lines",
                        "TEE 1 10.00 product",
                        "links",
                        ""),
                row(
                        "Totals: a platform total the lines do not reach is flagged with its adjustment line",
                        order("18").line("TEE", 1, "10.00", "12.10", "2.10").totals("12.50", "2.10"),
                        "",
                        "lines",
                        "TEE 1 12.10 product, ADJUSTMENT 1 0.40 adjustment",
                        "fulfillments",
                        "A new delivery: TEE*1",
                        "payments",
                        "12.50 Stripe",
                        "remarks",
                        "the platform's lines, shipping and taxes differ from its total by 0.40 (tax 0.00):"
                                + " adjustment line added"),
                row(
                        "BYD-6: a line of -3 units stays on the sale, flagged, "
                                + "but is neither picked nor taken from stock",
                        order("30").line("TEE", 2, "10.00", "20.00", "0.00").line("MUG", -3, "5.00", "-15.00", "0.00"),
                        "TEE@A=2, MUG@A=9",
                        "lines",
                        "TEE 2 20.00 product, MUG -3 -15.00 unmatched",
                        "payments",
                        "5.00 Stripe",
                        "fulfillments",
                        "A new delivery: TEE*2",
                        "stock",
                        "TEE@A -2",
                        "remarks",
                        "line 'Item MUG' (SKU MUG) has quantity -3, which is no number of units to sell:"
                                + UNALLOCATED),
                row(
                        "BYD-6: a line of no units is flagged and not allocated",
                        order("31").line("TEE", 1, "10.00", "10.00", "0.00").line("MUG", 0, "5.00", "0.00", "0.00"),
                        "TEE@A=1",
                        "lines",
                        "TEE 1 10.00 product, MUG 0 0.00 unmatched",
                        "fulfillments",
                        "A new delivery: TEE*1",
                        "remarks",
                        "line 'Item MUG' (SKU MUG) has quantity 0, which is no number of units to sell:" + UNALLOCATED),
                row(
                        "BYD-6: 10^12 units are not split over the outlets, nor drive any level to -10^12",
                        order("32")
                                .line("TEE", 1, "10.00", "10.00", "0.00")
                                .line("MUG", 1_000_000_000_000L, "0.01", "10000000000.00", "0.00"),
                        "TEE@A=1, MUG@A=5, MUG@B=5",
                        "lines",
                        "TEE 1 10.00 product, MUG 1000000000000 10000000000.00 unmatched",
                        "fulfillments",
                        "A new delivery: TEE*1",
                        "stock",
                        "TEE@A -1",
                        "payments",
                        "10000000010.00 Stripe",
                        "remarks",
                        "line 'Item MUG' (SKU MUG) has quantity 1000000000000, more than the 1000000 units a"
                                + " sale line may hold:" + UNALLOCATED),
                row(
                        "BYD-6: the in-store sale's limit itself, 1,000,000 units, is a sound line",
                        order("33").line("TEE", 1_000_000, "0.01", "10000.00", "0.00"),
                        "",
                        "fulfillments",
                        "A new delivery: TEE*1000000",
                        "stock",
                        "TEE@A -1000000",
                        "remarks",
                        ""),
                row(
                        "BYD-6: an order of nothing but a line one unit over the limit is one sale, "
                                + "with nothing to fulfil",
                        order("34").line("TEE", 1_000_001, "0.01", "10000.01", "0.00"),
                        "TEE@A=9",
                        "sale",
                        "open at A",
                        "lines",
                        "TEE 1000001 10000.01 unmatched",
                        "payments",
                        "10000.01 Stripe",
                        "fulfillments",
                        "",
                        "stock",
                        "",
                        "announcements",
                        "",
                        "remarks",
                        "line 'Item TEE' (SKU TEE) has quantity 1000001, more than the 1000000 units a sale"
                                + " line may hold:" + UNALLOCATED),
                row(
                        "BYD-6: a line with a negative unit price is flagged and not allocated",
                        order("35").line("TEE", 2, "10.00", "20.00", "0.00").line("MUG", 2, "-5.00", "-10.00", "0.00"),
                        "",
                        "lines",
                        "TEE 2 20.00 product, MUG 2 -10.00 unmatched",
                        "fulfillments",
                        "A new delivery: TEE*2",
                        "remarks",
                        "line 'Item MUG' (SKU MUG) has a negative unit price (-5.00):" + UNALLOCATED),
                row(
                        "BYD-6: a line whose total is negative is flagged and not allocated",
                        order("36").line("TEE", 1, "10.00", "10.00", "0.00").line("MUG", 1, "5.00", "-1.00", "0.00"),
                        "",
                        "lines",
                        "TEE 1 10.00 product, MUG 1 -1.00 unmatched",
                        "fulfillments",
                        "A new delivery: TEE*1",
                        "remarks",
                        "line 'Item MUG' (SKU MUG) has a negative total (-1.00):" + UNALLOCATED),
                row(
                        "BYD-6: an absurd line whose SKU matches nothing gets the one remark that stops it",
                        order("37").line("TEE", 1, "10.00", "10.00", "0.00").line("NO-SUCH", -1, "8.00", "-8.00", "0"),
                        "",
                        "fulfillments",
                        "A new delivery: TEE*1",
                        "remarks",
                        "line 'Item NO-SUCH' (SKU NO-SUCH) has quantity -1, which is no number of units to" + " sell:"
                                + UNALLOCATED),
                row(
                        "BYD-6: an absurd line teaches no platform id",
                        order("38").line(Optional.of("TEE"), Optional.of("v-tee"), -3, "10.00", "-30.00", "0.00"),
                        "",
                        "lines",
                        "TEE -3 -30.00 unmatched",
                        "links",
                        "",
                        "fulfillments",
                        ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void plansTheOrderAsTheRuleSays(Row row) {
        Shop shop = new Shop(true);

        Map<String, String> plan = shop.view(shop.plan(row.order(), row.stock()));

        row.expected()
                .forEach((fact, expected) ->
                        assertThat(plan.get(fact)).as("%s: %s", row, fact).isEqualTo(expected));
    }

    @Test
    void aChannelWithNotificationsOffRaisesNone() {
        Shop shop = new Shop(false);

        OrderPlan plan =
                shop.plan(order("20").line("TEE", 1, "10.00", "10.00", "0.00").build(), "TEE@A=1");

        assertThat(plan.announcements()).isEmpty();
        assertThat(plan.fulfillments()).hasSize(1);
    }

    @Test
    void aPickupFirstSeenReadyForPickupStartsPackedAndADeliverySoReportedStartsNew() {
        Shop shop = new Shop(true);
        TestOrders ready = order("22")
                .line("TEE", 1, "10.00", "10.00", "0.00")
                .progress(OrderProgress.Payment.PAID, OrderProgress.Fulfillment.READY_FOR_PICKUP);

        OrderPlan pickup = shop.plan(ready.pickup().build(), "TEE@A=1");
        OrderPlan delivery = shop.plan(
                order("23")
                        .line("TEE", 1, "10.00", "10.00", "0.00")
                        .progress(OrderProgress.Payment.PAID, OrderProgress.Fulfillment.READY_FOR_PICKUP)
                        .build(),
                "TEE@A=1");

        assertThat(pickup.fulfillments())
                .singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FulfillmentStatus.PACKED));
        assertThat(delivery.fulfillments())
                .singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FulfillmentStatus.NEW));
        assertThat(delivery.remarks()).anySatisfy(r -> assertThat(r).contains("it is a delivery"));
    }

    @Test
    void theSaleIsTheOneTheImportClaimedWithItsReceiptNoteAndCustomer() {
        Shop shop = new Shop(true);
        UUID customer = UUID.randomUUID();
        ChannelOrder order = order("21")
                .customer("ann@example.com", "Ann Lee")
                .line("TEE", 1, "10.00", "10.00", "0.00")
                .build();

        OrderPlan plan =
                OrderPlanner.plan(order, shop.saleId, "W-000042", Optional.of(customer), shop.context(""), NOW);

        assertThat(plan.sale().id()).isEqualTo(shop.saleId);
        assertThat(plan.sale().receiptNumber()).isEqualTo("W-000042");
        assertThat(plan.sale().customerId()).contains(customer);
        assertThat(plan.sale().channelOrder().orElseThrow().externalOrderId()).isEqualTo("21");
        assertThat(plan.sale().note()).contains("Ann Lee <ann@example.com>").contains("1 Main Street");
        assertThat(plan.fulfillments()).allSatisfy(f -> assertThat(f.saleId()).isEqualTo(shop.saleId));
        assertThat(plan.stockChanges()).allSatisfy(c -> assertThat(c.saleId()).contains(shop.saleId));
    }

    @Test
    void theFulfillmentsIdsCarryTheOrdersDateSoThatTheyListInItsPlace() {
        Shop shop = new Shop(true);

        OrderPlan plan = shop.plan(
                order("48")
                        .line("TEE", 1, "10.00", "10.00", "0.00")
                        .line("MUG", 1, "5.00", "5.00", "0.00")
                        .build(),
                "TEE@A=1, MUG@B=1");

        assertThat(plan.fulfillments())
                .hasSize(2)
                .allSatisfy(f ->
                        assertThat(f.id().getMostSignificantBits() >>> 16).isEqualTo(TestOrders.PLACED.toEpochMilli()));
    }

    private static Row row(String name, TestOrders order, String stock, String... facts) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < facts.length; i += 2) {
            expected.put(facts[i], facts[i + 1]);
        }
        return new Row(name, order.build(), stock, expected);
    }

    /** The shop every row plans in, with names for its ids. */
    static final class Shop {
        final UUID saleId = UUID.randomUUID();
        final Map<String, UUID> outlets = Map.of("A", UUID.randomUUID(), "B", UUID.randomUUID());
        final Product tee = SaleLinesTest.product("TEE", "T-shirt", false);
        final Product mug = SaleLinesTest.product("MUG", "Mug", false);
        final Product fee = SaleLinesTest.product("SHIPPING-EUR", "Shipping", true);
        final PaymentType stripe = new PaymentType(
                UUID.randomUUID(), "WooCommerce: stripe", PaymentKind.INTEGRATED, Optional.of("Stripe"), Instant.EPOCH);
        final PaymentType bacs = new PaymentType(
                UUID.randomUUID(), "WooCommerce: bacs", PaymentKind.BANK_DEPOSIT, Optional.empty(), Instant.EPOCH);
        final Channel channel;

        Shop(boolean notifications) {
            channel = new Channel(
                    UUID.randomUUID(),
                    Platform.WOOCOMMERCE,
                    "Web shop",
                    URI.create("http://127.0.0.1:9"),
                    Map.of(),
                    "secret",
                    List.of(outlets.get("B"), outlets.get("A")),
                    UUID.randomUUID(),
                    Map.of("Pickup at B", outlets.get("B")),
                    notifications,
                    Channel.Connection.pending(),
                    Optional.empty(),
                    Instant.EPOCH);
        }

        OrderPlan plan(ChannelOrder order, String stock) {
            return OrderPlanner.plan(order, saleId, "W-000001", Optional.empty(), context(stock), NOW);
        }

        OrderPlanner.Context context(String stock) {
            StockView view = StockView.empty();
            for (String level : stock.split(",\\s*")) {
                if (!level.isBlank()) {
                    String[] parts = level.trim().split("[@=]");
                    view.set(product(parts[0]).id(), outlets.get(parts[1]), Long.parseLong(parts[2]));
                }
            }
            return new OrderPlanner.Context(
                    channel,
                    outlets.get("A"),
                    Optional.empty(),
                    Map.of("TEE", tee, "MUG", mug),
                    Map.of("variant:v-mug", mug),
                    currency -> fee,
                    payment -> payment.integrated() ? stripe : bacs,
                    view);
        }

        Product product(String sku) {
            return Stream.of(tee, mug, fee)
                    .filter(p -> p.sku().equals(sku))
                    .findFirst()
                    .orElseThrow();
        }

        Map<String, String> view(OrderPlan plan) {
            return new PlanView(this).of(plan);
        }

        String outlet(UUID id) {
            return outlets.entrySet().stream()
                    .filter(e -> e.getValue().equals(id))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow();
        }

        String sku(UUID productId) {
            return Stream.of(tee, mug, fee)
                    .filter(p -> p.id().equals(productId))
                    .map(Product::sku)
                    .findFirst()
                    .orElseThrow();
        }
    }
}
