package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.storeline.server.support.ChannelSales;
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
        try (ServeProcess first =
                ServeProcess.start(port, dataDir, dataDir.resolve("first.log"), env, "--inbox-lease-seconds", "2")) {
            first.awaitHealthy(Duration.ofMinutes(2));
            ApiClient admin = new ApiClient(first.baseUrl(), token);
            Shop shop = new Shop(admin);
            outlet = shop.outlet("Crash");
            channel = shop.wooChannel(shop.register(outlet), List.of(outlet), Map.of(), false, "http://127.0.0.1:9");
            String sku = Shop.unique("CRASH");
            product = shop.productWithSku(sku, "3.00");
            shop.setStock(product, outlet, 1000);

            deliverAll(admin, channel, sku);
            importedBeforeKill = ChannelSales.all(admin, channel).size();
            first.kill();
        }

        try (ServeProcess second =
                ServeProcess.start(port, dataDir, dataDir.resolve("second.log"), env, "--inbox-lease-seconds", "2")) {
            second.awaitHealthy(Duration.ofMinutes(1));
            ApiClient admin = new ApiClient(second.baseUrl(), token);
            Set<String> orderIds = ChannelSales.awaitOrders(admin, channel, ORDERS, Duration.ofSeconds(90));

            System.out.printf(
                    "crash: %d of %d orders were sales when the server was killed%n", importedBeforeKill, ORDERS);
            assertThat(orderIds).hasSize(ORDERS);
            assertThat(admin.get("/api/v1/products/" + product + "/stock/" + outlet)
                            .json()
                            .path("quantity")
                            .asLong())
                    .isEqualTo(1000 - ORDERS);
        }
    }

    private static void deliverAll(ApiClient admin, String channel, String sku) throws Exception {
        List<Future<Integer>> acks = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 1; i <= ORDERS; i++) {
                WooCommerceOrders order = WooCommerceOrders.order(9_000_000 + i)
                        .status("processing")
                        .line(sku, 1, "3.00", "3.00", "0.00")
                        .totals("3.00", "0.00");
                acks.add(pool.submit(
                        () -> order.deliver(admin, channel, "order.created").status()));
            }
            for (Future<Integer> ack : acks) {
                assertThat(ack.get()).isEqualTo(200);
            }
        }
    }
}
