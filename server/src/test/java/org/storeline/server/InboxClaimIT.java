package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storeline.core.channel.StoredDelivery;
import org.storeline.core.ids.Ids;
import org.storeline.core.user.ApiTokens;
import org.storeline.db.channel.JooqWebhookInbox;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/**
 * Workers claim stored deliveries with {@code FOR UPDATE SKIP LOCKED} and a lease: several of them (several
 * server processes) share the inbox without ever taking the same delivery, and a delivery whose worker died is
 * taken over once its lease has run out. The deliveries here become due in 2100 and are claimed with clocks
 * set then, so that the server's own worker, on today's clock, never touches them; the server is one of its
 * own, so that no other test's deliveries are due either.
 */
class InboxClaimIT {
    private static final Instant DUE = Instant.parse("2100-01-01T00:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    @TempDir
    static Path dataDir;

    private static Storeline storeline;
    private static JooqWebhookInbox inbox;
    private static UUID channel;

    @BeforeAll
    static void start() {
        String token = ApiTokens.newToken();
        storeline = Storeline.start(TestStoreline.config(dataDir, token));
        inbox = storeline.wiring().inbox;
        Shop shop = new Shop(new ApiClient("http://127.0.0.1:" + storeline.port(), token));
        String outlet = shop.outlet("Claims");
        channel = UUID.fromString(
                shop.wooChannel(shop.register(outlet), List.of(outlet), Map.of(), false, "http://127.0.0.1:9"));
    }

    @AfterAll
    static void stop() {
        storeline.close();
    }

    @Test
    void workersClaimingAtTheSameTimeNeverTakeTheSameDeliveryAndTogetherTakeThemAll() throws Exception {
        Set<UUID> stored = storeDue(300);
        Instant now = DUE.plusSeconds(1);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<UUID>>> workers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (int w = 0; w < 6; w++) {
                workers.add(pool.submit(() -> {
                    go.await();
                    List<UUID> mine = new ArrayList<>();
                    List<StoredDelivery> batch;
                    while (!(batch = inbox.claim(7, LEASE, now)).isEmpty()) {
                        batch.forEach(d -> mine.add(d.id()));
                    }
                    return mine;
                }));
            }
            go.countDown();
            List<UUID> claimed = new ArrayList<>();
            for (Future<List<UUID>> worker : workers) {
                claimed.addAll(worker.get());
            }
            assertThat(claimed).doesNotHaveDuplicates();
            assertThat(new HashSet<>(claimed)).isEqualTo(stored);
        }
    }

    @Test
    void aClaimedDeliveryIsLeftAloneWhileItsLeaseRunsAndTakenOverOnceItHasRunOut() {
        UUID id = storeDue(1).iterator().next();
        Instant claimedAt = DUE.plusSeconds(1);

        assertThat(inbox.claim(500, LEASE, claimedAt))
                .extracting(StoredDelivery::id)
                .contains(id);
        assertThat(inbox.claim(500, LEASE, claimedAt.plus(LEASE).minusSeconds(1)))
                .extracting(StoredDelivery::id)
                .doesNotContain(id);
        assertThat(inbox.claim(500, LEASE, claimedAt.plus(LEASE).plusSeconds(1)))
                .filteredOn(d -> d.id().equals(id))
                .singleElement()
                .satisfies(taken -> assertThat(taken.attempts()).isEqualTo(2));
    }

    private static Set<UUID> storeDue(int count) {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            StoredDelivery delivery = new StoredDelivery(
                    Ids.newId(),
                    channel,
                    DUE,
                    Map.of("x-wc-webhook-topic", "order.created"),
                    Map.of(),
                    "{}".getBytes(StandardCharsets.UTF_8),
                    0);
            inbox.store(delivery);
            ids.add(delivery.id());
        }
        return ids;
    }
}
