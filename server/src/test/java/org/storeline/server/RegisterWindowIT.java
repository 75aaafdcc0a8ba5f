package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.register.ClosureReport;
import org.storeline.core.register.RegisterService;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Role;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.ApiClient.Response;
import org.storeline.server.support.ChannelSales;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;

/**
 * PAY-1: a register period runs from its opening up to but not including its closing; every payment recorded on a
 * register is in exactly one closure report (the period open when it was recorded, or else the next one), and a
 * report stored at closing never changes.
 */
class RegisterWindowIT {
    private static final AtomicLong ORDER_IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L + 7_000_000);

    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);
    private final DataSource db = TestStoreline.instance().dataSource();

    @Test
    void aPaymentAtTheInstantTheRegisterOpenedIsAcceptedAndOneAMicrosecondEarlierIsRefused() {
        String outlet = shop.outlet("Window");
        String register = shop.register(outlet);
        Instant openedAt =
                Instant.parse(open(register, "0.00").path("opened_at").asText());
        String card = shop.paymentType("card");
        String sale =
                shop.inStoreSale(outlet, register, shop.product("8.00", "0"), 1).id();

        Response early = pay(sale, card, "4.00", register, openedAt.minusNanos(1_000));
        Response atOpening = pay(sale, card, "4.00", register, openedAt);

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.errorCode()).isEqualTo("register_closed");
        assertThat(atOpening.status()).as(atOpening.text()).isEqualTo(201);
        assertThat(close(register, null).path("payments_count").asLong()).isEqualTo(1);
    }

    @Test
    void aPaymentAtTheInstantTheRegisterClosedOrAfterIsRefusedAndSoIsOneInsideAClosedPeriod() {
        String outlet = shop.outlet("Window");
        String register = shop.register(outlet);
        open(register, "0.00");
        String card = shop.paymentType("card");
        String sale =
                shop.inStoreSale(outlet, register, shop.product("8.00", "0"), 1).id();
        Instant closedAt = Instant.parse(
                close(register, null).path("period").path("closed_at").asText());

        Response atClosing = pay(sale, card, "8.00", register, closedAt);
        Response whileClosed = pay(sale, card, "8.00", register, null);
        open(register, "0.00");
        Response afterClosingBeforeReopening = pay(sale, card, "8.00", register, closedAt.plusNanos(1_000));
        Response insideTheClosedPeriod = pay(sale, card, "8.00", register, closedAt.minusNanos(1_000));

        for (Response refused : List.of(atClosing, whileClosed, afterClosingBeforeReopening, insideTheClosedPeriod)) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(409);
            assertThat(refused.errorCode()).isEqualTo("register_closed");
        }
        assertThat(admin.get("/api/v1/sales/" + sale).json().path("balance").asText())
                .isEqualTo("8.00");
    }

    @Test
    void anOrderPaidOnlineWhileTheRegisterIsClosedIsInTheNextPeriodsReportAndInNoEarlierOne() {
        Online online = online();
        open(online.register, "0.00");
        JsonNode before = close(online.register, null);

        String nightOrder = online.deliverPaidOrder();
        JsonNode nightSale = online.awaitSale(nightOrder);
        JsonNode beforeAfterwards = closures(online.register).get(0);
        open(online.register, "0.00");
        online.awaitSale(online.deliverPaidOrder());
        JsonNode report = close(online.register, null);

        assertThat(nightSale.path("payment_status").asText()).isEqualTo("paid");
        assertThat(beforeAfterwards).isEqualTo(before);
        assertThat(report.path("payments_count").asLong()).isEqualTo(2);
        assertThat(report.path("carried_over").asLong()).isEqualTo(1);
        assertThat(report.path("payments")).hasSize(1);
        JsonNode total = report.path("payments").get(0);
        assertThat(total.path("kind").asText()).isEqualTo("integrated");
        assertThat(total.path("count").asLong()).isEqualTo(2);
        assertThat(total.path("total").asText()).isEqualTo("24.20");
        assertThat(closures(online.register)).hasSize(2);
        assertThat(closures(online.register).get(0)).isEqualTo(report);
    }

    @Test
    void aClosedReportIsTheOneStoredAtClosingWhateverIsWrittenLater() throws SQLException {
        String outlet = shop.outlet("Snapshot");
        String register = shop.register(outlet);
        String periodId = open(register, "50.00").path("id").asText();
        String cash = shop.paymentType("cash");
        String sale = shop.inStoreSale(outlet, register, shop.product("20.00", "0"), 1)
                .id();
        assertThat(pay(sale, cash, "20.00", register, null).status()).isEqualTo(201);
        JsonNode closed = close(register, "70.00");

        sql("update payment_type set name = ? where id = ?", Shop.unique("Renamed"), UUID.fromString(cash));
        insertPayment(sale, cash, "-5.00", register, periodId);

        JsonNode stored = closures(register).get(0);
        assertThat(stored).isEqualTo(closed);
        assertThat(stored.path("expected_cash").asText()).isEqualTo("70.00");
        assertThat(stored.path("payments").get(0).path("name").asText())
                .isEqualTo(closed.path("payments").get(0).path("name").asText());
    }

    @Test
    void refundsAreNegativePaymentsThatTheReportNetsAndARefundInCashLeavesLessInTheDrawer() throws SQLException {
        String outlet = shop.outlet("Refunds");
        String register = shop.register(outlet);
        String periodId = open(register, "100.00").path("id").asText();
        String cash = shop.paymentType("cash");
        String card = shop.paymentType("card");
        String product = shop.product("20.00", "0");
        String sale = shop.inStoreSale(outlet, register, product, 2).id();
        assertThat(pay(sale, cash, "20.00", register, null).status()).isEqualTo(201);
        assertThat(pay(sale, card, "20.00", register, null).status()).isEqualTo(201);
        // As a refund is written: a negative payment on the register, in its open period or, closed, in none.
        insertPayment(sale, cash, "-8.00", register, periodId);
        insertPayment(sale, card, "-20.00", register, periodId);
        JsonNode first = close(register, null);
        insertPayment(sale, cash, "-5.00", register, null);
        open(register, "100.00");
        JsonNode second = close(register, "95.00");

        assertThat(first.path("payments_count").asLong()).isEqualTo(4);
        assertThat(first.path("expected_cash").asText()).isEqualTo("112.00");
        assertThat(total(first, cash)).isEqualTo("12.00");
        assertThat(total(first, card)).isEqualTo("0.00");
        assertThat(second.path("carried_over").asLong()).isEqualTo(1);
        assertThat(total(second, cash)).isEqualTo("-5.00");
        assertThat(second.path("expected_cash").asText()).isEqualTo("95.00");
        assertThat(second.path("cash_difference").asText()).isEqualTo("0.00");
    }

    @Test
    void closureReportsOfManyRegistersAreFilteredByTheActorsOutletsAnOutletAndTheirClosingTime() {
        String outletA = shop.outlet("Reports A");
        String outletB = shop.outlet("Reports B");
        String tillA = shop.register(outletA);
        String tillB = shop.register(outletB);
        open(tillA, "0.00");
        Instant firstA = Instant.parse(
                close(tillA, null).path("period").path("closed_at").asText());
        open(tillA, "0.00");
        Instant secondA = Instant.parse(
                close(tillA, null).path("period").path("closed_at").asText());
        open(tillB, "0.00");
        close(tillB, null);
        RegisterService registers = TestStoreline.instance().wiring().registers();
        Actor managerOfA = new Actor(UUID.randomUUID(), "Manager", Role.MANAGER, Set.of(UUID.fromString(outletA)));
        Actor admin = new Actor(UUID.randomUUID(), "Admin", Role.ADMIN, Set.of());

        List<ClosureReport> seenByA =
                registers.closuresBetween(managerOfA, Optional.empty(), Optional.empty(), Optional.empty());
        List<ClosureReport> firstOfA =
                registers.closuresBetween(managerOfA, Optional.empty(), Optional.of(firstA), Optional.of(secondA));
        List<ClosureReport> ofB = registers.closuresBetween(
                admin, Optional.of(UUID.fromString(outletB)), Optional.empty(), Optional.empty());

        assertThat(seenByA).extracting(r -> r.outletId().toString()).containsOnly(outletA);
        assertThat(seenByA).extracting(r -> r.period().closedAt().orElseThrow()).containsExactly(secondA, firstA);
        assertThat(firstOfA)
                .extracting(r -> r.period().closedAt().orElseThrow())
                .containsExactly(firstA);
        assertThat(ofB).extracting(r -> r.registerId().toString()).containsExactly(tillB);
        assertThatThrownBy(() -> registers.closuresBetween(
                        managerOfA, Optional.of(UUID.fromString(outletB)), Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(
                        StorelineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTLET_FORBIDDEN));
    }

    /**
     * Orders are imported while the register is opened and closed again and again: whichever commits first, no
     * payment is attached to a period after its report was stored, so the reports add up to every payment.
     */
    @Test
    void ordersImportedWhileTheRegisterOpensAndClosesAreEachInExactlyOneReport() throws Exception {
        Online online = online();
        int orders = 400;
        AtomicBoolean importing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            Future<Integer> cycles = pool.submit(() -> {
                int n = 0;
                while (importing.get() && n < 80) {
                    open(online.register, "0.00");
                    Thread.sleep(5);
                    close(online.register, null);
                    n++;
                }
                return n;
            });
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                senders.add(pool.submit(() -> {
                    for (int i = 0; i < orders / 4; i++) {
                        assertThat(online.send(online.paidOrder(ORDER_IDS.incrementAndGet()))
                                        .status())
                                .isEqualTo(200);
                    }
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
            assertThat(ChannelSales.awaitOrders(admin, online.channel, orders, Duration.ofSeconds(60)))
                    .hasSize(orders);
            importing.set(false);
            assertThat(cycles.get()).isPositive();
        } finally {
            pool.shutdownNow();
        }
        if (admin.get("/api/v1/registers/" + online.register)
                .json()
                .path("status")
                .asText()
                .equals("open")) {
            close(online.register, null);
        }
        open(online.register, "0.00");
        close(online.register, null);

        BigDecimal reported = BigDecimal.ZERO;
        long reportedCount = 0;
        for (JsonNode report : closures(online.register)) {
            reportedCount += report.path("payments_count").asLong();
            for (JsonNode total : report.path("payments")) {
                reported = reported.add(new BigDecimal(total.path("total").asText()));
            }
        }
        assertThat(reportedCount).isEqualTo(orders);
        assertThat(reported).isEqualByComparingTo(new BigDecimal("12.10").multiply(BigDecimal.valueOf(orders)));
        assertThat(storedAgainstLive(online.register)).isEmpty();
    }

    /** The periods of the register whose stored totals differ from the payments now pointing at them. */
    private List<String> storedAgainstLive(String register) throws SQLException {
        List<String> differing = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select rp.id, "
                        + "(select coalesce(sum(total), 0) from register_closure_total t where t.register_period_id"
                        + " = rp.id), (select coalesce(sum(amount), 0) from sale_payment p where p.register_period_id"
                        + " = rp.id) from register_period rp where rp.register_id = ? and rp.closed_at is not null")) {
            s.setObject(1, UUID.fromString(register));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBigDecimal(2).compareTo(rs.getBigDecimal(3)) != 0) {
                        differing.add(
                                rs.getString(1) + ": stored " + rs.getBigDecimal(2) + ", now " + rs.getBigDecimal(3));
                    }
                }
            }
        }
        return differing;
    }

    /** A WooCommerce channel whose online register (at its only outlet) is closed, and a product it sells. */
    private Online online() {
        String outlet = shop.outlet("Online");
        String register = shop.register(outlet);
        String channel = shop.wooChannel(register, List.of(outlet), Map.of(), false, "http://127.0.0.1:9");
        String sku = Shop.unique("TEE");
        shop.productWithSku(sku, "10.00");
        return new Online(register, channel, sku);
    }

    private final class Online {
        final String register;
        final String channel;
        final String sku;

        Online(String register, String channel, String sku) {
            this.register = register;
            this.channel = channel;
            this.sku = sku;
        }

        /** Paid by card through Stripe (an integrated method), 12.10 with tax. */
        WooCommerceOrders paidOrder(long id) {
            return WooCommerceOrders.order(id)
                    .status("processing")
                    .line(sku, 1, "10.00", "10.00", "2.10")
                    .totals("12.10", "2.10");
        }

        Response send(WooCommerceOrders order) {
            return order.deliver(admin, channel, "order.created");
        }

        String deliverPaidOrder() {
            long id = ORDER_IDS.incrementAndGet();
            assertThat(send(paidOrder(id)).status()).isEqualTo(200);
            return String.valueOf(id);
        }

        JsonNode awaitSale(String orderId) {
            return OrderImportScenarioIT.await(
                    () -> {
                        JsonNode items = admin.get(
                                        "/api/v1/sales?channel_id=" + channel + "&external_order_id=" + orderId)
                                .json()
                                .path("items");
                        return items.isEmpty() ? null : items.get(0);
                    },
                    "the sale of order " + orderId);
        }
    }

    private JsonNode open(String register, String openingFloat) {
        Response opened = admin.post("/api/v1/registers/" + register + "/open", Map.of("opening_float", openingFloat));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        return opened.json();
    }

    private JsonNode close(String register, String countedCash) {
        Response closed = admin.post(
                "/api/v1/registers/" + register + "/close",
                countedCash == null ? Map.of() : Map.of("counted_cash", countedCash));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        return closed.json();
    }

    private JsonNode closures(String register) {
        Response list = admin.get("/api/v1/registers/" + register + "/closures");
        assertThat(list.status()).isEqualTo(200);
        return list.json().path("items");
    }

    private Response pay(String sale, String type, String amount, String register, Instant paidAt) {
        return admin.post(
                "/api/v1/sales/" + sale + "/payments",
                paidAt == null
                        ? Map.of("payment_type_id", type, "amount", amount, "register_id", register)
                        : Map.of(
                                "payment_type_id",
                                type,
                                "amount",
                                amount,
                                "register_id",
                                register,
                                "paid_at",
                                paidAt.toString()));
    }

    private static String total(JsonNode report, String paymentType) {
        for (JsonNode total : report.path("payments")) {
            if (total.path("payment_type_id").asText().equals(paymentType)) {
                return total.path("total").asText();
            }
        }
        throw new AssertionError("no total for payment type " + paymentType + " in " + report);
    }

    /** A payment row written straight into the table, as a refund (negative) or a late write would be. */
    private void insertPayment(String sale, String type, String amount, String register, String period)
            throws SQLException {
        sql(
                "insert into sale_payment (id, sale_id, payment_type_id, amount, currency, paid_at, register_id,"
                        + " register_period_id) values (?, ?, ?, ?, 'EUR', now(), ?, ?)",
                UUID.randomUUID(),
                UUID.fromString(sale),
                UUID.fromString(type),
                new BigDecimal(amount),
                UUID.fromString(register),
                period == null ? null : UUID.fromString(period));
    }

    private void sql(String statement, Object... parameters) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}
