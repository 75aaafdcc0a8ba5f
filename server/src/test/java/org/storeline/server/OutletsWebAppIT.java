package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.FulfillmentFixture.order;
import static org.storeline.server.browser.WebAppFixture.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.storeline.server.browser.Axe;
import org.storeline.server.browser.Browser;
import org.storeline.server.browser.FulfillmentDrawer;
import org.storeline.server.browser.FulfillmentPage;
import org.storeline.server.browser.FulfillmentsPage;
import org.storeline.server.browser.SalePage;
import org.storeline.server.browser.WebAppFixture;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/**
 * The staff web app across two outlets: a pickup split over outlets A and B is packed at each, then paid and handed
 * over as a whole at A's counter (FUL-7, FUL-4); and staff of outlet A reach nothing of outlet B on any screen.
 */
class OutletsWebAppIT {
    @RegisterExtension
    static final WebAppFixture web = new WebAppFixture();

    private static FulfillmentFixture shop;
    private static String emailA;
    private static String emailB;
    private static String nameA;
    private static String nameB;

    @BeforeAll
    static void shop() {
        // A shop of its own, not the one the other browser tests share: A's staff are shown every screen here and
        // must find no trace of B on any, which the orders other tests split over A and B would put there.
        shop = new FulfillmentFixture();
        emailA = user("staff", shop.outletA);
        emailB = user("staff", shop.outletB);
        nameA = outletName(shop.outletA);
        nameB = outletName(shop.outletB);
    }

    @Test
    void aPickupSplitOverTwoOutletsIsPackedAtBothThenPaidAndHandedOverAsAWholeAtOneCounter(ChromeDriver driver) {
        JsonNode sale = shop.imported(order().status("on-hold")
                .paidWith("cod", "Cash on pickup", false)
                .customer("Grace", "Hopper", Shop.unique("grace") + "@example.com")
                .line(shop.tee, 1, "10.00", "10.00", "0.00")
                .line(shop.mug, 1, "10.00", "10.00", "0.00")
                .shipping("local_pickup", "Local pickup", "0.00", "0.00")
                .totals("20.00", "0.00"));
        String receipt = sale.path("receipt_number").asText();
        List<JsonNode> parts = shop.fulfillmentsOf(sale);
        assertThat(parts).extracting(f -> f.path("type").asText()).containsOnly("pickup");
        assertThat(parts)
                .extracting(f -> f.path("outlet_id").asText())
                .containsExactlyInAnyOrder(shop.outletA, shop.outletB);
        String partA = idAt(parts, shop.outletA);
        String cash = shop.shop.paymentType("cash");

        // Outlet B packs its part from its board's drawer, and takes it to A's counter.
        web.signIn(emailB);
        FulfillmentsPage.open(driver, web.url("/fulfillments"));
        FulfillmentDrawer drawer = FulfillmentDrawer.open(driver, receipt);
        assertThat(drawer.text()).contains("of 2 · " + nameA, "of 2 · " + nameB);
        drawer.act("Mark as packed");
        assertThat(drawer.outcome()).isEqualTo("Marked as packed.");
        assertThat(drawer.actions())
                .as("A's part is not packed yet: B hands over only its own")
                .containsExactly("Mark as picked up");

        // Outlet A packs its own part from its page: the whole order can now be handed over at A's counter.
        Browser.fresh(); // B's cookie and console gone, as in a browser of its own
        web.signIn(emailA);
        driver.get(web.url("/fulfillments/" + partA));
        FulfillmentPage page = FulfillmentPage.at(driver).act("Mark as packed");
        assertThat(page.notice()).isEqualTo("Marked as packed.");
        assertThat(page.siblings()).anyMatch(s -> s.matches("\\d of 2 · " + nameB + " — Packed"));
        assertThat(page.actions()).containsExactly("Mark as picked up", "Mark the whole order as picked up (2 parts)");
        assertThat(Axe.seriousViolations(driver)).as("the whole order offered").isEmpty();

        page = page.act("Mark the whole order as picked up (2 parts)");
        assertThat(page.error()).startsWith("This order is not fully paid: €20.00 is still owed.");
        assertThat(Browser.consoleErrors()).allMatch(message -> message.contains("409"));

        // The customer pays at the counter: Apply payment on the sale's page, then the whole order is handed over.
        SalePage sold = SalePage.takePayment(driver)
                .choose("pay-type", cash)
                .choose("pay-register", shop.registerA)
                .submit("pay-submit");
        assertThat(sold.outcome()).contains("Payment recorded.").contains("Balance now €0.00.");
        assertThat(sold.paymentBadge()).isEqualTo("Paid");
        driver.get(web.url("/fulfillments/" + partA));
        page = FulfillmentPage.at(driver).act("Mark the whole order as picked up (2 parts)");

        assertThat(page.notice()).isEqualTo("The whole order is marked as picked up.");
        assertThat(page.status()).isEqualTo("Picked up");
        assertThat(page.actions()).isEmpty();
        assertThat(page.siblings())
                .hasSize(2)
                .allMatch(s -> s.contains(" — Picked up"))
                .anyMatch(s -> s.contains("· " + nameB));
        assertThat(Axe.seriousViolations(driver)).as("handed over").isEmpty();
        driver.get(web.url("/sales/" + sale.path("id").asText()));
        sold = SalePage.at(driver);
        assertThat(driver.findElements(By.cssSelector(".fulfillment-links li")))
                .extracting(WebElement::getText)
                .hasSize(2)
                .anyMatch(part -> part.contains(nameB));
        assertThat(driver.findElements(By.cssSelector(".fulfillment-links a")))
                .as("B's part is named but not linked: A's staff could not open it")
                .extracting(link -> link.getAttribute("href"))
                .containsExactly(web.url("/fulfillments/" + partA));
        assertThat(sold.statusBadge()).isEqualTo("Completed");
        assertThat(sold.paymentBadge()).isEqualTo("Paid");
        assertThat(shop.fulfillmentsOf(sale))
                .extracting(f -> f.path("status").asText())
                .containsOnly("picked_up");
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    @Test
    void aStaffUserOfOutletAGetsARefusalOrNoTraceOfOutletBOnEveryScreenAndAction() throws Exception {
        OutletB b = OutletB.create();
        Session a = Session.signIn(emailA);
        List<String> traces = List.of(nameB, b.onlineReceipt, b.storeReceipt, b.registerName);
        List<String> pages = List.of(
                "/fulfillments",
                "/fulfillments?outlet=" + shop.outletB,
                "/fulfillments?outlet=" + shop.outletA + "&receipt=" + b.onlineReceipt,
                "/fulfillments?outlet=" + shop.outletB + "&status=packed",
                "/fulfillments/" + b.fulfillment,
                "/fulfillments/" + b.fulfillment + "?done=packed",
                "/fulfillments/" + b.fulfillment + "/packing-slip.pdf",
                "/scanner",
                "/scanner?outlet=" + shop.outletB,
                "/scanner/" + b.fulfillment,
                "/sales",
                "/sales?outlet=" + shop.outletB,
                "/sales?q=" + b.storeReceipt,
                "/sales?q=" + b.onlineReceipt,
                "/sales?channel=" + b.channel,
                "/sales?channel=" + b.channel + "&status=open&payment=unpaid",
                "/sales/" + b.onlineSale,
                "/sales/" + b.storeSale,
                "/sales/" + b.storeSale + "?open=pay",
                "/sales/" + b.storeSale + "?open=return",
                "/registers",
                "/registers/" + b.register,
                "/registers/" + b.closedRegister,
                "/registers/" + b.closedRegister + "/closures/" + b.period,
                "/products",
                "/products?outlet=" + shop.outletB,
                "/products/" + shop.mugProduct,
                "/products/" + shop.mugProduct + "?outlet=" + shop.outletB,
                "/customers?q=" + b.customerEmail,
                "/customers/" + b.customer,
                "/reports",
                "/reports?outlet_id=" + shop.outletB,
                "/reports/sales-by-channel?outlet_id=" + shop.outletB,
                "/reports/payments?outlet_id=" + shop.outletB,
                "/reports/product-sales?outlet_id=" + shop.outletB,
                "/reports/sales-by-channel.csv?outlet_id=" + shop.outletB,
                "/reports/payments.csv?outlet_id=" + shop.outletB,
                "/reports/product-sales.csv?outlet_id=" + shop.outletB,
                "/notifications",
                "/notifications/bell",
                "/notifications/" + b.notification + "/open",
                "/users",
                "/users/" + shop.staffB.id(),
                "/channels",
                "/channels/" + b.channel,
                "/channels/" + b.channel + "/unlink");
        for (String path : pages) {
            HttpResponse<String> page = a.get(path);
            if (page.statusCode() == 403 || page.statusCode() == 404) {
                continue;
            }
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            // What the reader typed into a filter comes back in its field; anything else of B must not.
            traces.stream()
                    .filter(trace -> !path.contains(trace))
                    .forEach(trace -> assertNoTrace(path, page.body(), trace));
        }

        String csrf = a.csrf();
        String cash = shop.shop.paymentType("cash");
        Map<String, String> actions = new LinkedHashMap<>();
        for (String step : List.of("pack", "ship", "pickup", "pickup-order")) {
            actions.put("/fulfillments/" + b.fulfillment + "/" + step, "");
        }
        actions.put("/scanner/" + b.fulfillment + "/scans", "code=" + shop.mugBarcode);
        actions.put("/scanner/" + b.fulfillment + "/assign", "to=" + shop.staffA.id());
        actions.put("/scanner/" + b.fulfillment + "/notes", "what=other&details=leak");
        actions.put("/scanner/" + b.fulfillment + "/pack", "");
        for (String sale : List.of(b.storeSale, b.onlineSale)) {
            actions.put(
                    "/sales/" + sale + "/payments",
                    "payment_type=" + cash + "&amount=10.00&register=" + shop.registerA + "&date=2026-12-06"
                            + "&time=10:00&shown=2026-12-06T10:00");
            actions.put("/sales/" + sale + "/returns", "reason=leak&key=" + UUID.randomUUID());
            actions.put("/sales/" + sale + "/cancel", "");
        }
        actions.put("/registers/" + b.register + "/close", "counted_cash=0");
        actions.put("/registers/" + b.closedRegister + "/open", "opening_float=0");
        actions.put(
                "/products/" + shop.mugProduct + "/stock", "outlet_id=" + shop.outletB + "&quantity=99&reason=count");
        actions.put("/channels/" + b.channel + "/settings", "");
        actions.put("/channels/" + b.channel + "/unlink", "");
        actions.put("/channels/" + b.channel + "/import", "");
        actions.put("/users/" + shop.staffB.id() + "/tokens", "");
        JsonNode before = b.state();
        for (Map.Entry<String, String> action : actions.entrySet()) {
            String form = "_csrf=" + csrf + (action.getValue().isEmpty() ? "" : "&" + action.getValue());
            HttpResponse<String> refused = a.post(action.getKey(), form);
            assertThat(refused.statusCode()).as(action.getKey()).isIn(403, 404);
            for (String trace : traces) {
                assertThat(refused.body())
                        .as(action.getKey() + " shows '" + trace + "'")
                        .doesNotContain(trace);
            }
        }
        assertThat(b.state()).as("nothing of B changed").isEqualTo(before);

        // The page's event stream, asked for B's outlet, carries A's events and none of B's.
        try (Session.EventLines stream = a.events("/events?outlet=" + shop.outletB)) {
            assertThat(FulfillmentFixture.act(shop.staffB.api(), b.fulfillmentJson, "notes", Map.of("text", "B's"))
                            .status())
                    .isEqualTo(201);
            assertThat(FulfillmentFixture.act(shop.staffA.api(), b.markerJson, "notes", Map.of("text", "A's"))
                            .status())
                    .isEqualTo(201);
            String seen = stream.until(b.marker);
            assertThat(seen).contains(b.marker).doesNotContain(shop.outletB, b.fulfillment);
        }
    }

    /** The trace on its own: receipt 2-000001 is no trace inside 12-000001. */
    private static void assertNoTrace(String path, String body, String trace) {
        assertThat(Pattern.compile("(?<![\\w-])" + Pattern.quote(trace) + "(?![\\w-])")
                        .matcher(body)
                        .find())
                .as(path + " shows '" + trace + "'")
                .isFalse();
    }

    private static String idAt(List<JsonNode> fulfillments, String outlet) {
        return fulfillments.stream()
                .filter(f -> f.path("outlet_id").asText().equals(outlet))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asText();
    }

    /**
     * What outlet B has that A's staff must not reach: a channel of its own (its orders recorded and fulfilled at B),
     * an unpaid online order with its fulfillment, customer and notification, an in-store sale on an open register,
     * and a closed register with its closure; and an order of A, whose events mark where a stream has got to.
     */
    private record OutletB(
            String channel,
            String onlineSale,
            String onlineReceipt,
            String fulfillment,
            JsonNode fulfillmentJson,
            String customer,
            String customerEmail,
            String notification,
            String register,
            String registerName,
            String storeSale,
            String storeReceipt,
            String closedRegister,
            String period,
            String marker,
            JsonNode markerJson) {

        static OutletB create() {
            ApiClient admin = shop.admin;
            String register = shop.shop.openRegister(shop.outletB);
            String channel =
                    shop.shop.wooChannel(register, List.of(shop.outletB), Map.of(), true, "http://127.0.0.1:9");
            String email = Shop.unique("bea") + "@example.com";
            JsonNode online = shop.imported(
                    order().status("on-hold")
                            .paidWith("cod", "Cash on pickup", false)
                            .customer("Bea", "Only", email)
                            .line(shop.mug, 1, "10.00", "10.00", "0.00")
                            .totals("10.00", "0.00"),
                    channel);
            JsonNode fulfillment = shop.fulfillmentOf(online);
            assertThat(fulfillment.path("outlet_id").asText()).isEqualTo(shop.outletB);
            JsonNode store = shop.shop
                    .inStoreSale(shop.outletB, register, shop.mugProduct, 1)
                    .json();
            String closed = shop.shop.openRegister(shop.outletB);
            ApiClient.Response closure = admin.post("/api/v1/registers/" + closed + "/close", Map.of());
            assertThat(closure.status()).as(closure.text()).isEqualTo(200);
            String notification = ReturnsIT.await(
                    () -> {
                        for (JsonNode n :
                                admin.get("/api/v1/notifications").json().path("items")) {
                            if (n.path("sale_id")
                                    .asText()
                                    .equals(online.path("id").asText())) {
                                return n.path("id").asText();
                            }
                        }
                        return null;
                    },
                    "the notification of B's order");
            JsonNode marker = shop.fulfillmentOf(shop.imported(order().status("processing")
                    .paidWith("stripe", "Card", true)
                    .line(shop.tee, 1, "10.00", "10.00", "0.00")
                    .totals("10.00", "0.00")));
            // The store cannot be reached: its check fails in the background, and must have failed before the
            // "before" picture of B is taken, or that picture changes under the test.
            ReturnsIT.await(
                    () -> admin.get("/api/v1/channels/" + channel)
                                    .json()
                                    .path("connection")
                                    .path("status")
                                    .asText()
                                    .equals("pending")
                            ? null
                            : Boolean.TRUE,
                    "B's channel checked");
            return new OutletB(
                    channel,
                    online.path("id").asText(),
                    online.path("receipt_number").asText(),
                    fulfillment.path("id").asText(),
                    fulfillment,
                    online.path("customer").path("id").asText(),
                    email,
                    notification,
                    register,
                    admin.get("/api/v1/registers/" + register)
                            .json()
                            .path("name")
                            .asText(),
                    store.path("id").asText(),
                    store.path("receipt_number").asText(),
                    closed,
                    closure.json().path("period").path("id").asText(),
                    marker.path("id").asText(),
                    marker);
        }

        /** B's objects as the API shows them to the admin, for a before and after. */
        JsonNode state() {
            ApiClient admin = shop.admin;
            ObjectNode state = JsonNodeFactory.instance.objectNode();
            state.set(
                    "fulfillment",
                    admin.get("/api/v1/fulfillments/" + fulfillment).json());
            state.set("online", admin.get("/api/v1/sales/" + onlineSale).json());
            state.set("store", admin.get("/api/v1/sales/" + storeSale).json());
            state.set("register", admin.get("/api/v1/registers/" + register).json());
            state.set("closed", admin.get("/api/v1/registers/" + closedRegister).json());
            state.set("channel", admin.get("/api/v1/channels/" + channel).json());
            state.put("stock", shop.shop.stockLevel(shop.mugProduct, shop.outletB));
            return state;
        }
    }

    /** A web session over plain HTTP, signed in as a user (redirects followed, as a browser would). */
    private record Session(HttpClient http, String cookie) {
        static Session signIn(String email) {
            HttpClient http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            return new Session(http, "storeline_session=" + WebAppFixture.session(email));
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create(web.url(path)))
                            .header("Cookie", cookie)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create(web.url(path)))
                            .header("Cookie", cookie)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** The session's CSRF token, from a page's meta tag. */
        String csrf() throws Exception {
            Matcher meta = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">")
                    .matcher(get("/fulfillments").body());
            assertThat(meta.find()).isTrue();
            return meta.group(1);
        }

        EventLines events(String path) throws Exception {
            HttpResponse<Stream<String>> open = http.send(
                    HttpRequest.newBuilder(URI.create(web.url(path)))
                            .header("Cookie", cookie)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(open.statusCode()).isEqualTo(200);
            return new EventLines(open.body());
        }

        /** An event stream open as the session's user. */
        record EventLines(Stream<String> lines) implements AutoCloseable {
            /** What the stream sent until a line naming {@code text}, read on another thread, for up to 15 s. */
            String until(String text) throws Exception {
                StringBuilder seen = new StringBuilder();
                CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
                    Iterator<String> it = lines.iterator();
                    while (it.hasNext()) {
                        String line = it.next();
                        seen.append(line).append('\n');
                        if (line.contains(text)) {
                            return seen.toString();
                        }
                    }
                    return seen.toString();
                });
                return read.get(15, TimeUnit.SECONDS);
            }

            @Override
            public void close() {
                lines.close();
            }
        }
    }

    private static String outletName(String id) {
        return TestStoreline.admin()
                .get("/api/v1/outlets/" + id)
                .json()
                .path("name")
                .asText();
    }
}
