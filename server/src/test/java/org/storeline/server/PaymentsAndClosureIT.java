package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.ApiClient.Response;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/** Payments on unpaid sales (PAY-2, PAY-3) and the register closure report (PAY-1). */
class PaymentsAndClosureIT {
    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);

    @Test
    void aSaleLeftUnpaidTakesPaymentsUpToItsBalanceAndThenCompletes() {
        String outlet = shop.outlet("Layby");
        String register = shop.openRegister(outlet);
        String cash = shop.paymentType("cash");
        String product = shop.product("10.00", "0");
        String sale = shop.inStoreSale(outlet, register, product, 3).id();

        Response partial = admin.post(
                "/api/v1/sales/" + sale + "/payments",
                Map.of("payment_type_id", cash, "amount", "12.50", "register_id", register));
        Response tooMuch = admin.post(
                "/api/v1/sales/" + sale + "/payments",
                Map.of("payment_type_id", cash, "amount", "20.00", "register_id", register));
        Response rest = admin.post(
                "/api/v1/sales/" + sale + "/payments",
                Map.of("payment_type_id", cash, "amount", "17.50", "register_id", register));

        assertThat(partial.status()).isEqualTo(201);
        assertThat(partial.json().path("payment_status").asText()).isEqualTo("partially_paid");
        assertThat(partial.json().path("balance").asText()).isEqualTo("17.50");
        assertThat(partial.json().path("status").asText()).isEqualTo("open");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.errorCode()).isEqualTo("payment_exceeds_balance");
        assertThat(rest.json().path("payment_status").asText()).isEqualTo("paid");
        assertThat(rest.json().path("status").asText()).isEqualTo("completed");
        assertThat(rest.json().path("payments")).hasSize(2);
    }

    @Test
    void aPaymentOutsideTheRegistersOpenPeriodIsRefused() {
        String outlet = shop.outlet("Late");
        String register = shop.openRegister(outlet);
        String card = shop.paymentType("card");
        String product = shop.product("8.00", "0");
        String sale = shop.inStoreSale(outlet, register, product, 1).id();

        Response beforeOpening = admin.post(
                "/api/v1/sales/" + sale + "/payments",
                Map.of(
                        "payment_type_id",
                        card,
                        "amount",
                        "8.00",
                        "register_id",
                        register,
                        "paid_at",
                        Instant.now().minusSeconds(3600).toString()));
        admin.post("/api/v1/registers/" + register + "/close", Map.of());
        Response registerClosed = admin.post(
                "/api/v1/sales/" + sale + "/payments",
                Map.of("payment_type_id", card, "amount", "8.00", "register_id", register));

        assertThat(beforeOpening.status()).isEqualTo(409);
        assertThat(beforeOpening.errorCode()).isEqualTo("register_closed");
        assertThat(registerClosed.status()).isEqualTo(409);
        assertThat(registerClosed.errorCode()).isEqualTo("register_closed");
        assertThat(admin.get("/api/v1/sales/" + sale).json().path("balance").asText())
                .isEqualTo("8.00");
    }

    @Test
    void closingARegisterReportsPaymentsByTypeAndTheCashDifference() {
        String outlet = shop.outlet("Closing");
        String register = shop.register(outlet);
        admin.post("/api/v1/registers/" + register + "/open", Map.of("opening_float", "100.00"));
        String cash = shop.paymentType("cash");
        String card = shop.paymentType("card");
        String product = shop.product("10.00", "0.21");
        admin.post(
                "/api/v1/sales",
                Map.of(
                        "outlet_id",
                        outlet,
                        "register_id",
                        register,
                        "lines",
                        List.of(Map.of("product_id", product, "quantity", 1)),
                        "payments",
                        List.of(
                                Map.of("payment_type_id", cash, "amount", "5.00"),
                                Map.of("payment_type_id", card, "amount", "7.10"))));
        admin.post(
                "/api/v1/sales",
                Map.of(
                        "outlet_id",
                        outlet,
                        "register_id",
                        register,
                        "lines",
                        List.of(Map.of("product_id", product, "quantity", 1)),
                        "payments",
                        List.of(Map.of("payment_type_id", cash, "amount", "12.10"))));

        Response closed = admin.post("/api/v1/registers/" + register + "/close", Map.of("counted_cash", "117.00"));

        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        JsonNode report = closed.json();
        assertThat(report.path("expected_cash").asText()).isEqualTo("117.10");
        assertThat(report.path("counted_cash").asText()).isEqualTo("117.00");
        assertThat(report.path("cash_difference").asText()).isEqualTo("-0.10");
        assertThat(report.path("payments")).hasSize(2);
        assertThat(report.path("payments")).anySatisfy(p -> {
            assertThat(p.path("payment_type_id").asText()).isEqualTo(cash);
            assertThat(p.path("count").asLong()).isEqualTo(2);
            assertThat(p.path("total").asText()).isEqualTo("17.10");
        });
        assertThat(report.path("payments"))
                .anySatisfy(p -> assertThat(p.path("total").asText()).isEqualTo("7.10"));
        assertThat(admin.post("/api/v1/registers/" + register + "/close", Map.of())
                        .errorCode())
                .isEqualTo("register_closed");
        assertThat(admin.get("/api/v1/registers/" + register + "/closures")
                        .json()
                        .path("items"))
                .hasSize(1);
    }

    @Test
    void anIntegratedPaymentTypeShowsItsProcessorOnThePayment() {
        String outlet = shop.outlet("Online-ish");
        String register = shop.openRegister(outlet);
        String stripe = admin.post(
                        "/api/v1/payment-types",
                        Map.of("name", Shop.unique("Stripe"), "kind", "integrated", "processor", "Stripe"))
                .id();
        String product = shop.product("3.00", "0");

        Response sale = admin.post(
                "/api/v1/sales",
                Map.of(
                        "outlet_id",
                        outlet,
                        "register_id",
                        register,
                        "lines",
                        List.of(Map.of("product_id", product, "quantity", 1)),
                        "payments",
                        List.of(Map.of("payment_type_id", stripe, "amount", "3.00"))));

        JsonNode payment = sale.json().path("payments").get(0);
        assertThat(payment.path("kind").asText()).isEqualTo("integrated");
        assertThat(payment.path("processor").asText()).isEqualTo("Stripe");
        assertThat(admin.post("/api/v1/payment-types", Map.of("name", Shop.unique("X"), "kind", "integrated"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theSaleNoteCanBeChanged() {
        String outlet = shop.outlet("Notes");
        String register = shop.openRegister(outlet);
        String product = shop.product("3.00", "0");
        String sale = shop.inStoreSale(outlet, register, product, 1).id();

        Response patched = admin.patch("/api/v1/sales/" + sale, Map.of("note", "Tracking: 3SABC123"));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/sales/" + sale).json().path("note").asText())
                .isEqualTo("Tracking: 3SABC123");
    }
}
