package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.storeline.core.user.ApiTokens;
import org.storeline.db.crypto.SecretBox;
import org.storeline.db.postgres.EmbeddedPostgresServer;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.ChannelSales;
import org.storeline.server.support.ServeProcess;
import org.storeline.server.support.Shop;
import org.storeline.server.support.WooCommerceOrders;

/**
 * Two {@code ./storeline serve} processes on one PostgreSQL share the work and hold none of their own: 1,000
 * orders' deliveries, a fifth of them delivered twice, are spread at random over both processes' webhook
 * endpoints; one process is killed with SIGKILL halfway. Deliveries it did not acknowledge are sent again to the
 * other, as a platform retries an unanswered webhook. Every order becomes exactly one sale, and no delivery is left
 * unprocessed: the survivor takes over what the dead process had claimed once its lease runs out.
 */
class SharedDatabaseIT {
    private static final int ORDERS = 1000;
    private static final int DUPLICATES = 200;

    // Kept when the test fails: both servers' logs are in it.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void twoProcessesOnOneDatabaseImportEveryOrderOnceThoughOneIsKilledInTheMiddle() throws Exception {
        try (EmbeddedPostgresServer postgres =
                EmbeddedPostgresServer.start(dir.resolve("postgres"), Map.of("fsync", "off"))) {
            String token = ApiTokens.newToken();
            Map<String, String> env = Map.of(
                    "STORELINE_ADMIN_TOKEN",
                    token,
                    "STORELINE_DB_USER",
                    "postgres",
                    "STORELINE_SECRET_KEY",
                    Base64.getEncoder().encodeToString(SecretBox.newKey()));
            try (ServeProcess first = serve("first", postgres, env);
                    ServeProcess second = serve("second", postgres, env)) {
                ApiClient a = new ApiClient(first.baseUrl(), token);
                ApiClient b = new ApiClient(second.baseUrl(), token);
                Shop shop = new Shop(a);
                String outlet = shop.outlet("Shared");
                String channel =
                        shop.wooChannel(shop.register(outlet), List.of(outlet), Map.of(), false, "http://127.0.0.1:9");
                String sku = Shop.unique("SHARED");
                String product = shop.productWithSku(sku, "3.00");
                shop.setStock(product, outlet, 5000);

                int retried = deliverAllKillingTheSecondHalfway(a, b, second, channel, sku);

                Set<String> orderIds = ChannelSales.awaitOrders(a, channel, ORDERS, Duration.ofMinutes(2));
                System.out.printf(
                        "shared database: %d deliveries sent again to the first process after the second was killed%n",
                        retried);
                assertThat(orderIds).hasSize(ORDERS);
                assertThat(a.get("/api/v1/products/" + product + "/stock/" + outlet)
                                .json()
                                .path("quantity")
                                .asLong())
                        .isEqualTo(5000 - ORDERS);
                assertThat(awaitUnprocessed(postgres.adminDataSource(), Duration.ofSeconds(60)))
                        .as("deliveries not done")
                        .isZero();
                assertThat(count(
                                postgres.adminDataSource(),
                                "select count(*) from webhook_delivery where status = 'failed'"))
                        .isZero();
            }
        }
    }

    private ServeProcess serve(String name, EmbeddedPostgresServer postgres, Map<String, String> env) throws Exception {
        ServeProcess process = ServeProcess.start(
                ServeProcess.freePort(),
                dir.resolve(name),
                dir.resolve(name + ".log"),
                env,
                "--db-url",
                postgres.jdbcUrl("postgres"),
                "--inbox-lease-seconds",
                "2");
        process.awaitHealthy(Duration.ofMinutes(2));
        return process;
    }

    /** Sends every delivery once, duplicates to the other process; answers how many were sent again after the kill. */
    private static int deliverAllKillingTheSecondHalfway(
            ApiClient a, ApiClient b, ServeProcess second, String channel, String sku) throws Exception {
        // The kill comes once half of the deliveries are acknowledged, while the second process is busy importing.
        Random random = new Random(20261205);
        List<Long> deliveries = new ArrayList<>();
        for (long i = 1; i <= ORDERS; i++) {
            deliveries.add(11_000_000 + i);
        }
        for (int i = 0; i < DUPLICATES; i++) {
            deliveries.add(11_000_000L + 1 + random.nextInt(ORDERS));
        }
        Collections.shuffle(deliveries, random);
        Map<Long, WooCommerceOrders> orders = new HashMap<>();
        AtomicInteger retried = new AtomicInteger();
        AtomicInteger acknowledged = new AtomicInteger();
        int half = deliveries.size() / 2;
        List<Future<Integer>> acks = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < deliveries.size(); i++) {
                WooCommerceOrders order = orders.computeIfAbsent(
                        deliveries.get(i),
                        id -> WooCommerceOrders.order(id)
                                .status("processing")
                                .line(sku, 1, "3.00", "3.00", "0.00")
                                .totals("3.00", "0.00"));
                ApiClient target = random.nextBoolean() ? a : b;
                acks.add(pool.submit(() -> {
                    int status = deliver(order, target, a, channel, retried);
                    if (acknowledged.incrementAndGet() == half) {
                        second.kill();
                    }
                    return status;
                }));
            }
            for (Future<Integer> ack : acks) {
                assertThat(ack.get()).isEqualTo(200);
            }
        }
        return retried.get();
    }

    /** What a platform does: a delivery that got no answer is sent again, here to the process still running. */
    private static int deliver(
            WooCommerceOrders order, ApiClient target, ApiClient survivor, String channel, AtomicInteger retried) {
        try {
            return order.deliver(target, channel, "order.created").status();
        } catch (RuntimeException noAnswer) {
            retried.incrementAndGet();
            return order.deliver(survivor, channel, "order.created").status();
        }
    }

    private static long awaitUnprocessed(DataSource db, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        long left;
        do {
            left = count(db, "select count(*) from webhook_delivery where status in ('pending', 'processing')");
            if (left == 0) {
                return 0;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        return left;
    }

    private static long count(DataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
