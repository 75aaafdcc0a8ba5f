package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.storeline.core.user.ApiTokens;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.ServeProcess;
import org.storeline.server.support.Shop;
import org.storeline.server.support.WooCommerceOrders;

/**
 * A crash between storing deliveries and importing them loses nothing and duplicates nothing: the server
 * process is killed (SIGKILL) right after acknowledging a burst of orders, while its worker is busy with
 * them; after a restart every order is a sale exactly once.
 */
class CrashRecoveryIT {
    private static final int ORDERS = 300;

    // Kept when the test fails: the server logs are in it.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    @Test
    void ordersAcknowledgedBeforeAKillAreEachImportedExactlyOnceAfterARestart() throws Exception {
        int port = ServeProcess.freePort();
        String token = ApiTokens.newToken();
        Map<String, String> env = Map.of("STORELINE_ADMIN_TOKEN", token);
        String channel;
        String product;
        String outlet;
        int importedBeforeKill;
        try (ServeProcess first = ServeProcess.start(port, dataDir, dataDir.resolve("first.log"), env, "--inbox-lease-seconds", "2")) {
            first.awaitHealthy(Duration.ofMinutes(2));
            ApiClient admin = new ApiClient(first.baseUrl(), token);
            Shop shop = new Shop(admin);
            outlet = shop.outlet("Crash");
            channel = shop.wooChannel(shop.register(outlet), List.of(outlet), Map.of(), false, "http://127.0.0.1:9");
            String sku = Shop.unique("CRASH");
            product = shop.productWithSku(sku, "3.00");
            shop.setStock(product, outlet, 1000);

            deliverAll(admin, channel, sku);
            importedBeforeKill = countSales(admin, channel);
            first.kill();
        }

        try (ServeProcess second = ServeProcess.start(port, dataDir, dataDir.resolve("second.log"), env, "--inbox-lease-seconds", "2")) {
            second.awaitHealthy(Duration.ofMinutes(1));
            ApiClient admin = new ApiClient(second.baseUrl(), token);
            awaitSales(admin, channel, ORDERS);

            System.out.printf("crash: %d of %d orders were sales when the server was killed%n", importedBeforeKill, ORDERS);
            Set<String> orderIds = new HashSet<>();
            for (JsonNode sale : allSales(admin, channel)) {
                assertThat(orderIds.add(sale.path("external_order_id").asText())).as("one sale per order").isTrue();
            }
            assertThat(orderIds).hasSize(ORDERS);
            assertThat(admin.get("/api/v1/products/" + product + "/stock/" + outlet).json().path("quantity").asLong()).isEqualTo(1000 - ORDERS);
        }
    }

    private static void deliverAll(ApiClient admin, String channel, String sku) throws Exception {
        List<Future<Integer>> acks = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 1; i <= ORDERS; i++) {
                WooCommerceOrders order = WooCommerceOrders.order(9_000_000 + i).status("processing").line(sku, 1, "3.00", "3.00", "0.00")
                        .totals("3.00", "0.00");
                acks.add(pool.submit(() -> order.deliver(admin, channel, "order.created").status()));
            }
            for (Future<Integer> ack : acks) {
                assertThat(ack.get()).isEqualTo(200);
            }
        }
    }

    private static int countSales(ApiClient admin, String channel) {
        return allSales(admin, channel).size();
    }

    private static List<JsonNode> allSales(ApiClient admin, String channel) {
        List<JsonNode> sales = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = admin.get("/api/v1/sales?limit=500&channel_id=" + channel + (cursor.isEmpty() ? "" : "&cursor=" + cursor)).json();
            page.path("items").forEach(sales::add);
            cursor = page.path("next_cursor").isNull() ? "" : page.path("next_cursor").asText();
        } while (!cursor.isEmpty());
        return sales;
    }

    private static void awaitSales(ApiClient admin, String channel, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (allSales(admin, channel).size() >= expected) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Only " + allSales(admin, channel).size() + " of " + expected + " orders became sales");
    }
}
