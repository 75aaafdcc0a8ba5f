package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Internals;
import org.storeline.server.support.RawHttp;
import org.storeline.server.support.RawHttp.Answer;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/**
 * Hostile input never hurts the server. Each row is one request that is wrong on purpose (a body, a query
 * parameter, a path, a header, a huge number): it must be refused with its 4xx and stable code, quickly, in the
 * API's JSON, and the answer may not show how Storeline is built (library and class names, SQL, stack frames).
 * Right after the worst request, an ordinary sale on the same register still takes less than a second.
 * Webhook deliveries are in {@link HostileDeliveriesIT}.
 */
class HostileInputIT {
    private static final String HUGE = "1e999999999";

    private static final ApiClient ADMIN = TestStoreline.admin();
    private static final Shop SHOP = new Shop(ADMIN);
    private static String outlet;
    private static String register;
    private static String product;
    private static String cash;
    private static String sale;
    private static String channel;
    private static ApiClient staff;

    /** One hostile request: what it is, how it is sent, and the refusal it must get. */
    record Hostile(String name, Supplier<Answer> send, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void shop() {
        outlet = SHOP.outlet("Hostile");
        register = SHOP.openRegister(outlet);
        product = SHOP.product("2.50", "0.21");
        cash = SHOP.paymentType("cash");
        staff = ADMIN.as(SHOP.staffToken(outlet));
        sale = SHOP.inStoreSale(outlet, register, product, 1).id();
        channel = SHOP.wooChannel(register, List.of(outlet), Map.of(), false, "http://127.0.0.1:9");
    }

    static Stream<Hostile> requests() {
        List<Hostile> rows = new ArrayList<>();
        rows.addAll(hugeNumbers());
        rows.addAll(brokenText());
        rows.addAll(brokenJson());
        rows.addAll(wrongValues());
        rows.addAll(brokenHttp());
        return rows.stream();
    }

    private static List<Hostile> hugeNumbers() {
        String outOfRange = "number_out_of_range";
        String stock = "/api/v1/products/%s/stock/%s";
        String closing = "/api/v1/registers/" + register + "/close";
        return List.of(
                row(
                        "a sale's unit_price of 1e999999999 (a JSON number)",
                        400,
                        outOfRange,
                        () -> sale("\"unit_price\": " + HUGE, "")),
                row(
                        "a sale's unit_price of \"1e999999999\" (a string)",
                        400,
                        outOfRange,
                        () -> sale("\"unit_price\": \"" + HUGE + "\"", "")),
                row(
                        "a sale's payment of 1e999999999",
                        400,
                        outOfRange,
                        () -> sale("", "{\"payment_type_id\": \"" + cash + "\", \"amount\": " + HUGE + "}")),
                row(
                        "a payment of 1e999999999 on a sale",
                        400,
                        outOfRange,
                        () -> post(
                                staff,
                                "/api/v1/sales/" + sale + "/payments",
                                "{\"payment_type_id\": \"" + cash + "\", \"register_id\": \"" + register
                                        + "\", \"amount\": \"" + HUGE + "\"}")),
                row("a discount of 1e-999999999", 400, outOfRange, () -> sale("\"discount\": 1e-999999999", "")),
                row("a price of 1e309", 400, outOfRange, () -> product("\"price\": 1e309")),
                row("a price of 400 digits", 400, outOfRange, () -> product("\"price\": " + "9".repeat(400))),
                row(
                        "a tax_rate of 1e999999999",
                        400,
                        outOfRange,
                        () -> product("\"price\": \"1.00\", \"tax_rate\": \"" + HUGE + "\"")),
                row(
                        "a stock quantity of 400 digits",
                        400,
                        outOfRange,
                        () -> put(ADMIN, stock.formatted(product, outlet), "{\"quantity\": " + "9".repeat(400) + "}")),
                row(
                        "a stock quantity beyond a long",
                        400,
                        outOfRange,
                        () -> put(ADMIN, stock.formatted(product, outlet), "{\"quantity\": 92233720368547758070}")),
                row(
                        "counted cash of 1e999999999 at closing",
                        400,
                        outOfRange,
                        () -> post(staff, closing, "{\"counted_cash\": " + HUGE + "}")),
                row(
                        "an absurd unit price (1000 × 99,999,999,999,999)",
                        422,
                        "amount_too_large",
                        () -> sale("\"unit_price\": \"99999999999999\", \"quantity\": 1000", "")));
    }

    private static List<Hostile> brokenText() {
        String invalidText = "invalid_text";
        return List.of(
                row(
                        "a NUL in an outlet's name",
                        400,
                        invalidText,
                        () -> post(ADMIN, "/api/v1/outlets", "{\"name\": \"Shop\\u0000\", \"time_zone\": \"UTC\"}")),
                row(
                        "a NUL in a sale's note",
                        400,
                        invalidText,
                        () -> patch(staff, "/api/v1/sales/" + sale, "{\"note\": \"a\\u0000b\"}")),
                row(
                        "a NUL in a customer's email",
                        400,
                        invalidText,
                        () -> post(staff, "/api/v1/customers", "{\"email\": \"ann\\u0000@example.com\"}")),
                row(
                        "a lone surrogate in a product's name",
                        400,
                        invalidText,
                        () -> post(
                                ADMIN,
                                "/api/v1/products",
                                productJson("\"price\": \"1.00\"").replace("\"Hostile\"", "\"Tea \\ud800\""))),
                row(
                        "a lone surrogate in a barcode",
                        400,
                        invalidText,
                        () -> product("\"price\": \"1.00\", \"barcodes\": [\"\\udc00\"]")),
                row(
                        "a NUL in a shipping method's name",
                        400,
                        invalidText,
                        () -> channel(
                                "\"consumer_key\": \"ck\", \"consumer_secret\": \"cs\"",
                                "\"Pick\\u0000up\": \"" + outlet + "\"")),
                row("a NUL in ?sku=", 400, invalidText, () -> get(ADMIN, "/api/v1/products?sku=a%00b")),
                row("a NUL in ?email=", 400, invalidText, () -> get(staff, "/api/v1/customers?email=a%00b@x.com")),
                row("a NUL in a query parameter's name", 400, invalidText, () -> get(ADMIN, "/api/v1/sales?a%00b=1")),
                row(
                        "a NUL in a webhook's query",
                        400,
                        invalidText,
                        () -> send(HttpRequest.newBuilder(uri("/webhooks/" + channel + "?x=%00"))
                                .POST(BodyPublishers.ofString("{}")))));
    }

    private static List<Hostile> brokenJson() {
        String malformed = "malformed_json";
        byte[] notUtf8 = {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'};
        return List.of(
                row(
                        "JSON lists nested 20,000 deep",
                        400,
                        malformed,
                        () -> post(ADMIN, "/api/v1/outlets", "[".repeat(20_000) + "]".repeat(20_000))),
                row(
                        "JSON objects nested 20,000 deep",
                        400,
                        malformed,
                        () -> post(staff, "/api/v1/sales", "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000))),
                row("NaN", 400, malformed, () -> product("\"price\": NaN")),
                row("a comment in JSON", 400, malformed, () -> post(ADMIN, "/api/v1/outlets", "{/* hi */ \"a\": 1}")),
                row("two JSON values", 400, malformed, () -> post(ADMIN, "/api/v1/outlets", "{} {}")),
                row(
                        "bytes that are not UTF-8",
                        400,
                        malformed,
                        () -> send(ADMIN.request("/api/v1/outlets").POST(BodyPublishers.ofByteArray(notUtf8)))),
                row(
                        "a JSON list instead of an object",
                        400,
                        "invalid_request",
                        () -> post(ADMIN, "/api/v1/outlets", "[1, 2]")));
    }

    private static List<Hostile> wrongValues() {
        String invalid = "invalid_request";
        String barcodes = String.join(",", Collections.nCopies(20_000, "\"8712345678906\""));
        return List.of(
                row(
                        "currency XXX",
                        400,
                        invalid,
                        () -> post(
                                ADMIN,
                                "/api/v1/products",
                                productJson("\"price\": \"1.00\"").replace("EUR", "XXX"))),
                row(
                        "currency XAU (gold)",
                        400,
                        invalid,
                        () -> put(ADMIN, "/api/v1/settings", "{\"currency\": \"XAU\"}")),
                row(
                        "a customer with an empty email",
                        400,
                        invalid,
                        () -> post(staff, "/api/v1/customers", "{\"name\": \"Ann\", \"email\": \"\"}")),
                row(
                        "channel credentials as numbers",
                        400,
                        invalid,
                        () -> channel("\"consumer_key\": 12345, \"consumer_secret\": 67890", "")),
                row(
                        "negative counted cash at closing",
                        400,
                        invalid,
                        () -> post(staff, "/api/v1/registers/" + register + "/close", "{\"counted_cash\": \"-5.00\"}")),
                row(
                        "20,000 barcodes on one product",
                        400,
                        invalid,
                        () -> product("\"price\": \"1.00\", \"barcodes\": [" + barcodes + "]")),
                row("a sale of 14,000 lines", 400, invalid, () -> post(staff, "/api/v1/sales", saleOfLines(14_000))),
                row(
                        "a barcode of 1,000 characters",
                        400,
                        invalid,
                        () -> product("\"price\": \"1.00\", \"barcodes\": [\"" + "8".repeat(1000) + "\"]")),
                row(
                        "a cursor that was never given out",
                        400,
                        "invalid_cursor",
                        () -> get(ADMIN, "/api/v1/sales?cursor=%ff%fe")),
                row("no token", 401, "unauthenticated", () -> get(ADMIN.as(null), "/api/v1/outlets")));
    }

    private static List<Hostile> brokenHttp() {
        String host = " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ADMIN.token();
        String badRequest = "malformed_request";
        return List.of(
                row(
                        "a known path with a wrong method",
                        405,
                        "method_not_allowed",
                        () -> send(ADMIN.request("/api/v1/outlets").DELETE())),
                row("an unknown path", 404, "not_found", () -> get(ADMIN, "/api/v1/no-such-thing")),
                row(
                        "encoded dots and slashes in the path",
                        404,
                        "not_found",
                        () -> raw("GET /api/v1/sales/%2e%2e%2f%2e%2e/health" + host)),
                row(
                        "a URI of 20,000 characters",
                        414,
                        "uri_too_long",
                        () -> raw("GET /api/v1/outlets?q=" + "a".repeat(20_000) + host)),
                row(
                        "a header of 20,000 characters",
                        431,
                        "headers_too_large",
                        () -> raw("GET /api/v1/outlets" + host + "\r\nX-Big: " + "a".repeat(20_000))),
                row("a request line with spaces in the path", 400, badRequest, () -> raw("GET /api v1 outlets" + host)),
                row("a bad percent escape in the path", 400, badRequest, () -> raw("GET /api/v1/outlets/%zz" + host)),
                row("an encoded NUL in the path", 400, badRequest, () -> raw("GET /api/v1/sales/%00" + host)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void isRefusedQuicklyWithAStableCodeAndNoInternals(Hostile request) {
        Instant start = Instant.now();
        Answer answer = request.send().get();
        Duration took = Duration.between(start, Instant.now());

        assertThat(answer.status()).as(answer.text()).isEqualTo(request.status());
        assertThat(answer.header("content-type")).startsWith("application/json");
        assertThat(answer.errorCode()).isEqualTo(request.code());
        assertThat(answer.json().path("error").path("message").asText()).isNotBlank();
        assertThat(answer.text()).doesNotContainPattern(Internals.PATTERN);
        assertThat(took).as("time to answer").isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aWrongMethodIsAnsweredWithTheMethodsThePathTakes() {
        Answer answer = send(ADMIN.request("/api/v1/outlets").DELETE());

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("allow")).isEqualTo("GET, POST");
    }

    @Test
    void anOrdinarySaleTakesUnderASecondRightAfterAHugeAmountOnTheSameRegister() {
        Answer worst = sale(
                "\"unit_price\": " + HUGE, "{\"payment_type_id\": \"" + cash + "\", \"amount\": \"" + HUGE + "\"}");
        assertThat(worst.errorCode()).isEqualTo("number_out_of_range");

        Instant start = Instant.now();
        ApiClient.Response ordinary = staff.post(
                "/api/v1/sales",
                Map.of(
                        "outlet_id",
                        outlet,
                        "register_id",
                        register,
                        "lines",
                        List.of(Map.of("product_id", product, "quantity", 2)),
                        "payments",
                        List.of(Map.of("payment_type_id", cash, "amount", "6.05"))));
        Duration took = Duration.between(start, Instant.now());

        assertThat(ordinary.status()).as(ordinary.text()).isEqualTo(201);
        assertThat(ordinary.json().path("payment_status").asText()).isEqualTo("paid");
        assertThat(took).as("the ordinary sale").isLessThan(Duration.ofSeconds(1));
    }

    private static Hostile row(String name, int status, String code, Supplier<Answer> send) {
        return new Hostile(name, send, status, code);
    }

    /** An in-store sale by staff of one line (quantity 1 unless given) with the given fields, and payments. */
    private static Answer sale(String lineFields, String payments) {
        return post(staff, "/api/v1/sales", saleJson(lineFields, payments));
    }

    private static String saleJson(String lineFields, String payments) {
        String line = lineFields.contains("\"quantity\"")
                ? lineFields
                : "\"quantity\": 1" + (lineFields.isEmpty() ? "" : ", " + lineFields);
        return "{\"outlet_id\": \"" + outlet + "\", \"register_id\": \"" + register + "\", \"lines\": [{"
                + "\"product_id\": \"" + product + "\", " + line + "}], \"payments\": [" + payments + "]}";
    }

    private static String saleOfLines(int count) {
        String line = "{\"product_id\": \"" + product + "\", \"quantity\": 1}";
        return "{\"outlet_id\": \"" + outlet + "\", \"register_id\": \"" + register + "\", \"lines\": ["
                + String.join(", ", Collections.nCopies(count, line)) + "]}";
    }

    private static Answer product(String fields) {
        return post(ADMIN, "/api/v1/products", productJson(fields));
    }

    private static String productJson(String fields) {
        return "{\"sku\": \"" + Shop.unique("H") + "\", \"name\": \"Hostile\", \"currency\": \"EUR\", " + fields + "}";
    }

    /** Creates a WooCommerce channel with the given credentials and shipping methods (JSON members). */
    private static Answer channel(String credentials, String shippingMethods) {
        return post(
                ADMIN,
                "/api/v1/channels",
                "{\"platform\": \"woocommerce\", \"name\": \"" + Shop.unique("W")
                        + "\", \"base_url\": \"http://127.0.0.1:9\", \"credentials\": {" + credentials + "},"
                        + " \"webhook_secret\": \"s\", \"outlet_ids\": [\"" + outlet + "\"], \"register_id\": \""
                        + register
                        + "\", \"shipping_method_outlets\": {" + shippingMethods + "}}");
    }

    private static Answer get(ApiClient client, String path) {
        return send(client.request(path).GET());
    }

    private static Answer post(ApiClient client, String path, String body) {
        return send(client.request(path).POST(BodyPublishers.ofString(body)));
    }

    private static Answer put(ApiClient client, String path, String body) {
        return send(client.request(path).PUT(BodyPublishers.ofString(body)));
    }

    private static Answer patch(ApiClient client, String path, String body) {
        return send(client.request(path).method("PATCH", BodyPublishers.ofString(body)));
    }

    private static Answer send(HttpRequest.Builder request) {
        return RawHttp.send(request.timeout(Duration.ofSeconds(30)).build());
    }

    private static Answer raw(String head) {
        return RawHttp.sendRaw(ADMIN.baseUrl(), head);
    }

    private static URI uri(String path) {
        return URI.create(ADMIN.baseUrl() + path);
    }
}
