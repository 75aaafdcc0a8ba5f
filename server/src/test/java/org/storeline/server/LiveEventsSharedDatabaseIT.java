package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.storeline.core.user.ApiTokens;
import org.storeline.db.crypto.SecretBox;
import org.storeline.db.postgres.EmbeddedPostgresServer;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.EventStreamClient;
import org.storeline.server.support.EventStreamClient.Event;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;

/**
 * Two Storelines on one PostgreSQL, each with its own HTTP server, inbox worker and event reader, sharing nothing but
 * the database: an order delivered to either one's webhook appears on both one's and the other's event stream, and a
 * stream resumed on the other process gets what it missed on the first.
 */
class LiveEventsSharedDatabaseIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void aChangeMadeThroughEitherProcessReachesTheStreamsOfBoth() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(
                dir.resolve("postgres"), Map.of("fsync", "off", "synchronous_commit", "off"))) {
            String token = ApiTokens.newToken();
            byte[] key = SecretBox.newKey();
            try (Storeline first = Storeline.start(onDatabase(postgres, dir.resolve("first"), token, key));
                    Storeline second = Storeline.start(onDatabase(postgres, dir.resolve("second"), token, key))) {
                ApiClient one = new ApiClient("http://127.0.0.1:" + first.port(), token);
                ApiClient two = new ApiClient("http://127.0.0.1:" + second.port(), token);
                Shop shop = new Shop(one);
                String outlet = shop.outlet("Shared");
                String channel =
                        shop.wooChannel(shop.register(outlet), List.of(outlet), Map.of(), true, "http://127.0.0.1:9");
                String sku = Shop.unique("SHARED");
                shop.productWithSku(sku, "3.00");

                long resumeAfter;
                try (EventStreamClient onFirst = EventStreamClient.open(one, Optional.empty());
                        EventStreamClient onSecond = EventStreamClient.open(two, Optional.empty())) {
                    onFirst.awaitOpened(WAIT);
                    onSecond.awaitOpened(WAIT);

                    String throughFirst = sale(one, channel, deliver(one, channel, sku, 90_000_001L));
                    assertSaleArrives(onFirst, throughFirst);
                    assertSaleArrives(onSecond, throughFirst);

                    String throughSecond = sale(one, channel, deliver(two, channel, sku, 90_000_002L));
                    assertSaleArrives(onSecond, throughSecond);
                    assertSaleArrives(onFirst, throughSecond);
                    resumeAfter = onFirst.lastEventId();
                }
                // Missed on the first process, resumed on the second.
                String missed = sale(one, channel, deliver(one, channel, sku, 90_000_003L));
                try (EventStreamClient resumed = EventStreamClient.open(two, Optional.of(resumeAfter))) {
                    assertSaleArrives(resumed, missed);
                }
            }
        }
    }

    private static StorelineConfig onDatabase(EmbeddedPostgresServer postgres, Path dataDir, String token, byte[] key) {
        StorelineConfig local = TestStoreline.config(dataDir, token);
        return new StorelineConfig(
                local.host(),
                local.port(),
                local.dataDir(),
                Optional.of(postgres.jdbcUrl("postgres")),
                Optional.of("postgres"),
                Optional.empty(),
                local.adminToken(),
                local.postgresSettings(),
                key,
                List.of(),
                local.publicUrl(),
                local.reconcileEvery(),
                local.inboxLease(),
                local.inboxBatch(),
                local.processorTimeout(),
                local.refundRecheckEvery(),
                local.emailEvery(),
                local.emailRetryAfter(),
                local.syncTimeout(),
                local.syncRetention());
    }

    private static String deliver(ApiClient through, String channel, String sku, long orderId) {
        assertThat(WooCommerceOrders.order(orderId)
                        .status("processing")
                        .line(sku, 1, "3.00", "3.00", "0.00")
                        .totals("3.00", "0.00")
                        .deliver(through, channel, "order.created")
                        .status())
                .isEqualTo(200);
        return Long.toString(orderId);
    }

    private static String sale(ApiClient client, String channel, String orderId) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            JsonNode items = client.get("/api/v1/sales?channel_id=" + channel + "&external_order_id=" + orderId)
                    .json()
                    .path("items");
            if (items.size() == 1) {
                return items.get(0).path("id").asText();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("order " + orderId + " was not imported within " + WAIT);
    }

    private static void assertSaleArrives(EventStreamClient stream, String saleId) throws InterruptedException {
        List<Event> events = stream.take(2, WAIT);
        assertThat(events.stream().map(Event::type)).containsExactly("fulfillment", "notification");
        assertThat(events.get(0).data().path("sale_id").asText()).isEqualTo(saleId);
        assertThat(events.get(1).data().path("sale_id").asText()).isEqualTo(saleId);
    }
}
