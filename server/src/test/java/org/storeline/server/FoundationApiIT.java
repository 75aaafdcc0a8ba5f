package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.ApiClient.Response;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/** The foundation's acceptance walk, through the public API exactly as docs/API.md names it. */
class FoundationApiIT {
    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);

    @Test
    void anInStoreSaleOnAnOpenRegisterDeductsStockAndGetsAReceiptNumber() {
        String outlet = shop.outlet("Downtown");
        String register = shop.openRegister(outlet);
        String cash = shop.paymentType("cash");
        String product = shop.product("10.00", "0.21");
        shop.setStock(product, outlet, 10);

        Response sale = admin.post(
                "/api/v1/sales",
                Map.of(
                        "outlet_id",
                        outlet,
                        "register_id",
                        register,
                        "lines",
                        List.of(Map.of("product_id", product, "quantity", 2)),
                        "payments",
                        List.of(Map.of("payment_type_id", cash, "amount", "24.20"))));

        assertThat(sale.status()).as(sale.text()).isEqualTo(201);
        JsonNode body = sale.json();
        assertThat(body.path("receipt_number").asText()).matches("\\d+-\\d{6}");
        assertThat(body.path("source").asText()).isEqualTo("in_store");
        assertThat(body.path("channel_id").isNull()).isTrue();
        assertThat(body.path("total").asText()).isEqualTo("24.20");
        assertThat(body.path("total_tax").asText()).isEqualTo("4.20");
        assertThat(body.path("balance").asText()).isEqualTo("0.00");
        assertThat(body.path("payment_status").asText()).isEqualTo("paid");
        assertThat(body.path("status").asText()).isEqualTo("completed");
        assertThat(body.path("lines").get(0).path("unit_price").asText()).isEqualTo("10.00");
        assertThat(shop.stockLevel(product, outlet)).isEqualTo(8);

        Response again = admin.get("/api/v1/sales/" + sale.id());
        assertThat(again.json()).isEqualTo(body);
    }

    @Test
    void anOutletSpeaksEnglishUntilItIsToldToSpeakFrenchOrDutch() {
        Response created =
                admin.post("/api/v1/outlets", Map.of("name", "Gent", "time_zone", "Europe/Brussels", "language", "nl"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().path("language").asText()).isEqualTo("nl");
        String outlet = shop.outlet("Lille");
        assertThat(admin.get("/api/v1/outlets/" + outlet)
                        .json()
                        .path("language")
                        .asText())
                .isEqualTo("en");

        Response changed = admin.patch("/api/v1/outlets/" + outlet, Map.of("language", "fr"));

        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().path("language").asText()).isEqualTo("fr");
        assertThat(changed.json().path("name").asText()).startsWith("Lille");
        assertThat(admin.get("/api/v1/outlets/" + outlet)
                        .json()
                        .path("language")
                        .asText())
                .isEqualTo("fr");
        Response german = admin.patch("/api/v1/outlets/" + outlet, Map.of("language", "de"));
        assertThat(german.status()).isEqualTo(400);
        assertThat(german.json().path("error").path("message").asText()).contains("en, fr, nl");
        ApiClient staff = admin.as(shop.staffToken(outlet));
        assertThat(staff.patch("/api/v1/outlets/" + outlet, Map.of("name", "Mine"))
                        .errorCode())
                .isEqualTo("forbidden");
    }

    @Test
    void receiptNumbersFollowTheOutletsOwnSequence() {
        String outlet = shop.outlet("Numbered");
        String register = shop.openRegister(outlet);
        String product = shop.product("1.00", "0");
        Map<String, Object> sale = Map.of(
                "outlet_id",
                outlet,
                "register_id",
                register,
                "lines",
                List.of(Map.of("product_id", product, "quantity", 1)));

        String first =
                admin.post("/api/v1/sales", sale).json().path("receipt_number").asText();
        String second =
                admin.post("/api/v1/sales", sale).json().path("receipt_number").asText();

        assertThat(first).endsWith("-000001");
        assertThat(second).endsWith("-000002");
        assertThat(first.split("-")[0]).isEqualTo(second.split("-")[0]);
    }

    @Test
    void aSaleOnAClosedRegisterIsRefusedAndChangesNothing() {
        String outlet = shop.outlet("Closed");
        String register = shop.register(outlet);
        String product = shop.product("5.00", "0.06");
        shop.setStock(product, outlet, 3);

        Response refused = shop.inStoreSale(outlet, register, product, 1);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("register_closed");
        assertThat(refused.json().path("error").path("message").asText()).contains("Open it");
        assertThat(shop.stockLevel(product, outlet)).isEqualTo(3);
        assertThat(admin.get("/api/v1/sales?outlet_id=" + outlet).json().path("items"))
                .isEmpty();
    }

    @Test
    void aStaffUserSeesOnlyTheOutletsTheyArePermittedFor() {
        String outletA = shop.outlet("A");
        String outletB = shop.outlet("B");
        String product = shop.product("3.00", "0.21");
        shop.setStock(product, outletA, 5);
        shop.setStock(product, outletB, 7);
        String registerB = shop.openRegister(outletB);
        String saleInB = shop.inStoreSale(outletB, registerB, product, 1).id();
        ApiClient staff = admin.as(shop.staffToken(outletA));

        assertThat(staff.get("/api/v1/sales?outlet_id=" + outletB).status()).isEqualTo(403);
        assertThat(staff.get("/api/v1/sales?outlet_id=" + outletB).errorCode()).isEqualTo("outlet_forbidden");
        assertThat(staff.get("/api/v1/sales/" + saleInB).status()).isEqualTo(403);
        assertThat(staff.get("/api/v1/products/" + product + "/stock/" + outletB)
                        .status())
                .isEqualTo(403);
        assertThat(staff.get("/api/v1/products/" + product + "/stock?outlet_id=" + outletB)
                        .status())
                .isEqualTo(403);
        assertThat(staff.put("/api/v1/products/" + product + "/stock/" + outletB, Map.of("quantity", 1))
                        .status())
                .isEqualTo(403);
        assertThat(staff.post(
                                "/api/v1/sales",
                                Map.of(
                                        "outlet_id",
                                        outletB,
                                        "register_id",
                                        registerB,
                                        "lines",
                                        List.of(Map.of("product_id", product, "quantity", 1))))
                        .status())
                .isEqualTo(403);

        JsonNode visibleStock =
                staff.get("/api/v1/products/" + product + "/stock").json().path("items");
        assertThat(visibleStock).hasSize(1);
        assertThat(visibleStock.get(0).path("outlet_id").asText()).isEqualTo(outletA);
        assertThat(visibleStock.get(0).path("quantity").asLong()).isEqualTo(5);
        assertThat(staff.get("/api/v1/products/" + product + "/stock/" + outletA)
                        .json()
                        .path("quantity")
                        .asLong())
                .isEqualTo(5);
        JsonNode staffSales = staff.get("/api/v1/sales").json().path("items");
        staffSales.forEach(s -> assertThat(s.path("outlet_id").asText()).isEqualTo(outletA));
        assertThat(admin.get("/api/v1/stock/negative").status()).isEqualTo(200);
    }

    @Test
    void aStaffUserMayNotChangeSetup() {
        String outlet = shop.outlet("Setup");
        ApiClient staff = admin.as(shop.staffToken(outlet));

        Response outletAttempt = staff.post("/api/v1/outlets", Map.of("name", "Mine", "time_zone", "UTC"));
        Response productAttempt = staff.post(
                "/api/v1/products", Map.of("sku", Shop.unique("X"), "name", "X", "price", "1.00", "currency", "EUR"));

        assertThat(outletAttempt.status()).isEqualTo(403);
        assertThat(outletAttempt.errorCode()).isEqualTo("forbidden");
        assertThat(productAttempt.status()).isEqualTo(403);
    }

    @Test
    void stockMayGoNegativeAndIsThenReported() {
        String outlet = shop.outlet("Oversold");
        String register = shop.openRegister(outlet);
        String product = shop.product("2.00", "0");
        shop.setStock(product, outlet, 1);

        Response sale = shop.inStoreSale(outlet, register, product, 3);

        assertThat(sale.status()).isEqualTo(201);
        assertThat(shop.stockLevel(product, outlet)).isEqualTo(-2);
        JsonNode negative = admin.get("/api/v1/stock/negative").json().path("items");
        assertThat(negative).anySatisfy(level -> {
            assertThat(level.path("product_id").asText()).isEqualTo(product);
            assertThat(level.path("quantity").asLong()).isEqualTo(-2);
            assertThat(level.path("negative").asBoolean()).isTrue();
        });
        JsonNode movements = admin.get("/api/v1/products/" + product + "/stock/" + outlet + "/movements")
                .json()
                .path("items");
        assertThat(movements).hasSize(2);
        assertThat(movements.get(0).path("reason").asText()).isEqualTo("in_store_sale");
        assertThat(movements.get(0).path("delta").asLong()).isEqualTo(-3);
        assertThat(movements.get(1).path("reason").asText()).isEqualTo("count");
        assertThat(movements.get(1).path("delta").asLong()).isEqualTo(1);
    }

    @Test
    void customersAreUniqueByEmailWhateverTheCaseOrSpaces() {
        String email = Shop.unique("jane") + "@Example.com";
        Response created = admin.post("/api/v1/customers", Map.of("name", "Jane", "email", "  " + email + " "));
        Response duplicate = admin.post("/api/v1/customers", Map.of("name", "Other", "email", email.toUpperCase()));
        Response found = admin.get("/api/v1/customers?email=" + email.toLowerCase());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("email").asText()).isEqualTo(email);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.errorCode()).isEqualTo("email_taken");
        assertThat(found.json().path("items")).hasSize(1);
        assertThat(found.json().path("items").get(0).path("id").asText()).isEqualTo(created.id());
    }

    @Test
    void listsArePaginatedWithAnOpaqueCursor() {
        for (int i = 0; i < 3; i++) {
            shop.product("1.00", "0");
        }
        Response first = admin.get("/api/v1/products?limit=2");
        String cursor = first.json().path("next_cursor").asText();
        Response second = admin.get("/api/v1/products?limit=2&cursor=" + cursor);

        assertThat(first.json().path("items")).hasSize(2);
        assertThat(cursor).isNotBlank();
        assertThat(second.json().path("items").get(0).path("id").asText())
                .isGreaterThan(first.json().path("items").get(1).path("id").asText());
        assertThat(admin.get("/api/v1/products?cursor=not-a-cursor").errorCode())
                .isEqualTo("invalid_cursor");
        assertThat(admin.get("/api/v1/products?limit=0").status()).isEqualTo(400);
    }
}
