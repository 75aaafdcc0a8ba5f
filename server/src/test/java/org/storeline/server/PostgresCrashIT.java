package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.storeline.core.user.ApiTokens;
import org.storeline.db.crypto.SecretBox;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.ChannelSales;
import org.storeline.server.support.Shop;
import org.storeline.server.support.WooCommerceOrders;

/**
 * Acknowledged deliveries survive PostgreSQL stopping abruptly. The webhook route acknowledges a delivery only
 * once its row is committed synchronously. Here PostgreSQL's WAL writer is slowed to 10 s and the import worker
 * is paused, so nothing but the commits themselves writes the WAL after the acknowledgements; then PostgreSQL is
 * stopped in immediate mode (SIGQUIT to the postmaster), which throws away the WAL still in its buffers. A
 * commit that did not wait for the WAL (synchronous_commit = off) loses its rows here; ours are all found on
 * the next start, and every order becomes a sale exactly once.
 */
class PostgresCrashIT {
    private static final int ORDERS = 40;

    // Kept when the test fails, with PostgreSQL's log in it.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    @Test
    void everyDeliveryAcknowledgedBeforePostgresqlStopsInImmediateModeIsStillThereAfterwardsAndImportedOnce()
            throws Exception {
        String token = ApiTokens.newToken();
        byte[] key = SecretBox.newKey();
        String channel;
        String product;
        String outlet;
        Storeline first = Storeline.start(config(token, key));
        try {
            ApiClient admin = new ApiClient("http://127.0.0.1:" + first.port(), token);
            Shop shop = new Shop(admin);
            outlet = shop.outlet("Crash of PostgreSQL");
            channel = shop.wooChannel(shop.register(outlet), List.of(outlet), Map.of(), false, "http://127.0.0.1:9");
            String sku = Shop.unique("PGCRASH");
            product = shop.productWithSku(sku, "3.00");
            shop.setStock(product, outlet, 1000);
            first.inboxWorker().pause();

            for (int i = 1; i <= ORDERS; i++) {
                WooCommerceOrders order = WooCommerceOrders.order(7_000_000 + i)
                        .status("processing")
                        .line(sku, 1, "3.00", "3.00", "0.00")
                        .totals("3.00", "0.00");
                assertThat(order.deliver(admin, channel, "order.created").status())
                        .isEqualTo(200);
            }
            stopPostgresImmediately();
        } finally {
            closeAfterTheCrash(first);
        }

        Storeline second = Storeline.start(config(token, key));
        try {
            ApiClient admin = new ApiClient("http://127.0.0.1:" + second.port(), token);
            Set<String> orderIds = ChannelSales.awaitOrders(admin, channel, ORDERS, Duration.ofSeconds(60));
            assertThat(orderIds).hasSize(ORDERS);
            assertThat(admin.get("/api/v1/products/" + product + "/stock/" + outlet)
                            .json()
                            .path("quantity")
                            .asLong())
                    .isEqualTo(1000 - ORDERS);
        } finally {
            second.close();
        }
    }

    /** Durable settings but for fsync (the OS cache survives a PostgreSQL crash), and a WAL writer that waits 10 s. */
    private StorelineConfig config(String token, byte[] key) {
        return StorelineConfig.inProcess(dataDir, token, Map.of("fsync", "off", "wal_writer_delay", "10000ms"), key);
    }

    private void stopPostgresImmediately() throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                .get(0)
                .trim());
        Process kill = new ProcessBuilder("kill", "-QUIT", String.valueOf(pid))
                .inheritIO()
                .start();
        assertThat(kill.waitFor()).isZero();
        ProcessHandle.of(pid).ifPresent(postmaster -> postmaster.onExit().join());
    }

    /** Stops what is left of the first run; the pool and the embedded server complain that PostgreSQL is gone. */
    private static void closeAfterTheCrash(Storeline storeline) {
        try {
            storeline.close();
        } catch (RuntimeException expected) {
            System.out.println("postgres crash: closing after the crash: " + expected.getMessage());
        }
    }
}
