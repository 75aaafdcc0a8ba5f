package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.storeline.core.event.LiveEvents;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Role;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.EventStreamClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;
import org.storeline.server.support.WooCommerceOrders;
import org.storeline.web.event.EventHub;

/**
 * A process serves {@link EventHub#MAX_STREAMS} streams and refuses the next one with 503 too_many_streams; one order
 * reaches all of them through the process's one reader. Prints how long it took, and what the alternative (every
 * stream asking the outbox itself every second) would cost the database.
 */
class EventFanOutIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);

    @Test
    void aProcessServesItsMostStreamsRefusesTheNextAndReachesThemAllWithOneReader() throws Exception {
        String outlet = shop.outlet("Fan-out");
        String channel = shop.wooChannel(shop.register(outlet), List.of(outlet), Map.of(), true, "http://127.0.0.1:9");
        String sku = Shop.unique("FAN");
        shop.productWithSku(sku, "3.00");
        ApiClient staff = admin.as(shop.staffToken(outlet));
        EventHub hub = TestStoreline.instance().wiring().eventHub();
        awaitOpenStreams(hub, 0);

        List<EventStreamClient> streams = Collections.synchronizedList(new ArrayList<>());
        try {
            openAll(staff, EventHub.MAX_STREAMS, streams);
            assertThat(hub.openStreams()).isEqualTo(EventHub.MAX_STREAMS);
            ApiClient.Response refused = EventStreamClient.refused(staff, Optional.empty());
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.errorCode()).isEqualTo("too_many_streams");

            long sent = System.nanoTime();
            assertThat(WooCommerceOrders.order(95_000_000L + System.currentTimeMillis() % 1_000_000L)
                            .status("processing")
                            .line(sku, 1, "3.00", "3.00", "0.00")
                            .totals("3.00", "0.00")
                            .deliver(admin, channel, "order.created")
                            .status())
                    .isEqualTo(200);
            List<Long> arrivals = arrivals(streams, sent);
            Collections.sort(arrivals);
            System.out.printf(
                    "event fan-out: one order, from its delivery (import included), reached %d streams: the first after"
                            + " %.0f ms, the median %.0f ms, the last %.0f ms%n",
                    arrivals.size(),
                    arrivals.getFirst() / 1e6,
                    arrivals.get(arrivals.size() / 2) / 1e6,
                    arrivals.getLast() / 1e6);
        } finally {
            streams.forEach(EventStreamClient::close);
        }
        // A closed connection is noticed at the stream's next write (a heartbeat at most 15 s later), or the one after
        // (the first write after the client's FIN may still be accepted by the socket): up to 60 s under load.
        awaitOpenStreams(hub, 0);
        perStreamPollingCost(outlet);
    }

    private static void openAll(ApiClient staff, int count, List<EventStreamClient> streams) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            List<Future<?>> opened = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                opened.add(pool.submit(() -> {
                    EventStreamClient stream = EventStreamClient.open(staff, Optional.empty(), false);
                    streams.add(stream);
                    stream.awaitOpened(WAIT);
                    return null;
                }));
            }
            for (Future<?> f : opened) {
                f.get(2, TimeUnit.MINUTES);
            }
        }
    }

    /** Each stream's wait for the order's fulfillment and notification, from the delivery. */
    private static List<Long> arrivals(List<EventStreamClient> streams, long sent) throws Exception {
        List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService waiting = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (EventStreamClient stream : streams) {
                all.add(waiting.submit(() -> {
                    List<EventStreamClient.Event> events = stream.take(2, WAIT);
                    assertThat(events.stream().map(EventStreamClient.Event::type))
                            .containsExactly("fulfillment", "notification");
                    arrivals.add(events.get(1).receivedNanos() - sent);
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get(2, TimeUnit.MINUTES);
            }
        }
        return arrivals;
    }

    private static void awaitOpenStreams(EventHub hub, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (hub.openStreams() != expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(hub.openStreams()).isEqualTo(expected);
    }

    /** The query a stream polling for itself would send every second, nothing new to find: timed. */
    private static void perStreamPollingCost(String outlet) {
        LiveEvents live = TestStoreline.instance().wiring().liveEvents();
        Actor staff = new Actor(UUID.randomUUID(), "poller", Role.STAFF, Set.of(UUID.fromString(outlet)));
        long head = live.head();
        int rounds = 2_000;
        for (int i = 0; i < 200; i++) {
            live.visibleAfter(staff, head, 500);
        }
        long started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            live.visibleAfter(staff, live.head(), 500);
        }
        double millis = (System.nanoTime() - started) / 1e6 / rounds;
        System.out.printf(
                "event fan-out: an idle stream polling the outbox itself costs %.2f ms a second (head + query);"
                        + " %d streams: %.0f ms of database time every second, against one reader's %.2f ms%n",
                millis, EventHub.MAX_STREAMS, millis * EventHub.MAX_STREAMS, millis);
    }
}
