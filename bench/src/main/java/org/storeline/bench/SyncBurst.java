package org.storeline.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.storeline.core.sync.RateBudget;
import org.storeline.simulators.Call;

/**
 * Stock changes sent through the API as fast as it takes them, and what reached one simulated store of them: a few
 * client threads, each with its own kept-alive connection and its own share of the products (so a product's changes are
 * committed in the order they were sent, and its last level is known); then, per platform, the requests and levels
 * that arrived, whether every level at the store is Storeline's, and when the last one arrived.
 */
final class SyncBurst {
    private SyncBurst() {}

    /** When the changes started, when the last one was answered, and the answers that were not 200. */
    record Sent(long startedAt, long lastAnsweredAt, int count, int errors, String firstError) {
        double seconds() {
            return (lastAnsweredAt - startedAt) / 1e9;
        }
    }

    /** Sends change {@code j} (product {@code products[j]} set to {@code levels[j]}) for every j. */
    static Sent send(String baseUrl, String token, SyncShop shop, int[] products, long[] levels, int threads)
            throws InterruptedException {
        AtomicLong lastAnswer = new AtomicLong(Long.MIN_VALUE);
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>("");
        List<Thread> clients = new ArrayList<>();
        long startedAt = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int share = t;
            clients.add(Thread.ofPlatform().name("sync-bench-client-" + t).start(() -> {
                BenchClient client = new BenchClient(baseUrl, token);
                try {
                    for (int j = 0; j < products.length; j++) {
                        if (products[j] % threads == share) {
                            BenchClient.Answer answer = client.send(shop.setStock(products[j], levels[j]));
                            lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                            if (answer.status() != 200 && errors.getAndIncrement() == 0) {
                                firstError.set(answer.status() + " " + answer.text());
                            }
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet("", e.toString());
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        return new Sent(startedAt, lastAnswer.get(), products.length, errors.get(), firstError.get());
    }

    /** Each product's last level in the changes (by number; -1 for a product they leave alone). */
    static long[] finalLevels(int productCount, int[] products, long[] levels) {
        long[] last = new long[productCount + 1];
        Arrays.fill(last, -1);
        for (int j = 0; j < products.length; j++) {
            last[products[j]] = levels[j];
        }
        return last;
    }

    /** Waits until the store shows every expected level; answers whether it did within {@code wait}. */
    static boolean converge(SyncStore fake, long[] expected, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        int next = 1;
        while (next < expected.length) {
            if (expected[next] < 0 || fake.level(next) == expected[next]) {
                next++;
            } else if (System.nanoTime() > deadline) {
                return false;
            } else {
                Thread.sleep(5);
            }
        }
        return true;
    }

    /**
     * What reached one store from {@code since} on: requests with levels, the levels they carried, look-ups, the most
     * levels one product got (beyond the counts {@code before}), and when the last product's level last changed.
     */
    record Received(int writes, long levels, int lookups, int mostOfOneProduct, long lastChangeAt) {}

    static Received received(SyncStore fake, long since, int[] before, long[] expected) {
        int[] after = fake.writeCounts(before.length - 1);
        int most = 0;
        for (int p = 1; p < after.length; p++) {
            most = Math.max(most, after[p] - before[p]);
        }
        int writes = 0;
        long levels = 0;
        int lookups = 0;
        for (Call request : fake.requests()) {
            if (request.arrivedNanos() - since >= 0) {
                if (request.levels() > 0) {
                    writes++;
                    levels += request.levels();
                } else {
                    lookups++;
                }
            }
        }
        long last = since;
        for (int p = 1; p < expected.length; p++) {
            if (expected[p] >= 0 && fake.changedAt(p) - last > 0) {
                last = fake.changedAt(p);
            }
        }
        return new Received(writes, levels, lookups, most, last);
    }

    /** The tasks of the channel still in the outbox (pending, in flight, unknown or refused). */
    static long backlog(DataSource db, String channel) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from sync_task where channel_id = ?")) {
            ps.setObject(1, UUID.fromString(channel));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Waits (at most {@code wait}) until the channel's outbox is empty; answers what is left. */
    static long drain(DataSource db, String channel, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        long left = backlog(db, channel);
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            left = backlog(db, channel);
        }
        return left;
    }

    /** The products whose level at the store is not Storeline's (on-hand at the outlet, read from the database). */
    static int differing(DataSource db, SyncShop shop, SyncStore fake) throws Exception {
        Map<String, Long> onHand = new HashMap<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select product_id, quantity from stock_level where outlet_id = ?")) {
            ps.setObject(1, UUID.fromString(shop.outlet));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    onHand.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        int differing = 0;
        for (int p = 1; p < shop.products.length; p++) {
            if (fake.level(p) != Math.max(0, onHand.getOrDefault(shop.products[p], 0L))) {
                differing++;
            }
        }
        return differing;
    }

    /** The requests from {@code since} on, against each window of the budget: the most in any stretch of its length. */
    record BudgetUse(List<String> windows, boolean withinEveryWindow) {}

    /**
     * The most requests the store received in any stretch of each window's length ({@code [t, t + P)}, as
     * Storeline's limiter counts), and whether that is within every window. Every request counts, look-ups included.
     */
    static BudgetUse budgetUse(SyncStore fake, RateBudget budget, long since) {
        List<Long> times = fake.requests().stream()
                .map(Call::arrivedNanos)
                .filter(at -> at - since >= 0)
                .sorted()
                .toList();
        List<String> windows = new ArrayList<>();
        boolean within = true;
        for (RateBudget.Window window : budget.windows()) {
            long length = window.per().toNanos();
            int most = 0;
            int from = 0;
            for (int to = 0; to < times.size(); to++) {
                while (times.get(to) - times.get(from) >= length) {
                    from++;
                }
                most = Math.max(most, to - from + 1);
            }
            within &= most <= window.requests();
            windows.add(String.format("%d in %s (budget %d)", most, human(window.per()), window.requests()));
        }
        return new BudgetUse(windows, within);
    }

    static String human(Duration d) {
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() + " d";
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return d.toHours() + " h";
        }
        if (d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes()))) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() + " s";
    }
}
