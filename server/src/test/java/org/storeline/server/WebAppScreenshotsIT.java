package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.storeline.server.browser.Browser;
import org.storeline.server.browser.FulfillmentDrawer;
import org.storeline.server.browser.FulfillmentPage;
import org.storeline.server.browser.FulfillmentsPage;
import org.storeline.server.browser.LoginPage;
import org.storeline.server.browser.ScannerPage;
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
    private static final AtomicLong ORDER_IDS =
            new AtomicLong(System.currentTimeMillis() % 1_000_000_000L + 40_000_000);
    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);

    @Test
    void signInFulfillmentsTheDrawerAndTheScannerOnADesktopAndAPhone() throws Exception {
        Path dir = Path.of(System.getProperty("storeline.screenshots")).toAbsolutePath();
        Files.createDirectories(dir);
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
        String email = Shop.unique("sam") + "@example.com";
        assertThat(admin.post(
                                "/api/v1/users",
                                Map.of(
                                        "name",
                                        "Sam Claes",
                                        "email",
                                        email,
                                        "password",
                                        "a long enough password",
                                        "role",
                                        "staff",
                                        "outlet_ids",
                                        List.of(outlet)))
                        .status())
                .isEqualTo(201);
        ChromeDriver driver = Browser.fresh();
        String base = admin.baseUrl();

        for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
            String name = size.equals(Browser.PHONE) ? "phone" : "desktop";
            driver.manage().deleteAllCookies();
            driver.manage().window().setSize(size);
            LoginPage login = LoginPage.open(driver, base);
            shoot(driver, dir.resolve("login-" + name + ".png"));
            login.signIn(email, "a long enough password");
            shoot(driver, dir.resolve("fulfillments-" + name + ".png"));
            driver.get(base + "/fulfillments/" + fulfillment(unpaid));
            FulfillmentPage.at(driver);
            shoot(driver, dir.resolve("fulfillment-" + name + ".png"));
            if (size.equals(Browser.DESKTOP)) {
                FulfillmentsPage.open(driver, base + "/fulfillments");
                FulfillmentDrawer.open(driver, unpaid.path("receipt_number").asText());
                shoot(driver, dir.resolve("fulfillment-drawer-desktop.png"));
            } else {
                ScannerPage.open(driver, base);
                shoot(driver, dir.resolve("scanner-phone.png"));
                driver.get(base + "/scanner/" + picked);
                ScannerPage scanner = ScannerPage.at(driver);
                scanner.scan(teeBarcode);
                shoot(driver, dir.resolve("scanner-picking-phone.png"));
            }
        }
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    private static void shoot(ChromeDriver driver, Path file) throws Exception {
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
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
