package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.browser.WebAppFixture.PASSWORD;
import static org.storeline.server.browser.WebAppFixture.userNamed;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.storeline.server.browser.BackOffice;
import org.storeline.server.browser.Browser;
import org.storeline.server.browser.ClosureReportPage;
import org.storeline.server.browser.CustomerPage;
import org.storeline.server.browser.FulfillmentDrawer;
import org.storeline.server.browser.FulfillmentPage;
import org.storeline.server.browser.FulfillmentsPage;
import org.storeline.server.browser.LoginPage;
import org.storeline.server.browser.ProductPage;
import org.storeline.server.browser.RegisterPage;
import org.storeline.server.browser.SalePage;
import org.storeline.server.browser.SalesPage;
import org.storeline.server.browser.ScannerPage;
import org.storeline.server.browser.TopBar;
import org.storeline.server.browser.WebAppFixture;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;

/**
 * The screenshots in docs/screenshots (linked from the README), taken from a shop that looks like one: run on demand
 * with {@code -Dstoreline.screenshots=docs/screenshots}, skipped otherwise. Look at them before committing them.
 */
@EnabledIfSystemProperty(named = "storeline.screenshots", matches = ".+")
class WebAppScreenshotsIT {
    @RegisterExtension
    static final WebAppFixture web = new WebAppFixture();

    private static final AtomicLong ORDER_IDS =
            new AtomicLong(System.currentTimeMillis() % 1_000_000_000L + 40_000_000);
    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);

    @Test
    void signInFulfillmentsTheDrawerAndTheScannerOnADesktopAndAPhone(ChromeDriver driver) throws Exception {
        String outlet = admin.post(
                        "/api/v1/outlets",
                        Map.of("name", "Gent Veldstraat", "time_zone", "Europe/Brussels", "language", "nl"))
                .id();
        String register = shop.openRegister(outlet);
        String channel = shop.wooChannel(register, List.of(outlet), Map.of(), true, "http://127.0.0.1:9");
        String tee = Shop.unique("TEE");
        String teeBarcode = Shop.unique("871");
        product(tee, "Organic cotton T-shirt", teeBarcode, outlet);
        String mug = Shop.unique("MUG");
        product(mug, "Stoneware mug", Shop.unique("872"), outlet);
        order(channel, "Ada", "Lovelace", "stripe", "Credit card", true, tee, 2, mug, 1);
        JsonNode unpaid = order(channel, "Émile", "Verhaeren", "bacs", "Direct bank transfer", false, mug, 3, null, 0);
        JsonNode picking = order(channel, "Sofie", "Peeters", "stripe", "Credit card", true, tee, 3, null, 0);
        order(channel, "Jan", "De Smet", "cod", "Cash on delivery", false, tee, 1, mug, 2);
        String picked = fulfillment(picking);
        assertThat(admin.post("/api/v1/fulfillments/" + picked + "/scans", Map.of("barcode", teeBarcode))
                        .status())
                .isEqualTo(200);
        String email = userNamed("Sam Claes", "staff", outlet);

        onADesktopAndAPhone(driver, (shots, phone) -> {
            LoginPage login = LoginPage.open(driver, web.base());
            shots.take("login");
            login.signIn(email, PASSWORD);
            shots.take("fulfillments");
            if (phone) {
                TopBar.of(driver).openMenu();
                shots.take("menu");
            }
            driver.get(web.url("/fulfillments/" + fulfillment(unpaid)));
            FulfillmentPage.at(driver);
            shots.take("fulfillment");
            if (phone) {
                ScannerPage.open(driver, web.base());
                shots.take("scanner");
                driver.get(web.url("/scanner/" + picked));
                ScannerPage.at(driver).scan(teeBarcode);
                shots.take("scanner-picking");
            } else {
                FulfillmentsPage.open(driver, web.url("/fulfillments"));
                FulfillmentDrawer.open(driver, unpaid.path("receipt_number").asText());
                shots.take("fulfillment-drawer");
            }
        });
    }

    @Test
    void registersCatalogAndCustomersOnADesktopAndAPhone(ChromeDriver driver) throws Exception {
        String outlet = admin.post(
                        "/api/v1/outlets",
                        Map.of("name", "Antwerpen Meir", "time_zone", "Europe/Brussels", "language", "nl"))
                .id();
        String cash = admin.post("/api/v1/payment-types", Map.of("name", "Cash", "kind", "cash"))
                .id();
        String card = admin.post("/api/v1/payment-types", Map.of("name", "Card terminal", "kind", "card"))
                .id();
        String counter = admin.post("/api/v1/registers", Map.of("outlet_id", outlet, "name", "Counter 1"))
                .id();
        String back = admin.post("/api/v1/registers", Map.of("outlet_id", outlet, "name", "Back office till"))
                .id();
        String scarf = Shop.unique("SCARF");
        String scarfId = productId(scarf, "Merino wool scarf", Shop.unique("874"), "39.00");
        product(Shop.unique("TEE"), "Organic cotton T-shirt", Shop.unique("871"), outlet);
        product(Shop.unique("MUG"), "Stoneware mug", Shop.unique("872"), outlet);
        shop.setStock(scarfId, outlet, 8);
        String customer = admin.post(
                        "/api/v1/customers",
                        Map.of("name", "Lieve Janssens", "email", Shop.unique("lieve") + "@example.com"))
                .id();
        assertThat(admin.post("/api/v1/registers/" + counter + "/open", Map.of("opening_float", "150.00"))
                        .status())
                .isEqualTo(201);
        sale(outlet, counter, scarfId, 2, customer, cash, "94.38");
        sale(outlet, counter, scarfId, 1, customer, card, "47.19");
        JsonNode closure = admin.post("/api/v1/registers/" + counter + "/close", Map.of("counted_cash", "242.00"))
                .json();
        assertThat(admin.post("/api/v1/registers/" + counter + "/open", Map.of("opening_float", "150.00"))
                        .status())
                .isEqualTo(201);
        sale(outlet, counter, scarfId, 7, customer, cash, "330.33");
        String email = userNamed("An Peeters", "manager", outlet);
        String report = "/registers/" + counter + "/closures/"
                + closure.path("period").path("id").asText();
        onADesktopAndAPhone(driver, (shots, phone) -> {
            web.signInWithTheForm(email);
            driver.get(web.url("/registers"));
            BackOffice.at(driver);
            shots.take("registers");
            driver.get(web.url("/registers/" + back));
            RegisterPage.at(driver);
            shots.take("register");
            driver.get(web.url(report));
            ClosureReportPage.at(driver);
            shots.take("closure-report");
            driver.get(web.url("/products"));
            BackOffice.at(driver);
            shots.take("products");
            driver.get(web.url("/products/" + scarfId + "?outlet=" + outlet));
            ProductPage.at(driver);
            shots.take("product");
            driver.get(web.url("/customers/" + customer));
            CustomerPage.at(driver);
            shots.take("customer");
        });
    }

    @Test
    void theOwnersScreensOnADesktopAndAPhone(ChromeDriver driver) throws Exception {
        String outlet = admin.post(
                        "/api/v1/outlets",
                        Map.of("name", "Antwerpen Meir", "time_zone", "Europe/Brussels", "language", "nl"))
                .id();
        String register = shop.openRegister(outlet);
        // A store that cannot be reached: its registration fails, and the activity shows a failed entry to retry.
        String channel = shop.wooChannel(register, List.of(outlet), Map.of(), true, "http://127.0.0.1:9");
        String tee = Shop.unique("TEE");
        product(tee, "Organic cotton T-shirt", Shop.unique("873"), outlet);
        String mug = Shop.unique("MUG");
        product(mug, "Stoneware mug", Shop.unique("874"), outlet);
        order(channel, "Ada", "Lovelace", "stripe", "Credit card", true, tee, 2, mug, 1);
        order(channel, "Jan", "De Smet", "bacs", "Direct bank transfer", false, mug, 3, null, 0);
        String email = userNamed("Marie Peeters", "admin");
        onADesktopAndAPhone(driver, (shots, phone) -> {
            web.signInWithTheForm(email);
            driver.get(web.url("/channels"));
            shots.take("channels");
            driver.get(web.url("/channels/" + channel));
            shots.take("channel");
            driver.get(web.url("/channels/new?platform=woocommerce"));
            shots.take("channel-connect");
            driver.get(web.url("/reports/product-sales?outlet_id=" + outlet));
            shots.take("reports");
            driver.get(web.url("/users"));
            shots.take("users");
        });
    }

    @Test
    void salesHistoryASaleAndApplyPaymentOnADesktopAndAPhone(ChromeDriver driver) throws Exception {
        String outlet = admin.post(
                        "/api/v1/outlets",
                        Map.of("name", "Brugge Steenstraat", "time_zone", "Europe/Brussels", "language", "nl"))
                .id();
        String register = shop.openRegister(outlet);
        String channel = shop.wooChannel(register, List.of(outlet), Map.of(), true, "http://127.0.0.1:9");
        String tee = Shop.unique("TEE");
        product(tee, "Organic cotton T-shirt", Shop.unique("871"), outlet);
        String mug = Shop.unique("MUG");
        product(mug, "Stoneware mug", Shop.unique("872"), outlet);
        order(channel, "Ada", "Lovelace", "stripe", "Credit card", true, tee, 2, mug, 1);
        order(channel, "Jan", "De Smet", "cod", "Cash on delivery", false, tee, 1, mug, 2);
        order(channel, "Sofie", "Peeters", "stripe", "Credit card", true, tee, 3, null, 0);
        JsonNode unpaid = order(channel, "Émile", "Verhaeren", "bacs", "Direct bank transfer", false, mug, 3, tee, 1);
        shop.paymentType("bank_deposit");
        String email = userNamed("Lies Janssens", "staff", outlet);
        onADesktopAndAPhone(driver, (shots, phone) -> {
            web.signInWithTheForm(email);
            SalesPage.open(driver, web.url("/sales"));
            shots.take("sales");
            driver.get(web.url("/sales/" + unpaid.path("id").asText()));
            SalePage page = SalePage.at(driver);
            shots.take("sale");
            page.openPayment();
            shots.take("sale-payment");
        });
    }

    private void sale(
            String outlet, String register, String product, int quantity, String customer, String type, String paid) {
        ApiClient.Response sale = admin.post(
                "/api/v1/sales",
                Map.of(
                        "outlet_id",
                        outlet,
                        "register_id",
                        register,
                        "customer_id",
                        customer,
                        "lines",
                        List.of(Map.of("product_id", product, "quantity", quantity)),
                        "payments",
                        List.of(Map.of("payment_type_id", type, "amount", paid))));
        assertThat(sale.status()).as(sale.text()).isEqualTo(201);
    }

    private String productId(String sku, String name, String barcode, String price) {
        ApiClient.Response product = admin.post(
                "/api/v1/products",
                Map.of(
                        "sku",
                        sku,
                        "name",
                        name,
                        "price",
                        price,
                        "currency",
                        "EUR",
                        "tax_rate",
                        "0.21",
                        "barcodes",
                        List.of(barcode)));
        assertThat(product.status()).as(product.text()).isEqualTo(201);
        return product.id();
    }

    /** A tour's camera: {@code take("sales")} saves the browser's window as sales-desktop.png or sales-phone.png. */
    private interface Shots {
        void take(String screen) throws IOException;
    }

    /** A walk through some screens (signing in first), shooting each; told whether the window is a phone's. */
    private interface Tour {
        void walk(Shots shots, boolean phone) throws Exception;
    }

    /**
     * Walks the tour on a desktop and then again on a phone, signed out before each, into the directory named by
     * {@code storeline.screenshots}; the console stays clean throughout.
     */
    private static void onADesktopAndAPhone(ChromeDriver driver, Tour tour) throws Exception {
        Path dir = Path.of(System.getProperty("storeline.screenshots")).toAbsolutePath();
        Files.createDirectories(dir);
        for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
            String name = size.equals(Browser.PHONE) ? "phone" : "desktop";
            driver.manage().deleteAllCookies();
            driver.manage().window().setSize(size);
            Shots shots = screen ->
                    Files.write(dir.resolve(screen + "-" + name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            tour.walk(shots, size.equals(Browser.PHONE));
        }
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    private void product(String sku, String name, String barcode, String outlet) {
        ApiClient.Response product = admin.post(
                "/api/v1/products",
                Map.of(
                        "sku",
                        sku,
                        "name",
                        name,
                        "price",
                        "10.00",
                        "currency",
                        "EUR",
                        "tax_rate",
                        "0",
                        "barcodes",
                        List.of(barcode)));
        assertThat(product.status()).as(product.text()).isEqualTo(201);
        shop.setStock(product.id(), outlet, 50);
    }

    private JsonNode order(
            String channel,
            String first,
            String last,
            String method,
            String title,
            boolean paid,
            String sku,
            int quantity,
            String otherSku,
            int otherQuantity) {
        long id = ORDER_IDS.incrementAndGet();
        WooCommerceOrders order = WooCommerceOrders.order(id)
                .status(paid ? "processing" : "on-hold")
                .paidWith(method, title, paid)
                .customer(first, last, Shop.unique("c") + "@example.com")
                .line(sku, quantity, quantity * 10 + ".00", quantity * 10 + ".00", "0.00");
        int total = quantity * 10;
        if (otherSku != null) {
            order.line(otherSku, otherQuantity, otherQuantity * 10 + ".00", otherQuantity * 10 + ".00", "0.00");
            total += otherQuantity * 10;
        }
        order.totals(total + ".00", "0.00");
        assertThat(order.deliver(admin, channel, "order.created").status()).isEqualTo(200);
        return ReturnsIT.await(
                () -> {
                    JsonNode items = admin.get("/api/v1/sales?channel_id=" + channel + "&external_order_id=" + id)
                            .json()
                            .path("items");
                    return items.isEmpty() ? null : items.get(0);
                },
                "order " + id);
    }

    private String fulfillment(JsonNode sale) {
        return admin.get("/api/v1/fulfillments?sale_id=" + sale.path("id").asText())
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asText();
    }
}
