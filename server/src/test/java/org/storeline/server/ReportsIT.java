package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.ApiClient.Response;
import org.storeline.server.support.CsvFile;
import org.storeline.server.support.RawHttp;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/**
 * The reports through HTTP (PAY-4, ORD-4, PAY-1): JSON and CSV, the filters, and a user of one outlet who sees
 * only that outlet's figures. Outlet A (Brussels) sells two products and is paid in cash and through Stripe, then
 * closes its register; outlet B (New York) sells one product, paid in cash on its own register.
 */
class ReportsIT {
    private static final String[] REPORTS = {"payments", "product-sales", "register-closures"};

    private static final ApiClient admin = TestStoreline.admin();
    private static final Shop shop = new Shop(admin);
    private static String outletA;
    private static String outletB;
    private static String registerA;
    private static String cash;
    private static String stripe;
    private static String mug;
    private static String tea;
    private static JsonNode closureOfA;

    @BeforeAll
    static void twoOutletsSellAndOneCloses() {
        outletA = shop.outlet("Report A");
        outletB = created(admin.post(
                "/api/v1/outlets", Map.of("name", Shop.unique("Report B"), "time_zone", "America/New_York")));
        registerA = shop.openRegister(outletA);
        String registerB = shop.openRegister(outletB);
        cash = shop.paymentType("cash");
        stripe = created(admin.post(
                "/api/v1/payment-types",
                Map.of("name", Shop.unique("+Stripe, online"), "kind", "integrated", "processor", "Stripe")));
        mug = shop.product("10.00", "0.21");
        tea = created(admin.post(
                "/api/v1/products",
                Map.of(
                        "sku",
                        Shop.unique("=TEA"),
                        "name",
                        "Tea, \"Earl Grey\"\nloose",
                        "price",
                        "5.00",
                        "currency",
                        "EUR",
                        "tax_rate",
                        "0")));
        sell(outletA, registerA, mug, 2, Map.of(cash, "10.00", stripe, "14.20"));
        sell(outletA, registerA, tea, 1, Map.of(cash, "5.00"));
        sell(outletB, registerB, mug, 1, Map.of(cash, "12.10"));
        Response closed = admin.post("/api/v1/registers/" + registerA + "/close", Map.of("counted_cash", "15.00"));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        closureOfA = closed.json();
    }

    @Test
    void thePaymentReportTotalsPaymentsByTypeAndShowsTheProcessorInJsonAndCsv() {
        JsonNode items = admin.get("/api/v1/reports/payments?outlet_id=" + outletA)
                .json()
                .path("items");

        assertThat(items).hasSize(2);
        JsonNode cashRow = row(items, "payment_type_id", cash);
        assertThat(cashRow.path("count").asLong()).isEqualTo(2);
        assertThat(cashRow.path("total").asText()).isEqualTo("15.00");
        assertThat(cashRow.path("received").asText()).isEqualTo("15.00");
        assertThat(cashRow.path("refunded").asText()).isEqualTo("0.00");
        assertThat(cashRow.path("refunded_count").asLong()).isZero();
        assertThat(cashRow.path("processor").isNull()).isTrue();
        JsonNode stripeRow = row(items, "payment_type_id", stripe);
        assertThat(stripeRow.path("processor").asText()).isEqualTo("Stripe");
        assertThat(stripeRow.path("kind").asText()).isEqualTo("integrated");
        assertThat(stripeRow.path("total").asText()).isEqualTo("14.20");
        assertThat(stripeRow.path("currency").asText()).isEqualTo("EUR");

        RawHttp.Answer csv = csv(admin, "/api/v1/reports/payments?outlet_id=" + outletA + "&from=2026-01-01");
        assertThat(csv.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(csv.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"payments_from-2026-01-01.csv\"");
        List<List<String>> rows = CsvFile.parse(csv.text());
        assertThat(rows.get(0))
                .containsExactly(
                        "payment_type_id",
                        "name",
                        "kind",
                        "processor",
                        "currency",
                        "count",
                        "total",
                        "received_count",
                        "received",
                        "refunded_count",
                        "refunded");
        assertThat(rows).hasSize(3);
        List<String> stripeCsv = csvRow(rows, stripe);
        assertThat(stripeCsv.get(1)).as("a name that starts like a formula").startsWith("'+Stripe, online");
        assertThat(stripeCsv.subList(2, 11))
                .containsExactly("integrated", "Stripe", "EUR", "1", "14.20", "1", "14.20", "0", "0.00");
        assertThat(csvRow(rows, cash).subList(4, 11)).containsExactly("EUR", "2", "15.00", "2", "15.00", "0", "0.00");
    }

    @Test
    void theProductSalesReportTotalsQuantitiesNetTaxAndTotalByProductInJsonAndCsv() {
        JsonNode items = admin.get("/api/v1/reports/product-sales?outlet_id=" + outletA)
                .json()
                .path("items");

        assertThat(items).hasSize(2);
        JsonNode mugRow = row(items, "product_id", mug);
        assertThat(mugRow.path("quantity").asLong()).isEqualTo(2);
        assertThat(mugRow.path("returned_quantity").asLong()).isZero();
        assertThat(mugRow.path("net").asText()).isEqualTo("20.00");
        assertThat(mugRow.path("tax").asText()).isEqualTo("4.20");
        assertThat(mugRow.path("total").asText()).isEqualTo("24.20");
        assertThat(mugRow.path("is_shipping_fee").asBoolean()).isFalse();
        assertThat(mugRow.path("unmatched").asBoolean()).isFalse();
        assertThat(mugRow.path("is_adjustment").asBoolean()).isFalse();
        JsonNode teaRow = row(items, "product_id", tea);
        assertThat(teaRow.path("name").asText()).isEqualTo("Tea, \"Earl Grey\"\nloose");
        assertThat(teaRow.path("total").asText()).isEqualTo("5.00");

        RawHttp.Answer csv = csv(admin, "/api/v1/reports/product-sales?outlet_id=" + outletA);
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"product-sales.csv\"");
        List<List<String>> rows = CsvFile.parse(csv.text());
        assertThat(rows.get(0))
                .containsExactly(
                        "product_id",
                        "sku",
                        "name",
                        "is_shipping_fee",
                        "unmatched",
                        "is_adjustment",
                        "currency",
                        "quantity",
                        "returned_quantity",
                        "net",
                        "tax",
                        "total");
        List<String> teaCsv = csvRow(rows, tea);
        assertThat(teaCsv.get(1)).as("an SKU that starts like a formula").startsWith("'=TEA-");
        assertThat(teaCsv.get(2)).isEqualTo("Tea, \"Earl Grey\"\nloose");
        assertThat(teaCsv.subList(3, 12))
                .containsExactly("false", "false", "false", "EUR", "1", "0", "5.00", "0.00", "5.00");
        assertThat(csvRow(rows, mug).subList(7, 12)).containsExactly("2", "0", "20.00", "4.20", "24.20");
    }

    @Test
    void theRegisterClosuresReportListsClosureReportsAsTheRegisterDoesInJsonAndCsv() {
        JsonNode items = admin.get("/api/v1/reports/register-closures?outlet_id=" + outletA)
                .json()
                .path("items");
        JsonNode ofTheRegister =
                admin.get("/api/v1/registers/" + registerA + "/closures").json().path("items");

        assertThat(items).hasSize(1);
        assertThat(items.get(0)).isEqualTo(closureOfA).isEqualTo(ofTheRegister.get(0));
        assertThat(admin.get("/api/v1/reports/register-closures?outlet_id=" + outletB)
                        .json()
                        .path("items"))
                .as("outlet B's register is still open")
                .isEmpty();

        List<List<String>> rows = CsvFile.parse(csv(admin, "/api/v1/reports/register-closures?outlet_id=" + outletA)
                .text());
        assertThat(rows.get(0))
                .containsExactly(
                        "register_id",
                        "outlet_id",
                        "period_id",
                        "opened_at",
                        "closed_at",
                        "currency",
                        "opening_float",
                        "expected_cash",
                        "counted_cash",
                        "cash_difference",
                        "payment_type_id",
                        "payment_type",
                        "kind",
                        "processor",
                        "payment_currency",
                        "count",
                        "total");
        assertThat(rows).hasSize(3).allSatisfy(r -> assertThat(r).hasSize(17));
        assertThat(csvRow(rows, registerA).subList(7, 10)).containsExactly("15.00", "15.00", "0.00");
        assertThat(rows.stream()
                        .filter(r -> r.get(10).equals(cash))
                        .findFirst()
                        .orElseThrow()
                        .subList(12, 17))
                .containsExactly("cash", "", "EUR", "2", "15.00");
    }

    @Test
    void aUserOfOutletASeesOnlyOutletAsFiguresAndIsRefusedOutletB() {
        ApiClient staffOfA = admin.as(shop.staffToken(outletA));

        JsonNode payments = staffOfA.get("/api/v1/reports/payments").json().path("items");
        JsonNode products = staffOfA.get("/api/v1/reports/product-sales").json().path("items");
        JsonNode closures =
                staffOfA.get("/api/v1/reports/register-closures").json().path("items");

        assertThat(row(payments, "payment_type_id", cash).path("total").asText())
                .as("B's cash payment of 12.10 left out")
                .isEqualTo("15.00");
        assertThat(payments).hasSize(2);
        assertThat(row(products, "product_id", mug).path("quantity").asLong()).isEqualTo(2);
        assertThat(products).hasSize(2);
        assertThat(closures).hasSize(1);
        for (String report : REPORTS) {
            Response forbidden = staffOfA.get("/api/v1/reports/" + report + "?outlet_id=" + outletB);
            assertThat(forbidden.status()).as(report).isEqualTo(403);
            assertThat(forbidden.errorCode()).as(report).isEqualTo("outlet_forbidden");
            assertThat(csv(staffOfA, "/api/v1/reports/" + report + "?outlet_id=" + outletB)
                            .status())
                    .as(report + " as CSV")
                    .isEqualTo(403);
        }
    }

    @Test
    void daysAreReadInTheOutletsZoneAndTimesAreExact() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));
        String a = "/api/v1/reports/payments?outlet_id=" + outletA;
        OffsetDateTime hourAgo =
                OffsetDateTime.now(ZoneOffset.ofHours(1)).minusHours(1).truncatedTo(ChronoUnit.SECONDS);
        String inAnHour =
                Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS).toString();

        assertThat(items(a + "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1)))
                .hasSize(2);
        assertThat(items(a + "&from=" + today.plusDays(2))).isEmpty();
        assertThat(items(a + "&to=" + today.minusDays(2))).isEmpty();
        assertThat(items(a + "&from=" + hourAgo.toString().replace("+", "%2B") + "&to=" + inAnHour))
                .hasSize(2);
        assertThat(items(a + "&from=" + hourAgo + "&to=" + inAnHour))
                .as("an unescaped + arrives as a space and is read as +")
                .hasSize(2);
        assertThat(items(a + "&to=" + hourAgo.toString().replace("+", "%2B"))).isEmpty();
        assertThat(items(a + "&from=1000-01-01&to=9999-12-31")).hasSize(2);
        assertThat(items(a + "&from=&to=&outlet_id="))
                .as("blank filters are left out")
                .isNotEmpty();
    }

    @Test
    void badFiltersAre400NamingTheParameterAndAnUnknownOutletIs404() {
        for (String report : REPORTS) {
            String path = "/api/v1/reports/" + report + "?";
            assertRefused(path + "from=yesterday", "from 'yesterday'");
            assertRefused(path + "to=2026-12-05T10:00:00", "to '2026-12-05T10:00:00'");
            assertRefused(path + "from=2026-02-30", "from '2026-02-30'");
            assertRefused(path + "from=2026-12-06&to=2026-12-05", "from (2026-12-06) lies after to (2026-12-05)");
            assertRefused(path + "outlet_id=42", "outlet_id");
            Response unknown = admin.get(path + "outlet_id=0193a5b2-7c1e-7d2a-9f3b-1c2d3e4f5a6b");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.errorCode()).isEqualTo("outlet_not_found");
        }
    }

    @Test
    void anAcceptHeaderThatIsNotCsvOrCannotBeReadGetsJson() {
        for (String accept : List.of("application/json", "*/*", "text/html", "garbage;;;", "text/csv;q=0")) {
            RawHttp.Answer answer = RawHttp.send(admin.request("/api/v1/reports/payments?outlet_id=" + outletA)
                    .header("Accept", accept)
                    .GET()
                    .build());
            assertThat(answer.status()).as(accept).isEqualTo(200);
            assertThat(answer.header("Content-Type")).as(accept).startsWith("application/json");
            assertThat(answer.json().path("items")).as(accept).hasSize(2);
        }
    }

    private static void assertRefused(String path, String message) {
        Response refused = admin.get(path);
        assertThat(refused.status()).as(path).isEqualTo(400);
        assertThat(refused.errorCode()).as(path).isEqualTo("invalid_request");
        assertThat(refused.json().path("error").path("message").asText())
                .as(path)
                .contains(message);
    }

    private static JsonNode items(String path) {
        Response response = admin.get(path);
        assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(200);
        return response.json().path("items");
    }

    /** The CSV answer, held to the OpenAPI document like every answer, then read again with its headers. */
    private static RawHttp.Answer csv(ApiClient client, String path) {
        client.send(client.request(path).header("Accept", "text/csv").GET());
        return RawHttp.send(
                client.request(path).header("Accept", "text/csv").GET().build());
    }

    private static List<String> csvRow(List<List<String>> rows, String firstColumn) {
        return rows.stream()
                .filter(r -> r.get(0).equals(firstColumn))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No row for " + firstColumn + " in " + rows));
    }

    private static JsonNode row(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("No item with " + field + " " + value + " in " + items);
    }

    private static void sell(String outlet, String register, String product, int quantity, Map<String, String> paid) {
        List<Map<String, String>> payments = paid.entrySet().stream()
                .map(p -> Map.of("payment_type_id", p.getKey(), "amount", p.getValue()))
                .toList();
        Response sale = admin.post(
                "/api/v1/sales",
                Map.of(
                        "outlet_id",
                        outlet,
                        "register_id",
                        register,
                        "lines",
                        List.of(Map.of("product_id", product, "quantity", quantity)),
                        "payments",
                        payments));
        assertThat(sale.status()).as(sale.text()).isEqualTo(201);
        assertThat(sale.json().path("status").asText()).isEqualTo("completed");
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.id();
    }
}
