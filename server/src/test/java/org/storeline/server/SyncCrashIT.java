package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.server.StockSyncIT.sleep;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.storeline.core.user.ApiTokens;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.ServeProcess;
import org.storeline.server.support.Shop;
import org.storeline.server.support.Stores;
import org.storeline.simulators.Fault;
import org.storeline.simulators.WooCommerceSimulator;

/**
 * A server process killed (SIGKILL) while it holds a claimed stock push, its request sent and unanswered: the change
 * is still delivered, by the process started again on the same database once the dead claim's lease has run out.
 */
class SyncCrashIT {
    private static final String BATCH = WooCommerceSimulator.PRODUCTS + "/batch";

    // Kept when the test fails: the server logs are in it.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    @Test
    void aStockPushInFlightWhenItsProcessIsKilledIsDeliveredAfterTheRestart() throws Exception {
        int port = ServeProcess.freePort();
        String token = ApiTokens.newToken();
        Map<String, String> env = Map.of("STORELINE_ADMIN_TOKEN", token);
        // A 2 s answer timeout: a dead process's claim (a lease of six times that) and its hold on the channel (seven
        // times) are taken over after 14 s.
        String[] args = {"--sync-timeout-seconds", "2"};
        try (WooCommerceSimulator store = Stores.wooCommerce()) {
            String sku = Shop.unique("KILLED");
            Stores.listed(store, sku);
            String product;
            String outlet;
            Instant killed;
            try (ServeProcess first = ServeProcess.start(port, dataDir, dataDir.resolve("first.log"), env, args)) {
                first.awaitHealthy(Duration.ofMinutes(2));
                ApiClient admin = new ApiClient(first.baseUrl(), token);
                Shop shop = new Shop(admin);
                outlet = shop.outlet("Killed");
                shop.wooChannel(shop.register(outlet), List.of(outlet), Map.of(), store);
                product = shop.productWithSku(sku, "3.00");
                shop.setStock(product, outlet, 5);
                awaitStock(store, sku, 5, Duration.ofSeconds(20));
                // The store takes the next push and says nothing for a while: the process is killed meanwhile.
                Fault hang = store.lay(Fault.failing(BATCH, 503).onlyFor("POST").after(Duration.ofMillis(1_800)));
                int before = store.arrivals("POST", BATCH);

                shop.setStock(product, outlet, 3);
                awaitRequest(store, before + 1);
                first.kill();
                killed = Instant.now();
                store.heal(hang);
            }
            assertThat(store.stock(sku))
                    .as("nothing was delivered before the kill")
                    .contains(5L);

            try (ServeProcess second = ServeProcess.start(port, dataDir, dataDir.resolve("second.log"), env, args)) {
                Duration startup = second.awaitHealthy(Duration.ofMinutes(1));

                awaitStock(store, sku, 3, Duration.ofSeconds(60));
                System.out.printf(
                        "sync crash: the killed push was delivered %d ms after the kill (the restart took %d ms)%n",
                        Duration.between(killed, Instant.now()).toMillis(), startup.toMillis());
                assertThat(store.levelsWritten(sku)).containsExactly(5L, 3L);
                ApiClient admin = new ApiClient(second.baseUrl(), token);
                assertThat(new Shop(admin).stockLevel(product, outlet)).isEqualTo(3);
            }
        }
    }

    private static void awaitRequest(WooCommerceSimulator store, int count) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (store.arrivals("POST", BATCH) < count) {
            assertThat(Instant.now()).as("the push to reach the store").isBefore(deadline);
            sleep(Duration.ofMillis(5));
        }
    }

    private static void awaitStock(WooCommerceSimulator store, String sku, long level, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (!store.stock(sku).map(s -> s == level).orElse(false)) {
            assertThat(Instant.now())
                    .as("the store's stock to be " + level + " (it is " + store.stock(sku) + ")")
                    .isBefore(deadline);
            sleep(Duration.ofMillis(50));
        }
    }
}
