package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.storeline.server.browser.Browser;
import org.storeline.server.browser.FulfillmentsPage;
import org.storeline.server.browser.LoginPage;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.ServeProcess;

/**
 * {@code ./storeline demo} as a newcomer starts it, with customers in a hurry and reconciliation every few seconds:
 * orders of all five simulated stores become sales and open fulfillments within 90 s; once one sale of each store is
 * packed and shipped (or picked up) through the API, its store shows the order completed in its own words, and every
 * store's stock equals the shop's for every product. A browser signed in with the printed admin login sees Fulfillments
 * fill live.
 */
class DemoIT {
    private static final String TOKEN = "demo-it-admin-token-0123456789";
    private static final List<String> PLATFORMS =
            List.of("shopify", "woocommerce", "bigcommerce", "ecwid", "lightspeed_ecom");
    /** What each platform shows for an order fulfilled here: shipped (or, for a pickup, collected). */
    private static final Map<String, List<String>> COMPLETED = Map.of(
            "shopify", List.of("/ fulfilled"),
            "woocommerce", List.of("completed"),
            "bigcommerce", List.of("Shipped (2)", "Completed (10)"),
            "ecwid", List.of("/ SHIPPED", "/ DELIVERED"),
            "lightspeed_ecom", List.of("completed_shipped", "completed_picked_up"));

    @Test
    void ordersOfAllFiveStoresBecomeSalesAndWhatShipsHereShowsCompletedThereWithTheSameStock() throws Exception {
        Path dataDir = Files.createTempDirectory("storeline-demo-it");
        Path log = Path.of("target", "demo-it.log").toAbsolutePath();
        int port = ServeProcess.freePort();
        try (ServeProcess demo = ServeProcess.start(
                "demo",
                port,
                dataDir,
                log,
                Map.of("STORELINE_ADMIN_TOKEN", TOKEN),
                "--orders-per-minute",
                "30",
                "--reconcile-seconds",
                "5",
                "--offline-seconds",
                "20")) {
            demo.awaitHealthy(Duration.ofMinutes(3));
            long started = System.nanoTime();
            ApiClient api = new ApiClient(demo.baseUrl(), TOKEN);
            Map<String, String> channels = await(Duration.ofSeconds(30), () -> channels(api), "five demo channels");

            await(
                    Duration.ofSeconds(90).minusNanos(System.nanoTime() - started),
                    () -> PLATFORMS.stream().allMatch(p -> hasSaleAndOpenFulfillment(api, channels.get(p)))
                            ? Optional.of(true)
                            : Optional.empty(),
                    "a sale and an open fulfillment from each of the five stores");
            assertThat(PLATFORMS.stream()
                            .map(p -> p + ": "
                                    + api.get("/api/v1/channels/" + channels.get(p))
                                            .json()
                                            .path("connection")
                                            .path("status")
                                            .asText())
                            .toList())
                    .as("every demo channel connected to its store, webhooks registered")
                    .allMatch(line -> line.endsWith(": connected"));
            theFulfillmentsPageFillsLiveForTheLoginTheDemoPrinted(demo, log, api);

            Map<String, JsonNode> shipped = new LinkedHashMap<>();
            for (String platform : PLATFORMS) {
                JsonNode sale = await(
                        Duration.ofSeconds(90),
                        () -> paidSale(api, demo, platform, channels.get(platform)),
                        "a paid " + platform + " sale");
                shipped.put(platform, sale);
            }
            post(api, "/demo/orders/pause");
            for (JsonNode sale : shipped.values()) {
                fulfil(api, sale);
            }

            for (Map.Entry<String, JsonNode> entry : shipped.entrySet()) {
                String platform = entry.getKey();
                String orderId = entry.getValue().path("external_order_id").asText();
                await(
                        Duration.ofSeconds(60),
                        () -> storeStatus(api, platform, orderId)
                                .filter(status ->
                                        COMPLETED.get(platform).stream().anyMatch(status::contains)),
                        platform + " showing order " + orderId + " completed");
            }
            Map<String, String> productIds = productIds(api);
            List<String> differences = new ArrayList<>();
            await(
                    Duration.ofSeconds(120),
                    () -> {
                        differences.clear();
                        differences.addAll(stockDifferences(api, productIds));
                        return differences.isEmpty() ? Optional.of(true) : Optional.empty();
                    },
                    "every store's stock equal to the shop's (still different: " + differences + ")");

            aStoreOfflineForAWhileLosesNothing(api, channels.get("woocommerce"), productIds);
        }
    }

    /**
     * A newcomer signs in with the admin login the demo printed and watches Fulfillments: new orders appear without a
     * reload. With {@code -Dstoreline.screenshots=DIR}, the stores' page and the staff app are shot side by side.
     */
    private static void theFulfillmentsPageFillsLiveForTheLoginTheDemoPrinted(
            ServeProcess demo, Path log, ApiClient api) throws Exception {
        Browser.requireAvailable();
        Matcher printed =
                Pattern.compile("(?m)^\\s+(\\S+@\\S+)\\s+/\\s+(\\S+)\\s+admin,").matcher(Files.readString(log));
        assertThat(printed.find()).as("the admin login in the demo's output").isTrue();
        ChromeDriver driver = Browser.fresh();
        FulfillmentsPage page = LoginPage.open(driver, demo.baseUrl()).signIn(printed.group(1), printed.group(2));
        // The board is redrawn as orders arrive: a row read may be gone by then, so it is read again.
        List<String> before = Browser.waitUpTo(Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> page.receipts());
        for (int i = 0; i < 6; i++) {
            for (String platform : List.of("shopify", "woocommerce")) {
                post(api, "/demo/stores/" + platform + "/order");
            }
        }
        Browser.waitUpTo(Duration.ofSeconds(60))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> page.receipts().stream().anyMatch(r -> !before.contains(r)));
        assertThat(driver.getCurrentUrl())
                .as("no reload: still the page signed in to")
                .contains("/fulfillments");
        String shots = System.getProperty("storeline.screenshots");
        if (shots != null && !shots.isBlank()) {
            Path dir = Path.of(shots).toAbsolutePath();
            Files.createDirectories(dir);
            Files.write(dir.resolve("demo-fulfillments-desktop.png"), driver.getScreenshotAs(OutputType.BYTES));
            driver.get(demo.baseUrl() + "/demo");
            Files.write(dir.resolve("demo-stores-desktop.png"), driver.getScreenshotAs(OutputType.BYTES));
        }
        assertThat(Browser.consoleErrors()).isEmpty();
    }

    /**
     * While WooCommerce is offline its customers still check out (their webhooks wait) and the shop's stock changes
     * (an order of another store): the channel's health shows the change waiting; once the store is back, its orders
     * are all sales and its stock is the shop's.
     */
    private static void aStoreOfflineForAWhileLosesNothing(
            ApiClient api, String channel, Map<String, String> productIds) throws InterruptedException {
        post(api, "/demo/stores/woocommerce/offline");
        post(api, "/demo/stores/woocommerce/order");
        post(api, "/demo/stores/woocommerce/order");
        post(api, "/demo/stores/shopify/order");
        await(
                Duration.ofSeconds(20),
                () -> api.get("/api/v1/channels/" + channel + "/health")
                                        .json()
                                        .path("outbox_depth")
                                        .asLong()
                                > 0
                        ? Optional.of(true)
                        : Optional.empty(),
                "WooCommerce's health showing changes waiting while it is offline");
        await(
                Duration.ofSeconds(90),
                () -> {
                    Set<String> sales = new HashSet<>();
                    api.get("/api/v1/sales?channel_id=" + channel + "&limit=500")
                            .json()
                            .path("items")
                            .forEach(sale ->
                                    sales.add(sale.path("external_order_id").asText()));
                    for (JsonNode store : stores(api)) {
                        if (store.path("platform").asText().equals("woocommerce")) {
                            for (JsonNode order : store.path("orders")) {
                                if (!sales.contains(order.path("id").asText())) {
                                    return Optional.empty();
                                }
                            }
                        }
                    }
                    return Optional.of(true);
                },
                "every WooCommerce order a sale once the store is back");
        List<String> differences = new ArrayList<>();
        await(
                Duration.ofSeconds(90),
                () -> {
                    differences.clear();
                    differences.addAll(stockDifferences(api, productIds));
                    return differences.isEmpty() ? Optional.of(true) : Optional.empty();
                },
                "the stores' stock equal to the shop's after the outage (still different: " + differences + ")");
    }

    private static Map<String, String> productIds(ApiClient api) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode product : api.get("/api/v1/products?limit=500").json().path("items")) {
            if (product.path("sku").asText().startsWith("SL-")) {
                ids.put(product.path("sku").asText(), product.path("id").asText());
            }
        }
        assertThat(ids).hasSize(60);
        return ids;
    }

    private static List<String> stockDifferences(ApiClient api, Map<String, String> productIds) {
        Map<String, Long> ours = new LinkedHashMap<>();
        productIds.forEach((sku, id) -> {
            long sum = 0;
            for (JsonNode level :
                    api.get("/api/v1/products/" + id + "/stock").json().path("items")) {
                sum += level.path("quantity").asLong();
            }
            ours.put(sku, Math.max(0, sum));
        });
        List<String> differences = new ArrayList<>();
        for (JsonNode store : stores(api)) {
            for (JsonNode product : store.path("products")) {
                long theirs = product.path("stock").asLong();
                Long here = ours.get(product.path("sku").asText());
                if (here == null || here != theirs) {
                    differences.add(store.path("platform").asText() + " "
                            + product.path("sku").asText() + ": " + theirs + " there, " + here + " here");
                }
            }
        }
        return differences;
    }

    private static Optional<Map<String, String>> channels(ApiClient api) {
        Map<String, String> channels = new LinkedHashMap<>();
        for (JsonNode channel : api.get("/api/v1/channels").json().path("items")) {
            channels.put(channel.path("platform").asText(), channel.path("id").asText());
        }
        return channels.keySet().containsAll(PLATFORMS) ? Optional.of(channels) : Optional.empty();
    }

    private static boolean hasSaleAndOpenFulfillment(ApiClient api, String channel) {
        boolean sale = !api.get("/api/v1/sales?channel_id=" + channel)
                .json()
                .path("items")
                .isEmpty();
        boolean fulfillment = !api.get("/api/v1/fulfillments?channel_id=" + channel)
                .json()
                .path("items")
                .isEmpty();
        return sale && fulfillment;
    }

    /** A paid sale of the channel whose fulfillments are all still open; asks its store for another order if none. */
    private static Optional<JsonNode> paidSale(ApiClient api, ServeProcess demo, String platform, String channel) {
        for (JsonNode sale : api.get("/api/v1/sales?channel_id=" + channel + "&limit=100")
                .json()
                .path("items")) {
            if (!sale.path("payment_status").asText().equals("paid")
                    || sale.path("fulfillment_ids").isEmpty()) {
                continue;
            }
            boolean open = true;
            for (JsonNode id : sale.path("fulfillment_ids")) {
                String status = api.get("/api/v1/fulfillments/" + id.asText())
                        .json()
                        .path("status")
                        .asText();
                open &= Set.of("new", "in_progress").contains(status);
            }
            if (open) {
                return Optional.of(sale);
            }
        }
        post(api, "/demo/stores/" + platform + "/order");
        return Optional.empty();
    }

    /** Packs every fulfillment of the sale, then ships it with tracking (a delivery) or hands it over (a pickup). */
    private static void fulfil(ApiClient api, JsonNode sale) {
        for (JsonNode id : sale.path("fulfillment_ids")) {
            String path = "/api/v1/fulfillments/" + id.asText();
            assertThat(api.post(path + "/pack", Map.of()).status()).isEqualTo(200);
            String type = api.get(path).json().path("type").asText();
            ApiClient.Response done = type.equals("pickup")
                    ? api.post(path + "/pickup", Map.of())
                    : api.post(
                            path + "/ship",
                            Map.of(
                                    "tracking",
                                    Map.of("number", "3SDEMO" + id.asText().substring(0, 6), "company", "bpost")));
            assertThat(done.status()).as(done.text()).isEqualTo(200);
        }
    }

    private static Optional<String> storeStatus(ApiClient api, String platform, String orderId) {
        for (JsonNode store : stores(api)) {
            if (store.path("platform").asText().equals(platform)) {
                for (JsonNode order : store.path("orders")) {
                    if (order.path("id").asText().equals(orderId)) {
                        return Optional.of(order.path("status").asText());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static JsonNode stores(ApiClient api) {
        ApiClient.Response answer = api.undocumented().get("/demo/stores.json");
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private static void post(ApiClient api, String path) {
        ApiClient.Response answer = api.undocumented()
                .send(api.request(path).header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(answer.status()).as(path + ": " + answer.text()).isEqualTo(200);
    }

    private static <T> T await(Duration limit, Supplier<Optional<T>> check, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, limit.toNanos());
        while (true) {
            Optional<T> found = check.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No " + what + " within " + limit.toSeconds() + " s");
            }
            Thread.sleep(1000);
        }
    }
}
